import type { Queryable } from '../../../db/types.ts';
import type { AccessLevel, Closeness, ConsentDecision, Decider, Tie } from '../../../common/codes.ts';
import type { ClientAccessFacts } from '../../platform/policy/client.ts';
import { TOTAL_COLUMN, withTotal, type PageWindow } from '../../platform/paging.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface ClientRow {
  id: string;
  tenant_key: string;
  municipality_name: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  care_situation: string | null;
  care_needs: string[];
  bsn: string | null;
  user_id: string | null;
  decider: Decider;
  created_at: Date;
  updated_at: Date;
}

export interface MemberRow {
  id: string;
  client_id: string;
  tenant_key: string;
  user_id: string | null;
  kind: string;
  is_main_caregiver: boolean;
  is_representative: boolean;
  given_name: string;
  family_name: string;
  role_code: string | null;
  relationship_code: string | null;
  closeness: Closeness;
  tie: Tie;
  help_kinds: string[];
  hours_per_week: number | null;
  availability: string | null;
  since: string | null;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  job_title: string | null;
  created_at: Date;
  /** From the current consent: null when none, denied or expired. */
  access_level: AccessLevel | null;
  access_until: string | null;
  has_account: boolean;
}

const CLIENT_SELECT = `select c.id, c.tenant_key, m.name as municipality_name, c.given_name, c.family_name, c.birth_date,
  c.care_situation, c.care_needs, c.bsn, c.user_id, c.decider, c.created_at, c.updated_at
  from clients c join municipalities m on m.code = c.tenant_key`;

/** A consent counts while it permits and its end date (inclusive) has not passed. */
const LIVE_CONSENT = `cc.decision = 'permit' and (cc.valid_until is null or cc.valid_until >= $2::date)`;

/**
 * Everything the client policy needs about one user and one client, in one round trip.
 * `professionalOrgIds` are the actor's organisations where they work as professional.
 */
export async function loadAccessFacts(db: Queryable, input: { userId: string; clientId: string; today: string; professionalOrgIds: string[] }): Promise<ClientAccessFacts | null> {
  const { clientId, ...rest } = input;
  return (await loadAccessFactsMany(db, { ...rest, clientIds: [clientId] })).get(clientId) ?? null;
}

/**
 * The access facts of one user for many clients (a page of a list), in one set-based query:
 * the same facts as loadAccessFacts, keyed by client id. Clients that do not exist are absent.
 */
export async function loadAccessFactsMany(db: Queryable, input: { userId: string; clientIds: readonly string[]; today: string; professionalOrgIds: string[] }): Promise<Map<string, ClientAccessFacts>> {
  const facts = new Map<string, ClientAccessFacts>();
  if (input.clientIds.length === 0) return facts;
  const { rows } = await db.query<{
    id: string;
    tenant_key: string;
    decider: ClientAccessFacts['decider'];
    is_client: boolean;
    client_has_account: boolean;
    member: { id: string; kind: string; is_main_caregiver: boolean; is_representative: boolean; level: AccessLevel | null } | null;
    orgs: { organisation_id: string; level: AccessLevel }[] | null;
  }>(
    `select c.id, c.tenant_key, c.decider, c.user_id is not distinct from $3::uuid as is_client, c.user_id is not null as client_has_account,
       (select json_build_object('id', m.id, 'kind', m.kind, 'is_main_caregiver', m.is_main_caregiver,
                 'is_representative', m.is_representative,
                 'level', (select cc.access_level from current_consents cc where cc.member_id = m.id and ${LIVE_CONSENT}))
          from circle_members m where m.client_id = c.id and m.user_id = $3 and m.left_at is null) as member,
       (select json_agg(json_build_object('organisation_id', l.organisation_id, 'level', cc.access_level))
          from client_organisation_links l
          join current_consents cc on cc.client_id = c.id and cc.organisation_id = l.organisation_id and ${LIVE_CONSENT}
          where l.client_id = c.id and l.ended_at is null and l.organisation_id = any($4::uuid[])) as orgs
     from clients c where c.id = any($1::uuid[])`,
    [[...new Set(input.clientIds)], input.today, input.userId, input.professionalOrgIds],
  );
  for (const row of rows) {
    facts.set(row.id, {
      clientId: row.id,
      tenantKey: row.tenant_key,
      decider: row.decider,
      isClient: row.is_client,
      clientHasAccount: row.client_has_account,
      member: row.member
        ? { id: row.member.id, kind: row.member.kind, isMainCaregiver: row.member.is_main_caregiver, isRepresentative: row.member.is_representative, level: row.member.level }
        : null,
      organisations: (row.orgs ?? []).map((o) => ({ organisationId: o.organisation_id, level: o.level })),
    });
  }
  return facts;
}

