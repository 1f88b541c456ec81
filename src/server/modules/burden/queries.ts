import type { Queryable } from '../../../db/types.ts';
import type { Answers, SignalReason } from '../../../domain/burden.ts';

// ---------------------------------------------------------------------------------------
// Responses (checks)

export interface ResponseRow {
  id: string;
  tenant_key: string;
  client_id: string;
  member_id: string;
  instrument_key: string;
  instrument_version_id: string;
  status: 'in_progress' | 'completed';
  mode: 'self' | 'professional';
  administered_by: string | null;
  administered_by_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  mantelscan_id: string | null;
  answers: Answers;
  current_link_id: string | null;
  total: number | null;
  band_code: string | null;
  overload: boolean | null;
  shared_with_professional: boolean;
  sharing_changed_at: Date | null;
  source_system: string;
  started_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

const RESPONSE_SELECT = `select r.id, r.tenant_key, r.client_id, r.member_id, r.instrument_key, r.instrument_version_id, r.status, r.mode,
  r.administered_by, u.display_name as administered_by_name, r.organisation_id, o.name as organisation_name, r.mantelscan_id, r.answers,
  r.current_link_id, r.total, r.band_code, r.overload, r.shared_with_professional, r.sharing_changed_at, r.source_system, r.started_at,
  r.updated_at, r.completed_at
  from burden_responses r left join users u on u.id = r.administered_by left join organisations o on o.id = r.organisation_id`;

export async function findResponse(db: Queryable, clientId: string, memberId: string, id: string): Promise<ResponseRow | null> {
  const { rows } = await db.query<ResponseRow>(`${RESPONSE_SELECT} where r.client_id = $1 and r.member_id = $2 and r.id = $3`, [clientId, memberId, id]);
  return rows[0] ?? null;
}

export async function findDraft(db: Queryable, memberId: string, instrumentKey: string, mode: 'self' | 'professional'): Promise<ResponseRow | null> {
  const { rows } = await db.query<ResponseRow>(`${RESPONSE_SELECT} where r.member_id = $1 and r.instrument_key = $2 and r.mode = $3 and r.status = 'in_progress'`, [
    memberId,
    instrumentKey,
    mode,
  ]);
  return rows[0] ?? null;
}

export interface NewResponse {
  tenantKey: string;
  clientId: string;
  memberId: string;
  instrumentKey: string;
  instrumentVersionId: string;
  mode: 'self' | 'professional';
  administeredBy: string | null;
  organisationId: string | null;
  mantelscanId: string | null;
  sourceSystem: string;
  answers: Answers;
  currentLinkId: string | null;
  now: Date;
}

/** Starts a draft; returns null when a draft for this caregiver, instrument and mode already exists. */
export async function insertDraft(db: Queryable, r: NewResponse): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `insert into burden_responses (tenant_key, client_id, member_id, instrument_key, instrument_version_id, mode, administered_by, organisation_id,
       mantelscan_id, source_system, answers, current_link_id, started_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     on conflict (member_id, instrument_key, mode) where status = 'in_progress' do nothing
     returning id`,
    [r.tenantKey, r.clientId, r.memberId, r.instrumentKey, r.instrumentVersionId, r.mode, r.administeredBy, r.organisationId, r.mantelscanId, r.sourceSystem, JSON.stringify(r.answers), r.currentLinkId, r.now],
  );
  return rows[0]?.id ?? null;
}

export async function updateDraft(db: Queryable, id: string, answers: Answers, currentLinkId: string | null, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(`update burden_responses set answers = $2, current_link_id = $3, updated_at = $4 where id = $1 and status = 'in_progress'`, [
    id,
    JSON.stringify(answers),
    currentLinkId,
    now,
  ]);
  return rowCount > 0;
}

export interface Completion {
  answers: Answers;
  total: number;
  bandCode: string | null;
  overload: boolean;
  shared: boolean;
  now: Date;
}

