import type { Queryable } from '../../../db/types.ts';
import { SIGNAL_ROLES, type SignalActionKind, type SignalEventKind, type SignalReason, type SignalRoute, type SignalStatus } from '../../../common/burden.ts';
import { TOTAL_COLUMN, withTotal, type PageWindow } from '../../platform/paging.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

// ---------------------------------------------------------------------------------------
// Organisations that receive signals or offer support

export interface OrgRow {
  id: string;
  name: string;
  kind: string;
}

/**
 * The organisations linked to the client with a live consent of full access or more, care
 * providers first, then by how long they are linked: the "responsible professional" side.
 */
export async function linkedOrganisations(db: Queryable, clientId: string, today: string): Promise<OrgRow[]> {
  return linkedOrganisationsOfClients(db, [clientId], today);
}

/** linkedOrganisations of several clients at once (each row names its client), per client in that order. */
export async function linkedOrganisationsOfClients(db: Queryable, clientIds: string[], today: string): Promise<(OrgRow & { client_id: string })[]> {
  const { rows } = await db.query<OrgRow & { client_id: string }>(
    `select l.client_id, o.id, o.name, o.kind from client_organisation_links l
     join organisations o on o.id = l.organisation_id
     join current_consents cc on cc.client_id = l.client_id and cc.organisation_id = l.organisation_id
       and cc.decision = 'permit' and cc.access_level in ('full', 'manage') and (cc.valid_until is null or cc.valid_until >= $2::date)
     where l.client_id = any($1::uuid[]) and l.ended_at is null
     order by l.client_id, (o.kind = 'care_provider') desc, l.created_at, o.id`,
    [clientIds, today],
  );
  return rows;
}

/**
 * A welfare organisation counts as the municipality's caregiver support centre when its
 * name says so ("Mantelzorgsteunpunt …", "Steunpunt Mantelzorg …"). There is no
 * organisation type for it yet; the support directory (sociale kaart) will replace this.
 */
export const SUPPORT_CENTRE_SQL = `(o.kind = 'welfare' and o.name ~* 'mantelzorg')`;

/** Local support in a municipality: the support centre first, then welfare, volunteer and municipality. */
export async function localSupport(db: Queryable, municipalityCode: string): Promise<(OrgRow & { is_support_centre: boolean })[]> {
  const { rows } = await db.query<OrgRow & { is_support_centre: boolean }>(
    `select o.id, o.name, o.kind, ${SUPPORT_CENTRE_SQL} as is_support_centre from organisations o
     where o.municipality_code = $1 and o.kind in ('welfare', 'volunteer', 'municipality')
     order by ${SUPPORT_CENTRE_SQL} desc, case o.kind when 'welfare' then 0 when 'volunteer' then 1 else 2 end, o.name, o.id`,
    [municipalityCode],
  );
  return rows;
}

/** Users of an organisation with one of the roles, with an active account. */
export async function organisationStaff(db: Queryable, organisationId: string, roles: string[]): Promise<{ user_id: string; email: string; role: string }[]> {
  const { rows } = await db.query<{ user_id: string; email: string; role: string }>(
    `select distinct on (u.id) u.id as user_id, u.email, m.role from memberships m join users u on u.id = m.user_id
     where m.organisation_id = $1 and m.role = any($2::text[]) and u.disabled_at is null order by u.id, m.role`,
    [organisationId, roles],
  );
  return rows;
}

/** The e-mail address of an active account. */
export async function activeUserEmail(db: Queryable, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ email: string }>('select email from users where id = $1 and disabled_at is null', [userId]);
  return rows[0]?.email ?? null;
}

/** A professional of the organisation who is on the client's map with an account: the one to assign. */
export async function professionalOnMap(db: Queryable, clientId: string, organisationId: string): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(
    `select m.user_id from circle_members m join memberships ms on ms.user_id = m.user_id and ms.organisation_id = $2 and ms.role = 'professional'
     where m.client_id = $1 and m.kind = 'professional' and m.left_at is null and m.user_id is not null order by m.created_at limit 1`,
    [clientId, organisationId],
  );
  return rows[0]?.user_id ?? null;
}

// ---------------------------------------------------------------------------------------
// Signals

export type { SignalStatus };

