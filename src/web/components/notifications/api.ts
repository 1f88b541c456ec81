import type { NotificationPage } from '../../../common/notification-schemas.ts';
import { ROUTES } from '../../../common/paths.ts';
import { api } from '../../api.ts';

/** Addresses of the notifications page. */
export const notificationPaths = { list: () => ROUTES.notifications };

/** Query keys; `all` is the prefix of every notifications query (the page, the count in the menu). */
export const notificationKeys = {
  all: ['notifications'] as const,
  page: (page: number, unreadOnly: boolean) => ['notifications', 'page', page, unreadOnly] as const,
  count: ['notifications', 'count'] as const,
  digest: ['notifications', 'digest'] as const,
};

/** The notifications API, one function per call. */
export const notificationApi = {
  page: (page: number, unreadOnly: boolean) => api.get<NotificationPage>(`/api/notifications?page=${page}&pageSize=20${unreadOnly ? '&unread=true' : ''}`),
  /** Only the unread count (a page of one). */
  count: () => api.get<NotificationPage>('/api/notifications?pageSize=1&unread=true').then((p) => p.unread),
  markRead: (ids?: string[]) => api.post<void>('/api/notifications/read', ids ? { ids } : {}),
  digest: () => api.get<{ enabled: boolean }>('/api/me/notification-digest'),
  setDigest: (enabled: boolean) => api.put<{ enabled: boolean }>('/api/me/notification-digest', { enabled }),
};