export async function findClient(db: Queryable, id: string): Promise<ClientRow | null> {
  const { rows } = await db.query<ClientRow>(`${CLIENT_SELECT} where c.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertClient(
  db: Queryable,
  c: { tenantKey: string; givenName: string; familyName: string; birthDate: string | null; careSituation: string | null; careNeeds: string[]; bsn: string | null; bsnRecordedBy: string | null; decider: string; createdBy: string; userId?: string | null },
): Promise<string> {
  return insertedId(
    db,
    `insert into clients (tenant_key, given_name, family_name, birth_date, care_situation, care_needs, bsn, bsn_recorded_by, decider, created_by, user_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [c.tenantKey, c.givenName, c.familyName, c.birthDate, c.careSituation, c.careNeeds, c.bsn, c.bsnRecordedBy, c.decider, c.createdBy, c.userId ?? null],
  );
}

export async function updateClient(
  db: Queryable,
  id: string,
  c: { givenName?: string; familyName?: string; birthDate?: string | null; careSituation?: string | null; careNeeds?: string[]; decider?: string; bsn?: string | null; bsnRecordedBy?: string | null },
): Promise<void> {
  await db.query(
    `update clients set
       given_name = coalesce($2, given_name), family_name = coalesce($3, family_name),
       birth_date = case when $4::boolean then $5::date else birth_date end,
       care_situation = case when $6::boolean then $7 else care_situation end,
       care_needs = coalesce($8, care_needs), decider = coalesce($9, decider),
       bsn = case when $10::boolean then $11 else bsn end,
       bsn_recorded_by = case when $10::boolean then $12::uuid else bsn_recorded_by end,
       updated_at = now()
     where id = $1`,
    [
      id,
      c.givenName ?? null,
      c.familyName ?? null,
      c.birthDate !== undefined,
      c.birthDate ?? null,
      c.careSituation !== undefined,
      c.careSituation ?? null,
      c.careNeeds ?? null,
      c.decider ?? null,
      c.bsn !== undefined,
      c.bsn ?? null,
      c.bsnRecordedBy ?? null,
    ],
  );
}

const MEMBER_SELECT = `select m.id, m.client_id, m.tenant_key, m.user_id, m.kind, m.is_main_caregiver, m.is_representative, m.given_name,
  m.family_name, m.role_code, m.relationship_code, m.closeness, m.tie, m.help_kinds, m.hours_per_week, m.availability, m.since,
  m.email, m.phone, m.organisation_id, coalesce(o.name, m.organisation_name) as organisation_name, m.job_title, m.created_at,
  case when cc.decision = 'permit' and (cc.valid_until is null or cc.valid_until >= $2::date) then cc.access_level end as access_level,
  case when cc.decision = 'permit' then cc.valid_until end as access_until,
  m.user_id is not null as has_account
  from circle_members m
  left join organisations o on o.id = m.organisation_id
  left join current_consents cc on cc.member_id = m.id`;

/** Active members of a circle, main caregiver first, then by ring and name. */
export async function listMembers(db: Queryable, clientId: string, today: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(
    `${MEMBER_SELECT} where m.client_id = $1 and m.left_at is null
     order by m.is_main_caregiver desc, case m.closeness when 'inner' then 0 when 'middle' then 1 else 2 end, lower(m.given_name), m.id`,
    [clientId, today],
  );
  return rows;
}

export async function findMember(db: Queryable, clientId: string, memberId: string, today: string): Promise<MemberRow | null> {
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} where m.client_id = $1 and m.id = $3 and m.left_at is null`, [clientId, today, memberId]);
  return rows[0] ?? null;
}

export interface MemberFields {
  kind: string;
  isMainCaregiver?: boolean;
  isRepresentative?: boolean;
  givenName: string;
  familyName?: string;
  roleCode?: string | null;
  relationshipCode?: string | null;
  closeness?: string;
  tie?: string;
  helpKinds?: string[];
  hoursPerWeek?: number | null;
  availability?: string | null;
  since?: string | null;
  email?: string | null;
  phone?: string | null;
  organisationId?: string | null;
  organisationName?: string | null;
  jobTitle?: string | null;
}

export async function insertMember(db: Queryable, m: MemberFields & { clientId: string; tenantKey: string; userId?: string | null; createdBy: string }): Promise<string> {
  return insertedId(
    db,
    `insert into circle_members (client_id, tenant_key, user_id, kind, is_main_caregiver, is_representative, given_name, family_name, role_code,
       relationship_code, closeness, tie, help_kinds, hours_per_week, availability, since, email, phone, organisation_id, organisation_name,
       job_title, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, 'middle'), coalesce($12, 'strong'), $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     returning id`,
    [
      m.clientId,
      m.tenantKey,
      m.userId ?? null,
      m.kind,
      m.isMainCaregiver ?? false,
      m.isRepresentative ?? false,
      m.givenName,
      m.familyName ?? '',
      m.roleCode ?? null,
      m.relationshipCode ?? null,
      m.closeness ?? null,
      m.tie ?? null,
      m.helpKinds ?? [],
      m.hoursPerWeek ?? null,
      m.availability ?? null,
      m.since ?? null,
      m.email ?? null,
      m.phone ?? null,
      m.organisationId ?? null,
      m.organisationName ?? null,
      m.jobTitle ?? null,
      m.createdBy,
    ],
  );
}

/** Updates the given fields of a member (undefined = unchanged, null = cleared). */
export async function updateMember(db: Queryable, clientId: string, memberId: string, m: Partial<MemberFields>): Promise<boolean> {
  const columns: Record<keyof MemberFields, string> = {
    kind: 'kind',
    isMainCaregiver: 'is_main_caregiver',
    isRepresentative: 'is_representative',
    givenName: 'given_name',
    familyName: 'family_name',
    roleCode: 'role_code',
    relationshipCode: 'relationship_code',
    closeness: 'closeness',
    tie: 'tie',
    helpKinds: 'help_kinds',
    hoursPerWeek: 'hours_per_week',
    availability: 'availability',
    since: 'since',
    email: 'email',
    phone: 'phone',
    organisationId: 'organisation_id',
    organisationName: 'organisation_name',
    jobTitle: 'job_title',
  };
  const sets: string[] = [];
  const params: unknown[] = [clientId, memberId];
  for (const [key, column] of Object.entries(columns) as [keyof MemberFields, string][]) {
    if (m[key] === undefined) continue;
    params.push(m[key]);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length === 0) return true;
  return anyRow(db, `update circle_members set ${sets.join(', ')}, updated_at = now() where client_id = $1 and id = $2 and left_at is null`, params);
}

/** A member's deciding roles and kind, locked until the end of the transaction (null when not an active member). */
export async function lockMemberRoles(db: Queryable, clientId: string, memberId: string): Promise<{ kind: string; is_main_caregiver: boolean; is_representative: boolean; given_name: string } | null> {
  const { rows } = await db.query<{ kind: string; is_main_caregiver: boolean; is_representative: boolean; given_name: string }>(
    'select kind, is_main_caregiver, is_representative, given_name from circle_members where client_id = $1 and id = $2 and left_at is null for update',
    [clientId, memberId],
  );
  return rows[0] ?? null;
}

/** The current main caregiver other than `exceptMemberId`, locked (there is at most one). */
export async function lockOtherMainCaregiver(db: Queryable, clientId: string, exceptMemberId: string | null): Promise<{ id: string; given_name: string } | null> {
  const { rows } = await db.query<{ id: string; given_name: string }>(
    'select id, given_name from circle_members where client_id = $1 and is_main_caregiver and left_at is null and id is distinct from $2::uuid for update',
    [clientId, exceptMemberId],
  );
  return rows[0] ?? null;
}

/** Takes the main-caregiver role from whoever holds it (moving it: there is one at most). */
export async function clearMainCaregiver(db: Queryable, clientId: string): Promise<void> {
  await db.query('update circle_members set is_main_caregiver = false, updated_at = now() where client_id = $1 and is_main_caregiver and left_at is null', [clientId]);
}

/**
 * The people who decide on access for the client now, with an address to tell them of a
 * change: the client (with an account), the representatives, or the main caregiver (when
 * the client cannot decide, or decides but has no account and so the main caregiver records
 * their decisions). An account's address goes before the one typed on the map.
 */
export async function listDeciderContacts(db: Queryable, clientId: string): Promise<{ given_name: string; email: string; client_given_name: string }[]> {
  const { rows } = await db.query<{ given_name: string; email: string; client_given_name: string }>(
    `select m.given_name, coalesce(u.email, m.email) as email, c.given_name as client_given_name
       from clients c join circle_members m on m.client_id = c.id and m.left_at is null
       left join users u on u.id = m.user_id
      where c.id = $1 and coalesce(u.email, m.email) is not null
        and ((c.decider = 'main_caregiver' and m.is_main_caregiver)
          or (c.decider = 'representative' and m.is_representative)
          or (c.decider = 'client' and c.user_id is null and m.is_main_caregiver))
     union all
     select c.given_name, u.email, c.given_name from clients c join users u on u.id = c.user_id
      where c.id = $1 and c.decider = 'client'`,
    [clientId],
  );
  return rows;
}

export async function markMemberLeft(db: Queryable, clientId: string, memberId: string): Promise<boolean> {
  return anyRow(db, 'update circle_members set left_at = now(), is_main_caregiver = false where client_id = $1 and id = $2 and left_at is null', [clientId, memberId]);
}

export async function insertConsent(
  db: Queryable,
  d: { clientId: string; tenantKey: string; memberId?: string | null; organisationId?: string | null; decision: ConsentDecision; accessLevel: AccessLevel | null; validUntil: string | null; decidedAs: string; recordedBy: string },
): Promise<string> {
  return insertedId(
    db,
    `insert into consent_decisions (client_id, tenant_key, member_id, organisation_id, decision, access_level, valid_until, decided_as, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [d.clientId, d.tenantKey, d.memberId ?? null, d.organisationId ?? null, d.decision, d.accessLevel, d.validUntil, d.decidedAs, d.recordedBy],
  );
}

