import type { Queryable } from '../../../db/types.ts';
import { anyRow } from '../../platform/rows.ts';

/**
 * The demo seed's SQL: bulk inserts with `unnest` (one statement per table, so a seed of
 * thousands of rows stays fast on PGlite). Each takes rows as objects.
 */

/** The rows as one array per column, in the order of `keys`, for `unnest($1::…[], $2::…[], …)`. */
function columns<R>(rows: readonly R[], keys: readonly (keyof R)[]): unknown[][] {
  return keys.map((k) => rows.map((r) => r[k]));
}

export async function demoSeeded(db: Queryable): Promise<boolean> {
  return anyRow(db, "select 1 from installation where key = 'demo_seeded'");
}

export async function markDemoSeeded(db: Queryable, value: Record<string, unknown>): Promise<void> {
  await db.query(`insert into installation (key, value) values ('demo_seeded', $1)`, [JSON.stringify(value)]);
}

export interface DemoUser {
  email: string;
  name: string;
  personas: string[];
  municipality: string | null;
  /** Two-step login set up with `totpSecret`. */
  totp: boolean;
  admin?: boolean;
}

/** Inserts verified users (all with the same password hash, or none); returns their ids by e-mail. */
export async function insertUsers(db: Queryable, users: readonly DemoUser[], passwordHash: string | null, totpSecret: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; email: string }>(
    `insert into users (email, display_name, password_hash, personas, municipality_code, email_verified_at, totp_secret, totp_enabled_at, is_platform_admin)
     select e, n, $3, string_to_array(p, ','), m, now(), case when t then $4 end, case when t then now() end, a
     from unnest($1::text[], $2::text[], $5::text[], $6::text[], $7::boolean[], $8::boolean[]) as x(e, n, p, m, t, a)
     returning id, email`,
    [
      users.map((u) => u.email),
      users.map((u) => u.name),
      passwordHash,
      totpSecret,
      users.map((u) => u.personas.join(',')),
      users.map((u) => u.municipality),
      users.map((u) => u.totp),
      users.map((u) => u.admin ?? false),
    ],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Inserts organisations; returns their ids in the order given. */
export async function insertOrganisations(db: Queryable, orgs: readonly { name: string; kind: string; sector: string | null; municipality: string | null; region: string | null }[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `insert into organisations (name, kind, sector, municipality_code, region)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) returning id, name`,
    columns(orgs, ['name', 'kind', 'sector', 'municipality', 'region']),
  );
  return rows.map((r) => r.id);
}

export async function insertMemberships(db: Queryable, memberships: readonly { org: string; user: string; role: string; title: string | null }[]): Promise<void> {
  await db.query(
    `insert into memberships (organisation_id, user_id, role, job_title)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
    columns(memberships, ['org', 'user', 'role', 'title']),
  );
}

export interface DemoClient {
  id: string;
  tenantKey: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  careSituation: string;
  careNeeds: string[];
  userId: string | null;
  decider: string;
  createdBy: string | null;
}

export async function insertClients(db: Queryable, clients: readonly DemoClient[]): Promise<void> {
  await db.query(
    `insert into clients (id, tenant_key, given_name, family_name, birth_date, care_situation, care_needs, user_id, decider, created_by)
     select id, t, g, f, b::date, s, string_to_array(n, ','), u, d, cb from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::uuid[])
       as x(id, t, g, f, b, s, n, u, d, cb)`,
    columns(
      clients.map((c) => ({ ...c, careNeeds: c.careNeeds.join(',') })),
      ['id', 'tenantKey', 'givenName', 'familyName', 'birthDate', 'careSituation', 'careNeeds', 'userId', 'decider', 'createdBy'],
    ),
  );
}

export interface DemoMember {
  id: string;
  clientId: string;
  tenantKey: string;
  userId: string | null;
  kind: string;
  isMainCaregiver: boolean;
  givenName: string;
  familyName: string;
  roleCode: string | null;
  relationshipCode: string | null;
  closeness: string;
  tie: string;
  helpKinds: string[];
  hoursPerWeek: number | null;
  email: string | null;
  phone: string | null;
  organisationName: string | null;
  jobTitle: string | null;
  since: string;
}

export async function insertMembers(db: Queryable, members: readonly DemoMember[]): Promise<void> {
  await db.query(
    `insert into circle_members (id, client_id, tenant_key, user_id, kind, is_main_caregiver, given_name, family_name, role_code, relationship_code,
       closeness, tie, help_kinds, hours_per_week, email, phone, organisation_name, job_title, since)
     select id, c, t, u, k, mn, g, f, r, rel, cl, ti, string_to_array(h, ','), hr, e, p, o, j, s::date
     from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::text[], $12::text[], $13::text[], $14::numeric[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[])
       as x(id, c, t, u, k, mn, g, f, r, rel, cl, ti, h, hr, e, p, o, j, s)`,
    columns(
      members.map((m) => ({ ...m, helpKinds: m.helpKinds.join(',') })),
      ['id', 'clientId', 'tenantKey', 'userId', 'kind', 'isMainCaregiver', 'givenName', 'familyName', 'roleCode', 'relationshipCode', 'closeness', 'tie', 'helpKinds', 'hoursPerWeek', 'email', 'phone', 'organisationName', 'jobTitle', 'since'],
    ),
  );
}

/** Permitting consent decisions, for a member or for an organisation. */
export async function insertConsents(
  db: Queryable,
  consents: readonly { clientId: string; tenantKey: string; memberId: string | null; organisationId: string | null; accessLevel: string; decidedAs: string; recordedBy: string | null }[],
): Promise<void> {
  await db.query(
    `insert into consent_decisions (client_id, tenant_key, member_id, organisation_id, decision, access_level, decided_as, recorded_by)
     select c, t, m, o, 'permit', l, d, b from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[]) as x(c, t, m, o, l, d, b)`,
    columns(consents, ['clientId', 'tenantKey', 'memberId', 'organisationId', 'accessLevel', 'decidedAs', 'recordedBy']),
  );
}

export async function insertLinks(db: Queryable, links: readonly { clientId: string; tenantKey: string; organisationId: string; createdBy: string }[]): Promise<void> {
  await db.query(
    `insert into client_organisation_links (client_id, tenant_key, organisation_id, created_by)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[])`,
    columns(links, ['clientId', 'tenantKey', 'organisationId', 'createdBy']),
  );
}

export async function insertContacts(
  db: Queryable,
  contacts: readonly { clientId: string; tenantKey: string; memberId: string; professionalUserId: string | null; organisationId: string; kind: string; occurredAt: Date }[],
): Promise<void> {
  await db.query(
    `insert into caregiver_contacts (client_id, tenant_key, member_id, professional_user_id, organisation_id, kind, occurred_at)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[])`,
    columns(contacts, ['clientId', 'tenantKey', 'memberId', 'professionalUserId', 'organisationId', 'kind', 'occurredAt']),
  );
}

/** Completed MantelScans; `answers` and `snapshot` are JSON text. */
export async function insertCompletedScans(
  db: Queryable,
  scans: readonly { clientId: string; tenantKey: string; caregiverMemberId: string; conductedBy: string | null; organisationId: string; answers: string; advice: string; snapshot: string; at: Date }[],
): Promise<void> {
  await db.query(
    `insert into mantelscans (client_id, tenant_key, caregiver_member_id, conducted_by, organisation_id, status, step, answers, advice, network_snapshot, started_at, completed_at)
     select c, t, m, p, o, 'completed', 'advice', a::jsonb, adv, s::jsonb, at, at from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       as x(c, t, m, p, o, a, adv, s, at)`,
    columns(scans, ['clientId', 'tenantKey', 'caregiverMemberId', 'conductedBy', 'organisationId', 'answers', 'advice', 'snapshot', 'at']),
  );
}