/** Completes a draft with its score; false when it is no longer a draft (completed meanwhile). */
export async function completeDraft(db: Queryable, id: string, c: Completion): Promise<boolean> {
  const { rowCount } = await db.query(
    `update burden_responses set status = 'completed', answers = $2, total = $3, band_code = $4, overload = $5, shared_with_professional = $6,
       sharing_changed_at = case when $6 then $7::timestamptz end, current_link_id = null, updated_at = $7, completed_at = $7
     where id = $1 and status = 'in_progress'`,
    [id, JSON.stringify(c.answers), c.total, c.bandCode, c.overload, c.shared, c.now],
  );
  return rowCount > 0;
}

/** Records a completed check in one go (FHIR, or a check on paper typed in afterwards). */
export async function insertCompleted(db: Queryable, r: NewResponse, c: Completion): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into burden_responses (tenant_key, client_id, member_id, instrument_key, instrument_version_id, mode, administered_by, organisation_id,
       mantelscan_id, source_system, answers, status, total, band_code, overload, shared_with_professional, sharing_changed_at, started_at, updated_at, completed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'completed', $12, $13, $14, $15, case when $15 then $16::timestamptz end, $16, $16, $16)
     returning id`,
    [r.tenantKey, r.clientId, r.memberId, r.instrumentKey, r.instrumentVersionId, r.mode, r.administeredBy, r.organisationId, r.mantelscanId, r.sourceSystem, JSON.stringify(c.answers), c.total, c.bandCode, c.overload, c.shared, c.now],
  );
  return (rows[0] as { id: string }).id;
}

export async function deleteDraft(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`delete from burden_responses where id = $1 and status = 'in_progress'`, [id]);
  return rowCount > 0;
}

export async function setSharing(db: Queryable, id: string, shared: boolean, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `update burden_responses set shared_with_professional = $2, sharing_changed_at = $3 where id = $1 and status = 'completed' and mode = 'self'`,
    [id, shared, now],
  );
  return rowCount > 0;
}

/**
 * The total of the caregiver's check on the same instrument (any version) just before `before`;
 * with `sharedOnly`, of the checks a professional of the client may see (shared ones).
 */
export async function previousTotal(db: Queryable, memberId: string, instrumentKey: string, before: Date, excludeId: string, opts: { sharedOnly?: boolean } = {}): Promise<number | null> {
  const { rows } = await db.query<{ total: number }>(
    `select total from burden_responses where member_id = $1 and instrument_key = $2 and status = 'completed' and id <> $4 and completed_at <= $3
       and (not $5 or shared_with_professional)
     order by completed_at desc, id desc limit 1`,
    [memberId, instrumentKey, before, excludeId, opts.sharedOnly ?? false],
  );
  return rows[0]?.total ?? null;
}

/** True when no completed check of the caregiver on this instrument is newer than this one. */
export async function isNewestResult(db: Queryable, memberId: string, instrumentKey: string, responseId: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `select id from burden_responses where member_id = $1 and instrument_key = $2 and status = 'completed' order by completed_at desc, id desc limit 1`,
    [memberId, instrumentKey],
  );
  return rows[0]?.id === responseId;
}

/** A caregiver's checks, oldest first; `sharedOnly` for a professional's view. */
export async function listResponses(db: Queryable, memberId: string, opts: { status: 'completed' | 'in_progress'; sharedOnly: boolean; instrumentKey?: string }): Promise<ResponseRow[]> {
  const { rows } = await db.query<ResponseRow>(
    `${RESPONSE_SELECT} where r.member_id = $1 and r.status = $2 and (not $3 or r.shared_with_professional) and ($4::text is null or r.instrument_key = $4)
     order by coalesce(r.completed_at, r.updated_at), r.id limit 1000`,
    [memberId, opts.status, opts.sharedOnly, opts.instrumentKey ?? null],
  );
  return rows;
}

/** The date (Dutch calendar) of the last completed check per instrument, for schedules. */
export async function lastCompletedAt(db: Queryable, memberId: string): Promise<Map<string, Date>> {
  const { rows } = await db.query<{ instrument_key: string; at: Date }>(
    `select instrument_key, max(completed_at) as at from burden_responses where member_id = $1 and status = 'completed' group by instrument_key`,
    [memberId],
  );
  return new Map(rows.map((r) => [r.instrument_key, r.at]));
}

// ---------------------------------------------------------------------------------------
// Schedules and reminders

export interface ScheduleRow {
  id: string;
  instrument_key: string;
  interval_months: number;
  enabled: boolean;
  next_due_on: string;
}

export async function listSchedules(db: Queryable, memberId: string): Promise<ScheduleRow[]> {
  const { rows } = await db.query<ScheduleRow>('select id, instrument_key, interval_months, enabled, next_due_on from burden_schedules where member_id = $1 order by instrument_key', [memberId]);
  return rows;
}

/** Creates a schedule when missing (existing ones are left as the caregiver set them). */
export async function insertScheduleIfMissing(
  db: Queryable,
  s: { tenantKey: string; clientId: string; memberId: string; instrumentKey: string; intervalMonths: number; nextDueOn: string; now: Date },
): Promise<void> {
  await db.query(
    `insert into burden_schedules (tenant_key, client_id, member_id, instrument_key, interval_months, next_due_on, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict (member_id, instrument_key) do nothing`,
    [s.tenantKey, s.clientId, s.memberId, s.instrumentKey, s.intervalMonths, s.nextDueOn, s.now],
  );
}

export async function upsertSchedule(
  db: Queryable,
  s: { tenantKey: string; clientId: string; memberId: string; instrumentKey: string; intervalMonths: number; enabled: boolean; nextDueOn: string; now: Date },
): Promise<void> {
  await db.query(
    `insert into burden_schedules (tenant_key, client_id, member_id, instrument_key, interval_months, enabled, next_due_on, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     on conflict (member_id, instrument_key) do update set interval_months = excluded.interval_months, enabled = excluded.enabled,
       next_due_on = excluded.next_due_on, updated_at = excluded.updated_at`,
    [s.tenantKey, s.clientId, s.memberId, s.instrumentKey, s.intervalMonths, s.enabled, s.nextDueOn, s.now],
  );
}

/** After a check: the next one on this instrument is one interval after today. */
export async function advanceSchedule(db: Queryable, memberId: string, instrumentKey: string, completedOn: string, now: Date): Promise<void> {
  await db.query(
    `update burden_schedules set next_due_on = ($3::date + make_interval(months => interval_months))::date, updated_at = $4
     where member_id = $1 and instrument_key = $2`,
    [memberId, instrumentKey, completedOn, now],
  );
}

export interface DueReminderRow {
  schedule_id: string;
  tenant_key: string;
  client_id: string;
  member_id: string;
  instrument_key: string;
  next_due_on: string;
  email: string;
  given_name: string;
  title: string;
}

/**
 * Due schedules without a reminder for their due date, locked for this transaction (another
 * instance skips them). Only caregivers with an active account who are still in the circle.
 */
export async function claimDueReminders(db: Queryable, today: string, limit: number): Promise<DueReminderRow[]> {
  const { rows } = await db.query<DueReminderRow>(
    `select s.id as schedule_id, s.tenant_key, s.client_id, s.member_id, s.instrument_key, s.next_due_on, u.email, m.given_name, v.title
     from burden_schedules s
     join circle_members m on m.id = s.member_id and m.left_at is null
     join users u on u.id = m.user_id and u.disabled_at is null
     join burden_instruments i on i.key = s.instrument_key
     join burden_instrument_versions v on v.id = i.current_version_id and v.status = 'active'
     where s.enabled and s.next_due_on <= $1::date
       and not exists (select 1 from burden_reminders br where br.schedule_id = s.id and br.due_on = s.next_due_on)
     order by s.next_due_on, s.id
     limit $2
     for update of s skip locked`,
    [today, limit],
  );
  return rows;
}

/** Marks the reminder for a due date as sent; false when it already was (another instance). */
export async function insertReminder(db: Queryable, r: { scheduleId: string; dueOn: string; tenantKey: string; now: Date }): Promise<boolean> {
  const { rowCount } = await db.query('insert into burden_reminders (schedule_id, due_on, tenant_key, sent_at) values ($1, $2, $3, $4) on conflict do nothing', [
    r.scheduleId,
    r.dueOn,
    r.tenantKey,
    r.now,
  ]);
  return rowCount > 0;
}

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
  const { rows } = await db.query<OrgRow>(
    `select o.id, o.name, o.kind from client_organisation_links l
     join organisations o on o.id = l.organisation_id
     join current_consents cc on cc.client_id = l.client_id and cc.organisation_id = l.organisation_id
       and cc.decision = 'permit' and cc.access_level in ('full', 'manage') and (cc.valid_until is null or cc.valid_until >= $2::date)
     where l.client_id = $1 and l.ended_at is null
     order by (o.kind = 'care_provider') desc, l.created_at, o.id`,
    [clientId, today],
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

export type SignalStatus = 'open' | 'contacted' | 'plan_agreed' | 'closed';

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
  total: number | null;
  previous_total: number | null;
  /** The client's current decision on the receiving organisation is a deny (the link was ended, or access refused). */
  client_denied_organisation: boolean;
  organisation_id: string | null;
  organisation_name: string | null;
  routed_to: 'professional' | 'support_centre' | 'municipality' | 'none';
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

const SIGNAL_SELECT = `select s.id, s.tenant_key, mu.name as municipality_name, s.client_id, c.given_name as client_given_name, c.family_name as client_family_name,
  s.member_id, m.given_name as member_given_name, m.family_name as member_family_name, coalesce(mu2.email, m.email) as member_email, m.phone as member_phone,
  s.response_id, s.latest_response_id, r.id as shown_response_id, r.instrument_key, r.instrument_version_id,
  case when r.id is null then '{}'::text[] else s.reasons end as reasons, r.total, prev.total as previous_total, s.organisation_id,
  o.name as organisation_name, s.routed_to, s.assigned_user_id, au.display_name as assigned_name, s.status, s.created_at, s.first_follow_up_at,
  s.escalated_at, s.closed_at, s.updated_at,
  exists (select 1 from current_consents cd where cd.client_id = s.client_id and cd.organisation_id = s.organisation_id and cd.decision = 'deny') as client_denied_organisation
  from burden_signals s
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
  const { rowCount } = await db.query(
    `select 1 from burden_signals where organisation_id is not distinct from $1::uuid and (response_id = $2 or latest_response_id = $2)`,
    [organisationId, responseId],
  );
  return rowCount > 0;
}

export interface UnclosedSignalInfo {
  id: string;
  status: SignalStatus;
  routed_to: SignalRow['routed_to'];
  organisation_id: string | null;
  organisation_name: string | null;
}

/** The caregiver's signals that are not closed yet (one per receiving organisation), care organisations first. */
export async function unclosedSignals(db: Queryable, memberId: string): Promise<UnclosedSignalInfo[]> {
  const { rows } = await db.query<UnclosedSignalInfo>(
    `select s.id, s.status, s.routed_to, s.organisation_id, o.name as organisation_name from burden_signals s left join organisations o on o.id = s.organisation_id
     where s.member_id = $1 and s.status <> 'closed' order by (s.routed_to = 'professional') desc, s.created_at, s.id`,
    [memberId],
  );
  return rows;
}

/** The signal a response created or was added to, for the caregiver's result page. */
export async function signalOfResponse(db: Queryable, responseId: string): Promise<{ id: string; status: SignalStatus; routed_to: string; organisation_name: string | null } | null> {
  const { rows } = await db.query<{ id: string; status: SignalStatus; routed_to: string; organisation_name: string | null }>(
    `select s.id, s.status, s.routed_to, o.name as organisation_name from burden_signals s left join organisations o on o.id = s.organisation_id
     where s.response_id = $1 or s.latest_response_id = $1 order by s.created_at desc limit 1`,
    [responseId],
  );
  return rows[0] ?? null;
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
    routedTo: SignalRow['routed_to'];
    assignedUserId: string | null;
    now: Date;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into burden_signals (tenant_key, client_id, member_id, response_id, latest_response_id, reasons, total, previous_total, organisation_id,
       routed_to, assigned_user_id, created_at, updated_at)
     values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning id`,
    [s.tenantKey, s.clientId, s.memberId, s.responseId, s.reasons, s.total, s.previousTotal, s.organisationId, s.routedTo, s.assignedUserId, s.now],
  );
  return (rows[0] as { id: string }).id;
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
  e: { tenantKey: string; signalId: string; kind: 'created' | 'status' | 'assigned' | 'escalated' | 'new_check'; fromStatus?: string | null; toStatus?: string | null; note?: string | null; userId: string | null; at: Date },
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
  offset: number;
  limit: number;
}

/**
 * An organisation's signals: unclosed first (escalated first, oldest first), then closed ones.
 * Only signals of clients the organisation may still reach (SIGNAL_REACHABLE).
 */
export async function listSignals(db: Queryable, f: SignalFilter): Promise<{ rows: (SignalRow & { total_count: number })[]; total: number }> {
  const { rows } = await db.query<SignalRow & { total_count: number }>(
    `${SIGNAL_SELECT.replace('select s.id,', 'select count(*) over ()::int as total_count, s.id,')}
     where s.organisation_id = $1 and (cardinality($2::text[]) = 0 or s.status = any($2::text[]))
       and (not $3 or s.escalated_at is not null) and ($4::uuid is null or s.assigned_user_id = $4)
       and ${SIGNAL_REACHABLE('$7')}
     order by (s.status = 'closed'), (s.escalated_at is null), s.created_at, s.id
     limit $5 offset $6`,
    [f.organisationId, f.statuses, f.escalatedOnly, f.assignedTo, f.limit, f.offset, f.today],
  );
  return { rows, total: rows[0]?.total_count ?? 0 };
}

export async function updateSignalStatus(db: Queryable, id: string, from: SignalStatus, to: SignalStatus, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `update burden_signals set status = $3, updated_at = $4, first_follow_up_at = coalesce(first_follow_up_at, $4),
       closed_at = case when $3 = 'closed' then $4::timestamptz end
     where id = $1 and status = $2`,
    [id, from, to, now],
  );
  return rowCount > 0;
}

export async function markFollowedUp(db: Queryable, id: string, at: Date, now: Date): Promise<void> {
  await db.query('update burden_signals set first_follow_up_at = least(coalesce(first_follow_up_at, $2), $2), updated_at = $3 where id = $1', [id, at, now]);
}

export async function setAssignee(db: Queryable, id: string, userId: string | null, now: Date): Promise<void> {
  await db.query('update burden_signals set assigned_user_id = $2, updated_at = $3 where id = $1', [id, userId, now]);
}

export async function insertAction(
  db: Queryable,
  a: { tenantKey: string; signalId: string; kind: string; note: string | null; occurredAt: Date; recordedBy: string | null; organisationId: string | null; contactId: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into burden_signal_actions (tenant_key, signal_id, kind, note, occurred_at, recorded_by, organisation_id, contact_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [a.tenantKey, a.signalId, a.kind, a.note, a.occurredAt, a.recordedBy, a.organisationId, a.contactId],
  );
  return (rows[0] as { id: string }).id;
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
  const { rowCount } = await db.query('update burden_signals set escalated_at = $2, updated_at = $2 where id = $1 and escalated_at is null', [id, now]);
  return rowCount > 0;
}

/** Whether a user works in the organisation in one of the roles (for assigning a signal). */
export async function isStaffOf(db: Queryable, organisationId: string, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(`select 1 from memberships where organisation_id = $1 and user_id = $2 and role in ('professional', 'coordinator', 'org_admin')`, [organisationId, userId]);
  return rowCount > 0;
}

/** The caregiver's memberships in circles (for their own overview). */
export async function myCaregiverMemberships(db: Queryable, userId: string) {
  const { rows } = await db.query<{ member_id: string; client_id: string; tenant_key: string; client_given_name: string; kind: string }>(
    `select m.id as member_id, m.client_id, m.tenant_key, c.given_name as client_given_name, m.kind from circle_members m join clients c on c.id = m.client_id
     where m.user_id = $1 and m.left_at is null and m.kind in ('caregiver', 'relative', 'friend', 'neighbour') order by lower(c.given_name), c.id`,
    [userId],
  );
  return rows;
}
