import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, query } from './api.ts';
import type { z } from 'zod';
import { STAFF_ROLES } from '../common/codes.ts';
import { ROUTES } from '../common/paths.ts';
import type { EmailInput, LoginInput, RegisterInput } from '../common/schemas.ts';
import { referenceKeys } from './components/reference/api.ts';
import type { List, Me, RecoveryCodes, Role, Session, TotpSetup } from './types.ts';

export const ME_KEY = ['me'] as const;

/** The login page, coming back to `back` (a path in this app) afterwards. */
export const loginPath = (back?: string | null) => `${ROUTES.login}${query({ terug: back })}`;

/** The logging-in calls: the shell, the public pages and the login page. */
export const authApi = {
  me: () => api.get<Me>('/api/me'),
  /** Saves the account's language (the answer is the person again). */
  setLocale: (locale: Me['locale']) => api.patch<Me>('/api/me', { locale }),
  /** Logging in; without `totp` the server may answer `totp_required` (the answer is the person, as GET /api/me). */
  login: (body: z.output<typeof LoginInput>) => api.post<Me>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  register: (body: z.output<typeof RegisterInput>) => api.post<{ message: string }>('/api/auth/register', body),
  resendVerification: (body: z.output<typeof EmailInput>) => api.post<unknown>('/api/auth/resend-verification', body),
  verifyEmail: (token: string) => api.post<unknown>('/api/auth/verify-email', { token }),
  forgotPassword: (body: z.output<typeof EmailInput>) => api.post<unknown>('/api/auth/password/forgot', body),
  resetPassword: (body: { token: string; password: string }) => api.post<unknown>('/api/auth/password/reset', body),
};

/** Query keys of the account page. */
export const accountKeys = {
  sessions: ['sessions'] as const,
};

/** The calls of the account page and the two-step set-up (the logged-in person's own account). */
export const accountApi = {
  update: (body: { displayName: string; locale: Me['locale'] }) => api.patch<Me>('/api/me', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<unknown>('/api/me/password', body),
  sessions: () => api.get<List<Session>>('/api/me/sessions'),
  endSession: (sessionId: string) => api.delete(`/api/me/sessions/${sessionId}`),
  /** Starts (or restarts) setting up two-step login. */
  totpSetup: () => api.post<TotpSetup>('/api/me/totp/setup'),
  totpEnable: (code: string) => api.post<RecoveryCodes>('/api/me/totp/enable', { code }),
  totpDisable: (code: string) => api.post<unknown>('/api/me/totp/disable', { code }),
  recoveryCodes: (code: string) => api.post<RecoveryCodes>('/api/me/totp/recovery-codes', { code }),
};

/** The logged-in person, or null when nobody is logged in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await authApi.me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Forgets everything about the previous person (after logout or an ended session). */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== referenceKeys.all[0] });
  queryClient.setQueryData(ME_KEY, null);
}

export const isStaff = (me: Me): boolean => me.memberships.some((m) => STAFF_ROLES.includes(m.role));

/** Organisations where the person may manage staff (the platform admin may everywhere). */
export const adminOrganisations = (me: Me) => {
  const seen = new Map<string, { organisationId: string; organisationName: string }>();
  for (const m of me.memberships) if (m.role === 'org_admin') seen.set(m.organisationId, m);
  return [...seen.values()];
};

export const canManageStaff = (me: Me, organisationId: string): boolean =>
  me.isPlatformAdmin || me.memberships.some((m) => m.organisationId === organisationId && m.role === 'org_admin');

/** The distinct organisations the person belongs to, with all their roles there. */
export function organisationsOf(me: Me): { organisationId: string; organisationName: string; organisationKind: string; roles: Role[] }[] {
  const byId = new Map<string, { organisationId: string; organisationName: string; organisationKind: string; roles: Role[] }>();
  for (const m of me.memberships) {
    const entry = byId.get(m.organisationId) ?? { organisationId: m.organisationId, organisationName: m.organisationName, organisationKind: m.organisationKind, roles: [] };
    entry.roles.push(m.role);
    byId.set(m.organisationId, entry);
  }
  return [...byId.values()];
}

/** Only paths inside this app are allowed as "return to" targets (no open redirect). */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
