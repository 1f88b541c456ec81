import type { z } from 'zod';
import type { ConsentSchema } from '../../../common/circle-schemas.ts';

/**
 * Shapes of the circle API answers the web app uses. Where the answer schema is shared
 * (src/common) the type is inferred from it; the others are written out here because their
 * schema lives only on the server (src/server/modules/circles, circle-invitations).
 */
export interface CircleListItem {
  clientId: string;
  givenName: string;
  familyName: string;
  municipalityName: string;
  isClient: boolean;
  memberKind: string | null;
  isMainCaregiver: boolean;
  memberCount: number;
}

/** A consent decision (the server's answer schema is shared: ConsentSchema). */
export type Consent = z.infer<typeof ConsentSchema>;

export interface CircleInvitation {
  id: string;
  memberId: string | null;
  memberName: string | null;
  forOrganisation: boolean;
  email: string | null;
  status: 'open' | 'accepted' | 'revoked' | 'expired';
  expiresAt: string;
  createdAt: string;
  createdBy: string | null;
}

export interface IssuedCode {
  id: string;
  code: string;
  expiresAt: string;
}

export interface CircleInvitationPreview {
  clientGivenName: string;
  invitedBy: string | null;
  forOrganisation: boolean;
  memberName: string | null;
  expiresAt: string;
}

export interface Note {
  id: string;
  body: string;
  author: string | null;
  createdAt: string;
}

export interface AccessLogLine {
  occurredAt: string;
  action: string;
  resourceType: string;
  user: string | null;
  organisation: string | null;
  sourceSystem: string;
  outcome: string;
}

/** The invitation code kept on this device while someone logs in or makes an account. */
const CODE_STORAGE = 'mantelkring.circleCode';

export function rememberCircleCode(code: string): void {
  try {
    window.localStorage.setItem(CODE_STORAGE, code);
  } catch {
    // Storage off: the link in the mail still works.
  }
}

export function pendingCircleCode(): string | null {
  try {
    return window.localStorage.getItem(CODE_STORAGE);
  } catch {
    return null;
  }
}

export function forgetCircleCode(): void {
  try {
    window.localStorage.removeItem(CODE_STORAGE);
  } catch {
    // Nothing to forget.
  }
}

/** "abcd efgh" → "ABCD-EFGH" (the server accepts any spelling; this is for showing). */
export function normaliseCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : code.trim();
}
