import type { Queryable } from '../../db/types.ts';
import { randomToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'mk_session';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  mfa_verified: boolean;
  user_agent: string | null;
  ip: string | null;
}

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

/**
 * Sessions live in the database, so any app instance can serve any request. The cookie
 * holds a random token; the row's id is its SHA-256.
 */
export async function createSession(
  db: Queryable,
  input: { userId: string; mfaVerified: boolean; userAgent?: string | null; ip?: string | null; now: Date; limits: SessionLimits },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomToken();
  const id = sha256(token);
  const expiresAt = new Date(input.now.getTime() + input.limits.maxHours * 3_600_000);
  await db.query(
    `insert into sessions (id, user_id, created_at, last_seen_at, expires_at, mfa_verified, user_agent, ip)
     values ($1, $2, $3, $3, $4, $5, $6, $7)`,
    [id, input.userId, input.now, expiresAt, input.mfaVerified, input.userAgent?.slice(0, 300) ?? null, input.ip ?? null],
  );
  return { token, id, expiresAt };
}

/**
 * Finds the live session for a cookie token: not ended, not past its absolute lifetime,
 * not idle for longer than allowed. Touches `last_seen_at` at most once a minute.
 */
export async function findSession(db: Queryable, token: string, now: Date, limits: SessionLimits): Promise<SessionRow | null> {
  const id = sha256(token);
  const { rows } = await db.query<SessionRow>(
    `select id, user_id, created_at, last_seen_at, expires_at, mfa_verified, user_agent, ip
     from sessions where id = $1 and ended_at is null`,
    [id],
  );
  const session = rows[0];
  if (!session) return null;
  const idleLimit = session.last_seen_at.getTime() + limits.idleMinutes * 60_000;
  if (session.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await endSession(db, id);
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await db.query('update sessions set last_seen_at = $2 where id = $1', [id, now]);
    session.last_seen_at = now;
  }
  return session;
}

/** Ends a session; true when it was still open. */
export async function endSession(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('update sessions set ended_at = now() where id = $1 and ended_at is null', [id]);
  return rowCount > 0;
}

/** Ends one session of a user (not someone else's); true when it was still open. */
export async function endSessionOfUser(db: Queryable, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('update sessions set ended_at = now() where id = $1 and user_id = $2 and ended_at is null', [id, userId]);
  return rowCount > 0;
}

/** Ends every session of a user, except one (e.g. the current one) when given; returns how many ended. */
export async function endSessionsOfUser(db: Queryable, userId: string, exceptId?: string): Promise<number> {
  const { rowCount } = await db.query('update sessions set ended_at = now() where user_id = $1 and ended_at is null and id <> $2', [userId, exceptId ?? '']);
  return rowCount;
}

/** Marks a session as having passed the second factor. */
export async function markSessionMfa(db: Queryable, id: string): Promise<void> {
  await db.query('update sessions set mfa_verified = true where id = $1', [id]);
}
