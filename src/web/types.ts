import type { z } from 'zod';
import type { Me, MembershipRole, OrganisationKind, OrganisationSchema, Sector } from '../common/schemas.ts';

/** Shapes of API answers, as the web app uses them. */
export type { Me };
export type Role = z.infer<typeof MembershipRole>;
export type Kind = z.infer<typeof OrganisationKind>;
export type SectorCode = z.infer<typeof Sector>;
export type Organisation = z.infer<typeof OrganisationSchema>;

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Municipality {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: string;
  jobTitle: string | null;
  since: string;
  twoFactor: boolean;
}

export interface Invitation {
  id: string;
  email: string;
  role: string;
  jobTitle: string | null;
  status: 'open' | 'accepted' | 'revoked' | 'expired';
  expiresAt: string;
  createdAt: string;
}

export interface InvitationPreview {
  organisationName: string;
  role: Role;
  email: string;
  accountExists: boolean;
  expiresAt: string;
}

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface UserItem {
  id: string;
  email: string;
  displayName: string;
  personas: string[];
  isPlatformAdmin: boolean;
  emailVerified: boolean;
  twoFactor: boolean;
  createdAt: string;
}

export interface AuditItem {
  id: number;
  occurredAt: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  clientId: string | null;
  userId: string | null;
  userDisplay: string | null;
  onBehalfOfUserId: string | null;
  organisationId: string | null;
  accessPoint: string | null;
  sourceSystem: string;
  outcome: string;
  emergency: boolean;
}