export interface SignalRow {
  id: string;
  tenant_key: string;
  municipality_name: string;
  client_id: string;
  client_given_name: string;
  client_family_name: string;
  member_id: string;
  member_given_name: string;
  member_family_name: string;
  member_email: string | null;
  member_phone: string | null;
  response_id: string;
  latest_response_id: string;
  /**
   * The check the signal shows: its newest check that the receiving organisation may see
   * (see SIGNAL_SELECT). Null when there is none, e.g. the caregiver stopped sharing it.
   */
  shown_response_id: string | null;
  instrument_key: string | null;
  instrument_version_id: string | null;
  reasons: SignalReason[];
  /** The score of the check shown (null when it shows none). */
  score_total: number | null;
  previous_total: number | null;
  /** The client's current decision on the receiving organisation is a deny (the link was ended, or access refused). */
  client_denied_organisation: boolean;
  organisation_id: string | null;
  organisation_name: string | null;
  routed_to: SignalRoute;
  assigned_user_id: string | null;
  assigned_name: string | null;
  status: SignalStatus;
  created_at: Date;
  first_follow_up_at: Date | null;
  escalated_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
}

/**
 * Which checks of a signal its organisation may see. A signal at a care organisation (routed
 * to the professional) shows only results the caregiver shared (a check taken in a
 * conversation is always shared); if she stops sharing, the result leaves the signal. A
 * signal at the support centre or the municipality is the caregiver's own route to help
 * and shows the check that raised it.
 */
const VISIBLE_TO_SIGNAL = (alias: string) => `(s.routed_to <> 'professional' or ${alias}.shared_with_professional)`;

const SIGNAL_COLUMNS = `s.id, s.tenant_key, mu.name as municipality_name, s.client_id, c.given_name as client_given_name, c.family_name as client_family_name,
  s.member_id, m.given_name as member_given_name, m.family_name as member_family_name, coalesce(mu2.email, m.email) as member_email, m.phone as member_phone,
  s.response_id, s.latest_response_id, r.id as shown_response_id, r.instrument_key, r.instrument_version_id,
  case when r.id is null then '{}'::text[] else s.reasons end as reasons, r.total as score_total, prev.total as previous_total, s.organisation_id,
  o.name as organisation_name, s.routed_to, s.assigned_user_id, au.display_name as assigned_name, s.status, s.created_at, s.first_follow_up_at,
  s.escalated_at, s.closed_at, s.updated_at,
  exists (select 1 from current_consents cd where cd.client_id = s.client_id and cd.organisation_id = s.organisation_id and cd.decision = 'deny') as client_denied_organisation`;

const SIGNAL_FROM = `burden_signals s
  join clients c on c.id = s.client_id
  join municipalities mu on mu.code = s.tenant_key
  join circle_members m on m.id = s.member_id
  left join users mu2 on mu2.id = m.user_id
  left join lateral (select x.id, x.instrument_key, x.instrument_version_id, x.total, x.completed_at from burden_responses x
    where x.id in (s.latest_response_id, s.response_id) and ${VISIBLE_TO_SIGNAL('x')}
    order by (x.id = s.latest_response_id) desc limit 1) r on true
  left join lateral (select p.total from burden_responses p
    where p.member_id = s.member_id and p.instrument_key = r.instrument_key and p.status = 'completed' and p.id <> r.id
      and p.completed_at <= r.completed_at and ${VISIBLE_TO_SIGNAL('p')}
    order by p.completed_at desc, p.id desc limit 1) prev on true
  left join organisations o on o.id = s.organisation_id
  left join users au on au.id = s.assigned_user_id`;

const SIGNAL_SELECT = `select ${SIGNAL_COLUMNS} from ${SIGNAL_FROM}`;

/**
 * The organisation may still work with the signal's client: the SQL twin of
 * burdenPolicy.assertSignalAccess, for lists (which must leave other signals out). A signal
 * at a care organisation needs an active link with a live consent of full access or more;
 * any other signal, that the client has not refused the organisation. `$today` is a date.
 */
const SIGNAL_REACHABLE = (today: string) => `(case when s.routed_to = 'professional' then exists (
    select 1 from client_organisation_links l
    join current_consents cc on cc.client_id = l.client_id and cc.organisation_id = l.organisation_id and cc.decision = 'permit'
      and cc.access_level in ('full', 'manage') and (cc.valid_until is null or cc.valid_until >= ${today}::date)
    where l.client_id = s.client_id and l.organisation_id = s.organisation_id and l.ended_at is null)
  else not exists (select 1 from current_consents cd where cd.client_id = s.client_id and cd.organisation_id = s.organisation_id and cd.decision = 'deny') end)`;

