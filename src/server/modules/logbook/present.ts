import type { LogbookEntry } from '../../../common/logbook-schemas.ts';
import type { LogbookEntryRow } from './queries.ts';

export function presentEntry(row: LogbookEntryRow, actorUserId: string): LogbookEntry {
  return {
    id: row.id,
    body: row.body,
    visibility: row.visibility,
    author: row.author_name,
    mine: row.author_user_id === actorUserId,
    createdAt: row.created_at.toISOString(),
    attachments: (row.attachments ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      mediaType: a.mediaType,
      size: Number(a.size),
      mine: a.createdBy === actorUserId,
      createdAt: new Date(a.createdAt).toISOString(),
    })),
  };
}
