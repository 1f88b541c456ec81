import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api, query, request } from '../../api.ts';
import type { Circle } from '../../../common/circle-schemas.ts';
import type { List, Me, Paged } from '../../types.ts';
import { SIGNAL_ROLES, type Answer, type Check, type CircleBurden, type Instrument, type MyBurden, type Schedule, type Signal, type SignalDetail, type SignalStatus, type Trend } from './types.ts';

/** Addresses of the burden pages in the web app. The reminder mails link to `overview`. */
export const burdenPaths = {
  overview: (clientId: string) => fillRoute(ROUTES.circleBurden, { clientId }),
  choose: (clientId: string, instrument?: string) => `${fillRoute(ROUTES.chooseCheck, { clientId })}${query({ vragenlijst: instrument })}`,
  /** A professional takes the check with a caregiver; `mantelscanId` makes it step 3 of that MantelScan. */
  conversation: (clientId: string, opts: { memberId?: string; mantelscanId?: string; back?: string } = {}) =>
    `${fillRoute(ROUTES.conversationCheck, { clientId })}${query({ mantelzorger: opts.memberId, mantelscanId: opts.mantelscanId, terug: opts.back })}`,
  check: (clientId: string, memberId: string, checkId: string, back?: string | null) => `${fillRoute(ROUTES.check, { clientId, memberId, checkId })}${query({ terug: back })}`,
  trend: (clientId: string, memberId: string) => fillRoute(ROUTES.trend, { clientId, memberId }),
  signals: (organisationId: string) => fillRoute(ROUTES.signals, { id: organisationId }),
  signal: (organisationId: string, signalId: string) => fillRoute(ROUTES.signal, { id: organisationId, signalId }),
};

export const burdenKeys = {
  all: ['burden'] as const,
  me: ['burden', 'me'] as const,
  instruments: ['burden', 'instruments'] as const,
  instrument: (key: string, version: string) => ['burden', 'instruments', key, version] as const,
  circle: (clientId: string) => ['burden', 'circle', clientId] as const,
  circleInfo: (clientId: string) => ['burden', 'circle-info', clientId] as const,
  /** The MantelScan a conversation check belongs to (its caregiver). */
  scan: (clientId: string, scanId: string | null) => ['burden', 'scan', clientId, scanId] as const,
  check: (clientId: string, memberId: string, checkId: string) => ['burden', 'check', clientId, memberId, checkId] as const,
  trend: (clientId: string, memberId: string) => ['burden', 'trend', clientId, memberId] as const,
  schedules: (clientId: string, memberId: string) => ['burden', 'schedules', clientId, memberId] as const,
  /** Prefix of every signal list and signal of an organisation. */
  signals: (organisationId: string) => ['burden', 'signals', organisationId] as const,
  signalList: (organisationId: string, filter: Omit<SignalFilter, 'page' | 'pageSize'>, page: number) => ['burden', 'signals', organisationId, filter, page] as const,
  /** The count of signals waiting for follow-up, on the home page. */
  signalCount: (organisationId: string) => ['burden', 'signals', organisationId, 'home'] as const,
  signal: (organisationId: string, signalId: string) => ['burden', 'signals', organisationId, signalId] as const,
};

const member = (clientId: string, memberId: string) => `/api/circles/${clientId}/members/${memberId}`;
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);

export interface SignalFilter {
  statuses: SignalStatus[];
  escalated: boolean;
  mine: boolean;
  page: number;
  pageSize: number;
}

