import type { Me, Session } from '../../../common/schemas.ts';
import type { Actor } from '../../platform/context.ts';

/** The logged-in user's own account, as the API shows it. */
export function presentMe(actor: Actor, recoveryCodesLeft: number): Me {
  return {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    locale: actor.locale,
    personas: actor.personas,
    municipalityCode: actor.municipalityCode,
    isPlatformAdmin: actor.isPlatformAdmin,
    memberships: actor.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      organisationKind: m.organisationKind,
      role: m.role,
    })),
    mfa: { required: actor.mfaRequired, enabled: actor.totpEnabled, verified: actor.mfaVerified, recoveryCodesLeft },
  };
}

/** A session in the user's own session list; the id is shortened and safe to show. */
export function presentSession(row: { id: string; created_at: Date; last_seen_at: Date; user_agent: string | null; ip: string | null }, currentId: string): Session {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    userAgent: row.user_agent,
    ip: row.ip,
    current: row.id === currentId,
  };
}
