import type { JobDefinition } from '../../platform/jobs.ts';
import { runBurdenReminders } from './reminders.ts';
import { runSignalEscalations } from './signals.ts';

/**
 * The background jobs of burden checks, for the job runner (src/server/platform/jobs.ts).
 * Both are idempotent and can be called directly (tests do, without timers).
 */
export const BURDEN_JOBS: readonly JobDefinition[] = [
  { name: 'burden-reminders', everyMs: 60 * 60_000, run: (services, now) => runBurdenReminders(services, now) },
  { name: 'burden-signal-escalations', everyMs: 60 * 60_000, run: (services, now) => runSignalEscalations(services, now) },
];
