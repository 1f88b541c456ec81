import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditItemSchema, OutboxMailSchema, UserItemSchema } from '../../../common/admin-schemas.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import { PageQuery, pageOf, paged } from '../../platform/paging.ts';
import * as service from './service.ts';

/** Platform administration: outbox, users, access log. */
export const adminRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['admin'];

  app.get('/api/admin/outbox', { schema: { tags, summary: 'Mail outbox (demo mail without SMTP)', querystring: PageQuery, response: { 200: paged(OutboxMailSchema) } } }, async (request) => {
    const { rows, total } = await service.outboxReader(services, actorOf(request), request.query);
    return pageOf(
      request.query,
      rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, text: r.body_text, createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null, lastError: r.last_error })),
      total,
    );
  });

  app.get(
    '/api/admin/users',
    { schema: { tags, querystring: PageQuery.extend({ q: z.string().max(100).optional() }), response: { 200: paged(UserItemSchema) } } },
    async (request) => {
      const { rows, total } = await service.userLister(services, actorOf(request), request.query);
      return pageOf(
        request.query,
        rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, personas: r.personas, isPlatformAdmin: r.is_platform_admin, emailVerified: r.email_verified, twoFactor: r.totp_enabled, createdAt: r.created_at.toISOString() })),
        total,
      );
    },
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'Access log (NEN 7513); needs 2FA',
        querystring: PageQuery.extend({ userId: z.uuid().optional(), clientId: z.uuid().optional(), action: z.string().max(50).optional() }),
        response: { 200: paged(AuditItemSchema) },
      },
    },
    async (request) => {
      const { rows, total } = await service.auditLogReader(services, actorOf(request), request.query, originOf(request));
      return pageOf(
        request.query,
        rows.map((r) => ({
          id: Number(r.id),
          occurredAt: r.occurred_at.toISOString(),
          action: r.action,
          resourceType: r.resource_type,
          resourceId: r.resource_id,
          clientId: r.client_id,
          userId: r.user_id,
          userDisplay: r.user_display,
          onBehalfOfUserId: r.on_behalf_of_user_id,
          organisationId: r.organisation_id,
          accessPoint: r.access_point,
          sourceSystem: r.source_system,
          outcome: r.outcome,
          emergency: r.emergency,
        })),
        total,
      );
    },
  );
};
