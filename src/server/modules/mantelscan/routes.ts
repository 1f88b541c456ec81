import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../../common/paging.ts';
import { ScanComparisonSchema, ScanQuestionsSchema, ScanSchema, type Scan } from '../../../common/scan-schemas.ts';
import { SCAN_STEPS, SITUATION_QUESTIONS } from '../../../domain/mantelscan.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import type { ScanRow } from './queries.ts';
import * as service from './service.ts';

const Params = z.object({ clientId: z.uuid() });
const ScanParams = Params.extend({ scanId: z.uuid() });
const questionIds = SITUATION_QUESTIONS.map((x) => x.id) as [string, ...string[]];
const Agreement = z.strictObject({ text: z.string().trim().min(1).max(500), owner: z.string().trim().max(100).nullable(), due: z.iso.date().nullable() });

function present(s: ScanRow): Scan {
  return {
    id: s.id,
    status: s.status,
    step: s.step,
    caregiverMemberId: s.caregiver_member_id,
    caregiverName: s.caregiver_name,
    conductedBy: s.conducted_by_name,
    organisation: s.organisation_name,
    answers: s.answers,
    advice: s.advice,
    agreements: s.agreements,
    snapshot: s.network_snapshot?.members ?? null,
    startedAt: s.started_at.toISOString(),
    completedAt: s.completed_at?.toISOString() ?? null,
  };
}

/** MantelScan: the guided conversation with a caregiver, saved with a network snapshot. */
export const mantelscanRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['mantelscan'];

  app.get(
    '/api/mantelscan/questions',
    { schema: { tags, summary: 'Steps and questions of the conversation', response: { 200: ScanQuestionsSchema } } },
    async () => ({ steps: [...SCAN_STEPS], questions: SITUATION_QUESTIONS.map((x) => ({ ...x })) }),
  );

  app.get('/api/circles/:clientId/scans', { schema: { tags, params: Params, response: { 200: listOf(ScanSchema) } } }, async (request) => ({
    items: (await service.scanLister(services, actorOf(request), request.params, originOf(request))).map(present),
  }));

  app.post('/api/circles/:clientId/scans', { schema: { tags, params: Params, body: z.strictObject({ caregiverMemberId: z.uuid() }), response: { 201: ScanSchema } } }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await service.scanStarter(services, actor, { clientId: request.params.clientId, ...request.body }, originOf(request));
    return reply.code(201).send(present(await service.scanReader(services, actor, { clientId: request.params.clientId, scanId: id }, originOf(request))));
  });

  app.get('/api/circles/:clientId/scans/:scanId', { schema: { tags, params: ScanParams, response: { 200: ScanSchema } } }, async (request) =>
    present(await service.scanReader(services, actorOf(request), request.params, originOf(request))),
  );

  app.patch(
    '/api/circles/:clientId/scans/:scanId',
    {
      schema: {
        tags,
        params: ScanParams,
        body: z.strictObject({
          step: z.enum(SCAN_STEPS).optional(),
          answers: z.partialRecord(z.enum(questionIds), z.string().max(4000)).optional(),
          advice: z.string().trim().max(8000).nullish(),
          agreements: z.array(Agreement).max(30).optional(),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { answers, ...rest } = request.body;
      await service.scanUpdater(services, actorOf(request), { ...request.params, ...rest, answers: answers as Record<string, string> | undefined }, originOf(request));
      return noContent(reply);
    },
  );

  app.post('/api/circles/:clientId/scans/:scanId/complete', { schema: { tags, params: ScanParams, response: { 200: ScanSchema } } }, async (request) => {
    const actor = actorOf(request);
    await service.scanCompleter(services, actor, request.params, originOf(request));
    return present(await service.scanReader(services, actor, request.params, originOf(request)));
  });

  app.get(
    '/api/circles/:clientId/scans-compare',
    {
      schema: {
        tags,
        summary: 'Compare two completed scans',
        params: Params,
        querystring: z.strictObject({ a: z.uuid(), b: z.uuid() }),
        response: { 200: ScanComparisonSchema },
      },
    },
    async (request) => {
      const r = await service.scanComparer(services, actorOf(request), { clientId: request.params.clientId, beforeId: request.query.a, afterId: request.query.b }, originOf(request));
      return { before: present(r.before), after: present(r.after), joined: r.comparison.joined, left: r.comparison.left, changed: r.comparison.changed, hours: r.comparison.hours, caregiverHours: r.comparison.caregiverHours };
    },
  );
};
