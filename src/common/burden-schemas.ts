import { z } from 'zod';
import { CHECK_MODES, CHECK_STATUSES, INSTRUMENT_STATUSES, SIGNAL_REASONS, SIGNAL_ROUTES, SIGNAL_STATUSES } from './burden.ts';

/**
 * The answer schemas of the burden API, shared by the server (responses, OpenAPI) and the
 * web app (its types are `z.infer` of these). The request schemas stay with the routes
 * (src/server/modules/burden/schemas.ts).
 */

export const SignalStatus = z.enum(SIGNAL_STATUSES);
const CheckStatus = z.enum(CHECK_STATUSES);
const CheckMode = z.enum(CHECK_MODES);

export const BandSchema = z.object({ code: z.string(), min: z.number(), max: z.number(), label: z.string(), meaning: z.string(), level: z.string().nullable() });
export const ScoringSchema = z.object({
  method: z.literal('sum'),
  missingAnswers: z.enum(['refuse', 'prorate']),
  maxMissing: z.number().nullable(),
  minScore: z.number(),
  maxScore: z.number(),
  overloadCutOff: z.number().nullable(),
  resultNote: z.string().nullable(),
  bands: z.array(BandSchema),
});
export const InstrumentSummarySchema = z.object({
  key: z.string(),
  url: z.string(),
  version: z.string(),
  versionId: z.string(),
  title: z.string(),
  status: z.enum(INSTRUMENT_STATUSES),
  builtin: z.boolean(),
  description: z.string().nullable(),
  copyright: z.string().nullable(),
  itemCount: z.number(),
  scoring: ScoringSchema,
  versions: z.array(z.object({ id: z.string(), version: z.string(), status: z.string(), current: z.boolean(), createdAt: z.string() })),
});
export const ItemSchema = z.object({
  linkId: z.string(),
  number: z.number(),
  text: z.string(),
  kind: z.enum(['choice', 'integer']),
  required: z.boolean(),
  options: z.array(z.object({ code: z.string(), display: z.string(), points: z.number() })).nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  lowLabel: z.string().nullable(),
  highLabel: z.string().nullable(),
});
export const InstrumentDetailSchema = InstrumentSummarySchema.extend({
  items: z.array(ItemSchema),
  /** The FHIR R4 Questionnaire as stored. */
  questionnaire: z.record(z.string(), z.unknown()),
});

export const ResultSchema = z.object({
  total: z.number(),
  minScore: z.number(),
  maxScore: z.number(),
  band: BandSchema.nullable(),
  overload: z.boolean(),
  overloadCutOff: z.number().nullable(),
  note: z.string().nullable(),
  previousTotal: z.number().nullable(),
  change: z.number().nullable(),
  rising: z.boolean(),
  nextSteps: z.array(z.object({ kind: z.string(), text: z.string() })),
  supportOffers: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.string(), isSupportCentre: z.boolean(), text: z.string() })),
  /** The follow-up this result started (or was added to), so the caregiver knows who will call. */
  signal: z.object({ id: z.string(), status: z.string(), routedTo: z.string(), organisationName: z.string().nullable() }).nullable(),
});
export const CheckSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  memberId: z.string(),
  status: CheckStatus,
  mode: CheckMode,
  instrument: z.object({ key: z.string(), version: z.string(), versionId: z.string(), title: z.string(), isCurrentVersion: z.boolean() }),
  items: z.array(ItemSchema),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  currentLinkId: z.string().nullable(),
  answeredCount: z.number(),
  itemCount: z.number(),
  administeredBy: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  mantelscanId: z.string().nullable(),
  sharedWithProfessional: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  result: ResultSchema.nullable(),
});
export const CheckListItemSchema = z.object({
  id: z.string(),
  status: CheckStatus,
  mode: CheckMode,
  instrument: z.object({ key: z.string(), version: z.string(), title: z.string() }),
  answeredCount: z.number(),
  itemCount: z.number(),
  total: z.number().nullable(),
  bandLabel: z.string().nullable(),
  overload: z.boolean().nullable(),
  sharedWithProfessional: z.boolean(),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export const TrendSchema = z.object({
  member: z.object({ id: z.string(), name: z.string() }),
  series: z.array(
    z.object({
      instrument: z.object({ key: z.string(), title: z.string(), minScore: z.number(), maxScore: z.number(), overloadCutOff: z.number().nullable(), bands: z.array(BandSchema) }),
      points: z.array(
        z.object({
          checkId: z.string(),
          completedAt: z.string(),
          /** Calendar date in the Netherlands (for the table and the x-axis). */
          date: z.string(),
          total: z.number(),
          bandCode: z.string().nullable(),
          bandLabel: z.string().nullable(),
          overload: z.boolean(),
          mode: CheckMode,
          sharedWithProfessional: z.boolean(),
          version: z.string(),
        }),
      ),
    }),
  ),
});
export const LatestSchema = z.object({ checkId: z.string(), instrumentKey: z.string(), title: z.string(), total: z.number(), maxScore: z.number(), bandLabel: z.string().nullable(), overload: z.boolean(), completedAt: z.string() });
export const ScheduleSchema = z.object({
  instrumentKey: z.string(),
  title: z.string(),
  intervalMonths: z.number().nullable(),
  enabled: z.boolean(),
  nextDueOn: z.string().nullable(),
  due: z.boolean(),
  lastCompletedOn: z.string().nullable(),
  isDefault: z.boolean(),
  stored: z.boolean(),
});
export const MyBurdenSchema = z.object({
  circles: z.array(
    z.object({
      clientId: z.string(),
      clientGivenName: z.string(),
      memberId: z.string(),
      due: z.array(ScheduleSchema),
      drafts: z.array(z.object({ id: z.string(), instrumentKey: z.string(), title: z.string(), answeredCount: z.number(), itemCount: z.number(), updatedAt: z.string() })),
      latest: z.array(LatestSchema),
      signal: z.object({ status: z.string(), organisationName: z.string().nullable() }).nullable(),
    }),
  ),
});
export const CircleBurdenSchema = z.object({
  caregivers: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      kind: z.string(),
      isMe: z.boolean(),
      checkCount: z.number(),
      latest: z.array(LatestSchema),
      signal: z.object({ id: z.string(), status: z.string() }).nullable(),
    }),
  ),
});
export const SignalSchema = z.object({
  id: z.string(),
  status: SignalStatus,
  reasons: z.array(z.enum(SIGNAL_REASONS)),
  /**
   * The check the signal shows: at a care organisation only a result the caregiver shared.
   * All null (and no reasons) when she stopped sharing it: the signal stays, its result not.
   */
  total: z.number().nullable(),
  previousTotal: z.number().nullable(),
  instrument: z.object({ key: z.string(), title: z.string() }).nullable(),
  bandLabel: z.string().nullable(),
  caregiver: z.object({ memberId: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  /** Only for an organisation that works with the client (linked, with consent). */
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  municipalityName: z.string(),
  routedTo: z.enum(SIGNAL_ROUTES),
  assignedTo: z.object({ userId: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  followUpDueAt: z.string(),
  firstFollowUpAt: z.string().nullable(),
  /** Time to first follow-up, in minutes (null until then). */
  minutesToFirstFollowUp: z.number().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const SignalDetailSchema = SignalSchema.extend({
  actions: z.array(z.object({ id: z.string(), kind: z.string(), note: z.string().nullable(), occurredAt: z.string(), recordedBy: z.string().nullable(), contactId: z.string().nullable() })),
  events: z.array(z.object({ kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string().nullable(), user: z.string().nullable(), occurredAt: z.string() })),
});
