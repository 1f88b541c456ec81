import type { Queryable } from '../../db/types.ts';

/** The SQL of the `jobs` table (the runner is in jobs.ts). */

/** Adds a row for each job that has none, due at `now`; an existing row keeps its own schedule. */
export async function registerJobs(db: Queryable, names: readonly string[], now: Date): Promise<void> {
  await db.query(`insert into jobs (name, next_run_at) select n, $2::timestamptz from unnest($1::text[]) as n on conflict (name) do nothing`, [names, now]);
}

/**
 * Claims the first due job among `names` that no live lease holds (skipping rows another
 * instance has locked) with a lease until `leaseUntil`; returns its name, or null.
 */
export async function claimDueJob(db: Queryable, claim: { names: readonly string[]; now: Date; leaseUntil: Date; instanceId: string }): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(
    `update jobs set locked_until = $2, locked_by = $3, last_started_at = $1, runs = runs + 1
     where name = (select name from jobs
                   where name = any($4::text[]) and next_run_at <= $1 and (locked_until is null or locked_until < $1)
                   order by next_run_at limit 1 for update skip locked)
     returning name`,
    [claim.now, claim.leaseUntil, claim.instanceId, claim.names],
  );
  return rows[0]?.name ?? null;
}

/** The end of a run by the instance that holds the lease: next due time, and what the run returned. */
export interface JobRunEnd {
  name: string;
  instanceId: string;
  nextRunAt: Date;
  finishedAt: Date;
}

/** Releases a job after a run that succeeded, with its summary. */
export async function finishJob(db: Queryable, end: JobRunEnd & { result: Record<string, unknown> }): Promise<void> {
  await db.query(
    `update jobs set next_run_at = $2, locked_until = null, locked_by = null, last_finished_at = $3, last_error = null, last_result = $4
     where name = $1 and locked_by = $5`,
    [end.name, end.nextRunAt, end.finishedAt, JSON.stringify(end.result), end.instanceId],
  );
}

/** Releases a job after a run that failed, with its error. */
export async function failJob(db: Queryable, end: JobRunEnd & { error: string }): Promise<void> {
  await db.query(
    `update jobs set next_run_at = $2, locked_until = null, locked_by = null, last_finished_at = $3, last_error = $4 where name = $1 and locked_by = $5`,
    [end.name, end.nextRunAt, end.finishedAt, end.error, end.instanceId],
  );
}
