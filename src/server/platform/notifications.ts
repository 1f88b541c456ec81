import type { NotificationKind, NotificationParams } from '../../common/notifications.ts';
import type { Queryable } from '../../db/types.ts';
import { insertNotifications } from './notifications.queries.ts';

/** One in-app notification for one person. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /** The client it is about, with the client's tenant key (the municipality code). */
  client?: { id: string; tenantKey: string } | null;
  /** What the text needs: names, titles, ISO dates. Only what the person may see anyway. */
  params?: NotificationParams;
  /** The page to open (a PATHS builder's output). */
  link?: string | null;
  /** Makes repeats one notification: a job that runs twice, a reminder per item and date. */
  dedupeKey?: string | null;
}

/**
 * Writes in-app notifications, inside the caller's transaction, so a notification exists
 * exactly when the event that caused it does. The e-mail digest picks up the unread ones
 * later (modules/notifications). The person who caused the event is usually left out by the
 * caller: nobody needs to be told about their own message. Returns how many were new.
 */
export function notify(db: Queryable, items: readonly NewNotification[]): Promise<number> {
  return insertNotifications(
    db,
    items.map((n) => ({
      userId: n.userId,
      kind: n.kind,
      clientId: n.client?.id ?? null,
      tenantKey: n.client?.tenantKey ?? null,
      params: n.params ?? {},
      link: n.link ?? null,
      dedupeKey: n.dedupeKey ?? null,
    })),
  );
}
