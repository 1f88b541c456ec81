import type { NotificationPage } from '../../../common/notification-schemas.ts';
import type { Actor, Services } from '../../platform/context.ts';
import { pageOf, pageWindow, type PageInput } from '../../platform/paging.ts';
import { requireMfaSatisfied } from '../../platform/policy/index.ts';
import { levelsIn } from '../circles/access.ts';
import * as q from './queries.ts';

/**
 * The actor's own notifications. Nobody reads another person's: every statement is keyed by
 * the actor's user id. A notification holds only what its writer decided the person may see
 * (names and titles), so listing them is not a read of client data for the access log; once
 * the person no longer sees the circle, those names are left out.
 */
export async function notificationLister(services: Services, actor: Actor, input: PageInput & { unreadOnly: boolean }): Promise<NotificationPage> {
  requireMfaSatisfied(actor);
  const [page, unread] = await Promise.all([
    q.listNotifications(services.db, { userId: actor.userId, unreadOnly: input.unreadOnly, window: pageWindow(input) }),
    q.countUnread(services.db, actor.userId),
  ]);
  // A notification about a circle the person no longer sees (consent withdrawn, left the circle)
  // keeps its place in the list but loses the names and the link its writer put in.
  const levels = await levelsIn(services, actor, page.rows.flatMap((r) => (r.clientId ? [r.clientId] : [])));
  const items = page.rows.map((r) => {
    const accessEnded = r.clientId !== null && levels.get(r.clientId) === 'none';
    return { id: r.id, kind: r.kind, clientId: r.clientId, params: accessEnded ? {} : r.params, link: accessEnded ? null : r.link, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null, accessEnded };
  });
  return { ...pageOf(input, items, page.total), unread };
}

/** Marks the actor's notifications read (the given ones, or all). */
export async function notificationsMarker(services: Services, actor: Actor, ids: string[] | undefined): Promise<number> {
  requireMfaSatisfied(actor);
  return q.markRead(services.db, { userId: actor.userId, ids: ids ?? null, at: services.now() });
}

/** Reads and changes whether the actor gets the daily e-mail with unread notifications. */
export async function digestSetting(services: Services, actor: Actor, enabled?: boolean): Promise<{ enabled: boolean }> {
  requireMfaSatisfied(actor);
  if (enabled !== undefined) await q.updateDigestEnabled(services.db, actor.userId, enabled);
  return { enabled: await q.findDigestEnabled(services.db, actor.userId) };
}