export interface ConsentRow {
  id: string;
  client_id: string;
  member_id: string | null;
  member_name: string | null;
  member_kind: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  decision: ConsentDecision;
  access_level: AccessLevel | null;
  valid_until: string | null;
  decided_as: string;
  recorded_by_name: string | null;
  created_at: Date;
  current: boolean;
}

/** All consent decisions of a client, newest first, marking the ones that count now. */
export async function listConsents(db: Queryable, clientId: string): Promise<ConsentRow[]> {
  const { rows } = await db.query<ConsentRow>(
    `select d.id, d.client_id, d.member_id, trim(m.given_name || ' ' || m.family_name) as member_name, m.kind as member_kind,
       d.organisation_id, o.name as organisation_name, d.decision, d.access_level, d.valid_until, d.decided_as,
       u.display_name as recorded_by_name, d.created_at,
       exists (select 1 from current_consents cc where cc.id = d.id) as current
     from consent_decisions d
     left join circle_members m on m.id = d.member_id
     left join organisations o on o.id = d.organisation_id
     left join users u on u.id = d.recorded_by
     where d.client_id = $1 order by d.seq desc`,
    [clientId],
  );
  return rows;
}

export interface LinkRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  sector: string | null;
  created_at: Date;
  access_level: AccessLevel | null;
  access_until: string | null;
}

