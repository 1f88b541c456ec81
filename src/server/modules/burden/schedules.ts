import type { Queryable } from '../../../db/types.ts';
import { DEFAULT_SCHEDULES, nextDueOn } from '../../../domain/burden-schedule.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { burdenPolicy } from '../../platform/policy/burden.ts';
import { today } from '../circles/access.ts';
import { usableVersion } from './instruments.ts';
import { findInstrumentVersion } from './instruments.queries.ts';
import { currentVersionHeads } from './instruments.ts';
import * as q from './schedules.queries.ts';
import { assertInformal, subjectOf, type Subject } from './subject.ts';

/** A caregiver's schedule for one instrument as shown: stored, the default, or none. */
export interface EffectiveSchedule {
  instrumentKey: string;
  title: string;
  intervalMonths: number | null;
  enabled: boolean;
  nextDueOn: string | null;
  due: boolean;
  lastCompletedOn: string | null;
  isDefault: boolean;
  /** False while the default is only shown (no reminders until the first check). */
  stored: boolean;
}

/** When each instrument was last completed by one caregiver. */
async function lastCompletedOf(db: Queryable, memberId: string): Promise<Map<string, Date>> {
  return new Map((await q.lastCompletedAt(db, [memberId])).map((r) => [r.instrument_key, r.at]));
}

/**
 * Every active instrument with each caregiver's schedule for it: stored, default, or none.
 * Three queries whatever the number of caregivers.
 */
export async function effectiveSchedules(services: Services, db: Queryable, memberIds: string[]): Promise<Map<string, EffectiveSchedule[]>> {
  const now = today(services);
  const [stored, last, currents] = await Promise.all([q.listSchedules(db, memberIds), q.lastCompletedAt(db, memberIds), currentVersionHeads(db)]);
  const active = currents.filter((v) => v.status === 'active');
  return new Map(
    memberIds.map((memberId) => [
      memberId,
      active.map((v) => {
        const row = stored.find((s) => s.member_id === memberId && s.instrument_key === v.instrument_key);
        const def = DEFAULT_SCHEDULES.find((d) => d.instrumentKey === v.instrument_key);
        const lastAt = last.find((l) => l.member_id === memberId && l.instrument_key === v.instrument_key)?.at;
        const lastOn = lastAt ? dutchDate(lastAt) : null;
        const interval = row?.interval_months ?? def?.intervalMonths ?? null;
        const enabled = row ? row.enabled : def !== undefined;
        const nextDue = row ? row.next_due_on : interval !== null && enabled ? (lastOn ? nextDueOn(lastOn, now, interval) : now) : null;
        return {
          instrumentKey: v.instrument_key,
          title: v.title,
          intervalMonths: interval,
          enabled,
          nextDueOn: enabled ? nextDue : null,
          due: enabled && nextDue !== null && nextDue <= now,
          lastCompletedOn: lastOn,
          isDefault: def !== undefined,
          stored: row !== undefined,
        };
      }),
    ]),
  );
}

async function schedulesOf(services: Services, memberId: string): Promise<EffectiveSchedule[]> {
  return (await effectiveSchedules(services, services.db, [memberId])).get(memberId) ?? [];
}

/** Stores the default schedules (monthly check-in, EDIZ-plus every three months) when missing. */
export async function ensureDefaultSchedules(tx: Queryable, s: Subject, now: Date): Promise<void> {
  const last = await lastCompletedOf(tx, s.member.id);
  const day = dutchDate(now);
  for (const d of DEFAULT_SCHEDULES) {
    const exists = await findInstrumentVersion(tx, d.instrumentKey);
    if (!exists || exists.status !== 'active') continue;
    const lastAt = last.get(d.instrumentKey);
    await q.insertScheduleIfMissing(tx, {
      tenantKey: s.f.tenantKey,
      clientId: s.f.clientId,
      memberId: s.member.id,
      instrumentKey: d.instrumentKey,
      intervalMonths: d.intervalMonths,
      nextDueOn: nextDueOn(lastAt ? dutchDate(lastAt) : null, day, d.intervalMonths),
      now,
    });
  }
}

/** The caregiver's reminder schedule (only the caregiver themselves). */
export async function burdenScheduleLister(services: Services, actor: Actor, input: { clientId: string; memberId: string }, origin: Origin): Promise<EffectiveSchedule[]> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  burdenPolicy.assertSelf(s.access);
  const schedules = await schedulesOf(services, s.member.id);
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'burden_schedule', clientId: s.f.clientId, tenantKey: s.f.tenantKey, detail: { memberId: s.member.id } });
  return schedules;
}

/**
 * The caregiver changes how often they are reminded of a check, or switches it off. The
 * next due date is counted from their last check on that instrument (else from today).
 */
export async function burdenScheduleSetter(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; instrumentKey: string; intervalMonths?: number; enabled?: boolean },
  origin: Origin,
): Promise<EffectiveSchedule[]> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  burdenPolicy.assertSelf(s.access);
  assertInformal(s.member);
  await usableVersion(services.db, input.instrumentKey);
  const now = services.now();
  const day = dutchDate(now);
  await services.db.transaction(async (tx) => {
    await ensureDefaultSchedules(tx, s, now);
    const existing = (await q.listSchedules(tx, [s.member.id])).find((x) => x.instrument_key === input.instrumentKey);
    const def = DEFAULT_SCHEDULES.find((d) => d.instrumentKey === input.instrumentKey);
    const interval = input.intervalMonths ?? existing?.interval_months ?? def?.intervalMonths ?? 3;
    const lastAt = (await lastCompletedOf(tx, s.member.id)).get(input.instrumentKey);
    await q.upsertSchedule(tx, {
      tenantKey: s.f.tenantKey,
      clientId: s.f.clientId,
      memberId: s.member.id,
      instrumentKey: input.instrumentKey,
      intervalMonths: interval,
      enabled: input.enabled ?? existing?.enabled ?? true,
      nextDueOn: nextDueOn(lastAt ? dutchDate(lastAt) : null, day, interval),
      now,
    });
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'burden_schedule', clientId: s.f.clientId, tenantKey: s.f.tenantKey, detail: { memberId: s.member.id, instrument: input.instrumentKey, intervalMonths: interval, enabled: input.enabled } });
  });
  return schedulesOf(services, s.member.id);
}
