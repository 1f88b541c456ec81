import { dutchDate } from '../../../domain/dates.ts';
import type { Origin, Services } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { inBatches } from '../../platform/jobs.ts';
import { checkReminderMail } from './mails.ts';
import * as q from './reminders.queries.ts';

/**
 * Job: writes a reminder mail to the outbox for every caregiver whose check is due by their
 * schedule: once per schedule and due date, also with several instances (due rows are
 * locked with SKIP LOCKED, and the reminder row's primary key refuses a second one).
 */
export async function runBurdenReminders(services: Services, now: Date = services.now()): Promise<{ sent: number }> {
  const origin: Origin = { ip: null, sourceSystem: 'job' };
  const day = dutchDate(now);
  let sent = 0;
  await inBatches(services.db, 100, async (tx, size) => {
    const batch = await q.claimDueReminders(tx, day, size);
    for (const r of batch) {
      if (!(await q.insertReminder(tx, { scheduleId: r.schedule_id, dueOn: r.next_due_on, tenantKey: r.tenant_key, now }))) continue;
      sent++;
      await services.mailer.enqueue(tx, checkReminderMail({ to: r.email, givenName: r.given_name, instrumentTitle: r.title, clientId: r.client_id, publicUrl: services.config.publicUrl }));
      await audit(tx, { userDisplay: 'Mantelkring (taak)' }, origin, { action: 'create', resourceType: 'burden_reminder', resourceId: r.schedule_id, clientId: r.client_id, tenantKey: r.tenant_key, detail: { dueOn: r.next_due_on } });
    }
    return batch.length;
  });
  return { sent };
}
