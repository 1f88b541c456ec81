import type { AccessLevel } from '../../../common/codes.ts';
import type { Queryable } from '../../../db/types.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface CircleInvitationRow {
  id: string;
  tenant_key: string;
  client_id: string;
  client_given_name: string;
  member_id: string | null;
  member_name: string | null;
  for_organisation: boolean;
  email: string | null;
  access_level: AccessLevel;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

const SELECT = `select i.id, i.tenant_key, i.client_id, c.given_name as client_given_name, i.member_id,
  trim(m.given_name || ' ' || m.family_name) as member_name, i.for_organisation, i.email, i.access_level, i.expires_at,
  i.accepted_at, i.revoked_at, i.created_by, u.display_name as created_by_name, i.created_at
  from circle_invitations i join clients c on c.id = i.client_id
  left join circle_members m on m.id = i.member_id left join users u on u.id = i.created_by`;

export async function insertInvitation(
  db: Queryable,
  i: { clientId: string; tenantKey: string; memberId: string | null; email: string | null; codeHash: string; accessLevel: string; expiresAt: Date; createdBy: string },
): Promise<string> {
  return insertedId(
    db,
    `insert into circle_invitations (client_id, tenant_key, member_id, for_organisation, email, code_hash, access_level, expires_at, created_by)
     values ($1, $2, $3, $3::uuid is null, $4, $5, $6, $7, $8) returning id`,
    [i.clientId, i.tenantKey, i.memberId, i.email, i.codeHash, i.accessLevel, i.expiresAt, i.createdBy],
  );
}

export async function findByCode(db: Queryable, codeHash: string): Promise<CircleInvitationRow | null> {
  const { rows } = await db.query<CircleInvitationRow>(`${SELECT} where i.code_hash = $1`, [codeHash]);
  return rows[0] ?? null;
}

export async function listForClient(db: Queryable, clientId: string): Promise<CircleInvitationRow[]> {
  const { rows } = await db.query<CircleInvitationRow>(`${SELECT} where i.client_id = $1 order by i.created_at desc limit 200`, [clientId]);
  return rows;
}

/** Marks an open invitation accepted by the user (through `organisationId` for an organisation invitation); false when it no longer is open. */
export async function markAccepted(db: Queryable, a: { id: string; userId: string; organisationId: string | null }): Promise<boolean> {
  return anyRow(
    db,
    'update circle_invitations set accepted_at = now(), accepted_by = $2, accepted_organisation_id = $3 where id = $1 and accepted_at is null and revoked_at is null',
    [a.id, a.userId, a.organisationId],
  );
}

export async function revoke(db: Queryable, clientId: string, id: string): Promise<boolean> {
  return anyRow(db, 'update circle_invitations set revoked_at = now() where id = $1 and client_id = $2 and accepted_at is null and revoked_at is null', [id, clientId]);
}

/** Links a member on the map to the account that accepted the invitation. */
export async function linkMemberToUser(db: Queryable, l: { clientId: string; memberId: string; userId: string }): Promise<boolean> {
  return anyRow(db, 'update circle_members set user_id = $3, updated_at = now() where client_id = $1 and id = $2 and left_at is null and user_id is null', [l.clientId, l.memberId, l.userId]);
}

/** The members of a circle with an invitation that is still open at `now`. */
export async function openMemberInvitations(db: Queryable, clientId: string, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ member_id: string }>(
    'select member_id from circle_invitations where client_id = $1 and member_id is not null and accepted_at is null and revoked_at is null and expires_at > $2',
    [clientId, now],
  );
  return rows.map((r) => r.member_id);
}
