import type { Queryable } from '../../db/types.ts';
import type { Actor, ActorMembership } from './context.ts';
import { mfaRequiredFor } from './policy/index.ts';
import type { SessionRow } from './sessions.ts';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  is_platform_admin: boolean;
  personas: string[];
  totp_enabled_at: Date | null;
  disabled_at: Date | null;
}

/** Loads a user's memberships with the organisation facts the policies need. */
export async function loadMemberships(db: Queryable, userId: string): Promise<ActorMembership[]> {
  const { rows } = await db.query<{ organisation_id: string; kind: string; name: string; role: ActorMembership['role']; municipality_code: string | null }>(
    `select m.organisation_id, o.kind, o.name, m.role, o.municipality_code
     from memberships m join organisations o on o.id = m.organisation_id
     where m.user_id = $1 order by o.name, m.role`,
    [userId],
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationKind: r.kind,
    organisationName: r.name,
    role: r.role,
    municipalityCode: r.municipality_code,
  }));
}

/** Builds the actor for a live session; null when the user is gone or disabled. */
export async function loadActor(db: Queryable, session: Pick<SessionRow, 'id' | 'user_id' | 'mfa_verified'>): Promise<Actor | null> {
  const { rows } = await db.query<UserRow>(
    'select id, email, display_name, is_platform_admin, personas, totp_enabled_at, disabled_at from users where id = $1',
    [session.user_id],
  );
  const user = rows[0];
  if (!user || user.disabled_at) return null;
  const memberships = await loadMemberships(db, user.id);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    isPlatformAdmin: user.is_platform_admin,
    personas: user.personas,
    memberships,
    sessionId: session.id,
    mfaVerified: session.mfa_verified,
    mfaRequired: mfaRequiredFor(user.is_platform_admin, memberships),
    totpEnabled: user.totp_enabled_at !== null,
  };
}
