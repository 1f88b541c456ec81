import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_MAX_BYTES, isAllowedMediaType, sanitiseFileName } from '../../../common/attachments.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { ClientAccessRefused } from '../../platform/policy/client.ts';
import { clientAccess, clientAudit, withRefusalsLogged } from '../circles/access.ts';
import { findEntry } from '../logbook/queries.ts';
import { readerOf } from '../logbook/service.ts';
import * as q from './queries.ts';

const RESOURCE = 'logbook_attachment';

/** A file as it came in: the name the browser gave and the bytes (nothing about them is trusted). */
export interface IncomingFile {
  fileName: string | undefined;
  bytes: Buffer;
}

/** What a file's content is, when it is one we allow; else a 400 (or 413) with a clear message. */
export async function checkFile(file: IncomingFile): Promise<{ mediaType: string; ext: string }> {
  if (file.bytes.byteLength === 0) throw new AppError('validation_failed', { key: 'attachment_empty' }, [{ path: '/file', message: { key: 'attachment_empty' } }]);
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) throw new AppError('payload_too_large', { key: 'attachment_too_large' });
  const detected = await fileTypeFromBuffer(file.bytes);
  if (!detected || !isAllowedMediaType(detected.mime)) throw new AppError('validation_failed', { key: 'attachment_type_refused' }, [{ path: '/file', message: { key: 'attachment_type_refused' } }]);
  return { mediaType: detected.mime, ext: detected.ext === 'jpg' ? 'jpg' : detected.ext };
}

/**
 * Adds a file to a logbook entry: only the entry's author (who must still see it). The access
 * check and the entry come first; only then is the file read (`read`), checked by its content,
 * and stored with its audit line in one transaction.
 */
export async function attachmentAdder(
  services: Services,
  actor: Actor,
  input: { clientId: string; entryId: string },
  read: () => Promise<IncomingFile>,
  origin: Origin,
): Promise<string> {
  const attempt = { action: 'create', resourceType: RESOURCE, resourceId: input.entryId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', attempt);
  return withRefusalsLogged(services, actor, origin, input.clientId, attempt, async () => {
    const entry = await findEntry(services.db, input.clientId, input.entryId, readerOf(actor, f));
    if (!entry) throw new AppError('not_found');
    if (entry.author_user_id !== actor.userId) throw new ClientAccessRefused('forbidden', 'attachment_author_only', 'agenda', f);
    const file = await read();
    const { mediaType, ext } = await checkFile(file);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    return services.db.transaction(async (tx) => {
      const id = await q.insertAttachment(tx, {
        clientId: input.clientId,
        tenantKey: f.tenantKey,
        entryId: input.entryId,
        fileName: sanitiseFileName(file.fileName, ext),
        mediaType,
        sha256,
        content: file.bytes,
        createdBy: actor.userId,
      });
      await audit(tx, { actor }, origin, clientAudit(f, 'create', RESOURCE, id, { entryId: input.entryId, mediaType, size: file.bytes.byteLength, sha256 }));
      return id;
    });
  });
}

/** The attachments of an entry the actor may see (404 for an entry they may not see). */
export async function attachmentsLister(services: Services, actor: Actor, input: { clientId: string; entryId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: RESOURCE, resourceId: input.entryId });
  const reader = readerOf(actor, f);
  if (!(await findEntry(services.db, input.clientId, input.entryId, reader))) throw new AppError('not_found');
  const rows = await q.listAttachments(services.db, input.clientId, input.entryId, reader);
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, null, { entryId: input.entryId, count: rows.length }));
  return rows;
}

/** One attachment with its bytes, for whoever may read its entry; audited. */
export async function attachmentDownloader(services: Services, actor: Actor, input: { clientId: string; entryId: string; attachmentId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: RESOURCE, resourceId: input.attachmentId });
  const row = await q.findAttachment(services.db, input.clientId, input.entryId, input.attachmentId, readerOf(actor, f));
  if (!row) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, row.id, { entryId: row.entry_id }));
  return row;
}

/** Deletes an attachment: only who uploaded it, while they still see the entry. */
export async function attachmentDeleter(services: Services, actor: Actor, input: { clientId: string; entryId: string; attachmentId: string }, origin: Origin): Promise<void> {
  const attempt = { action: 'delete', resourceType: RESOURCE, resourceId: input.attachmentId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', attempt);
  await withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      const row = (await q.listAttachments(tx, input.clientId, input.entryId, readerOf(actor, f))).find((a) => a.id === input.attachmentId);
      if (!row) throw new AppError('not_found');
      if (row.created_by !== actor.userId) throw new ClientAccessRefused('forbidden', 'attachment_delete_uploader_only', 'agenda', f);
      await q.deleteOwnAttachment(tx, input.clientId, input.attachmentId, actor.userId);
      await audit(tx, { actor }, origin, clientAudit(f, 'delete', RESOURCE, input.attachmentId, { entryId: input.entryId }));
    }),
  );
}
