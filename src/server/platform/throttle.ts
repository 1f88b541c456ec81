import type { Queryable } from '../../db/types.ts';

/**
 * Failure throttling, counted in the database so every app instance sees the same counts:
 * failed logins per account and per IP, wrong invitation codes per user and per IP. Counts
 * run over a sliding window (OWASP ASVS 2.2.1 allows at most 100 failed logins an hour per
 * account; we stay well below).
 */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  perAccount: 10,
  perIp: 50,
} as const;

export const CODE_LIMITS = { windowMinutes: 15, perUser: 10, perIp: 30 } as const;

export const accountBucket = (email: string): string => `account:${email.trim().toLowerCase()}`;
export const ipBucket = (ip: string | null): string => `ip:${ip ?? 'unknown'}`;

/** True when any bucket has reached its limit within the window. */
export async function isLimited(db: Queryable, limits: { bucket: string; limit: number }[], windowMinutes: number, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const { rows } = await db.query<{ bucket: string; n: number }>(
    `select bucket, count(*)::int as n from login_failures
     where bucket = any($1::text[]) and occurred_at > $2 group by bucket`,
    [limits.map((l) => l.bucket), since],
  );
  return rows.some((r) => r.n >= (limits.find((l) => l.bucket === r.bucket)?.limit ?? Infinity));
}

/** Counts one failure in each bucket. */
export async function recordFailure(db: Queryable, buckets: string[], now: Date): Promise<void> {
  await db.query('insert into login_failures (bucket, occurred_at) select unnest($1::text[]), $2', [buckets, now]);
}

/** True when this e-mail address or IP has too many failed logins in the window. */
export function isThrottled(db: Queryable, email: string, ip: string | null, now: Date): Promise<boolean> {
  return isLimited(
    db,
    [
      { bucket: accountBucket(email), limit: LOGIN_LIMITS.perAccount },
      { bucket: ipBucket(ip), limit: LOGIN_LIMITS.perIp },
    ],
    LOGIN_LIMITS.windowMinutes,
    now,
  );
}

export function recordLoginFailure(db: Queryable, email: string, ip: string | null, now: Date): Promise<void> {
  return recordFailure(db, [accountBucket(email), ipBucket(ip)], now);
}

/** A successful login clears the account's count (the IP's count stays). */
export async function clearAccountFailures(db: Queryable, email: string): Promise<void> {
  await db.query('delete from login_failures where bucket = $1', [accountBucket(email)]);
}
