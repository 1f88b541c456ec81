import type { Queryable } from '../../../db/types.ts';
import { TOTAL_COLUMN, withTotal, type PageWindow } from '../../platform/paging.ts';
import { insertedId } from '../../platform/rows.ts';

export interface CaseloadRow {
  client_id: string;
  tenant_key: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  municipality_name: string;
  member_count: number;
  caregiver_count: number;
  main_caregiver_name: string | null;
  last_scan_at: Date | null;
  last_contact_at: Date | null;
  linked_at: Date;
  total: number;
}

export type CaseloadSort = 'name' | 'last_contact' | 'last_scan' | 'members';
export type CaseloadFilter = 'no_caregiver' | 'no_map' | 'no_recent_scan' | 'no_recent_contact';

/** Members on the map from which we count a network map as made (besides a completed scan). */
export const MAP_MIN_MEMBERS = 3;

/**
 * The links of the clients an organisation may see: active, with a permitting consent ($1
 * organisation, $2 today, $3 search). Read from the link's own copy of the name and the
 * organisation's newest consent decision (migration 0070, the caseload read model), so the
 * page and its total come from one range of `client_org_links_caseload_idx`.
 */
const VISIBLE_LINKS = `select l.client_id, l.created_at as linked_at, l.sort_family, l.sort_given
  from client_organisation_links l
  where l.organisation_id = $1 and l.ended_at is null
    and l.consent_decision = 'permit' and (l.consent_valid_until is null or l.consent_valid_until >= $2::date)
    and ($3 = '' or exists (select 1 from clients c where c.id = l.client_id and (c.given_name || ' ' || c.family_name) ilike '%' || $3 || '%'))`;

/** The client rows of `links`, with every column of the link rows (date, sort key, total when counted). */
const CLIENTS_OF = (links: string) => `select c.id, c.tenant_key, c.given_name, c.family_name, c.birth_date, k.*
  from ${links} k join clients c on c.id = k.client_id`;

/** The "caregiver in view" indicators of the clients in `v`. */
const INDICATORS = `(select count(*)::int from circle_members m where m.client_id = v.id and m.left_at is null) as member_count,
  (select count(*)::int from circle_members m where m.client_id = v.id and m.left_at is null and m.kind = 'caregiver') as caregiver_count,
  (select trim(m.given_name || ' ' || m.family_name) from circle_members m where m.client_id = v.id and m.left_at is null and m.is_main_caregiver) as main_caregiver_name,
  (select max(s.completed_at) from mantelscans s where s.client_id = v.id and s.status = 'completed') as last_scan_at,
  (select max(k.occurred_at) from caregiver_contacts k where k.client_id = v.id) as last_contact_at`;

/** The answer's columns of `x` (a visible client with its indicators and total). */
const CASELOAD_COLUMNS = `x.total, x.id as client_id, x.tenant_key, x.given_name, x.family_name, x.birth_date,
  (select mu.name from municipalities mu where mu.code = x.tenant_key) as municipality_name,
  x.member_count, x.caregiver_count, x.main_caregiver_name, x.last_scan_at, x.last_contact_at, x.linked_at`;

const NULLS = { asc: 'nulls first', desc: 'nulls last' } as const;

/** The order of each sort key, for `x` (dir: asc or desc; nulls first going up, last going down). */
const ORDER: Record<CaseloadSort, (dir: 'asc' | 'desc') => string> = {
  name: (dir) => `x.sort_family ${dir}, x.sort_given ${dir}, x.id ${dir}`,
  last_contact: (dir) => `x.last_contact_at ${dir} ${NULLS[dir]}, x.id`,
  last_scan: (dir) => `x.last_scan_at ${dir} ${NULLS[dir]}, x.id`,
  members: (dir) => `x.member_count ${dir}, x.id`,
};

/**
 * The plain list (by name, no indicator filter): the page is taken from the index first
 * (names are on the link), then the client rows and indicators are read for that page only.
 * $4, $5: limit and offset.
 */
