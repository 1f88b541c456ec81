import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/paging.ts';
import { ApiTokenCreatedSchema, ApiTokenSchema, type ApiToken } from '../../../common/schemas.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import type { ApiTokenRow } from './queries.ts';
import * as service from './service.ts';

const present = (r: ApiTokenRow): ApiToken => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, expiresAt: r.expires_at.toISOString() });

/** Personal API tokens: `Authorization: Bearer mkt_…` for /api and /fhir. */
export const apiTokenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['accounts'];
  app.get('/api/me/tokens', { schema: { tags, response: { 200: listOf(ApiTokenSchema) } } }, async (request) => ({
    items: (await service.apiTokenLister(services, actorOf(request))).map(present),
  }));
  app.post(
    '/api/me/tokens',
    { schema: { tags, summary: 'Make a personal API token (shown once)', body: z.strictObject({ name: z.string().trim().min(1).max(100), days: z.number().int().min(1).max(365).default(90) }), response: { 201: ApiTokenCreatedSchema } } },
    async (request, reply) => {
      const { token, row } = await service.apiTokenCreator(services, actorOf(request), request.body, originOf(request));
      return reply.code(201).send({ ...present(row), token });
    },
  );
  app.delete('/api/me/tokens/:id', { schema: { tags, params: z.object({ id: z.uuid() }), response: { 204: z.null() } } }, async (request, reply) => {
    await service.apiTokenRevoker(services, actorOf(request), { tokenId: request.params.id }, originOf(request));
    return noContent(reply);
  });
};
