import type { InvitationStatus } from '../../../common/codes.ts';
import type { Organisation, StaffInvitation, StaffMember } from '../../../common/schemas.ts';
import type { InvitationRow, OrganisationRow } from './queries.ts';

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    sector: row.sector,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    region: row.region,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentMember(row: { user_id: string; display_name: string; email: string; role: string; job_title: string | null; created_at: Date; totp_enabled: boolean }): StaffMember {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    jobTitle: row.job_title,
    since: row.created_at.toISOString(),
    twoFactor: row.totp_enabled,
  };
}

/** Status of an invitation as a person would describe it. */
export function invitationStatus(row: Pick<InvitationRow, 'accepted_at' | 'revoked_at' | 'expires_at'>, now: Date): InvitationStatus {
  if (row.accepted_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

export function presentInvitation(row: InvitationRow, now: Date): StaffInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    jobTitle: row.job_title,
    status: invitationStatus(row, now),
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}
