import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LogbookEntryInput, LogbookEntrySchema } from '../../../common/logbook-schemas.ts';
import { listOf } from '../../../common/paging.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import { presentEntry } from './present.ts';
import * as service from './service.ts';

const ClientParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }) });
const EntryParams = ClientParams.extend({ entryId: z.uuid({ message: 'invalid_id' }) });
const Created = z.object({ id: z.string() });

/** Routes of the logbook (dagboek) of a client's circle (issue 16). */
export const logbookRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['logbook'];

  app.get('/api/circles/:clientId/logbook', { schema: { tags, summary: 'Logbook entries I may read', params: ClientParams, response: { 200: listOf(LogbookEntrySchema) } } }, async (request) => {
    const actor = actorOf(request);
    const rows = await service.entriesLister(services, actor, request.params, originOf(request));
    return { items: rows.map((r) => presentEntry(r, actor.userId)) };
  });

  app.post('/api/circles/:clientId/logbook', { schema: { tags, summary: 'Write a logbook entry', params: ClientParams, body: LogbookEntryInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.entryAdder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.get('/api/circles/:clientId/logbook/:entryId', { schema: { tags, summary: 'One logbook entry', params: EntryParams, response: { 200: LogbookEntrySchema } } }, async (request) => {
    const actor = actorOf(request);
    return presentEntry(await service.entryReader(services, actor, request.params, originOf(request)), actor.userId);
  });

  app.delete('/api/circles/:clientId/logbook/:entryId', { schema: { tags, summary: 'Delete my logbook entry', params: EntryParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.entryDeleter(services, actorOf(request), request.params, originOf(request));
    return noContent(reply);
  });
};
