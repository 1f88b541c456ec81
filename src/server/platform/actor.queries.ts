import type { Queryable } from '../../db/types.ts';
import type { ActorMembership } from './context.ts';

/** The SQL behind the actor of a request (actor.ts builds the actor from these rows). */

export interface MembershipRow {
  organisation_id: string;
  kind: string;
  name: string;
  role: ActorMembership['role'];
  municipality_code: string | null;
}

/** A user with their memberships (and the facts of those organisations, by organisation name). */
export interface ActorUserRow {
  id: string;
  email: string;
  display_name: string;
  is_platform_admin: boolean;
  personas: string[];
  locale: 'nl' | 'en';
  municipality_code: string | null;
  totp_enabled_at: Date | null;
  disabled_at: Date | null;
  memberships: MembershipRow[];
}

/** The live part of a session, with its user: what every request needs, in one round trip. */
export interface SessionActorRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  mfa_verified: boolean;
  user: ActorUserRow;
}

/**
 * The columns of `ActorUserRow` for the user `u`; the memberships come as one JSON array so a
 * request spends a single query on its actor, whatever the number of memberships.
 */
const ACTOR_USER = `json_build_object(
  'id', u.id, 'email', u.email, 'display_name', u.display_name, 'is_platform_admin', u.is_platform_admin,
  'personas', u.personas, 'locale', u.locale, 'municipality_code', u.municipality_code, 'totp_enabled_at', u.totp_enabled_at, 'disabled_at', u.disabled_at,
  'memberships', coalesce((
    select json_agg(json_build_object('organisation_id', m.organisation_id, 'kind', o.kind, 'name', o.name, 'role', m.role, 'municipality_code', o.municipality_code) order by o.name, m.role)
    from memberships m join organisations o on o.id = m.organisation_id
    where m.user_id = u.id), '[]'::json))`;

/** JSON has no dates: the two timestamps of the user come back as text. */
function withDates(user: ActorUserRow): ActorUserRow {
  return {
    ...user,
    totp_enabled_at: user.totp_enabled_at === null ? null : new Date(user.totp_enabled_at),
    disabled_at: user.disabled_at === null ? null : new Date(user.disabled_at),
  };
}

/** A user with their memberships, or null. */
export async function findActorUser(db: Queryable, userId: string): Promise<ActorUserRow | null> {
  const { rows } = await db.query<{ user: ActorUserRow }>(`select ${ACTOR_USER} as user from users u where u.id = $1`, [userId]);
  return rows[0] ? withDates(rows[0].user) : null;
}

/** A session that was not ended, with its user (it may be past its lifetime: sessions.ts decides). */
export async function findOpenSessionActor(db: Queryable, sessionId: string): Promise<SessionActorRow | null> {
  const { rows } = await db.query<SessionActorRow>(
    `select s.id as session_id, s.last_seen_at, s.expires_at, s.mfa_verified, ${ACTOR_USER} as user
     from sessions s join users u on u.id = s.user_id
     where s.id = $1 and s.ended_at is null`,
    [sessionId],
  );
  return rows[0] ? { ...rows[0], user: withDates(rows[0].user) } : null;
}
