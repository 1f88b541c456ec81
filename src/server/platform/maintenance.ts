import type { JobDefinition } from './jobs.ts';
import type { Services } from './context.ts';
import { LOGIN_LIMITS } from './throttle.ts';
import * as q from './maintenance.queries.ts';

/** Clean-up of platform tables: the retention rules (the statements are in maintenance.queries.ts). */

/** How long ended or expired sessions and used or expired e-mail tokens are kept (for support questions). */
const KEEP_ENDED_DAYS = 30;

/**
 * Removes what no longer serves a purpose: failure counts older than the throttle window
 * (with a day's margin), sessions and e-mail tokens that ended long ago. The access log is
 * never touched (it is kept for at least 5 years).
 */
export async function runMaintenance(services: Services, now: Date): Promise<{ failures: number; sessions: number; tokens: number }> {
  const failuresBefore = new Date(now.getTime() - (LOGIN_LIMITS.windowMinutes * 60_000 + 86_400_000));
  const endedBefore = new Date(now.getTime() - KEEP_ENDED_DAYS * 86_400_000);
  const failures = await q.deleteFailuresBefore(services.db, failuresBefore);
  const sessions = await q.deleteSessionsEndedBefore(services.db, endedBefore);
  const tokens = await q.deleteEmailTokensEndedBefore(services.db, endedBefore);
  return { failures, sessions, tokens };
}

/** Platform jobs for the job runner. */
export const PLATFORM_JOBS: readonly JobDefinition[] = [{ name: 'platform-maintenance', everyMs: 6 * 60 * 60_000, run: (services, now) => runMaintenance(services, now) }];