export async function listLinks(db: Queryable, clientId: string, today: string): Promise<LinkRow[]> {
  const { rows } = await db.query<LinkRow>(
    `select l.id, l.organisation_id, o.name as organisation_name, o.kind as organisation_kind, o.sector, l.created_at,
       case when cc.decision = 'permit' and (cc.valid_until is null or cc.valid_until >= $2::date) then cc.access_level end as access_level,
       case when cc.decision = 'permit' then cc.valid_until end as access_until
     from client_organisation_links l join organisations o on o.id = l.organisation_id
     left join current_consents cc on cc.client_id = l.client_id and cc.organisation_id = l.organisation_id
     where l.client_id = $1 and l.ended_at is null order by o.name`,
    [clientId, today],
  );
  return rows;
}

export async function insertLink(db: Queryable, l: { clientId: string; tenantKey: string; organisationId: string; createdBy: string }): Promise<void> {
  await db.query(
    `insert into client_organisation_links (client_id, tenant_key, organisation_id, created_by)
     select $1, $2, $3, $4 where not exists (select 1 from client_organisation_links where client_id = $1 and organisation_id = $3 and ended_at is null)`,
    [l.clientId, l.tenantKey, l.organisationId, l.createdBy],
  );
}

export async function endLink(db: Queryable, clientId: string, organisationId: string): Promise<boolean> {
  return anyRow(db, 'update client_organisation_links set ended_at = now() where client_id = $1 and organisation_id = $2 and ended_at is null', [clientId, organisationId]);
}

