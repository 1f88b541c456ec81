import type { Queryable } from '../../db/types.ts';
import type { Actor, ActorMembership } from './context.ts';
import { mfaRequiredFor } from './policy/index.ts';
import type { SessionRow } from './sessions.queries.ts';
import * as q from './actor.queries.ts';

/** Loads a user's memberships with the organisation facts the policies need. */
async function loadMemberships(db: Queryable, userId: string): Promise<ActorMembership[]> {
  const rows = await q.listMemberships(db, userId);
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
  const user = await q.findActorUser(db, session.user_id);
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
