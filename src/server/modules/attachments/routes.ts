import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES } from '../../../common/attachments.ts';
import { AttachmentSchema } from '../../../common/attachments-schemas.ts';
import { listOf } from '../../../common/paging.ts';
import type { Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import { contentDisposition, presentAttachment } from './present.ts';
import * as service from './service.ts';

const EntryParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }), entryId: z.uuid({ message: 'invalid_id' }) });
const AttachmentParams = EntryParams.extend({ attachmentId: z.uuid({ message: 'invalid_id' }) });

/** Multipart's own errors as our refusals (a client's mistake is never a 5xx). */
function refusalOf(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('payload_too_large', { key: 'attachment_too_large' });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('validation_failed', { key: 'attachment_one_file' });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_NO_FORM_DATA') return new AppError('validation_failed', { key: 'attachment_missing' });
  if (error instanceof AppError) return error;
  // Anything else while reading the form (a broken body, a wrong boundary) is the sender's mistake.
  return new AppError('validation_failed', { key: 'attachment_unreadable' });
}

/** Reads the one file of a multipart request, within the limits. */
async function readOneFile(request: FastifyRequest): Promise<service.IncomingFile> {
  if (!request.isMultipart()) throw new AppError('validation_failed', { key: 'attachment_missing' });
  try {
    let file: service.IncomingFile | null = null;
    // All parts are read, so a second file is refused (files: 1) rather than silently dropped.
    for await (const part of request.parts({ limits: { files: 1, fileSize: ATTACHMENT_MAX_BYTES, fields: 2, fieldSize: 1024, parts: 3 } })) {
      if (part.type !== 'file') continue;
      if (file) throw new AppError('validation_failed', { key: 'attachment_one_file' });
      file = { fileName: part.filename, bytes: await part.toBuffer() };
    }
    if (!file) throw new AppError('validation_failed', { key: 'attachment_missing' });
    return file;
  } catch (error) {
    throw refusalOf(error);
  }
}

/** Routes of attachments of logbook entries (issue 16). */
export const attachmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['logbook'];
  // Only here: one file of at most 10 MB, hardly any fields (the app's JSON limit stays 256 kB).
  await app.register(fastifyMultipart, { limits: { files: 1, fileSize: ATTACHMENT_MAX_BYTES, fields: 2, fieldSize: 1024, parts: 3, headerPairs: 100 }, throwFileSizeLimit: true });
  const base = '/api/circles/:clientId/logbook/:entryId/attachments';

  app.get(base, { schema: { tags, summary: 'Files of a logbook entry', params: EntryParams, response: { 200: listOf(AttachmentSchema) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await service.attachmentsLister(services, actor, request.params, originOf(request));
    return { items: rows.map((r) => presentAttachment(r, actor.userId)) };
  });

  app.post(
    base,
    { schema: { tags, summary: 'Add a file (multipart/form-data, field "file"; PDF or photo, at most 10 MB) to my logbook entry', params: EntryParams, response: { 201: AttachmentSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await service.attachmentAdder(services, actor, request.params, () => readOneFile(request), originOf(request));
      const rows = await service.attachmentsLister(services, actor, request.params, originOf(request));
      const row = rows.find((r) => r.id === id);
      if (!row) throw new AppError('not_found');
      return reply.code(201).send(presentAttachment(row, actor.userId));
    },
  );

  const download = {
    schema: { tags, summary: 'Download a file of a logbook entry', params: AttachmentParams },
    // After the app's own hook (which says no-store for every API answer): private as well.
    onSend: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      reply.header('Cache-Control', 'private, no-store');
      return payload;
    },
  };
  app.get(`${base}/:attachmentId`, download, async (request, reply) => {
    const row = await service.attachmentDownloader(services, actorOf(request), request.params, originOf(request));
    return reply
      .header('Content-Type', row.media_type)
      .header('Content-Disposition', contentDisposition(row.file_name))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(Buffer.from(row.content));
  });

  app.delete(`${base}/:attachmentId`, { schema: { tags, summary: 'Delete a file I added', params: AttachmentParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.attachmentDeleter(services, actorOf(request), request.params, originOf(request));
    return noContent(reply);
  });
};
