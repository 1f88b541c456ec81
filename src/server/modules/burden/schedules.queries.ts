import type { Queryable } from '../../../db/types.ts';

export interface ScheduleRow {
  id: string;
  member_id: string;
  instrument_key: string;
  interval_months: number;
  enabled: boolean;
  next_due_on: string;
}

/** The stored schedules of these caregivers. */
export async function listSchedules(db: Queryable, memberIds: string[]): Promise<ScheduleRow[]> {
  const { rows } = await db.query<ScheduleRow>(
    'select id, member_id, instrument_key, interval_months, enabled, next_due_on from burden_schedules where member_id = any($1::uuid[]) order by member_id, instrument_key',
    [memberIds],
  );
  return rows;
}

/** When each of these caregivers last completed a check, per instrument. */
export async function lastCompletedAt(db: Queryable, memberIds: string[]): Promise<{ member_id: string; instrument_key: string; at: Date }[]> {
  const { rows } = await db.query<{ member_id: string; instrument_key: string; at: Date }>(
    `select member_id, instrument_key, max(completed_at) as at from burden_responses where member_id = any($1::uuid[]) and status = 'completed' group by member_id, instrument_key`,
    [memberIds],
  );
  return rows;
}

/** A caregiver's schedule for one instrument. */
export interface ScheduleFields {
  tenantKey: string;
  clientId: string;
  memberId: string;
  instrumentKey: string;
  intervalMonths: number;
  nextDueOn: string;
  now: Date;
}

/** Creates a schedule when missing (existing ones are left as the caregiver set them). */
export async function insertScheduleIfMissing(db: Queryable, s: ScheduleFields): Promise<void> {
  await db.query(
    `insert into burden_schedules (tenant_key, client_id, member_id, instrument_key, interval_months, next_due_on, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict (member_id, instrument_key) do nothing`,
    [s.tenantKey, s.clientId, s.memberId, s.instrumentKey, s.intervalMonths, s.nextDueOn, s.now],
  );
}

export async function upsertSchedule(db: Queryable, s: ScheduleFields & { enabled: boolean }): Promise<void> {
  await db.query(
    `insert into burden_schedules (tenant_key, client_id, member_id, instrument_key, interval_months, enabled, next_due_on, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     on conflict (member_id, instrument_key) do update set interval_months = excluded.interval_months, enabled = excluded.enabled,
       next_due_on = excluded.next_due_on, updated_at = excluded.updated_at`,
    [s.tenantKey, s.clientId, s.memberId, s.instrumentKey, s.intervalMonths, s.enabled, s.nextDueOn, s.now],
  );
}

/** After a check: the next one on this instrument is one interval after the day it was completed. */
export async function advanceSchedule(db: Queryable, a: { memberId: string; instrumentKey: string; completedOn: string; now: Date }): Promise<void> {
  await db.query(
    `update burden_schedules set next_due_on = ($3::date + make_interval(months => interval_months))::date, updated_at = $4
     where member_id = $1 and instrument_key = $2`,
    [a.memberId, a.instrumentKey, a.completedOn, a.now],
  );
}
