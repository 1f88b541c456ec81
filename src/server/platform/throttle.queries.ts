import type { Queryable } from '../../db/types.ts';

/** The SQL of the `login_failures` table: counted failures and requests per bucket (the rules are in throttle.ts). */

/** Per bucket with entries after `since`: how many, and when the last one was. Buckets without entries are left out. */
export async function countSince(db: Queryable, buckets: readonly string[], since: Date): Promise<{ bucket: string; n: number; last: Date }[]> {
  const { rows } = await db.query<{ bucket: string; n: number; last: Date }>(
    `select bucket, count(*)::int as n, max(occurred_at) as last from login_failures
     where bucket = any($1::text[]) and occurred_at > $2 group by bucket`,
    [buckets, since],
  );
  return rows;
}

/** One entry in each bucket at `now`. */
export async function insertEntries(db: Queryable, buckets: readonly string[], now: Date): Promise<void> {
  await db.query('insert into login_failures (bucket, occurred_at) select unnest($1::text[]), $2', [buckets, now]);
}

export async function deleteBucket(db: Queryable, bucket: string): Promise<void> {
  await db.query('delete from login_failures where bucket = $1', [bucket]);
}
