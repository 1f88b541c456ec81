import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/paging.ts';
import { PostMessageInput, StartThreadInput, ThreadDetailSchema, ThreadPersonSchema, ThreadSummarySchema } from '../../../common/threads-schemas.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import { presentThread, presentThreadDetail } from './present.ts';
import * as service from './service.ts';

const ClientParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }) });
const ThreadParams = ClientParams.extend({ threadId: z.uuid({ message: 'invalid_id' }) });
const Created = z.object({ id: z.string() });

/** Message threads in a client's circle (issue 16). */
export const threadRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['threads'];

  app.get('/api/circles/:clientId/threads', { schema: { tags, summary: 'Threads I am in, with unread counts', params: ClientParams, response: { 200: listOf(ThreadSummarySchema) } } }, async (request) => {
    const rows = await service.threadsLister(services, actorOf(request), request.params, originOf(request));
    return { items: rows.map(presentThread) };
  });

  app.get('/api/circles/:clientId/thread-people', { schema: { tags, summary: 'People to choose for a private thread', params: ClientParams, response: { 200: listOf(ThreadPersonSchema) } } }, async (request) => {
    const items = await service.peopleLister(services, actorOf(request), request.params, originOf(request));
    return { items };
  });

  app.post('/api/circles/:clientId/threads', { schema: { tags, summary: 'Start a thread', params: ClientParams, body: StartThreadInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.threadStarter(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.get('/api/circles/:clientId/threads/:threadId', { schema: { tags, summary: 'Open a thread (marks it read)', params: ThreadParams, response: { 200: ThreadDetailSchema } } }, async (request) => {
    const actor = actorOf(request);
    const { thread, messages } = await service.threadReader(services, actor, request.params, originOf(request));
    return presentThreadDetail(thread, messages, actor.userId);
  });

  app.post(
    '/api/circles/:clientId/threads/:threadId/messages',
    { schema: { tags, summary: 'Post a message', params: ThreadParams, body: PostMessageInput, response: { 201: Created } } },
    async (request, reply) => {
      const id = await service.messagePoster(services, actorOf(request), { ...request.params, body: request.body.body }, originOf(request));
      return reply.code(201).send({ id });
    },
  );
};
