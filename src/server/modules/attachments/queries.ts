import type { Queryable } from '../../../db/types.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';
import { VISIBLE, type LogbookReader } from '../logbook/queries.ts';

export interface AttachmentRow {
  id: string;
  entry_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  created_by: string | null;
  created_at: Date;
}

/** An attachment with its bytes. */
export interface AttachmentContentRow extends AttachmentRow {
  content: Uint8Array;
}

const COLUMNS = 'a.id, a.entry_id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.created_by, a.created_at';
// The logbook's own visibility filter on the entry ($1 client, $2 visibilities, $3 reader): a
// file is never more visible than its entry.
const FROM_VISIBLE = `from logbook_attachments a join logbook_entries e on e.id = a.entry_id and e.client_id = a.client_id
  where a.client_id = $1 and ${VISIBLE} and a.entry_id = $4`;

/** One attachment (with its bytes) of an entry the reader may see. */
export async function findAttachment(db: Queryable, clientId: string, entryId: string, attachmentId: string, reader: LogbookReader): Promise<AttachmentContentRow | null> {
  const { rows } = await db.query<AttachmentContentRow>(`select ${COLUMNS}, a.content ${FROM_VISIBLE} and a.id = $5`, [clientId, [...reader.visibilities], reader.userId, entryId, attachmentId]);
  return rows[0] ?? null;
}

/** The attachments (without bytes) of an entry the reader may see. */
export async function listAttachments(db: Queryable, clientId: string, entryId: string, reader: LogbookReader): Promise<AttachmentRow[]> {
  const { rows } = await db.query<AttachmentRow>(`select ${COLUMNS} ${FROM_VISIBLE} order by a.created_at, a.id`, [clientId, [...reader.visibilities], reader.userId, entryId]);
  return rows;
}

export async function insertAttachment(
  db: Queryable,
  a: { clientId: string; tenantKey: string; entryId: string; fileName: string; mediaType: string; sha256: string; content: Uint8Array; createdBy: string },
): Promise<string> {
  return insertedId(
    db,
    `insert into logbook_attachments (client_id, tenant_key, entry_id, file_name, media_type, size_bytes, sha256, content, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [a.clientId, a.tenantKey, a.entryId, a.fileName, a.mediaType, a.content.byteLength, a.sha256, a.content, a.createdBy],
  );
}

/** Deletes the attachment when this user uploaded it. */
export async function deleteOwnAttachment(db: Queryable, clientId: string, attachmentId: string, userId: string): Promise<boolean> {
  return anyRow(db, 'delete from logbook_attachments where client_id = $1 and id = $2 and created_by = $3 returning id', [clientId, attachmentId, userId]);
}

/** Demo seed: true when the entry has an attachment. */
export async function entryHasAttachments(db: Queryable, entryId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from logbook_attachments where entry_id = $1 limit 1', [entryId]);
}

/** Demo seed: the newest entry of this author with this visibility. */
export async function newestEntryOf(db: Queryable, clientId: string, authorUserId: string, visibility: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'select id from logbook_entries where client_id = $1 and author_user_id = $2 and visibility = $3 order by created_at desc limit 1',
    [clientId, authorUserId, visibility],
  );
  return rows[0]?.id ?? null;
}
