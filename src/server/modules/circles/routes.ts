import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessLogLineSchema,
  AddMemberInput,
  CircleListItemSchema,
  CircleSchema,
  ConsentInput,
  ConsentSchema,
  DeciderInput,
  LinkOrganisationInput,
  NoteInput,
  NoteSchema,
  RegisterClientInput,
  StartCircleInput,
  UpdateClientInput,
  UpdateMemberInput,
} from '../../../common/circle-schemas.ts';
import { listOf } from '../../../common/paging.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import { PageQuery, pageOf, paged } from '../../platform/paging.ts';
import * as service from './service.ts';
import { presentCircle, presentConsent } from './present.ts';

const ClientParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }) });
const MemberParams = ClientParams.extend({ memberId: z.uuid({ message: 'invalid_id' }) });
const Created = z.object({ id: z.string() });

/** Care circles: clients, members, consent, organisations, notes, access log. */
export const circleRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['circles'];

  const readCircle = async (actor: ReturnType<typeof actorOf>, clientId: string, origin: ReturnType<typeof originOf>) => {
    const r = await service.circleReader(services, actor, { clientId }, origin);
    return presentCircle({ ...r, actorUserId: actor.userId });
  };

  app.get(
    '/api/circles',
    {
      schema: {
        tags,
        summary: 'Circles I am in (as client or member)',
        response: { 200: listOf(CircleListItemSchema) },
      },
    },
    async (request) => {
      const rows = await service.myCirclesLister(services, actorOf(request), originOf(request));
      return {
        items: rows.map((r) => ({ clientId: r.client_id, givenName: r.given_name, familyName: r.family_name, municipalityName: r.municipality_name, isClient: r.is_client, memberKind: r.member_kind, isMainCaregiver: r.is_main_caregiver, memberCount: r.member_count })),
      };
    },
  );

  app.post('/api/circles', { schema: { tags, summary: 'Start a circle as main caregiver', body: StartCircleInput, response: { 201: CircleSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    const clientId = await service.circleStarter(services, actor, request.body, originOf(request));
    return reply.code(201).send(await readCircle(actor, clientId, originOf(request)));
  });

  app.post('/api/clients', { schema: { tags, summary: "Register an organisation's client", body: RegisterClientInput, response: { 201: CircleSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    const clientId = await service.clientRegistrar(services, actor, request.body, originOf(request));
    return reply.code(201).send(await readCircle(actor, clientId, originOf(request)));
  });

  app.get('/api/circles/:clientId', { schema: { tags, params: ClientParams, response: { 200: CircleSchema } } }, async (request) =>
    readCircle(actorOf(request), request.params.clientId, originOf(request)),
  );

  app.patch('/api/circles/:clientId', { schema: { tags, params: ClientParams, body: UpdateClientInput, response: { 200: CircleSchema } } }, async (request) => {
    const actor = actorOf(request);
    await service.clientUpdater(services, actor, { clientId: request.params.clientId, ...request.body }, originOf(request));
    return readCircle(actor, request.params.clientId, originOf(request));
  });

  app.put('/api/circles/:clientId/decider', { schema: { tags, params: ClientParams, body: DeciderInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deciderSetter(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return noContent(reply);
  });

  app.post('/api/circles/:clientId/members', { schema: { tags, params: ClientParams, body: AddMemberInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.memberAdder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.patch('/api/circles/:clientId/members/:memberId', { schema: { tags, params: MemberParams, body: UpdateMemberInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.memberUpdater(services, actorOf(request), { ...request.params, ...request.body }, originOf(request));
    return noContent(reply);
  });

  app.delete('/api/circles/:clientId/members/:memberId', { schema: { tags, summary: 'Remove a member, or leave the circle yourself', params: MemberParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.memberRemover(services, actorOf(request), request.params, originOf(request));
    return noContent(reply);
  });

  app.get(
    '/api/circles/:clientId/notes',
    { schema: { tags, params: ClientParams, response: { 200: listOf(NoteSchema) } } },
    async (request) => {
      const rows = await service.notesLister(services, actorOf(request), request.params, originOf(request));
      return { items: rows.map((r) => ({ id: r.id, body: r.body, author: r.author_name, createdAt: r.created_at.toISOString() })) };
    },
  );

  app.post('/api/circles/:clientId/notes', { schema: { tags, params: ClientParams, body: NoteInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.noteAdder(services, actorOf(request), { clientId: request.params.clientId, body: request.body.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.get('/api/circles/:clientId/consents', { schema: { tags, summary: 'All consent decisions (history)', params: ClientParams, response: { 200: listOf(ConsentSchema) } } }, async (request) => {
    const rows = await service.consentHistoryReader(services, actorOf(request), request.params, originOf(request));
    return { items: rows.map(presentConsent) };
  });

  app.post('/api/circles/:clientId/consents', { schema: { tags, summary: 'Decide who sees what', params: ClientParams, body: ConsentInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.consentDecider(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.post('/api/circles/:clientId/organisations', { schema: { tags, summary: 'Link an organisation with consent', params: ClientParams, body: LinkOrganisationInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.organisationLinker(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return noContent(reply);
  });

  app.delete(
    '/api/circles/:clientId/organisations/:organisationId',
    { schema: { tags, params: ClientParams.extend({ organisationId: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await service.organisationUnlinker(services, actorOf(request), request.params, originOf(request));
      return noContent(reply);
    },
  );

  app.get(
    '/api/circles/:clientId/access-log',
    {
      schema: {
        tags,
        summary: 'Who looked at this client’s data (for the client; needs 2FA)',
        params: ClientParams,
        querystring: PageQuery,
        response: { 200: paged(AccessLogLineSchema) },
      },
    },
    async (request) => {
      const { rows, total } = await service.clientAccessLogReader(services, actorOf(request), { clientId: request.params.clientId, ...request.query }, originOf(request));
      return pageOf(
        request.query,
        rows.map((r) => ({ occurredAt: r.occurred_at.toISOString(), action: r.action, resourceType: r.resource_type, user: r.user_display, organisation: r.organisation_name, sourceSystem: r.source_system, outcome: r.outcome })),
        total,
      );
    },
  );
};
