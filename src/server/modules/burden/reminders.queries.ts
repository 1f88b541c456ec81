import type { Queryable } from '../../../db/types.ts';
import { anyRow } from '../../platform/rows.ts';

export interface DueReminderRow {
  schedule_id: string;
  tenant_key: string;
  client_id: string;
  member_id: string;
  instrument_key: string;
  next_due_on: string;
  email: string;
  given_name: string;
  title: string;
}

/**
 * Due schedules without a reminder for their due date, locked for this transaction (another
 * instance skips them). Only caregivers with an active account who are still in the circle.
 */
export async function claimDueReminders(db: Queryable, today: string, limit: number): Promise<DueReminderRow[]> {
  const { rows } = await db.query<DueReminderRow>(
    `select s.id as schedule_id, s.tenant_key, s.client_id, s.member_id, s.instrument_key, s.next_due_on, u.email, m.given_name, v.title
     from burden_schedules s
     join circle_members m on m.id = s.member_id and m.left_at is null
     join users u on u.id = m.user_id and u.disabled_at is null
     join burden_instruments i on i.key = s.instrument_key
     join burden_instrument_versions v on v.id = i.current_version_id and v.status = 'active'
     where s.enabled and s.next_due_on <= $1::date
       and not exists (select 1 from burden_reminders br where br.schedule_id = s.id and br.due_on = s.next_due_on)
     order by s.next_due_on, s.id
     limit $2
     for update of s skip locked`,
    [today, limit],
  );
  return rows;
}

/** Marks the reminder for a due date as sent; false when it already was (another instance). */
export async function insertReminder(db: Queryable, r: { scheduleId: string; dueOn: string; tenantKey: string; now: Date }): Promise<boolean> {
  return anyRow(db, 'insert into burden_reminders (schedule_id, due_on, tenant_key, sent_at) values ($1, $2, $3, $4) on conflict do nothing', [r.scheduleId, r.dueOn, r.tenantKey, r.now]);
}
