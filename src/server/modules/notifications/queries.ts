import type { Queryable } from '../../../db/types.ts';
import type { NotificationKind, NotificationParams } from '../../../common/notifications.ts';
import { TOTAL_COLUMN, withTotal, type PageWindow } from '../../platform/paging.ts';

/** A stored notification (writes are in platform/notifications.queries.ts). */
export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  clientId: string | null;
  params: NotificationParams;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
  total: number;
}

/** One page of a user's notifications, newest first; unread ones only when asked. */
export async function listNotifications(db: Queryable, input: { userId: string; unreadOnly: boolean; window: PageWindow }): Promise<{ rows: NotificationRecord[]; total: number }> {
  const result = await db.query<NotificationRecord>(
    `select id, kind, client_id as "clientId", params, link, created_at as "createdAt", read_at as "readAt", ${TOTAL_COLUMN}
       from notifications
      where user_id = $1 and ($2::boolean is false or read_at is null)
      order by created_at desc, id
      limit $3 offset $4`,
    [input.userId, input.unreadOnly, input.window.limit, input.window.offset],
  );
  return withTotal(result.rows);
}

/** How many of the user's notifications are unread. */
export async function countUnread(db: Queryable, userId: string): Promise<number> {
  const result = await db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]);
  return result.rows[0]?.n ?? 0;
}

/** Marks the user's notifications read: the given ones, or all when `ids` is null. Only the user's own rows change. */
export async function markRead(db: Queryable, input: { userId: string; ids: string[] | null; at: Date }): Promise<number> {
  const result = await db.query<{ id: string }>(
    `update notifications set read_at = $3
      where user_id = $1 and read_at is null and ($2::uuid[] is null or id = any($2::uuid[]))
      returning id`,
    [input.userId, input.ids, input.at],
  );
  return result.rows.length;
}

/** Whether the user gets the daily e-mail with unread notifications. */
export async function findDigestEnabled(db: Queryable, userId: string): Promise<boolean> {
  const result = await db.query<{ enabled: boolean }>('select digest_enabled as enabled from users where id = $1', [userId]);
  return result.rows[0]?.enabled ?? true;
}

export async function updateDigestEnabled(db: Queryable, userId: string, enabled: boolean): Promise<void> {
  await db.query('update users set digest_enabled = $2, updated_at = now() where id = $1', [userId, enabled]);
}

/** A person who should get the digest now. */
export interface DigestDueRow {
  userId: string;
  email: string;
  givenName: string;
  locale: 'nl' | 'en';
  unread: number;
}

/**
 * People with unread notifications that are older than `olderThan` and were not in a digest
 * yet, who want the digest and did not get one since `lastSince`.
 */
export async function findDigestsDue(db: Queryable, input: { olderThan: Date; lastSince: Date; limit: number }): Promise<DigestDueRow[]> {
  const result = await db.query<DigestDueRow>(
    `select u.id as "userId", u.email, split_part(u.display_name, ' ', 1) as "givenName", u.locale, count(*)::int as unread
       from notifications n
       join users u on u.id = n.user_id and u.digest_enabled and u.disabled_at is null
      where n.read_at is null and n.mailed_at is null and n.created_at < $1
        and not exists (select 1 from notifications m where m.user_id = n.user_id and m.mailed_at > $2)
      group by u.id
      order by u.id
      limit $3`,
    [input.olderThan, input.lastSince, input.limit],
  );
  return result.rows;
}

/**
 * Marks a person's unread, not yet mailed notifications as mailed; returns how many. Zero
 * means another instance sent this digest first (its update won the row locks).
 */
export async function markMailed(db: Queryable, input: { userId: string; at: Date }): Promise<number> {
  const result = await db.query<{ id: string }>(
    'update notifications set mailed_at = $2 where user_id = $1 and read_at is null and mailed_at is null returning id',
    [input.userId, input.at],
  );
  return result.rows.length;
}
