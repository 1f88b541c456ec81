import type { Queryable } from '../../db/types.ts';
import * as q from './throttle.queries.ts';

/**
 * Throttling, counted in the database so every app instance sees the same counts: failed
 * logins (and wrong TOTP codes) per account and per IP, wrong invitation codes per user and
 * per IP, and requests for reset and verification mails per address and per IP. Counts run
 * over a sliding window.
 *
 * An account is never locked: a stranger who knows an e-mail address must not be able to
 * lock its owner out. After a few failures each further attempt on that account has to wait
 * a little longer (1, 2, 4 … seconds, at most `maxDelaySeconds`), so guessing stays slow
 * (at most about 70 wrong passwords an hour; OWASP ASVS 2.2.1 allows 100) while the owner
 * gets in after a short wait. The IP limit is a hard limit for the window.
 */
export const LOGIN_LIMITS = {
  windowMinutes: 15,
  /** Failed attempts on one account before further attempts must wait. */
  freePerAccount: 5,
  /** The longest wait between two attempts on one account. */
  maxDelaySeconds: 60,
  /** Failed attempts on one account after which its owner gets a mail (once per window). */
  warnOwnerAfter: 10,
  perIp: 50,
} as const;

export const CODE_LIMITS = { windowMinutes: 15, perUser: 10, perIp: 30 } as const;

/** Requests for a reset or verification mail: per address and per IP. */
export const MAIL_REQUEST_LIMITS = { windowMinutes: 15, perAddress: 3, perIp: 20 } as const;

export const accountBucket = (email: string): string => `account:${email.trim().toLowerCase()}`;
export const ipBucket = (ip: string | null): string => `ip:${ip ?? 'unknown'}`;
/** Marks that the owner of an account was warned about many failed logins (once per window). */
export const ownerWarnedBucket = (email: string): string => `warned-${accountBucket(email)}`;

/** The start of a sliding window that ends at `now`. */
const windowStart = (now: Date, windowMinutes: number): Date => new Date(now.getTime() - windowMinutes * 60_000);

/** True when any bucket has reached its limit within the window. */
export async function isLimited(db: Queryable, limits: { bucket: string; limit: number }[], windowMinutes: number, now: Date): Promise<boolean> {
  const rows = await q.countSince(db, limits.map((l) => l.bucket), windowStart(now, windowMinutes));
  return rows.some((r) => r.n >= (limits.find((l) => l.bucket === r.bucket)?.limit ?? Infinity));
}

/** Counts one failure (or request) in each bucket. */
export async function recordFailure(db: Queryable, buckets: string[], now: Date): Promise<void> {
  await q.insertEntries(db, buckets, now);
}

/** How many entries a bucket has within the window. */
export async function countInWindow(db: Queryable, bucket: string, windowMinutes: number, now: Date): Promise<number> {
  const rows = await q.countSince(db, [bucket], windowStart(now, windowMinutes));
  return rows[0]?.n ?? 0;
}

/** The wait (seconds) before the next attempt on an account that has `failures` failures in the window. */
export function accountDelaySeconds(failures: number): number {
  if (failures < LOGIN_LIMITS.freePerAccount) return 0;
  return Math.min(2 ** (failures - LOGIN_LIMITS.freePerAccount), LOGIN_LIMITS.maxDelaySeconds);
}

/**
 * Whether a login attempt (or a TOTP check) may go ahead now: refused outright when the IP
 * is over its limit, or after a wait (in whole seconds) when the account had many failures
 * and the last one was too recent.
 */
export async function loginGate(db: Queryable, email: string, ip: string | null, now: Date): Promise<{ ipBlocked: boolean; waitSeconds: number }> {
  const account = accountBucket(email);
  const rows = await q.countSince(db, [account, ipBucket(ip)], windowStart(now, LOGIN_LIMITS.windowMinutes));
  const ipRow = rows.find((r) => r.bucket !== account);
  const accountRow = rows.find((r) => r.bucket === account);
  const ipBlocked = (ipRow?.n ?? 0) >= LOGIN_LIMITS.perIp;
  if (!accountRow) return { ipBlocked, waitSeconds: 0 };
  const allowedAt = accountRow.last.getTime() + accountDelaySeconds(accountRow.n) * 1000;
  return { ipBlocked, waitSeconds: Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000)) };
}

export function recordLoginFailure(db: Queryable, email: string, ip: string | null, now: Date): Promise<void> {
  return recordFailure(db, [accountBucket(email), ipBucket(ip)], now);
}

/** A successful login clears the account's count (the IP's count stays). */
export async function clearAccountFailures(db: Queryable, email: string): Promise<void> {
  await q.deleteBucket(db, accountBucket(email));
}
