import type { Queryable } from '../../db/types.ts';
import type { Actor } from './context.ts';
import { mfaRequiredFor } from './policy/index.ts';
import * as q from './actor.queries.ts';

/** The session (or API token) an actor acts through. */
export interface ActorSession {
  id: string;
  mfaVerified: boolean;
}

/** Builds the actor of a user acting through a session; null when the user is disabled. */
export function actorFrom(user: q.ActorUserRow, session: ActorSession): Actor | null {
  if (user.disabled_at) return null;
  const memberships = user.memberships.map((r) => ({
    organisationId: r.organisation_id,
    organisationKind: r.kind,
    organisationName: r.name,
    role: r.role,
    municipalityCode: r.municipality_code,
  }));
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    isPlatformAdmin: user.is_platform_admin,
    personas: user.personas,
    locale: user.locale,
    municipalityCode: user.municipality_code,
    memberships,
    sessionId: session.id,
    mfaVerified: session.mfaVerified,
    mfaRequired: mfaRequiredFor(user.is_platform_admin, memberships),
    totpEnabled: user.totp_enabled_at !== null,
  };
}

/** Loads the actor of a user acting through a session (one query); null when the user is gone or disabled. */
export async function loadActor(db: Queryable, userId: string, session: ActorSession): Promise<Actor | null> {
  const user = await q.findActorUser(db, userId);
  return user ? actorFrom(user, session) : null;
}