export async function findSignal(db: Queryable, organisationId: string, id: string): Promise<SignalRow | null> {
  const { rows } = await db.query<SignalRow>(`${SIGNAL_SELECT} where s.id = $1 and s.organisation_id = $2`, [id, organisationId]);
  return rows[0] ?? null;
}

/** The caregiver's signal at this organisation that is not closed yet (at most one, by a unique index). */
export async function findUnclosedSignal(db: Queryable, memberId: string, organisationId: string | null): Promise<{ id: string; organisation_id: string | null; status: SignalStatus; tenant_key: string } | null> {
  const { rows } = await db.query<{ id: string; organisation_id: string | null; status: SignalStatus; tenant_key: string }>(
    `select id, organisation_id, status, tenant_key from burden_signals where member_id = $1 and organisation_id is not distinct from $2::uuid and status <> 'closed' for update`,
    [memberId, organisationId],
  );
  return rows[0] ?? null;
}

/** True when the organisation has (or had) a signal holding this check, whatever its status. */
export async function signalHoldsResponse(db: Queryable, organisationId: string | null, responseId: string): Promise<boolean> {
  return anyRow(
    db,
    `select 1 from burden_signals where organisation_id is not distinct from $1::uuid and (response_id = $2 or latest_response_id = $2)`,
    [organisationId, responseId],
  );
}

export async function insertSignal(
  db: Queryable,
  s: {
    tenantKey: string;
    clientId: string;
    memberId: string;
    responseId: string;
    reasons: SignalReason[];
    total: number;
    previousTotal: number | null;
    organisationId: string | null;
    routedTo: SignalRoute;
    assignedUserId: string | null;
    now: Date;
  },
): Promise<string> {
  return insertedId(
    db,
    `insert into burden_signals (tenant_key, client_id, member_id, response_id, latest_response_id, reasons, total, previous_total, organisation_id,
       routed_to, assigned_user_id, created_at, updated_at)
     values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning id`,
    [s.tenantKey, s.clientId, s.memberId, s.responseId, s.reasons, s.total, s.previousTotal, s.organisationId, s.routedTo, s.assignedUserId, s.now],
  );
}

/** A newer check while the signal is open: the signal shows the newest score and every reason seen. */
export async function addCheckToSignal(db: Queryable, id: string, c: { responseId: string; total: number; reasons: SignalReason[]; now: Date }): Promise<void> {
  await db.query(
    `update burden_signals set latest_response_id = $2, total = $3,
       reasons = array(select distinct x from unnest(reasons || $4::text[]) as x order by x), updated_at = $5
     where id = $1`,
    [id, c.responseId, c.total, c.reasons, c.now],
  );
}

