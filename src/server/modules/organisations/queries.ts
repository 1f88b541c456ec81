import type { OrganisationKind, Sector } from '../../../common/codes.ts';
import type { Queryable } from '../../../db/types.ts';
import { TOTAL_COLUMN, withTotal, type PageWindow } from '../../platform/paging.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector | null;
  municipality_code: string | null;
  municipality_name: string | null;
  region: string | null;
  created_at: Date;
}

const ORG_COLUMNS = 'o.id, o.name, o.kind, o.sector, o.municipality_code, m.name as municipality_name, o.region, o.created_at';
const ORG_FROM = 'from organisations o left join municipalities m on m.code = o.municipality_code';
const ORG_SELECT = `select ${ORG_COLUMNS} ${ORG_FROM}`;

export async function insertOrganisation(
  db: Queryable,
  org: { name: string; kind: string; sector: string | null; municipalityCode: string | null; region: string | null },
): Promise<string> {
  return insertedId(
    db,
    'insert into organisations (name, kind, sector, municipality_code, region) values ($1, $2, $3, $4, $5) returning id',
    [org.name, org.kind, org.sector, org.municipalityCode, org.region],
  );
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRow | null> {
  const { rows } = await db.query<OrganisationRow>(`${ORG_SELECT} where o.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Organisations by id, with their municipality's name. */
export async function findOrganisations(db: Queryable, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<OrganisationRow>(`${ORG_SELECT} where o.id = any($1::uuid[]) order by o.name, o.id`, [ids]);
  return rows;
}

/** A page of organisations; `onlyIds` limits to the caller's own (null: all of them). */
export async function listOrganisations(db: Queryable, opts: { onlyIds: string[] | null } & PageWindow) {
  const { rows } = await db.query<OrganisationRow & { total: number }>(
    `select ${TOTAL_COLUMN}, ${ORG_COLUMNS} ${ORG_FROM}
     where $3::uuid[] is null or o.id = any($3::uuid[])
     order by o.name collate "C" limit $1 offset $2`,
    [opts.limit, opts.offset, opts.onlyIds],
  );
  return withTotal(rows);
}

/** True when a municipality already has its organisation (there is one per municipality). */
export async function municipalityHasOrganisation(db: Queryable, municipalityCode: string): Promise<boolean> {
  return anyRow(db, "select 1 from organisations where kind = 'municipality' and municipality_code = $1", [municipalityCode]);
}

export async function listMembers(db: Queryable, organisationId: string) {
  const { rows } = await db.query<{ id: string; user_id: string; display_name: string; email: string; role: string; job_title: string | null; created_at: Date; totp_enabled: boolean }>(
    `select m.id, m.user_id, u.display_name, u.email, m.role, m.job_title, m.created_at, u.totp_enabled_at is not null as totp_enabled
     from memberships m join users u on u.id = m.user_id where m.organisation_id = $1 order by u.display_name, m.role`,
    [organisationId],
  );
  return rows;
}

export interface InvitationRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  email: string;
  role: string;
  job_title: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

const INVITATION_SELECT = `select i.id, i.organisation_id, o.name as organisation_name, i.email, i.role, i.job_title, i.expires_at,
  i.accepted_at, i.revoked_at, i.created_at from staff_invitations i join organisations o on o.id = i.organisation_id`;

export async function insertInvitation(
  db: Queryable,
  inv: { organisationId: string; email: string; role: string; jobTitle: string | null; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<string> {
  return insertedId(
    db,
    `insert into staff_invitations (organisation_id, email, role, job_title, token_hash, invited_by, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [inv.organisationId, inv.email, inv.role, inv.jobTitle, inv.tokenHash, inv.invitedBy, inv.expiresAt],
  );
}

export async function listInvitations(db: Queryable, organisationId: string): Promise<InvitationRow[]> {
  const { rows } = await db.query<InvitationRow>(`${INVITATION_SELECT} where i.organisation_id = $1 order by i.created_at desc limit 200`, [organisationId]);
  return rows;
}

export async function findInvitationByToken(db: Queryable, tokenHash: string): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationRow>(`${INVITATION_SELECT} where i.token_hash = $1`, [tokenHash]);
  return rows[0] ?? null;
}

export async function revokeInvitation(db: Queryable, organisationId: string, id: string): Promise<boolean> {
  return anyRow(
    db,
    'update staff_invitations set revoked_at = now() where id = $1 and organisation_id = $2 and accepted_at is null and revoked_at is null',
    [id, organisationId],
  );
}

export async function markInvitationAccepted(db: Queryable, id: string): Promise<void> {
  await db.query('update staff_invitations set accepted_at = now() where id = $1', [id]);
}

export async function insertMembership(db: Queryable, m: { organisationId: string; userId: string; role: string; jobTitle: string | null }): Promise<void> {
  await db.query(
    `insert into memberships (organisation_id, user_id, role, job_title) values ($1, $2, $3, $4)
     on conflict (organisation_id, user_id, role) do update set job_title = coalesce(excluded.job_title, memberships.job_title)`,
    [m.organisationId, m.userId, m.role, m.jobTitle],
  );
}
