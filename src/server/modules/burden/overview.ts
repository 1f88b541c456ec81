import { isInformalKind } from '../../../common/burden.ts';
import { scoreFacts, type Instrument, type Score } from '../../../domain/burden.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { burdenPolicy, type CheckAccess } from '../../platform/policy/burden.ts';
import { assertClientAccess, professionalOrganisation } from '../../platform/policy/client.ts';
import { accessFacts, today } from '../circles/access.ts';
import { listMembers, type MemberRow } from '../circles/queries.ts';
import { listResponses, type ResponseRow } from './checks.queries.ts';
import { currentInstruments, instrumentsByVersion, pinnedInstruments } from './instruments.ts';
import type { InstrumentVersionRow } from './instruments.queries.ts';
import * as q from './overview.queries.ts';
import { effectiveSchedules } from './schedules.ts';
import { subjectAudit, subjectOf, visibleTo } from './subject.ts';

/**
 * What the caregiver and the circle see of burden checks at a glance: the circle overview,
 * the caregiver's own page, and one caregiver's trend. Each page takes a fixed number of
 * queries, whatever the number of caregivers or circles (one query per page, not per member).
 */

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Latest visible result per instrument of one caregiver. */
function latestPerInstrument(rows: ResponseRow[], versions: Map<string, { instrument: Instrument }>) {
  const latest = new Map<string, ResponseRow>();
  for (const r of rows) latest.set(r.instrument_key, r);
  return [...latest.values()].flatMap((r) => {
    const v = versions.get(r.instrument_version_id);
    if (!v || r.total === null || !r.completed_at) return [];
    const s = scoreFacts(v.instrument, r.total);
    return [{ checkId: r.id, instrumentKey: r.instrument_key, title: v.instrument.title, total: r.total, maxScore: v.instrument.scoring.maxScore, bandLabel: s.band?.label ?? null, overload: s.overload, completedAt: r.completed_at }];
  });
}

/**
 * The burden picture of a circle for the actor: a professional of the client sees every
 * caregiver with a shared result; a member sees only themselves.
 */
export async function circleBurdenReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'agenda');
  const organisationId = professionalOrganisation(f);
  const members = await listMembers(services.db, input.clientId, today(services));
  const shown = members.flatMap((m) => {
    if (!isInformalKind(m.kind)) return [];
    const access: CheckAccess | null = m.id === f.member?.id ? { mode: 'self', organisationId: null } : organisationId ? { mode: 'professional', organisationId } : null;
    return access ? [{ member: m, access }] : [];
  });
  const memberIds = shown.map((x) => x.member.id);
  const selfIds = shown.filter((x) => x.access.mode === 'self').map((x) => x.member.id);
  const [responses, signals] = await Promise.all([q.listResponsesOfMembers(services.db, { memberIds, statuses: ['completed'], allOf: selfIds }), q.unclosedSignals(services.db, memberIds)]);
  const versions = await instrumentsByVersion(services.db, responses.map((r) => r.instrument_version_id));
  const responsesOf = groupBy(responses, (r) => r.member_id);
  const signalsOf = groupBy(signals, (s) => s.member_id);
  const caregivers = [];
  for (const { member: m, access } of shown) {
    const rows = (responsesOf.get(m.id) ?? []).filter((r) => visibleTo(access, r));
    if (access.mode === 'professional' && rows.length === 0) continue;
    // A professional sees a signal only when it is their organisation's to follow up.
    const open = (signalsOf.get(m.id) ?? []).find((x) => access.mode === 'self' || x.organisation_id === organisationId) ?? null;
    caregivers.push({ member: m, isMe: access.mode === 'self', checkCount: rows.length, latest: latestPerInstrument(rows, versions), signal: open });
  }
  await audit(services.db, { actor }, origin, {
    action: 'read',
    resourceType: 'burden_response',
    clientId: f.clientId,
    tenantKey: f.tenantKey,
    organisationId: f.member ? null : organisationId,
    detail: { overview: true, caregivers: caregivers.map((c) => c.member.id) },
  });
  return { caregivers };
}

