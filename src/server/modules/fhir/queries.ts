import type { Queryable } from '../../../db/types.ts';
import type { AccessLevel, ConsentDecision, Decider, MemberKind } from '../../../common/codes.ts';

/** SQL the FHIR API needs beyond the circles and organisations queries (which it reuses). */

/** The client an active member belongs to, and their kind (to pick RelatedPerson or Practitioner). */
export async function findMemberClient(db: Queryable, memberId: string): Promise<{ client_id: string; kind: MemberKind } | null> {
  const { rows } = await db.query<{ client_id: string; kind: MemberKind }>('select client_id, kind from circle_members where id = $1 and left_at is null', [memberId]);
  return rows[0] ?? null;
}

/** One consent decision with the names and kinds its FHIR form needs. */
export interface ConsentDecisionRow {
  id: string;
  client_id: string;
  member_id: string | null;
  member_kind: MemberKind | null;
  member_name: string | null;
  member_active: boolean;
  organisation_id: string | null;
  organisation_name: string | null;
  decision: ConsentDecision;
  access_level: AccessLevel | null;
  valid_until: string | null;
  decided_as: Decider;
  recorded_by_name: string | null;
  /** The recorder's own active membership of this circle, if any (the performer of the decision). */
  recorder_member_id: string | null;
  recorder_member_kind: MemberKind | null;
  recorder_member_name: string | null;
  created_at: Date;
  current: boolean;
}

const CONSENT_SELECT = `select d.id, d.client_id, d.member_id, m.kind as member_kind, trim(m.given_name || ' ' || m.family_name) as member_name,
    (m.id is not null and m.left_at is null) as member_active,
    d.organisation_id, o.name as organisation_name, d.decision, d.access_level, d.valid_until, d.decided_as,
    u.display_name as recorded_by_name,
    r.id as recorder_member_id, r.kind as recorder_member_kind, trim(r.given_name || ' ' || r.family_name) as recorder_member_name,
    d.created_at, exists (select 1 from current_consents cc where cc.id = d.id) as current
  from consent_decisions d
  left join circle_members m on m.id = d.member_id
  left join organisations o on o.id = d.organisation_id
  left join users u on u.id = d.recorded_by
  left join lateral (select x.id, x.kind, x.given_name, x.family_name from circle_members x
                     where x.client_id = d.client_id and x.user_id = d.recorded_by and x.left_at is null limit 1) r on true`;

/** Every consent decision of a client, newest first. */
export async function listConsentDecisions(db: Queryable, clientId: string): Promise<ConsentDecisionRow[]> {
  const { rows } = await db.query<ConsentDecisionRow>(`${CONSENT_SELECT} where d.client_id = $1 order by d.seq desc`, [clientId]);
  return rows;
}

/** The client of a consent decision (for the access check before loading it), or null. */
export async function findConsentClient(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ client_id: string }>('select client_id from consent_decisions where id = $1', [id]);
  return rows[0]?.client_id ?? null;
}

/** One consent decision with its client (for access), or null. */
export async function findConsentDecision(db: Queryable, id: string): Promise<ConsentDecisionRow | null> {
  const { rows } = await db.query<ConsentDecisionRow>(`${CONSENT_SELECT} where d.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Clients the user is connected to at all: as client, active member, or through an organisation (as professional). */
const MY_CLIENTS = `(c.user_id = $2
   or exists (select 1 from circle_members me where me.client_id = c.id and me.user_id = $2 and me.left_at is null)
   or exists (select 1 from client_organisation_links ml where ml.client_id = c.id and ml.ended_at is null and ml.organisation_id = any($3::uuid[])))`;

/**
 * Candidate clients that give the user a reason to see an organisation: the organisation is
 * linked to the client or employs one of its members. The policy still decides per client.
 */
export async function clientsConnectingOrganisation(db: Queryable, input: { organisationId: string; userId: string; professionalOrgIds: string[]; limit: number }): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select c.id from clients c
     where ${MY_CLIENTS}
       and (exists (select 1 from client_organisation_links l where l.client_id = c.id and l.ended_at is null and l.organisation_id = $1)
         or exists (select 1 from circle_members m where m.client_id = c.id and m.left_at is null and m.organisation_id = $1))
     order by c.id limit $4`,
    [input.organisationId, input.userId, input.professionalOrgIds, input.limit],
  );
  return rows.map((r) => r.id);
}

/** Candidate clients with an active volunteer or professional member from this organisation. */
export async function clientsWithFormalMembersOf(db: Queryable, input: { organisationId: string; userId: string; professionalOrgIds: string[]; limit: number }): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select c.id from clients c
     where ${MY_CLIENTS}
       and exists (select 1 from circle_members m where m.client_id = c.id and m.left_at is null and m.organisation_id = $1 and m.kind in ('volunteer', 'professional'))
     order by c.id limit $4`,
    [input.organisationId, input.userId, input.professionalOrgIds, input.limit],
  );
  return rows.map((r) => r.id);
}

/** A municipality by CBS code or by name (case-insensitive, exactly as CBS writes it). */
export async function findMunicipality(db: Queryable, by: { code: string } | { name: string }): Promise<{ code: string; name: string } | null> {
  const { rows } =
    'code' in by
      ? await db.query<{ code: string; name: string }>('select code, name from municipalities where code = $1', [by.code])
      : await db.query<{ code: string; name: string }>('select code, name from municipalities where lower(name) = lower($1) order by code', [by.name]);
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

/** An existing client with this BSN that the organisation is already linked to (to refuse a second push). */
export async function findLinkedClientByBsn(db: Queryable, bsn: string, organisationId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select c.id from clients c join client_organisation_links l on l.client_id = c.id and l.ended_at is null and l.organisation_id = $2
     where c.bsn = $1 limit 1`,
    [bsn, organisationId],
  );
  return rows[0]?.id ?? null;
}

