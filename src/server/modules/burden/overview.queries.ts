import type { Queryable } from '../../../db/types.ts';
import { INFORMAL_KINDS, type CheckStatus, type SignalRoute, type SignalStatus } from '../../../common/burden.ts';
import { RESPONSE_COLUMNS, RESPONSE_FROM, RESPONSE_LIST_LIMIT, RESPONSE_ORDER, type ResponseRow } from './checks.queries.ts';

/**
 * The checks of several caregivers in one query, each caregiver's oldest first (at most
 * RESPONSE_LIST_LIMIT per caregiver and status, as listResponses). Of the caregivers in
 * `allOf` every check counts; of the others only the ones shared with the professional(s).
 */
export async function listResponsesOfMembers(db: Queryable, f: { memberIds: string[]; statuses: CheckStatus[]; allOf: string[] }): Promise<ResponseRow[]> {
  const { rows } = await db.query<ResponseRow>(
    `select * from (
       select ${RESPONSE_COLUMNS}, row_number() over (partition by r.member_id, r.status order by ${RESPONSE_ORDER}) as n
       from ${RESPONSE_FROM}
       where r.member_id = any($1::uuid[]) and r.status = any($2::text[]) and (r.member_id = any($3::uuid[]) or r.shared_with_professional)
     ) x where x.n <= ${RESPONSE_LIST_LIMIT}
     order by x.member_id, coalesce(x.completed_at, x.updated_at), x.id`,
    [f.memberIds, f.statuses, f.allOf],
  );
  return rows.map(({ n: _n, ...row }: ResponseRow & { n?: number }) => row);
}

export interface UnclosedSignalInfo {
  id: string;
  member_id: string;
  status: SignalStatus;
  routed_to: SignalRoute;
  organisation_id: string | null;
  organisation_name: string | null;
}

/** The signals of these caregivers that are not closed yet (one per receiving organisation), per caregiver care organisations first. */
export async function unclosedSignals(db: Queryable, memberIds: string[]): Promise<UnclosedSignalInfo[]> {
  const { rows } = await db.query<UnclosedSignalInfo>(
    `select s.id, s.member_id, s.status, s.routed_to, s.organisation_id, o.name as organisation_name from burden_signals s left join organisations o on o.id = s.organisation_id
     where s.member_id = any($1::uuid[]) and s.status <> 'closed' order by s.member_id, (s.routed_to = 'professional') desc, s.created_at, s.id`,
    [memberIds],
  );
  return rows;
}

/** The caregiver's memberships in circles (for their own overview). */
export async function myCaregiverMemberships(db: Queryable, userId: string) {
  const { rows } = await db.query<{ member_id: string; client_id: string; tenant_key: string; client_given_name: string; kind: string }>(
    `select m.id as member_id, m.client_id, m.tenant_key, c.given_name as client_given_name, m.kind from circle_members m join clients c on c.id = m.client_id
     where m.user_id = $1 and m.left_at is null and m.kind = any($2::text[]) order by lower(c.given_name), c.id`,
    [userId, INFORMAL_KINDS],
  );
  return rows;
}