/** The caregiver's own burden page: per circle, what is due, paused checks, latest results. */
export async function myBurdenReader(services: Services, actor: Actor, origin: Origin) {
  burdenPolicy.assertReadInstruments(actor);
  const memberships = await q.myCaregiverMemberships(services.db, actor.userId);
  const memberIds = memberships.map((m) => m.member_id);
  // All her own checks count (allOf): results and drafts of every circle she gives care in.
  const [responses, schedules, signals] = await Promise.all([
    q.listResponsesOfMembers(services.db, { memberIds, statuses: ['completed', 'in_progress'], allOf: memberIds }),
    effectiveSchedules(services, services.db, memberIds),
    q.unclosedSignals(services.db, memberIds),
  ]);
  const versions = await pinnedInstruments(services.db, responses.map((r) => r.instrument_version_id));
  const responsesOf = groupBy(responses, (r) => r.member_id);
  const signalsOf = groupBy(signals, (s) => s.member_id);
  const circles = memberships.map((m) => {
    const mine = responsesOf.get(m.member_id) ?? [];
    // Her open signals, care organisation first (one per organisation that follows up).
    const signal = signalsOf.get(m.member_id)?.[0] ?? null;
    return {
      clientId: m.client_id,
      clientGivenName: m.client_given_name,
      memberId: m.member_id,
      due: (schedules.get(m.member_id) ?? []).filter((x) => x.due),
      drafts: mine
        .filter((d) => d.status === 'in_progress' && d.mode === 'self')
        .flatMap((d) => {
          const v = versions.get(d.instrument_version_id);
          return v ? [{ id: d.id, instrumentKey: d.instrument_key, title: v.instrument.title, answeredCount: Object.keys(d.answers).length, itemCount: v.instrument.items.length, updatedAt: d.updated_at }] : [];
        }),
      latest: latestPerInstrument(
        mine.filter((r) => r.status === 'completed'),
        versions,
      ),
      signal: signal ? { status: signal.status, organisationName: signal.organisation_name } : null,
    };
  });
  await auditMany(
    services.db,
    { actor },
    origin,
    memberships.map((m) => ({ action: 'read', resourceType: 'burden_response', clientId: m.client_id, tenantKey: m.tenant_key, detail: { own: true } })),
  );
  return { circles };
}

/** One point of a trend line. */
export interface TrendPoint {
  row: ResponseRow;
  instrument: Instrument;
  version: InstrumentVersionRow;
  score: Score;
}

/**
 * The caregiver's results over time, per instrument (chart and table use the same data):
 * all of them for the caregiver, the shared ones for a professional of the client.
 */
export async function burdenTrendReader(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; instrumentKey?: string },
  origin: Origin,
): Promise<{ member: MemberRow; series: { key: string; current: Instrument | null; points: TrendPoint[] }[] }> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const rows = await listResponses(services.db, s.member.id, { status: 'completed', instrumentKey: input.instrumentKey });
  const visible = rows.filter((r) => visibleTo(s.access, r));
  const versions = await instrumentsByVersion(services.db, visible.map((r) => r.instrument_version_id));
  const series = new Map<string, TrendPoint[]>();
  for (const row of visible) {
    const v = versions.get(row.instrument_version_id);
    if (!v || row.total === null) continue;
    series.set(row.instrument_key, [...(series.get(row.instrument_key) ?? []), { row, instrument: v.instrument, version: v.row, score: scoreFacts(v.instrument, row.total) }]);
  }
  const currents = series.size ? await currentInstruments(services.db) : [];
  const result = [...series].map(([key, points]) => {
    const current = currents.find((v) => v.row.instrument_key === key);
    return { key, current: current?.instrument ?? null, points };
  });
  await audit(services.db, { actor }, origin, subjectAudit(s, 'read', null, { trend: true, memberId: s.member.id, points: visible.length }));
  return { member: s.member, series: result };
}