/** The burden API, one function per call. */
export const burdenApi = {
  me: () => api.get<MyBurden>('/api/burden/me'),
  instruments: () => api.get<List<Instrument>>('/api/burden/instruments'),
  instrument: (key: string, version?: string) => api.get<Instrument>(`/api/burden/instruments/${encodeURIComponent(key)}${query({ version })}`),
  circle: (clientId: string) => api.get<CircleBurden>(`/api/circles/${clientId}/burden`),
  circleInfo: (clientId: string) => api.get<Circle>(`/api/circles/${clientId}`),
  scan: (clientId: string, scanId: string) => api.get<{ id: string; caregiverMemberId: string | null; caregiverName: string | null }>(`/api/circles/${clientId}/scans/${scanId}`),
  start: (clientId: string, memberId: string, instrument: string, mantelscanId?: string | null) =>
    api.post<Check>(`${member(clientId, memberId)}/burden-checks`, mantelscanId ? { instrument, mantelscanId } : { instrument }),
  check: (clientId: string, memberId: string, checkId: string) => api.get<Check>(`${member(clientId, memberId)}/burden-checks/${checkId}`),
  save: (clientId: string, memberId: string, checkId: string, body: { answers?: Record<string, Answer | null>; currentLinkId?: string | null }) =>
    api.patch<Check>(`${member(clientId, memberId)}/burden-checks/${checkId}`, body),
  complete: (clientId: string, memberId: string, checkId: string, body: { answers: Record<string, Answer>; shareWithProfessional?: boolean }) =>
    api.post<Check>(`${member(clientId, memberId)}/burden-checks/${checkId}/complete`, body),
  share: (clientId: string, memberId: string, checkId: string, shared: boolean) => put<Check>(`${member(clientId, memberId)}/burden-checks/${checkId}/sharing`, { shared }),
  discard: (clientId: string, memberId: string, checkId: string) => api.delete(`${member(clientId, memberId)}/burden-checks/${checkId}`),
  trend: (clientId: string, memberId: string) => api.get<Trend>(`${member(clientId, memberId)}/burden-trend`),
  schedules: (clientId: string, memberId: string) => api.get<List<Schedule>>(`${member(clientId, memberId)}/burden-schedules`),
  setSchedule: (clientId: string, memberId: string, instrumentKey: string, body: { intervalMonths?: number; enabled?: boolean }) =>
    put<List<Schedule>>(`${member(clientId, memberId)}/burden-schedules/${instrumentKey}`, body),
  signals: (organisationId: string, f: SignalFilter) => {
    const search = new URLSearchParams();
    for (const s of f.statuses) search.append('status', s);
    if (f.escalated) search.set('escalated', 'true');
    if (f.mine) search.set('mine', 'true');
    search.set('page', String(f.page));
    search.set('pageSize', String(f.pageSize));
    return api.get<Paged<Signal>>(`/api/organisations/${organisationId}/burden-signals?${search.toString()}`);
  },
  signal: (organisationId: string, signalId: string) => api.get<SignalDetail>(`/api/organisations/${organisationId}/burden-signals/${signalId}`),
  setStatus: (organisationId: string, signalId: string, body: { status: SignalStatus; note?: string | null }) =>
    api.post<SignalDetail>(`/api/organisations/${organisationId}/burden-signals/${signalId}/status`, body),
  addAction: (organisationId: string, signalId: string, body: { kind: string; note?: string | null; occurredAt?: string | null }) =>
    api.post<{ id: string }>(`/api/organisations/${organisationId}/burden-signals/${signalId}/actions`, body),
  assign: (organisationId: string, signalId: string, userId: string | null) => put<SignalDetail>(`/api/organisations/${organisationId}/burden-signals/${signalId}/assignee`, { userId }),
};

/**
 * Organisations where the person follows up overload signals: care providers and welfare
 * organisations (the caregiver support centre) where they work as professional,
 * coordinator or administrator.
 */
export function signalOrganisations(me: Me): { organisationId: string; organisationName: string }[] {
  const seen = new Map<string, { organisationId: string; organisationName: string }>();
  for (const m of me.memberships) {
    if ((m.organisationKind === 'care_provider' || m.organisationKind === 'welfare') && SIGNAL_ROLES.includes(m.role)) {
      seen.set(m.organisationId, { organisationId: m.organisationId, organisationName: m.organisationName });
    }
  }
  return [...seen.values()];
}
