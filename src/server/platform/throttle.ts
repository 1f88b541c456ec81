import type { Queryable } from '../../db/types.ts';

/**
 * Failed-login throttling, counted in the database so every app instance sees the same
 * counts. Per account and per IP, over a sliding window (OWASP ASVS 2.2.1 allows at most
 * 100 failures an hour per account; we stay well below).
 */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  perAccount: 10,
  perIp: 50,
} as const;

export const accountBucket = (email: string): string => `account:${email.trim().toLowerCase()}`;
export const ipBucket = (ip: string | null): string => `ip:${ip ?? 'unknown'}`;

/** True when any of the buckets has reached its limit in the window. */
export async function isThrottled(db: Queryable, email: string, ip: string | null, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const { rows } = await db.query<{ bucket: string; n: number }>(
    `select bucket, count(*)::int as n from login_failures
     where bucket = any($1::text[]) and occurred_at > $2 group by bucket`,
    [[accountBucket(email), ipBucket(ip)], since],
  );
  return rows.some((r) => (r.bucket.startsWith('account:') ? r.n >= LOGIN_LIMITS.perAccount : r.n >= LOGIN_LIMITS.perIp));
}

export async function recordLoginFailure(db: Queryable, email: string, ip: string | null, now: Date): Promise<void> {
  await db.query('insert into login_failures (bucket, occurred_at) values ($1, $3), ($2, $3)', [accountBucket(email), ipBucket(ip), now]);
}

/** A successful login clears the account's count (the IP's count stays). */
export async function clearAccountFailures(db: Queryable, email: string): Promise<void> {
  await db.query('delete from login_failures where bucket = $1', [accountBucket(email)]);
}