/** Whose burden check a response is (to check access before reading it), and whether it is completed. */
export async function findBurdenResponseOwner(db: Queryable, id: string): Promise<{ client_id: string; member_id: string; status: 'in_progress' | 'completed' } | null> {
  const { rows } = await db.query<{ client_id: string; member_id: string; status: 'in_progress' | 'completed' }>('select client_id, member_id, status from burden_responses where id = $1', [id]);
  return rows[0] ?? null;
}

/** The active volunteer or professional member of a circle per user (their PractitionerRole), for the users given. */
export async function formalMembersOfUsers(db: Queryable, clientId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const { rows } = await db.query<{ user_id: string; id: string }>(
    `select distinct on (user_id) user_id, id from circle_members
     where client_id = $1 and user_id = any($2::uuid[]) and left_at is null and kind in ('volunteer', 'professional')
     order by user_id, created_at`,
    [clientId, [...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [r.user_id, r.id]));
}

/** Every role and relationship code of these members (the circles queries select only the primary ones). */
export async function memberCodes(db: Queryable, memberIds: string[]): Promise<Map<string, { roleCodes: string[]; relationshipCodes: string[] }>> {
  if (memberIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; role_codes: string[]; relationship_codes: string[] }>(
    'select id, role_codes, relationship_codes from circle_members where id = any($1::uuid[])',
    [memberIds],
  );
  return new Map(rows.map((r) => [r.id, { roleCodes: r.role_codes, relationshipCodes: r.relationship_codes }]));
}

/** Stores every role and relationship code of a member read in through FHIR (the primary ones are among them). */
export async function setMemberCodes(db: Queryable, memberId: string, codes: { roleCodes: string[]; relationshipCodes: string[] }): Promise<void> {
  await db.query('update circle_members set role_codes = $2::text[], relationship_codes = $3::text[] where id = $1', [memberId, codes.roleCodes, codes.relationshipCodes]);
}

/** A Patient search as SQL criteria (parsed and checked by search.ts). */
export interface ClientCriteria {
  id?: string;
  bsn?: string;
  names: { mode: 'starts' | 'contains'; value: string }[];
  /** Inclusive date bounds (YYYY-MM-DD) the birth date must satisfy. */
  birth: { op: 'eq' | 'ge' | 'gt' | 'le' | 'lt'; start: string; end: string }[];
}

const likeEscape = (v: string): string => v.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Candidate clients of a Patient search: the user's own record, circles they are an active
 * member of, and clients linked to an organisation they work for as professional, matching the
 * criteria, ordered by family and given name. The client policy still decides per client.
 */
export async function searchClientCandidates(db: Queryable, input: { userId: string; professionalOrgIds: string[]; criteria: ClientCriteria; limit: number }): Promise<string[]> {
  const params: unknown[] = [input.userId, input.professionalOrgIds];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = [
    `(c.user_id = $1
      or exists (select 1 from circle_members me where me.client_id = c.id and me.user_id = $1 and me.left_at is null)
      or exists (select 1 from client_organisation_links ml where ml.client_id = c.id and ml.ended_at is null and ml.organisation_id = any($2::uuid[])))`,
  ];
  const { criteria } = input;
  if (criteria.id) where.push(`c.id = ${p(criteria.id)}::uuid`);
  if (criteria.bsn) where.push(`c.bsn = ${p(criteria.bsn)}`);
  for (const n of criteria.names) {
    const v = likeEscape(n.value);
    if (n.mode === 'contains') {
      const x = p(`%${v}%`);
      where.push(`(lower(c.given_name) like ${x} or lower(c.family_name) like ${x})`);
    } else {
      // Starts with, on the given name, the family name, or a word in it ("vries" finds "de Vries").
      const x = p(`${v}%`);
      const w = p(`% ${v}%`);
      where.push(`(lower(c.given_name) like ${x} or lower(c.family_name) like ${x} or lower(c.family_name) like ${w})`);
    }
  }
  for (const b of criteria.birth) {
    if (b.op === 'eq') where.push(`c.birth_date between ${p(b.start)}::date and ${p(b.end)}::date`);
    if (b.op === 'ge') where.push(`c.birth_date >= ${p(b.start)}::date`);
    if (b.op === 'gt') where.push(`c.birth_date > ${p(b.end)}::date`);
    if (b.op === 'le') where.push(`c.birth_date <= ${p(b.end)}::date`);
    if (b.op === 'lt') where.push(`c.birth_date < ${p(b.start)}::date`);
  }
  const { rows } = await db.query<{ id: string }>(
    `select c.id from clients c where ${where.join(' and ')} order by lower(c.family_name), lower(c.given_name), c.id limit ${p(input.limit)}`,
    params,
  );
  return rows.map((r) => r.id);
}
