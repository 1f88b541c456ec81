import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccessLevel, CircleInvitationPreviewSchema, CircleInvitationSchema, IssuedCodeSchema } from '../../../common/circle-schemas.ts';
import { listOf } from '../../../common/paging.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import { invitationStatus } from '../organisations/present.ts';
import * as service from './service.ts';

const ClientParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }) });
const Code = z.string().trim().min(8).max(12).regex(/^[A-Za-z0-9-\s]+$/, { message: 'invitation_code_format' });

/** Invitations into a circle: for members (e-mail or code) and for organisations (code). */
export const circleInvitationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['circles'];

  app.post(
    '/api/circles/:clientId/members/:memberId/invitation',
    { schema: { tags, summary: 'Invite a member by e-mail or code', params: ClientParams.extend({ memberId: z.uuid() }), body: z.strictObject({ email: z.string().trim().toLowerCase().email().max(254).nullish() }), response: { 201: IssuedCodeSchema } } },
    async (request, reply) => {
      const r = await service.memberInviter(services, actorOf(request), { ...request.params, email: request.body.email }, originOf(request));
      return reply.code(201).send({ id: r.id, code: r.code, expiresAt: r.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/circles/:clientId/organisation-invitation',
    { schema: { tags, summary: 'A code for a care organisation to link itself', params: ClientParams, body: z.strictObject({ accessLevel: AccessLevel.default('full') }), response: { 201: IssuedCodeSchema } } },
    async (request, reply) => {
      const r = await service.organisationInviter(services, actorOf(request), { clientId: request.params.clientId, accessLevel: request.body.accessLevel }, originOf(request));
      return reply.code(201).send({ id: r.id, code: r.code, expiresAt: r.expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/circles/:clientId/invitations',
    {
      schema: {
        tags,
        params: ClientParams,
        response: { 200: listOf(CircleInvitationSchema) },
      },
    },
    async (request) => {
      const rows = await service.circleInvitationLister(services, actorOf(request), request.params, originOf(request));
      const now = services.now();
      return {
        items: rows.map((r) => ({ id: r.id, memberId: r.member_id, memberName: r.member_name, forOrganisation: r.for_organisation, email: r.email, status: invitationStatus(r, now), expiresAt: r.expires_at.toISOString(), createdAt: r.created_at.toISOString(), createdBy: r.created_by_name })),
      };
    },
  );

  app.delete('/api/circles/:clientId/invitations/:invitationId', { schema: { tags, params: ClientParams.extend({ invitationId: z.uuid() }), response: { 204: z.null() } } }, async (request, reply) => {
    await service.circleInvitationRevoker(services, actorOf(request), request.params, originOf(request));
    return noContent(reply);
  });

  app.get(
    '/api/circle-invitations/preview',
    { schema: { tags, querystring: z.strictObject({ code: Code }), response: { 200: CircleInvitationPreviewSchema } } },
    async (request) => {
      const inv = await service.circleInvitationPreviewer(services, actorOf(request), request.query, originOf(request));
      return { clientGivenName: inv.client_given_name, invitedBy: inv.created_by_name, forOrganisation: inv.for_organisation, memberName: inv.member_name, expiresAt: inv.expires_at.toISOString() };
    },
  );

  app.post(
    '/api/circle-invitations/accept',
    { schema: { tags, body: z.strictObject({ code: Code, organisationId: z.uuid().optional() }), response: { 200: z.object({ clientId: z.string() }) } } },
    async (request) => service.circleInvitationAccepter(services, actorOf(request), request.body, originOf(request)),
  );
};
