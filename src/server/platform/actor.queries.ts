import type { Queryable } from '../../db/types.ts';
import type { ActorMembership } from './context.ts';

/** The SQL behind the actor of a request (actor.ts builds the actor from these rows). */

export interface ActorUserRow {
  id: string;
  email: string;
  display_name: string;
  is_platform_admin: boolean;
  personas: string[];
  totp_enabled_at: Date | null;
  disabled_at: Date | null;
}

export interface MembershipRow {
  organisation_id: string;
  kind: string;
  name: string;
  role: ActorMembership['role'];
  municipality_code: string | null;
}

export async function findActorUser(db: Queryable, userId: string): Promise<ActorUserRow | null> {
  const { rows } = await db.query<ActorUserRow>('select id, email, display_name, is_platform_admin, personas, totp_enabled_at, disabled_at from users where id = $1', [userId]);
  return rows[0] ?? null;
}

/** A user's memberships with the facts of their organisations, by organisation name. */
export async function listMemberships(db: Queryable, userId: string): Promise<MembershipRow[]> {
  const { rows } = await db.query<MembershipRow>(
    `select m.organisation_id, o.kind, o.name, m.role, o.municipality_code
     from memberships m join organisations o on o.id = m.organisation_id
     where m.user_id = $1 order by o.name, m.role`,
    [userId],
  );
  return rows;
}
