import type { Attachment } from '../../../common/attachments-schemas.ts';
import type { AttachmentRow } from './queries.ts';

export function presentAttachment(row: AttachmentRow, actorUserId: string): Attachment {
  return { id: row.id, name: row.file_name, mediaType: row.media_type, size: Number(row.size_bytes), mine: row.created_by === actorUserId, createdAt: row.created_at.toISOString() };
}

/**
 * Content-Disposition for a download: always `attachment` (never shown as a page of our site),
 * an ASCII fallback name and the real name in RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;%]/g, '_').trim() || 'bestand';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
