import { api, query } from '../../api.ts';
import type { Instrument } from '../../components/burden/types.ts';
import type { AuditItem, List, OutboxMail, Paged, UserItem } from '../../types.ts';

/** Query keys of the platform-administration pages. */
export const adminKeys = {
  outbox: (page: number) => ['outbox', page] as const,
  users: (q: string, page: number) => ['admin-users', q, page] as const,
  audit: (filter: AuditFilter, page: number) => ['audit', filter.userId, filter.clientId, filter.action, page] as const,
  /** Under `['burden']`, so an import also refreshes the burden pages' instrument lists. */
  instruments: ['burden', 'instruments', 'admin'] as const,
};

export interface AuditFilter {
  userId: string;
  clientId: string;
  action: string;
}

/** The platform-administration API (mail outbox, users, access log, questionnaire import). */
export const adminApi = {
  outbox: (page: number, pageSize: number) => api.get<Paged<OutboxMail>>(`/api/admin/outbox${query({ page, pageSize })}`),
  users: (q: string, page: number, pageSize: number) => api.get<Paged<UserItem>>(`/api/admin/users${query({ q, page, pageSize })}`),
  audit: (filter: AuditFilter, page: number, pageSize: number) => api.get<Paged<AuditItem>>(`/api/audit${query({ page, pageSize, userId: filter.userId, clientId: filter.clientId, action: filter.action })}`),
  instruments: () => api.get<List<Instrument>>('/api/burden/instruments'),
  importInstrument: (questionnaire: unknown) => api.post<{ key: string; version: string; current: boolean }>('/api/admin/burden/instruments', { questionnaire }),
};
