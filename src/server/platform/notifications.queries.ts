import type { Queryable } from '../../db/types.ts';
import type { NotificationKind, NotificationParams } from '../../common/notifications.ts';

/** A notification to write (see platform/notifications.ts). */
export interface NotificationRow {
  userId: string;
  kind: NotificationKind;
  clientId: string | null;
  tenantKey: string | null;
  params: NotificationParams;
  link: string | null;
  dedupeKey: string | null;
}

/**
 * Inserts the notifications in one statement (one array per column). A row whose
 * (user, dedupe key) is already there is skipped. Returns how many were written.
 */
export async function insertNotifications(db: Queryable, rows: readonly NotificationRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const column = <K extends keyof NotificationRow>(key: K) => rows.map((row) => row[key]);
  const result = await db.query<{ id: string }>(
    `insert into notifications (user_id, kind, client_id, tenant_key, params, link, dedupe_key)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::jsonb[], $6::text[], $7::text[])
     on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
     returning id`,
    [column('userId'), column('kind'), column('clientId'), column('tenantKey'), rows.map((r) => JSON.stringify(r.params)), column('link'), column('dedupeKey')],
  );
  return result.rows.length;
}
