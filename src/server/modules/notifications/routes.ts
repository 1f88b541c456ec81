import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DigestSettingInput, DigestSettingSchema, MarkReadInput, NotificationPageSchema } from '../../../common/notification-schemas.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent } from '../../platform/http.ts';
import { PageQuery } from '../../platform/paging.ts';
import * as service from './service.ts';

const ListQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).default('false') });

/** In-app notifications of the signed-in user, and the daily e-mail setting. */
export const notificationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['notifications'];
  app.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first', querystring: ListQuery, response: { 200: NotificationPageSchema } } }, async (request) =>
    service.notificationLister(services, actorOf(request), { page: request.query.page, pageSize: request.query.pageSize, unreadOnly: request.query.unread === 'true' }),
  );
  app.post('/api/notifications/read', { schema: { tags, summary: 'Mark notifications read (all when no ids are given)', body: MarkReadInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.notificationsMarker(services, actorOf(request), request.body.ids);
    return noContent(reply);
  });
  app.get('/api/me/notification-digest', { schema: { tags, response: { 200: DigestSettingSchema } } }, async (request) => service.digestSetting(services, actorOf(request)));
  app.put('/api/me/notification-digest', { schema: { tags, body: DigestSettingInput, response: { 200: DigestSettingSchema } } }, async (request) =>
    service.digestSetting(services, actorOf(request), request.body.enabled),
  );
};
