import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgreementInput, AgreementPatch, AgreementSchema, BoundaryStepInput, ReservedTasksInput, ReservedTasksSchema, ReviewInput, ReviewItemSchema } from '../../../common/agreements-schemas.ts';
import { listOf } from '../../../common/paging.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, localeOf, noContent, originOf } from '../../platform/http.ts';
import { today } from '../circles/access.ts';
import { presentAgreement, presentReview } from './present.ts';
import * as service from './service.ts';

const ClientParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }) });
const AgreementParams = ClientParams.extend({ agreementId: z.uuid({ message: 'invalid_id' }) });
const OrgParams = z.object({ id: z.uuid({ message: 'invalid_id' }) });
const Created = z.object({ id: z.string() });

/** Routes of agreements on who does what, and the boundaries of caregiver tasks (issue 16). */
export const agreementRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['agreements'];
  const base = '/api/circles/:clientId/agreements';

  app.get(base, { schema: { tags, summary: 'Agreements I may read', params: ClientParams, response: { 200: listOf(AgreementSchema) } } }, async (request) => {
    const rows = await service.agreementsLister(services, actorOf(request), request.params, originOf(request));
    const day = today(services);
    return { items: rows.map((r) => presentAgreement(r, localeOf(request), day)) };
  });

  app.post(base, { schema: { tags, summary: 'Add an agreement', params: ClientParams, body: AgreementInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.agreementAdder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.get(`${base}/:agreementId`, { schema: { tags, summary: 'One agreement', params: AgreementParams, response: { 200: AgreementSchema } } }, async (request) =>
    presentAgreement(await service.agreementReader(services, actorOf(request), request.params, originOf(request)), localeOf(request), today(services)),
  );

  app.patch(`${base}/:agreementId`, { schema: { tags, summary: 'Change an agreement', params: AgreementParams, body: AgreementPatch, response: { 204: z.null() } } }, async (request, reply) => {
    await service.agreementChanger(services, actorOf(request), { ...request.params, patch: request.body }, originOf(request));
    return noContent(reply);
  });

  app.delete(`${base}/:agreementId`, { schema: { tags, summary: 'Delete an agreement', params: AgreementParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.agreementDeleter(services, actorOf(request), request.params, originOf(request));
    return noContent(reply);
  });

  app.post(`${base}/:agreementId/boundary`, { schema: { tags, summary: 'Record instruction, competence or sign-off (professionals)', params: AgreementParams, body: BoundaryStepInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.boundaryRecorder(services, actorOf(request), { ...request.params, ...request.body }, originOf(request));
    return noContent(reply);
  });

  app.post(`${base}/:agreementId/review`, { schema: { tags, summary: 'Mark reviewed, with the next review date', params: AgreementParams, body: ReviewInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.reviewRecorder(services, actorOf(request), { ...request.params, ...request.body }, originOf(request));
    return noContent(reply);
  });

  app.get('/api/me/reviews', { schema: { tags, summary: 'Agreements past their review date (my review work)', response: { 200: listOf(ReviewItemSchema) } } }, async (request) => {
    const rows = await service.myReviews(services, actorOf(request), originOf(request));
    return { items: rows.map((r) => presentReview(r, localeOf(request))) };
  });

  app.get('/api/organisations/:id/reserved-tasks', { schema: { tags, summary: "The organisation's risky and reserved tasks", params: OrgParams, response: { 200: ReservedTasksSchema } } }, async (request) => ({
    items: await service.reservedTasksReader(services, actorOf(request), { organisationId: request.params.id }),
  }));

  app.put('/api/organisations/:id/reserved-tasks', { schema: { tags, summary: "Set the organisation's own risk marks (organisation admin)", params: OrgParams, body: ReservedTasksInput, response: { 204: z.null() } } }, async (request, reply) => {
    await service.reservedTasksSetter(services, actorOf(request), { organisationId: request.params.id, tasks: request.body.tasks }, originOf(request));
    return noContent(reply);
  });
};
