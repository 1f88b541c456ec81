import type { JobDefinition } from './jobs.ts';
import type { Services } from './context.ts';
import { LOGIN_LIMITS } from './throttle.ts';

/**
 * Clean-up of platform tables. This platform module is its own queries layer: its delete
 * statements live here, next to the retention rules they carry out.
 */

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
  const failures = await services.db.query('delete from login_failures where occurred_at < $1', [failuresBefore]);
  const sessions = await services.db.query('delete from sessions where coalesce(ended_at, expires_at) < $1', [endedBefore]);
  const tokens = await services.db.query('delete from email_tokens where coalesce(used_at, expires_at) < $1', [endedBefore]);
  return { failures: failures.rowCount, sessions: sessions.rowCount, tokens: tokens.rowCount };
}

/** Platform jobs for the job runner. */
export const PLATFORM_JOBS: readonly JobDefinition[] = [{ name: 'platform-maintenance', everyMs: 6 * 60 * 60_000, run: (services, now) => runMaintenance(services, now) }];
