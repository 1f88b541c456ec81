import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';
import { answersForPoints, scoreAnswers, signalReasons } from '../../../domain/burden.ts';
import { DEFAULT_SCHEDULES, nextDueOn } from '../../../domain/burden-schedule.ts';
import { dutchDate } from '../../../domain/dates.ts';
import { instrumentOf, storeBuiltinInstruments, type LoadedVersion } from './instruments.ts';
import { findInstrumentVersion } from './instruments.queries.ts';
import { insertCompleted } from './checks.queries.ts';
import { insertScheduleIfMissing } from './schedules.queries.ts';
import { insertAction, insertSignal, insertSignalEvent, linkedOrganisations, localSupport, professionalOnMap } from './signals.queries.ts';
import * as q from './seed.queries.ts';

const DAY = 86_400_000;
const DEMO_CAREGIVER_EMAIL = 'mantelzorger@demo.mantelkring.nl';

/**
 * Demo data for burden checks, inside the demo seed's transaction (call it after
 * `seedCircles`; it stores the built-in instruments first when they are not there yet):
 * - the demo caregiver (Anja de Vries, caring for Gerrit in Leiden): EDIZ-plus four months
 *   ago (moderate), three monthly check-ins, an EDIZ taken by the district nurse in the
 *   MantelScan, and EDIZ-plus two days ago in the heavy band, shared → one open signal for
 *   the home-care organisation, assigned to the demo nurse; her monthly check-in is due;
 * - generated caregivers: EDIZ-plus results spread like Dutch caregivers (21% none, 33%
 *   light, 27% moderate, 19% heavy), with signals at support centres and care providers,
 *   some followed up and closed.
 */
