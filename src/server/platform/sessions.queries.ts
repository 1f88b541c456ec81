import type { Queryable } from '../../db/types.ts';
import { anyRow } from './rows.ts';

/** The SQL of the `sessions` table (the session rules are in sessions.ts). */

export async function insertSession(
  db: Queryable,
  s: { id: string; userId: string; now: Date; expiresAt: Date; mfaVerified: boolean; userAgent: string | null; ip: string | null },
): Promise<void> {
  await db.query(
    `insert into sessions (id, user_id, created_at, last_seen_at, expires_at, mfa_verified, user_agent, ip)
     values ($1, $2, $3, $3, $4, $5, $6, $7)`,
    [s.id, s.userId, s.now, s.expiresAt, s.mfaVerified, s.userAgent, s.ip],
  );
}

export async function touchSession(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update sessions set last_seen_at = $2 where id = $1', [id, now]);
}

/** Ends a session; true when it was still open. */
export async function endSession(db: Queryable, id: string): Promise<boolean> {
  return anyRow(db, 'update sessions set ended_at = now() where id = $1 and ended_at is null', [id]);
}

/** Ends one session of a user (not someone else's); true when it was still open. */
export async function endSessionOfUser(db: Queryable, userId: string, id: string): Promise<boolean> {
  return anyRow(db, 'update sessions set ended_at = now() where id = $1 and user_id = $2 and ended_at is null', [id, userId]);
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

/** A user's live sessions (not ended, not past their lifetime, not idle too long), most recently used first. */
export async function listLiveSessions(db: Queryable, userId: string, now: Date, idleMinutes: number) {
  const { rows } = await db.query<{ id: string; created_at: Date; last_seen_at: Date; user_agent: string | null; ip: string | null }>(
    `select id, created_at, last_seen_at, user_agent, ip from sessions
     where user_id = $1 and ended_at is null and expires_at > $2 and last_seen_at > $2 - make_interval(mins => $3)
     order by last_seen_at desc`,
    [userId, now, idleMinutes],
  );
  return rows;
}