export interface MyCircleRow {
  client_id: string;
  tenant_key: string;
  given_name: string;
  family_name: string;
  municipality_name: string;
  is_client: boolean;
  member_kind: string | null;
  is_main_caregiver: boolean;
  member_count: number;
}

/**
 * Circles the user is in: as client or as active member. A union of the two index lookups
 * (an OR over a left join made PostgreSQL read every client: 2 s at 1,000,000 caregivers).
 */
export async function listMyCircles(db: Queryable, userId: string): Promise<MyCircleRow[]> {
  const { rows } = await db.query<MyCircleRow>(
    `select c.id as client_id, c.tenant_key, c.given_name, c.family_name, mu.name as municipality_name, c.user_id is not distinct from $1::uuid as is_client,
       m.kind as member_kind, coalesce(m.is_main_caregiver, false) as is_main_caregiver,
       (select count(*)::int from circle_members x where x.client_id = c.id and x.left_at is null) as member_count
     from (select id from clients where user_id = $1
           union
           select client_id from circle_members where user_id = $1 and left_at is null) mine
     join clients c on c.id = mine.id
     join municipalities mu on mu.code = c.tenant_key
     left join circle_members m on m.client_id = c.id and m.user_id = $1 and m.left_at is null
     order by lower(c.given_name), c.id`,
    [userId],
  );
  return rows;
}

export async function listNotes(db: Queryable, clientId: string) {
  const { rows } = await db.query<{ id: string; body: string; author_name: string | null; created_at: Date }>(
    `select n.id, n.body, u.display_name as author_name, n.created_at from circle_notes n left join users u on u.id = n.author_user_id
     where n.client_id = $1 order by n.created_at desc limit 200`,
    [clientId],
  );
  return rows;
}

export async function insertNote(db: Queryable, n: { clientId: string; tenantKey: string; authorUserId: string; body: string }): Promise<string> {
  return insertedId(db, 'insert into circle_notes (client_id, tenant_key, author_user_id, body) values ($1, $2, $3, $4) returning id', [n.clientId, n.tenantKey, n.authorUserId, n.body]);
}

/** True when the user is an active member of the client's circle. */
export async function isActiveMember(db: Queryable, clientId: string, userId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from circle_members where client_id = $1 and user_id = $2 and left_at is null', [clientId, userId]);
}

export interface ClientAccessLogRow {
  occurred_at: Date;
  action: string;
  resource_type: string;
  user_display: string | null;
  organisation_name: string | null;
  source_system: string;
  outcome: string;
  total: number;
}

/** A page of the access log lines about one client, newest first. */
export async function listClientAccessLog(db: Queryable, clientId: string, window: PageWindow): Promise<{ rows: ClientAccessLogRow[]; total: number }> {
  const { rows } = await db.query<ClientAccessLogRow>(
    `select ${TOTAL_COLUMN}, a.occurred_at, a.action, a.resource_type, a.user_display, o.name as organisation_name, a.source_system, a.outcome
     from audit_log a left join organisations o on o.id = a.organisation_id
     where a.client_id = $1 order by a.occurred_at desc, a.id desc limit $2 offset $3`,
    [clientId, window.limit, window.offset],
  );
  return withTotal(rows);
}

/**
 * Everyone with an account who may have access to the client's circle: the client, the active
 * members with an account and the professionals of actively linked organisations, with the
 * organisations each works for as professional (the client policy decides their level).
 */
export async function listCirclePeople(db: Queryable, clientId: string): Promise<{ user_id: string; name: string; org_ids: string[] }[]> {
  const { rows } = await db.query<{ user_id: string; name: string; org_ids: string[] | null }>(
    `with people as (
       select c.user_id from clients c where c.id = $1 and c.user_id is not null
       union select m.user_id from circle_members m where m.client_id = $1 and m.left_at is null and m.user_id is not null
       union select ms.user_id from client_organisation_links l join memberships ms on ms.organisation_id = l.organisation_id and ms.role = 'professional'
         where l.client_id = $1 and l.ended_at is null)
     select p.user_id, u.display_name as name,
       (select array_agg(ms.organisation_id) from memberships ms where ms.user_id = p.user_id and ms.role = 'professional') as org_ids
     from people p join users u on u.id = p.user_id order by u.display_name, p.user_id`,
    [clientId],
  );
  return rows.map((r) => ({ user_id: r.user_id, name: r.name, org_ids: r.org_ids ?? [] }));
}
