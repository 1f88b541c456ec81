import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../../db/types.ts';
import type { Services } from './context.ts';
import * as q from './jobs.queries.ts';

/** Background jobs: the runner (its SQL is in jobs.queries.ts). */

/** A background job: runs every `everyMs`, on one instance at a time. */
export interface JobDefinition {
  /** Stable name; the key of its row in the `jobs` table. */
  name: string;
  everyMs: number;
  /**
   * Does one round of work at `now` and returns a small summary (stored as `last_result`).
   * Must be safe to run twice: a lease can expire while a slow run is still busy.
   */
  run(services: Services, now: Date): Promise<Record<string, unknown>>;
}

export interface JobRunner {
  /** Runs every job that is due now (claiming each so no other instance runs it); returns their names. */
  runDue(): Promise<string[]>;
  /** Starts polling for due jobs. */
  start(): void;
  /** Stops polling and waits for a round that is under way. */
  stop(): Promise<void>;
}

const DEFAULT_LEASE_MS = 10 * 60_000;

/** The pause between two batches of a job: requests get the database in between. */
export const BATCH_PAUSE_MS = 50;

/**
 * Works through a job's backlog in short transactions: `batch` claims at most `size` items
 * (locking them with SKIP LOCKED, so another instance takes other items), handles them and
 * returns how many it claimed; fewer than `size` means the backlog is done. Between batches
 * the job pauses, so even a backlog of a million caregivers holds one connection of the pool
 * for one batch at a time and leaves the rest to requests (issue 15: at 1,000,000 caregivers
 * the reminder job met a backlog of 270,000 due schedules at start-up).
 */
export async function inBatches(db: Db, size: number, batch: (tx: Queryable, size: number) => Promise<number>, pauseMs: number = BATCH_PAUSE_MS): Promise<void> {
  for (;;) {
    const claimed = await db.transaction((tx) => batch(tx, size));
    if (claimed < size) return;
    await sleep(pauseMs);
  }
}

/**
 * Runs due jobs from the `jobs` table. Safe on several app instances: a due job is claimed
 * with `FOR UPDATE SKIP LOCKED` and a lease (`locked_until`), so one instance runs it while
 * the others skip it; a crashed instance's lease expires and the job runs again. Times come
 * from `services.now()` so tests can move the clock.
 */
export function createJobRunner(
  services: Services,
  jobs: readonly JobDefinition[],
  options: { pollMs?: number; leaseMs?: number; instanceId?: string; log?: FastifyBaseLogger } = {},
): JobRunner {
  const instanceId = options.instanceId ?? randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const names = jobs.map((j) => j.name);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let registered = false;

  const register = async () => {
    if (registered) return;
    // A new job runs at the first round; an existing row keeps its own schedule.
    await q.registerJobs(services.db, names, services.now());
    registered = true;
  };

  const runDue = async (): Promise<string[]> => {
    await register();
    const ran: string[] = [];
    for (;;) {
      const now = services.now();
      const name = await q.claimDueJob(services.db, { names, now, leaseUntil: new Date(now.getTime() + leaseMs), instanceId });
      if (!name) return ran;
      const job = byName.get(name);
      if (!job) return ran;
      ran.push(name);
      try {
        const result = await job.run(services, now);
        await q.finishJob(services.db, { name, instanceId, nextRunAt: new Date(now.getTime() + job.everyMs), finishedAt: services.now(), result });
      } catch (error) {
        options.log?.error({ err: error, job: name }, 'job failed');
        await q.failJob(services.db, { name, instanceId, nextRunAt: new Date(now.getTime() + job.everyMs), finishedAt: services.now(), error: (error as Error).message.slice(0, 500) });
      }
    }
  };

  const tick = () => {
    current = runDue()
      .catch((error: Error) => options.log?.error({ err: error }, 'job runner round failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(tick, options.pollMs ?? 60_000);
        timer.unref();
      });
  };

  return {
    runDue,
    start() {
      stopped = false;
      timer = setTimeout(tick, 0);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
