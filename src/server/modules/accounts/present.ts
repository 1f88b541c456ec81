import type { Me, Session } from '../../../common/schemas.ts';
import type { Actor } from '../../platform/context.ts';
import type { UserRecord } from './queries.ts';

/** The logged-in user's own account, as the API shows it. */
export function presentMe(user: UserRecord, actor: Actor, recoveryCodesLeft: number): Me {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    personas: user.personas,
    municipalityCode: user.municipality_code,
    isPlatformAdmin: user.is_platform_admin,
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
