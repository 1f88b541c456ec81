import type { LogbookEntry, LogbookEntryInputType } from '../../../common/logbook-schemas.ts';
import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api } from '../../api.ts';
import type { List } from '../../types.ts';

/** Addresses of the logbook pages. */
export const logbookPaths = {
  entry: (clientId: string, entryId: string) => fillRoute(ROUTES.logbookEntry, { clientId, entryId }),
  section: (clientId: string) => fillRoute(ROUTES.circle, { clientId, section: 'dagboek' }),
};

/** Query keys: under the circle's key, so reloading the circle reloads its logbook too. */
export const logbookKeys = {
  list: (clientId: string) => ['circle', clientId, 'logbook'] as const,
  entry: (clientId: string, entryId: string) => ['circle', clientId, 'logbook', entryId] as const,
};

const base = (clientId: string) => `/api/circles/${clientId}/logbook`;

/** The logbook API, one function per call. */
export const logbookApi = {
  list: (clientId: string) => api.get<List<LogbookEntry>>(base(clientId)),
  entry: (clientId: string, entryId: string) => api.get<LogbookEntry>(`${base(clientId)}/${entryId}`),
  add: (clientId: string, body: LogbookEntryInputType) => api.post<{ id: string }>(base(clientId), body),
  remove: (clientId: string, entryId: string) => api.delete(`${base(clientId)}/${entryId}`),
};
