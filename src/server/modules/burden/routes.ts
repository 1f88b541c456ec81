import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery, paged } from '../../platform/paging.ts';
import type { Services } from '../../platform/context.ts';
import { actorOf, noContent, originOf } from '../../platform/http.ts';
import { presentCheck, presentCheckListItem, presentInstrument, presentItem, presentSignal, presentTrend } from './present.ts';
import {
  CheckListItemSchema,
  CheckSchema,
  CircleBurdenSchema,
  InstrumentDetailSchema,
  InstrumentSummarySchema,
  MyBurdenSchema,
  ScheduleSchema,
  SignalDetailSchema,
  SignalSchema,
  TrendSchema,
} from '../../../common/burden-schemas.ts';
import { AssigneeInput, CompleteCheckInput, ImportInstrumentInput, InstrumentKey, SaveDraftInput, ScheduleInput, SharingInput, SignalActionInput, SignalStatus, SignalStatusInput, StartCheckInput } from './schemas.ts';
import * as checks from './checks.ts';
import * as instruments from './instruments.ts';
import * as overview from './overview.ts';
import * as schedules from './schedules.ts';
import * as signals from './signals.ts';

const Id = z.uuid({ message: 'invalid_id' });
const MemberParams = z.object({ clientId: Id, memberId: Id });
const CheckParams = MemberParams.extend({ checkId: Id });
const SignalParams = z.object({ organisationId: Id, signalId: Id });
const oneOrMany = <T extends z.ZodTypeAny>(s: T) => z.union([s, z.array(s)]).optional();
const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const latest = (l: { checkId: string; instrumentKey: string; title: string; total: number; maxScore: number; bandLabel: string | null; overload: boolean; completedAt: Date }) => ({
  ...l,
  completedAt: l.completedAt.toISOString(),
});

/**
 * Burden checks with follow-up: instruments (FHIR Questionnaires), self-checks and checks in
 * a conversation, trend, reminder schedules, and overload signals for organisations.
 */
