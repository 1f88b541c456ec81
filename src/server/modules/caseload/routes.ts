import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASELOAD_FILTERS, CASELOAD_SORTS, CaseloadItemSchema, CONTACT_KINDS, ContactItemSchema, NetworksInvitedSchema } from '../../../common/caseload-schemas.ts';
import { listOf } from '../../../common/paging.ts';
import { daysBetween } from '../../../domain/dates.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, originOf } from '../../platform/http.ts';
import { PageQuery, pageOf, paged } from '../../platform/paging.ts';
import { MAP_MIN_MEMBERS } from './queries.ts';
import * as service from './service.ts';

/** The professional's view: the organisation's clients with "caregiver in view" indicators. */
export const caseloadRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['caseload'];

  app.get(
    '/api/organisations/:id/clients',
    {
      schema: {
        tags,
        summary: 'Clients of the organisation with caregiver-in-view indicators',
        params: z.object({ id: z.uuid() }),
        querystring: PageQuery.extend({
          q: z.string().max(100).optional(),
          filter: z.union([z.enum(CASELOAD_FILTERS), z.array(z.enum(CASELOAD_FILTERS))]).optional(),
          sort: z.enum(CASELOAD_SORTS).default('name'),
          order: z.enum(['asc', 'desc']).default('asc'),
        }),
        response: { 200: paged(CaseloadItemSchema) },
      },
    },
    async (request) => {
      const { filter, sort, order, ...rest } = request.query;
      const filters = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
      const { rows, total } = await service.caseloadLister(services, actorOf(request), { organisationId: request.params.id, ...rest, filters, sort, descending: order === 'desc' }, originOf(request));
      const now = services.now();
      return pageOf(
        request.query,
        rows.map((r) => ({
          clientId: r.client_id,
          givenName: r.given_name,
          familyName: r.family_name,
          birthDate: r.birth_date,
          municipalityName: r.municipality_name,
          memberCount: r.member_count,
          indicators: {
            caregiverRegistered: r.caregiver_count > 0,
            mainCaregiver: r.main_caregiver_name,
            mapMade: r.member_count >= MAP_MIN_MEMBERS || r.last_scan_at !== null,
            lastScanAt: r.last_scan_at?.toISOString() ?? null,
            daysSinceContact: r.last_contact_at ? daysBetween(r.last_contact_at, now) : null,
          },
        })),
        total,
      );
    },
  );

  app.post(
    '/api/organisations/:id/clients/invite-networks',
    {
      schema: {
        tags,
        summary: "Invite the networks of several clients at once",
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({ clientIds: z.array(z.uuid()).min(1).max(200) }),
        response: { 200: NetworksInvitedSchema },
      },
    },
    async (request) => service.networkBulkInviter(services, actorOf(request), { organisationId: request.params.id, clientIds: request.body.clientIds }, originOf(request)),
  );

  app.get(
    '/api/circles/:clientId/contacts',
    {
      schema: {
        tags,
        params: z.object({ clientId: z.uuid() }),
        response: { 200: listOf(ContactItemSchema) },
      },
    },
    async (request) => {
      const rows = await service.contactLister(services, actorOf(request), request.params, originOf(request));
      return { items: rows.map((r) => ({ id: r.id, kind: r.kind, note: r.note, occurredAt: r.occurred_at.toISOString(), member: r.member_name, professional: r.professional_name, organisation: r.organisation_name })) };
    },
  );

  app.post(
    '/api/circles/:clientId/contacts',
    {
      schema: {
        tags,
        summary: 'Record a contact moment with a caregiver ("Hoe gaat het met u?")',
        params: z.object({ clientId: z.uuid() }),
        body: z.strictObject({ memberId: z.uuid(), kind: z.enum(CONTACT_KINDS), note: z.string().trim().max(2000).nullish(), occurredAt: z.iso.datetime({ offset: true }).nullish() }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      const id = await service.contactRecorder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
      return reply.code(201).send({ id });
    },
  );
};