export async function insertSignalEvent(
  db: Queryable,
  e: { tenantKey: string; signalId: string; kind: SignalEventKind; fromStatus?: string | null; toStatus?: string | null; note?: string | null; userId: string | null; at: Date },
): Promise<void> {
  await db.query(
    `insert into burden_signal_events (tenant_key, signal_id, kind, from_status, to_status, note, user_id, occurred_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.tenantKey, e.signalId, e.kind, e.fromStatus ?? null, e.toStatus ?? null, e.note ?? null, e.userId, e.at],
  );
}

export interface SignalFilter {
  organisationId: string;
  /** Today's date in the Netherlands (for consent end dates). */
  today: string;
  statuses: SignalStatus[];
  escalatedOnly: boolean;
  assignedTo: string | null;
  page: PageWindow;
}

/**
 * An organisation's signals: unclosed first (escalated first, oldest first), then closed ones.
 * Only signals of clients the organisation may still reach (SIGNAL_REACHABLE).
 */
export async function listSignals(db: Queryable, f: SignalFilter): Promise<{ rows: (SignalRow & { total: number })[]; total: number }> {
  const { rows } = await db.query<SignalRow & { total: number }>(
    `select ${TOTAL_COLUMN}, ${SIGNAL_COLUMNS} from ${SIGNAL_FROM}
     where s.organisation_id = $1 and (cardinality($2::text[]) = 0 or s.status = any($2::text[]))
       and (not $3 or s.escalated_at is not null) and ($4::uuid is null or s.assigned_user_id = $4)
       and ${SIGNAL_REACHABLE('$7')}
     order by (s.status = 'closed'), (s.escalated_at is null), s.created_at, s.id
     limit $5 offset $6`,
    [f.organisationId, f.statuses, f.escalatedOnly, f.assignedTo, f.page.limit, f.page.offset, f.today],
  );
  return withTotal(rows);
}

/** Moves a signal from one status to the next; false when it was no longer at `from`. */
export async function updateSignalStatus(db: Queryable, m: { id: string; from: SignalStatus; to: SignalStatus; now: Date }): Promise<boolean> {
  return anyRow(
    db,
    `update burden_signals set status = $3, updated_at = $4, first_follow_up_at = coalesce(first_follow_up_at, $4),
       closed_at = case when $3 = 'closed' then $4::timestamptz end
     where id = $1 and status = $2`,
    [m.id, m.from, m.to, m.now],
  );
}

export async function markFollowedUp(db: Queryable, id: string, at: Date, now: Date): Promise<void> {
  await db.query('update burden_signals set first_follow_up_at = least(coalesce(first_follow_up_at, $2), $2), updated_at = $3 where id = $1', [id, at, now]);
}

export async function setAssignee(db: Queryable, id: string, userId: string | null, now: Date): Promise<void> {
  await db.query('update burden_signals set assigned_user_id = $2, updated_at = $3 where id = $1', [id, userId, now]);
}

export async function insertAction(
  db: Queryable,
  a: { tenantKey: string; signalId: string; kind: SignalActionKind; note: string | null; occurredAt: Date; recordedBy: string | null; organisationId: string | null; contactId: string | null },
): Promise<string> {
  return insertedId(
    db,
    `insert into burden_signal_actions (tenant_key, signal_id, kind, note, occurred_at, recorded_by, organisation_id, contact_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [a.tenantKey, a.signalId, a.kind, a.note, a.occurredAt, a.recordedBy, a.organisationId, a.contactId],
  );
}

export async function listActions(db: Queryable, signalId: string) {
  const { rows } = await db.query<{ id: string; kind: string; note: string | null; occurred_at: Date; recorded_by_name: string | null; contact_id: string | null }>(
    `select a.id, a.kind, a.note, a.occurred_at, u.display_name as recorded_by_name, a.contact_id from burden_signal_actions a
     left join users u on u.id = a.recorded_by where a.signal_id = $1 order by a.occurred_at, a.created_at`,
    [signalId],
  );
  return rows;
}

export async function listEvents(db: Queryable, signalId: string) {
  const { rows } = await db.query<{ kind: string; from_status: string | null; to_status: string | null; note: string | null; user_name: string | null; occurred_at: Date }>(
    `select e.kind, e.from_status, e.to_status, e.note, u.display_name as user_name, e.occurred_at from burden_signal_events e
     left join users u on u.id = e.user_id where e.signal_id = $1 order by e.occurred_at, e.id`,
    [signalId],
  );
  return rows;
}

/** Open signals nobody picked up since `before`, locked for this transaction (other instances skip them). */
export async function claimUnpickedSignals(db: Queryable, before: Date, limit: number): Promise<{ id: string; tenant_key: string; client_id: string; organisation_id: string | null; assigned_user_id: string | null; created_at: Date }[]> {
  const { rows } = await db.query<{ id: string; tenant_key: string; client_id: string; organisation_id: string | null; assigned_user_id: string | null; created_at: Date }>(
    `select id, tenant_key, client_id, organisation_id, assigned_user_id, created_at from burden_signals
     where status = 'open' and escalated_at is null and first_follow_up_at is null and created_at <= $1
     order by created_at limit $2 for update skip locked`,
    [before, limit],
  );
  return rows;
}

export async function markEscalated(db: Queryable, id: string, now: Date): Promise<boolean> {
  return anyRow(db, 'update burden_signals set escalated_at = $2, updated_at = $2 where id = $1 and escalated_at is null', [id, now]);
}

/** Whether a user works in the organisation in one of the roles (for assigning a signal). */
export async function isStaffOf(db: Queryable, organisationId: string, userId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from memberships where organisation_id = $1 and user_id = $2 and role = any($3::text[])', [organisationId, userId, SIGNAL_ROLES]);
}
