import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { api } from '../../api.ts';

/** Shapes of the circle API answers the web app uses (see src/server/modules/circles/routes.ts). */
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

export interface Consent {
  id: string;
  memberId: string | null;
  memberName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  decision: 'permit' | 'deny';
  accessLevel: 'agenda' | 'full' | 'manage' | null;
  validUntil: string | null;
  decidedAs: 'client' | 'representative' | 'main_caregiver';
  recordedBy: string | null;
  createdAt: string;
  current: boolean;
}

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

export const circleKey = (clientId: string) => ['circle', clientId] as const;
export const CIRCLES_KEY = ['circles'] as const;

export function useCircle(clientId: string) {
  return useQuery({ queryKey: circleKey(clientId), queryFn: () => api.get<Circle>(`/api/circles/${clientId}`) });
}

export function useMyCircles() {
  return useQuery({ queryKey: CIRCLES_KEY, queryFn: () => api.get<{ items: CircleListItem[] }>('/api/circles') });
}

/** After a change: the circle, its sub-lists and the list of circles load again. */
export function refreshCircle(queryClient: QueryClient, clientId: string): Promise<void> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: circleKey(clientId) }), queryClient.invalidateQueries({ queryKey: CIRCLES_KEY })]).then(() => undefined);
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