export async function seedBurden(tx: Queryable, faker: Faker, ctx: { now: Date; share?: number }): Promise<{ checks: number; signals: number }> {
  await storeBuiltinInstruments(tx);
  const load = async (key: string): Promise<LoadedVersion> => {
    const version = await findInstrumentVersion(tx, key);
    if (!version) throw new Error(`Instrument ${key} is missing from data/instruments.`);
    return { version, instrument: instrumentOf(version) };
  };
  const [plus, ediz, checkIn] = await Promise.all([load('ediz-plus'), load('ediz'), load('self-rated-burden')]);
  let checks = 0;
  let signals = 0;

  const record = async (
    m: q.SeedCaregiverRow,
    l: LoadedVersion,
    points: number,
    at: Date,
    opts: { shared: boolean; mode?: 'self' | 'professional'; by?: string | null; organisationId?: string | null; mantelscanId?: string | null },
  ) => {
    const answers = answersForPoints(l.instrument, points);
    const scored = scoreAnswers(l.instrument, answers);
    if (!scored.ok) throw new Error(`demo answers do not score: ${scored.errors[0]?.message}`);
    const mode = opts.mode ?? 'self';
    const id = await insertCompleted(
      tx,
      {
        tenantKey: m.tenant_key,
        clientId: m.client_id,
        memberId: m.member_id,
        instrumentKey: l.version.instrument_key,
        instrumentVersionId: l.version.id,
        mode,
        administeredBy: opts.by ?? m.user_id,
        organisationId: opts.organisationId ?? null,
        mantelscanId: opts.mantelscanId ?? null,
        sourceSystem: 'web',
        answers: {},
        currentLinkId: null,
        now: at,
      },
      { answers, total: scored.value.total, bandCode: scored.value.band?.code ?? null, overload: scored.value.overload, shared: mode === 'professional' || opts.shared, now: at },
    );
    checks++;
    return { id, score: scored.value };
  };

  const schedules = async (m: { member_id: string; client_id: string; tenant_key: string }, last: Record<string, Date>) => {
    for (const d of DEFAULT_SCHEDULES) {
      const at = last[d.instrumentKey];
      await insertScheduleIfMissing(tx, {
        tenantKey: m.tenant_key,
        clientId: m.client_id,
        memberId: m.member_id,
        instrumentKey: d.instrumentKey,
        intervalMonths: d.intervalMonths,
        nextDueOn: nextDueOn(at ? dutchDate(at) : null, dutchDate(ctx.now), d.intervalMonths),
        now: ctx.now,
      });
    }
  };

  // The demo family.
  const anja = await q.demoCaregiver(tx, DEMO_CAREGIVER_EMAIL);
  if (anja) {
    const ago = (days: number) => new Date(ctx.now.getTime() - days * DAY);
    await record(anja, plus, 5, ago(120), { shared: true });
    for (const [days, value] of [[95, 4], [64, 5], [33, 6]] as const) await record(anja, checkIn, value, ago(days), { shared: true });
    const s = await q.lastCompletedScan(tx, anja.member_id);
    if (s?.organisation_id) await record(anja, ediz, 6, s.completed_at, { shared: true, mode: 'professional', by: s.conducted_by, organisationId: s.organisation_id, mantelscanId: s.id });
    const heavy = await record(anja, plus, 10, ago(2), { shared: true });
    const linked = (await linkedOrganisations(tx, anja.client_id, dutchDate(ctx.now)))[0];
    if (linked) {
      const signalId = await insertSignal(tx, {
        tenantKey: anja.tenant_key,
        clientId: anja.client_id,
        memberId: anja.member_id,
        responseId: heavy.id,
        reasons: signalReasons(heavy.score, 5),
        total: heavy.score.total,
        previousTotal: 5,
        organisationId: linked.id,
        routedTo: 'professional',
        assignedUserId: await professionalOnMap(tx, anja.client_id, linked.id),
        now: ago(2),
      });
      await insertSignalEvent(tx, { tenantKey: anja.tenant_key, signalId, kind: 'created', toStatus: 'open', userId: null, at: ago(2) });
      signals++;
    }
    await schedules(anja, { 'ediz-plus': ago(2), 'self-rated-burden': ago(33) });
  }

  // Generated caregivers: main caregivers with an account, other than the demo caregiver.
  const others = await q.otherMainCaregivers(tx, DEMO_CAREGIVER_EMAIL);
  for (const m of others) {
    if (!faker.datatype.boolean(ctx.share ?? 0.6)) continue;
    const band = faker.helpers.weightedArrayElement([
      { weight: 21, value: [0, 0] },
      { weight: 33, value: [1, 3] },
      { weight: 27, value: [4, 8] },
      { weight: 19, value: [9, 15] },
    ]);
    const points = faker.number.int({ min: band[0] as number, max: band[1] as number });
    const at = faker.date.recent({ days: 80, refDate: ctx.now });
    const shared = faker.datatype.boolean(0.5);
    const previousPoints = faker.datatype.boolean(0.5) ? Math.max(0, points - faker.number.int({ min: -2, max: 4 })) : null;
    if (previousPoints !== null) await record(m, plus, previousPoints, new Date(at.getTime() - faker.number.int({ min: 85, max: 100 }) * DAY), { shared });
    const latest = await record(m, plus, points, at, { shared });
    const reasons = signalReasons(latest.score, previousPoints);
    if (reasons.length) {
      const linked = shared ? (await linkedOrganisations(tx, m.client_id, dutchDate(ctx.now)))[0] : undefined;
      const centre = linked ? undefined : (await localSupport(tx, m.tenant_key)).find((o) => o.is_support_centre);
      const organisationId = linked?.id ?? centre?.id ?? null;
      const signalId = await insertSignal(tx, {
        tenantKey: m.tenant_key,
        clientId: m.client_id,
        memberId: m.member_id,
        responseId: latest.id,
        reasons,
        total: latest.score.total,
        previousTotal: previousPoints,
        organisationId,
        routedTo: linked ? 'professional' : centre ? 'support_centre' : 'none',
        assignedUserId: null,
        now: at,
      });
      await insertSignalEvent(tx, { tenantKey: m.tenant_key, signalId, kind: 'created', toStatus: 'open', userId: null, at });
      signals++;
      // Older signals were mostly followed up and closed; recent ones are still open.
      if (ctx.now.getTime() - at.getTime() > 20 * DAY && faker.datatype.boolean(0.8)) {
        const followUp = new Date(at.getTime() + faker.number.int({ min: 1, max: 6 }) * DAY);
        const closed = new Date(followUp.getTime() + faker.number.int({ min: 7, max: 14 }) * DAY);
        await q.closeSignalAsFollowedUp(tx, { id: signalId, followUpAt: followUp, closedAt: closed });
        await insertAction(tx, { tenantKey: m.tenant_key, signalId, kind: faker.helpers.arrayElement(['conversation', 'respite', 'volunteer_help', 'referral']), note: null, occurredAt: followUp, recordedBy: null, organisationId, contactId: null });
        await insertSignalEvent(tx, { tenantKey: m.tenant_key, signalId, kind: 'status', fromStatus: 'open', toStatus: 'closed', note: 'Opgevolgd en afgesloten.', userId: null, at: closed });
      }
    }
    await schedules(m, { 'ediz-plus': at });
  }
  return { checks, signals };
}
