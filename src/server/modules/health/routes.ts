import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { APP_VERSION } from '../../version.ts';
import { databaseAnswers } from './queries.ts';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['pglite', 'postgresql']),
  version: z.string(),
});

/** GET /api/health: liveness and the database engine in use. */
export const healthRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get('/api/health', { schema: { tags: ['platform'], response: { 200: HealthSchema, 503: HealthSchema } } }, async (_request, reply) => {
    const ok = await databaseAnswers(services.db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: services.db.kind, version: APP_VERSION });
  });
};