export const burdenRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['burden'];

  // ---- instruments

  app.get('/api/burden/instruments', { schema: { tags, summary: 'Burden instruments (current versions)', response: { 200: z.object({ items: z.array(InstrumentSummarySchema) }) } } }, async (request) => ({
    items: (await instruments.instrumentLister(services, actorOf(request))).map(presentInstrument),
  }));

  app.get(
    '/api/burden/instruments/:key',
    { schema: { tags, summary: 'One instrument with its questions (current or named version)', params: z.object({ key: InstrumentKey }), querystring: z.strictObject({ version: z.string().max(64).optional() }), response: { 200: InstrumentDetailSchema } } },
    async (request) => {
      const entry = await instruments.instrumentReader(services, actorOf(request), { key: request.params.key, version: request.query.version });
      return { ...presentInstrument(entry), items: entry.instrument.items.map(presentItem), questionnaire: entry.current.resource };
    },
  );

  app.post(
    '/api/admin/burden/instruments',
    {
      schema: {
        tags,
        summary: 'Import a FHIR Questionnaire with the Mantelkring scoring extension (platform admin)',
        body: ImportInstrumentInput,
        response: { 201: z.object({ key: z.string(), version: z.string(), versionId: z.string(), current: z.boolean() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await instruments.instrumentImporter(services, actorOf(request), request.body, originOf(request))),
  );

  // ---- the caregiver's own page and the circle overview

  app.get('/api/burden/me', { schema: { tags, summary: "The caregiver's own checks: due, paused, latest results", response: { 200: MyBurdenSchema } } }, async (request) => {
    const { circles } = await overview.myBurdenReader(services, actorOf(request), originOf(request));
    return {
      circles: circles.map((c) => ({ ...c, drafts: c.drafts.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })), latest: c.latest.map(latest) })),
    };
  });

  app.get(
    '/api/circles/:clientId/burden',
    { schema: { tags, summary: 'Caregivers of the circle with their latest results (what the actor may see)', params: z.object({ clientId: Id }), response: { 200: CircleBurdenSchema } } },
    async (request) => {
      const { caregivers } = await overview.circleBurdenReader(services, actorOf(request), request.params, originOf(request));
      return {
        caregivers: caregivers.map((c) => ({
          memberId: c.member.id,
          name: `${c.member.given_name} ${c.member.family_name}`.trim(),
          kind: c.member.kind,
          isMe: c.isMe,
          checkCount: c.checkCount,
          latest: c.latest.map(latest),
          signal: c.signal ? { id: c.signal.id, status: c.signal.status } : null,
        })),
      };
    },
  );

  // ---- checks of one caregiver

  const base = '/api/circles/:clientId/members/:memberId';

  app.get(
    `${base}/burden-checks`,
    {
      schema: {
        tags,
        summary: "A caregiver's checks: results (default) or paused drafts",
        params: MemberParams,
        querystring: z.strictObject({ status: z.enum(['completed', 'in_progress']).default('completed') }),
        response: { 200: z.object({ items: z.array(CheckListItemSchema) }) },
      },
    },
    async (request) => ({
      items: (await checks.burdenCheckLister(services, actorOf(request), { ...request.params, status: request.query.status }, originOf(request))).map(presentCheckListItem),
    }),
  );

  app.post(
    `${base}/burden-checks`,
    {
      schema: {
        tags,
        summary: 'Start a check (201), or resume the paused one on this instrument (200)',
        description: 'The caregiver for themselves (mode self), or a professional with full access in a conversation (mode professional).',
        params: MemberParams,
        body: StartCheckInput,
        response: { 200: CheckSchema, 201: CheckSchema },
      },
    },
    async (request, reply) => {
      const { view, resumed } = await checks.burdenCheckStarter(services, actorOf(request), { ...request.params, instrumentKey: request.body.instrument, mantelscanId: request.body.mantelscanId }, originOf(request));
      return reply.code(resumed ? 200 : 201).send(presentCheck(view));
    },
  );

  app.get(`${base}/burden-checks/:checkId`, { schema: { tags, summary: 'A paused check or a result', params: CheckParams, response: { 200: CheckSchema } } }, async (request) =>
    presentCheck(await checks.burdenCheckReader(services, actorOf(request), request.params, originOf(request))),
  );

  app.patch(
    `${base}/burden-checks/:checkId`,
    { schema: { tags, summary: 'Save answers of a paused check (null clears an answer)', params: CheckParams, body: SaveDraftInput, response: { 200: CheckSchema } } },
    async (request) => presentCheck(await checks.burdenDraftSaver(services, actorOf(request), { ...request.params, ...request.body }, originOf(request))),
  );

  app.post(
    `${base}/burden-checks/:checkId/complete`,
    { schema: { tags, summary: 'Complete a check: score, band, next steps, signal', params: CheckParams, body: CompleteCheckInput, response: { 200: CheckSchema } } },
    async (request) => presentCheck(await checks.burdenCheckRecorder(services, actorOf(request), { ...request.params, ...request.body }, originOf(request))),
  );

  app.put(
    `${base}/burden-checks/:checkId/sharing`,
    { schema: { tags, summary: 'Share a self-check result with the professional(s), or stop sharing', params: CheckParams, body: SharingInput, response: { 200: CheckSchema } } },
    async (request) => presentCheck(await checks.burdenSharingSetter(services, actorOf(request), { ...request.params, shared: request.body.shared }, originOf(request))),
  );

  app.delete(`${base}/burden-checks/:checkId`, { schema: { tags, summary: 'Throw away a paused check', params: CheckParams, response: { 204: z.null() } } }, async (request, reply) => {
    await checks.burdenCheckDiscarder(services, actorOf(request), request.params, originOf(request));
    return noContent(reply);
  });

  app.get(
    `${base}/burden-trend`,
    { schema: { tags, summary: 'Results over time per instrument (chart and table)', params: MemberParams, querystring: z.strictObject({ instrument: InstrumentKey.optional() }), response: { 200: TrendSchema } } },
    async (request) => presentTrend(await overview.burdenTrendReader(services, actorOf(request), { ...request.params, instrumentKey: request.query.instrument }, originOf(request))),
  );

  app.get(
    `${base}/burden-schedules`,
    { schema: { tags, summary: "The caregiver's reminder schedule (defaults until the first check)", params: MemberParams, response: { 200: z.object({ items: z.array(ScheduleSchema) }) } } },
    async (request) => ({ items: await schedules.burdenScheduleLister(services, actorOf(request), request.params, originOf(request)) }),
  );

  app.put(
    `${base}/burden-schedules/:instrumentKey`,
    {
      schema: {
        tags,
        summary: 'Change how often a check is due, or switch its reminder off',
        params: MemberParams.extend({ instrumentKey: InstrumentKey }),
        body: ScheduleInput,
        response: { 200: z.object({ items: z.array(ScheduleSchema) }) },
      },
    },
    async (request) => ({ items: await schedules.burdenScheduleSetter(services, actorOf(request), { ...request.params, ...request.body }, originOf(request)) }),
  );

  // ---- signals of an organisation

  app.get(
    '/api/organisations/:organisationId/burden-signals',
    {
      schema: {
        tags,
        summary: 'Overload signals of the organisation (unclosed first, escalated first)',
        params: z.object({ organisationId: Id }),
        querystring: PageQuery.extend({ status: oneOrMany(SignalStatus), escalated: z.stringbool().optional(), mine: z.stringbool().optional() }),
        response: { 200: paged(SignalSchema) },
      },
    },
    async (request) => {
      const { status, escalated, mine, page, pageSize } = request.query;
      const found = await signals.signalLister(
        services,
        actorOf(request),
        { organisationId: request.params.organisationId, statuses: asList(status), escalatedOnly: escalated ?? false, mine: mine ?? false, page, pageSize },
        originOf(request),
      );
      return { ...found, items: found.items.map(presentSignal) };
    },
  );

  const detail = async (request: { params: { organisationId: string; signalId: string } } & Parameters<typeof actorOf>[0]) => {
    const { view, actions, events } = await signals.signalReader(services, actorOf(request), request.params, originOf(request));
    return {
      ...presentSignal(view),
      actions: actions.map((a) => ({ id: a.id, kind: a.kind, note: a.note, occurredAt: a.occurred_at.toISOString(), recordedBy: a.recorded_by_name, contactId: a.contact_id })),
      events: events.map((e) => ({ kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, note: e.note, user: e.user_name, occurredAt: e.occurred_at.toISOString() })),
    };
  };

  app.get('/api/organisations/:organisationId/burden-signals/:signalId', { schema: { tags, params: SignalParams, response: { 200: SignalDetailSchema } } }, async (request) => detail(request));

  app.post(
    '/api/organisations/:organisationId/burden-signals/:signalId/status',
    { schema: { tags, summary: 'Move the signal on: open → contacted → plan_agreed → closed', params: SignalParams, body: SignalStatusInput, response: { 200: SignalDetailSchema } } },
    async (request) => {
      await signals.signalStatusChanger(services, actorOf(request), { ...request.params, ...request.body }, originOf(request));
      return detail(request);
    },
  );

  app.post(
    '/api/organisations/:organisationId/burden-signals/:signalId/actions',
    { schema: { tags, summary: 'Record a follow-up action (a conversation is also a caregiver contact)', params: SignalParams, body: SignalActionInput, response: { 201: z.object({ id: z.string() }) } } },
    async (request, reply) => reply.code(201).send({ id: await signals.signalFollowUpRecorder(services, actorOf(request), { ...request.params, ...request.body }, originOf(request)) }),
  );

  app.put(
    '/api/organisations/:organisationId/burden-signals/:signalId/assignee',
    { schema: { tags, summary: 'Assign the signal to a colleague (or to nobody)', params: SignalParams, body: AssigneeInput, response: { 200: SignalDetailSchema } } },
    async (request) => {
      await signals.signalAssigner(services, actorOf(request), { ...request.params, userId: request.body.userId }, originOf(request));
      return detail(request);
    },
  );
};