const PAGE_THEN_INDICATORS = (dir: 'asc' | 'desc') => `with page as (
    select x.*, ${TOTAL_COLUMN} from (${VISIBLE_LINKS}) x
    order by x.sort_family ${dir}, x.sort_given ${dir}, x.client_id ${dir} limit $4 offset $5
  ), x as (select v.*, ${INDICATORS} from (${CLIENTS_OF('page')}) v)
  select ${CASELOAD_COLUMNS} from x order by ${ORDER.name(dir)}`;

/** Sorting or filtering on an indicator: the indicators are counted for every visible client. */
const INDICATORS_THEN_PAGE = (sort: CaseloadSort, dir: 'asc' | 'desc') => `with counted as (
    select v.*, ${INDICATORS} from (${CLIENTS_OF(`(${VISIBLE_LINKS})`)}) v
  ), x as (
    select counted.*, ${TOTAL_COLUMN} from counted
    where (not $4 or counted.caregiver_count = 0)
      and (not $5 or (counted.member_count < ${MAP_MIN_MEMBERS} and counted.last_scan_at is null))
      and (not $6 or counted.last_scan_at is null or counted.last_scan_at < $8::timestamptz - interval '180 days')
      and (not $7 or counted.last_contact_at is null or counted.last_contact_at < $8::timestamptz - interval '30 days')
  )
  select ${CASELOAD_COLUMNS} from x order by ${ORDER[sort](dir)} limit $9 offset $10`;

/**
 * The clients an organisation may see (active link, permitting consent), with the
 * "caregiver in view" indicators, filtered, sorted and paged in SQL so it scales to
 * thousands of clients.
 */
export async function listCaseload(
  db: Queryable,
  input: PageWindow & { organisationId: string; today: string; search: string; filters: CaseloadFilter[]; sort: CaseloadSort; descending: boolean; now: Date },
): Promise<{ rows: CaseloadRow[]; total: number }> {
  const dir = input.descending ? 'desc' : 'asc';
  const visible = [input.organisationId, input.today, input.search];
  if (input.sort === 'name' && input.filters.length === 0) return withTotal((await db.query<CaseloadRow>(PAGE_THEN_INDICATORS(dir), [...visible, input.limit, input.offset])).rows);
  const { rows } = await db.query<CaseloadRow>(INDICATORS_THEN_PAGE(input.sort, dir), [
    ...visible,
    input.filters.includes('no_caregiver'),
    input.filters.includes('no_map'),
    input.filters.includes('no_recent_scan'),
    input.filters.includes('no_recent_contact'),
    input.now,
    input.limit,
    input.offset,
  ]);
  return withTotal(rows);
}

export async function insertContact(
  db: Queryable,
  c: { clientId: string; tenantKey: string; memberId: string | null; professionalUserId: string; organisationId: string | null; kind: string; note: string | null; occurredAt: Date },
): Promise<string> {
  return insertedId(
    db,
    `insert into caregiver_contacts (client_id, tenant_key, member_id, professional_user_id, organisation_id, kind, note, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [c.clientId, c.tenantKey, c.memberId, c.professionalUserId, c.organisationId, c.kind, c.note, c.occurredAt],
  );
}

export async function listContacts(db: Queryable, clientId: string) {
  const { rows } = await db.query<{ id: string; kind: string; note: string | null; occurred_at: Date; member_name: string | null; professional_name: string | null; organisation_name: string | null }>(
    `select k.id, k.kind, k.note, k.occurred_at, trim(m.given_name || ' ' || m.family_name) as member_name, u.display_name as professional_name, o.name as organisation_name
     from caregiver_contacts k left join circle_members m on m.id = k.member_id left join users u on u.id = k.professional_user_id
     left join organisations o on o.id = k.organisation_id
     where k.client_id = $1 order by k.occurred_at desc limit 100`,
    [clientId],
  );
  return rows;
}
