import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/paging.ts';
import {
  AcceptInvitationInput,
  InvitationInput,
  OrganisationInput,
  OrganisationSchema,
  StaffInvitationAcceptedSchema,
  StaffInvitationPreviewSchema,
  StaffInvitationSchema,
  StaffMemberSchema,
} from '../../../common/schemas.ts';
import type { MembershipRole } from '../../../common/codes.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import { PageQuery, pageOf, paged } from '../../platform/paging.ts';
import * as service from './service.ts';
import { presentInvitation, presentMember, presentOrganisation } from './present.ts';

const OrgParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });

/** Organisations, their staff and staff invitations. */
export const organisationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['organisations'];

  app.get('/api/organisations', { schema: { tags, querystring: PageQuery, response: { 200: paged(OrganisationSchema) } } }, async (request) => {
    const { rows, total } = await service.organisationLister(services, actorOf(request), request.query);
    return pageOf(request.query, rows.map(presentOrganisation), total);
  });

  app.post('/api/organisations', { schema: { tags, body: OrganisationInput, response: { 201: OrganisationSchema } } }, async (request, reply) => {
    const row = await service.organisationCreator(services, actorOf(request), request.body, originOf(request));
    return reply.code(201).send(presentOrganisation(row));
  });

  app.get('/api/organisations/:id', { schema: { tags, params: OrgParams, response: { 200: OrganisationSchema } } }, async (request) =>
    presentOrganisation(await service.organisationReader(services, actorOf(request), { organisationId: request.params.id })),
  );

  app.get('/api/organisations/:id/members', { schema: { tags, params: OrgParams, response: { 200: listOf(StaffMemberSchema) } } }, async (request) => {
    const rows = await service.memberLister(services, actorOf(request), { organisationId: request.params.id });
    return { items: rows.map(presentMember) };
  });

  app.get('/api/organisations/:id/invitations', { schema: { tags, params: OrgParams, response: { 200: listOf(StaffInvitationSchema) } } }, async (request) => {
    const rows = await service.invitationLister(services, actorOf(request), { organisationId: request.params.id });
    const now = services.now();
    return { items: rows.map((r) => presentInvitation(r, now)) };
  });

  app.post('/api/organisations/:id/invitations', { schema: { tags, params: OrgParams, body: InvitationInput, response: { 201: z.object({ id: z.string() }) } } }, async (request, reply) => {
    const id = await service.staffInviter(services, actorOf(request), { organisationId: request.params.id, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.delete(
    '/api/organisations/:id/invitations/:invitationId',
    { schema: { tags, params: z.object({ id: z.uuid(), invitationId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await service.invitationRevoker(services, actorOf(request), { organisationId: request.params.id, invitationId: request.params.invitationId }, originOf(request));
      return noContent(reply);
    },
  );

  app.get(
    '/api/invitations/preview',
    {
      schema: {
        tags,
        querystring: z.strictObject({ token: z.string().min(10).max(200) }),
        response: { 200: StaffInvitationPreviewSchema },
      },
    },
    async (request) => {
      const { inv, accountExists } = await service.invitationPreviewer(services, request.query);
      return { organisationName: inv.organisation_name, role: inv.role as MembershipRole, email: inv.email, accountExists, expiresAt: inv.expires_at.toISOString() };
    },
  );

  app.post(
    '/api/invitations/accept',
    { schema: { tags, body: AcceptInvitationInput, response: { 200: StaffInvitationAcceptedSchema } } },
    async (request) => {
      const result = await service.invitationAccepter(services, request.actor, request.body, originOf(request));
      return { organisationId: result.organisationId, createdAccount: result.createdAccount };
    },
  );
};
