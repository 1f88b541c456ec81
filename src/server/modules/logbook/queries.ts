import type { Queryable } from '../../../db/types.ts';
import type { LogbookVisibility } from '../../../common/logbook.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface LogbookEntryRow {
  id: string;
  client_id: string;
  author_user_id: string | null;
  author_name: string | null;
  visibility: LogbookVisibility;
  body: string;
  created_at: Date;
  /** The entry's attachments (without their bytes), oldest first. */
  attachments: LogbookAttachmentMeta[];
}

export interface LogbookAttachmentMeta {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  createdBy: string | null;
  createdAt: string;
}

/** What a reader may see: the visibilities their level allows, and their own private entries. */
export interface LogbookReader {
  userId: string;
  visibilities: readonly LogbookVisibility[];
}

const ATTACHMENTS = `coalesce((select json_agg(json_build_object('id', a.id, 'name', a.file_name, 'mediaType', a.media_type, 'size', a.size_bytes,
    'createdBy', a.created_by, 'createdAt', a.created_at) order by a.created_at, a.id) from logbook_attachments a where a.entry_id = e.id), '[]'::json) as attachments`;
const SELECT = `select e.id, e.client_id, e.author_user_id, u.display_name as author_name, e.visibility, e.body, e.created_at, ${ATTACHMENTS}
  from logbook_entries e left join users u on u.id = e.author_user_id`;
/**
 * The visibility filter of entries (alias `e`): $2 the visibilities the reader's level allows,
 * $3 the reader's user id. Attachments reuse it (modules/attachments/queries.ts), so a file is
 * never more visible than its entry.
 */
export const VISIBLE = `(e.visibility = any($2::text[]) or (e.visibility = 'private' and e.author_user_id = $3::uuid))`;

/** The newest entries of a client's logbook the reader may see (at most 200). */
export async function listEntries(db: Queryable, clientId: string, reader: LogbookReader): Promise<LogbookEntryRow[]> {
  const { rows } = await db.query<LogbookEntryRow>(`${SELECT} where e.client_id = $1 and ${VISIBLE} order by e.created_at desc, e.id limit 200`, [
    clientId,
    [...reader.visibilities],
    reader.userId,
  ]);
  return rows;
}

/** One entry of the client's logbook, when the reader may see it. */
export async function findEntry(db: Queryable, clientId: string, entryId: string, reader: LogbookReader): Promise<LogbookEntryRow | null> {
  const { rows } = await db.query<LogbookEntryRow>(`${SELECT} where e.client_id = $1 and ${VISIBLE} and e.id = $4`, [clientId, [...reader.visibilities], reader.userId, entryId]);
  return rows[0] ?? null;
}

export async function insertEntry(db: Queryable, e: { clientId: string; tenantKey: string; authorUserId: string; visibility: LogbookVisibility; body: string; createdAt?: Date }): Promise<string> {
  return insertedId(
    db,
    `insert into logbook_entries (client_id, tenant_key, author_user_id, visibility, body, created_at)
     values ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now())) returning id`,
    [e.clientId, e.tenantKey, e.authorUserId, e.visibility, e.body, e.createdAt ?? null],
  );
}

/** Deletes the entry when the user wrote it. */
export async function deleteOwnEntry(db: Queryable, clientId: string, entryId: string, userId: string): Promise<boolean> {
  return anyRow(db, 'delete from logbook_entries where client_id = $1 and id = $2 and author_user_id = $3', [clientId, entryId, userId]);
}


/** The names a notification text needs. */
export async function namesFor(db: Queryable, clientId: string, userId: string): Promise<{ author: string | null; client_name: string | null }> {
  const { rows } = await db.query<{ author: string | null; client_name: string | null }>(
    `select (select display_name from users where id = $2) as author, (select given_name || ' ' || family_name from clients where id = $1) as client_name`,
    [clientId, userId],
  );
  return rows[0] ?? { author: null, client_name: null };
}

/** Demo seed: the users with these e-mail addresses. */
export async function usersByEmail(db: Queryable, emails: readonly string[]): Promise<{ id: string; email: string }[]> {
  const { rows } = await db.query<{ id: string; email: string }>('select id, email from users where email = any($1::text[])', [[...emails]]);
  return rows;
}

/** Demo seed: the client whose own account has this e-mail address. */
export async function clientOfUser(db: Queryable, email: string): Promise<{ id: string; tenant_key: string } | null> {
  const { rows } = await db.query<{ id: string; tenant_key: string }>('select c.id, c.tenant_key from clients c join users u on u.id = c.user_id where u.email = $1', [email]);
  return rows[0] ?? null;
}

/** Demo seed: true when the client already has logbook entries. */
export async function hasEntries(db: Queryable, clientId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from logbook_entries where client_id = $1 limit 1', [clientId]);
}
