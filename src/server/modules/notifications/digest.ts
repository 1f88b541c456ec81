import type { JobDefinition } from '../../platform/jobs.ts';
import type { Services } from '../../platform/context.ts';
import { inBatches } from '../../platform/jobs.ts';
import { digestMail } from './mails.ts';
import * as q from './queries.ts';

const HOUR = 3_600_000;
/** A notification waits this long (unread) before it goes into a digest. */
export const DIGEST_DELAY_MS = 4 * HOUR;
/** At most one digest per person in this time. */
export const DIGEST_GAP_MS = 20 * HOUR;

/**
 * Job: one e-mail per person with unread notifications older than four hours, at most one a
 * day, unless the person turned the digest off. Exactly once across instances: the update
 * that marks the notifications mailed decides who sends.
 */
export async function runNotificationDigest(services: Services, now: Date = services.now()): Promise<{ sent: number }> {
  let sent = 0;
  await inBatches(services.db, 50, async (tx, size) => {
    const due = await q.findDigestsDue(tx, { olderThan: new Date(now.getTime() - DIGEST_DELAY_MS), lastSince: new Date(now.getTime() - DIGEST_GAP_MS), limit: size });
    for (const d of due) {
      if ((await q.markMailed(tx, { userId: d.userId, at: now })) === 0) continue;
      await services.mailer.enqueue(tx, digestMail({ to: d.email, givenName: d.givenName, unread: d.unread, locale: d.locale, publicUrl: services.config.publicUrl }));
      sent++;
    }
    return due.length;
  });
  return { sent };
}

export const NOTIFICATION_JOBS: readonly JobDefinition[] = [{ name: 'notification-digest', everyMs: 60 * 60_000, run: (services, now) => runNotificationDigest(services, now) }];
