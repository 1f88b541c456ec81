import type { Queryable } from '../../db/types.ts';
import { randomToken, sha256 } from './tokens.ts';
import * as q from './sessions.queries.ts';
import { findOpenSessionActor, type SessionActorRow } from './actor.queries.ts';

export const SESSION_COOKIE = 'mk_session';

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
  await q.insertSession(db, { id, userId: input.userId, now: input.now, expiresAt, mfaVerified: input.mfaVerified, userAgent: input.userAgent?.slice(0, 300) ?? null, ip: input.ip ?? null });
  return { token, id, expiresAt };
}

/**
 * Finds the live session for a cookie token, with its user (one query): not ended, not past
 * its absolute lifetime, not idle for longer than allowed. Touches `last_seen_at` at most
 * once a minute.
 */
export async function findSession(db: Queryable, token: string, now: Date, limits: SessionLimits): Promise<SessionActorRow | null> {
  const id = sha256(token);
  const session = await findOpenSessionActor(db, id);
  if (!session) return null;
  const idleLimit = session.last_seen_at.getTime() + limits.idleMinutes * 60_000;
  if (session.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await q.endSession(db, id);
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await q.touchSession(db, id, now);
    session.last_seen_at = now;
  }
  return session;
}
