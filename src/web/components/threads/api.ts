import type { StartThreadInput, ThreadDetail, ThreadSummary } from '../../../common/threads-schemas.ts';
import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api } from '../../api.ts';
import type { List } from '../../types.ts';

/** Addresses of the thread pages. */
export const threadPaths = {
  thread: (clientId: string, threadId: string) => fillRoute(ROUTES.thread, { clientId, threadId }),
  section: (clientId: string) => fillRoute(ROUTES.circle, { clientId, section: 'berichten' }),
};

/** Query keys: under the circle's key, so reloading the circle reloads its threads too. */
export const threadKeys = {
  list: (clientId: string) => ['circle', clientId, 'threads'] as const,
  thread: (clientId: string, threadId: string) => ['circle', clientId, 'threads', threadId] as const,
  people: (clientId: string) => ['circle', clientId, 'thread-people'] as const,
};

const base = (clientId: string) => `/api/circles/${clientId}/threads`;

/** The threads API, one function per call. */
export const threadApi = {
  list: (clientId: string) => api.get<List<ThreadSummary>>(base(clientId)),
  people: (clientId: string) => api.get<List<{ userId: string; name: string }>>(`/api/circles/${clientId}/thread-people`),
  thread: (clientId: string, threadId: string) => api.get<ThreadDetail>(`${base(clientId)}/${threadId}`),
  start: (clientId: string, body: StartThreadInput) => api.post<{ id: string }>(base(clientId), body),
  post: (clientId: string, threadId: string, body: string) => api.post<{ id: string }>(`${base(clientId)}/${threadId}/messages`, { body }),
};
