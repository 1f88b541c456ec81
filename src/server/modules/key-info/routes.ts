import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmergencyPlanInput, KeyContactInput, KeyInfoSchema, MedicationInput } from '../../../common/key-info-schemas.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import type { KeyInfoPart } from './queries.ts';
import { presentKeyInfo } from './present.ts';
import * as service from './service.ts';

const ClientParams = z.object({ clientId: z.uuid({ message: 'invalid_id' }) });
const ItemParams = ClientParams.extend({ id: z.uuid({ message: 'invalid_id' }) });
const Created = z.object({ id: z.string() });

/** Routes of key contacts, medication and the emergency plan (issue 16 part 6): read all, add and remove items. */
export const keyInfoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['key-info'];
  const base = '/api/circles/:clientId/key-info';

  app.get(base, { schema: { tags, summary: 'Key contacts, medication and emergency plan of a client', params: ClientParams, response: { 200: KeyInfoSchema } } }, async (request) =>
    presentKeyInfo(await service.keyInfoReader(services, actorOf(request), request.params, originOf(request))),
  );

  app.post(`${base}/contacts`, { schema: { tags, summary: 'Add a key contact', params: ClientParams, body: KeyContactInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.contactAdder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.post(`${base}/medications`, { schema: { tags, summary: 'Add a medicine', params: ClientParams, body: MedicationInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.medicationAdder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  app.post(`${base}/emergency-plan`, { schema: { tags, summary: 'Add a row to the emergency plan', params: ClientParams, body: EmergencyPlanInput, response: { 201: Created } } }, async (request, reply) => {
    const id = await service.emergencyPlanAdder(services, actorOf(request), { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send({ id });
  });

  const parts: [string, KeyInfoPart][] = [
    ['contacts', 'contacts'],
    ['medications', 'medications'],
    ['emergency-plan', 'emergencyPlan'],
  ];
  for (const [segment, part] of parts) {
    app.delete(`${base}/${segment}/:id`, { schema: { tags, params: ItemParams, response: { 204: z.null() } } }, async (request, reply) => {
      await service.keyInfoRemover(services, actorOf(request), { ...request.params, part }, originOf(request));
      return noContent(reply);
    });
  }
};
