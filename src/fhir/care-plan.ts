/**
 * Agreements "who does what" as FHIR R4 CarePlan in the style of nl-core-HelpFromOthers: one
 * CarePlan per agreement (one kind of help by one performer), category SNOMED 243114000, the
 * activity's performer the caregiver (RelatedPerson, the nl-core-ContactPerson of the circle
 * member) and its timing the agreement's Recurrence as Timing.repeat.
 */
import type { AgreementStatus } from '../common/agreements.ts';
import type { Recurrence, Weekday } from '../common/recurrence.ts';
import type { Reference, ResourceBase } from './types.ts';

export const HELP_FROM_OTHERS_PROFILE = 'http://nictiz.nl/fhir/StructureDefinition/nl-core-HelpFromOthers';
const SNOMED = 'http://snomed.info/sct';

export interface TimingRepeat {
  frequency?: number;
  period?: number;
  periodUnit?: 'd' | 'wk' | 'mo';
  dayOfWeek?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
  count?: number;
  boundsPeriod?: { start?: string; end?: string };
}

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'plan';
  category: { coding: { system: string; code: string; display: string }[] }[];
  subject: Reference;
  period?: { start?: string; end?: string };
  note?: { text: string }[];
  activity?: {
    detail: {
      code?: { coding?: { system: string; code: string; display?: string }[]; text: string };
      status: 'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'cancelled' | 'stopped' | 'unknown' | 'entered-in-error';
      statusReason?: { text: string };
      scheduledTiming?: { repeat: TimingRepeat };
      performer?: Reference[];
    };
  }[];
}

/** What the mapping needs of one agreement. */
export interface CarePlanFacts {
  id: string;
  clientId: string;
  taskCode: string | null;
  task: string;
  recurrence: Recurrence | null;
  since: string | null;
  until: string | null;
  notes: string | null;
  status: AgreementStatus;
  /** Why it is not yet allowed, in plain language. */
  reasons: string[];
  /** The performer: a circle member (RelatedPerson/PractitionerRole reference) or only a name. */
  performer: { reference?: string; display: string };
  updatedAt: string;
}

const DAYS: Record<Weekday, NonNullable<TimingRepeat['dayOfWeek']>[number]> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };
const UNITS = { daily: 'd', weekly: 'wk', monthly: 'mo' } as const;

/** Recurrence → Timing.repeat: once per `interval` days/weeks/months, on the weekdays, until the end date or `count` times. */
export function timingRepeat(r: Recurrence, since: string | null): TimingRepeat {
  const repeat: TimingRepeat = { frequency: 1, period: r.interval, periodUnit: UNITS[r.frequency] };
  if (r.frequency === 'weekly' && r.byWeekday && r.byWeekday.length > 0) repeat.dayOfWeek = r.byWeekday.map((d) => DAYS[d]);
  if (r.count) repeat.count = r.count;
  if (since || r.until) repeat.boundsPeriod = { ...(since ? { start: since } : {}), ...(r.until ? { end: r.until } : {}) };
  return repeat;
}

export function toCarePlan(a: CarePlanFacts): CarePlan {
  const status = a.status === 'ended' ? 'completed' : a.status === 'not_allowed' ? 'on-hold' : 'active';
  const detailStatus = a.status === 'ended' ? 'completed' : a.status === 'not_allowed' ? 'on-hold' : 'in-progress';
  const plan: CarePlan = {
    resourceType: 'CarePlan',
    id: a.id,
    meta: { lastUpdated: a.updatedAt, profile: [HELP_FROM_OTHERS_PROFILE] },
    status,
    intent: 'plan',
    category: [{ coding: [{ system: SNOMED, code: '243114000', display: 'Support' }] }],
    subject: { reference: `Patient/${a.clientId}` },
    activity: [
      {
        detail: {
          code: { ...(a.taskCode ? { coding: [{ system: 'urn:mantelkring:task-catalogue', code: a.taskCode, display: a.task }] } : {}), text: a.task },
          status: detailStatus,
          ...(a.reasons.length > 0 ? { statusReason: { text: a.reasons.join(' ') } } : {}),
          ...(a.recurrence ? { scheduledTiming: { repeat: timingRepeat(a.recurrence, a.since) } } : {}),
          performer: [a.performer.reference ? { reference: a.performer.reference, display: a.performer.display } : { display: a.performer.display }],
        },
      },
    ],
  };
  if (a.since || a.until) plan.period = { ...(a.since ? { start: a.since } : {}), ...(a.until ? { end: a.until } : {}) };
  if (a.notes) plan.note = [{ text: a.notes }];
  return plan;
}
