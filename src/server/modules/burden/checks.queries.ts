import type { Queryable } from '../../../db/types.ts';
import type { CheckMode, CheckStatus, SignalStatus } from '../../../common/burden.ts';
import type { Answers } from '../../../domain/burden.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

/** One check (a draft or a result) with the names shown with it. */
export interface ResponseRow {
  id: string;
  tenant_key: string;
  client_id: string;
  member_id: string;
  instrument_key: string;
  instrument_version_id: string;
  status: CheckStatus;
  mode: CheckMode;
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

/** The columns of a ResponseRow, from `burden_responses r` (for the overview's queries too). */
export const RESPONSE_COLUMNS = `r.id, r.tenant_key, r.client_id, r.member_id, r.instrument_key, r.instrument_version_id, r.status, r.mode,
  r.administered_by, u.display_name as administered_by_name, r.organisation_id, o.name as organisation_name, r.mantelscan_id, r.answers,
  r.current_link_id, r.total, r.band_code, r.overload, r.shared_with_professional, r.sharing_changed_at, r.source_system, r.started_at,
  r.updated_at, r.completed_at`;
export const RESPONSE_FROM = `burden_responses r left join users u on u.id = r.administered_by left join organisations o on o.id = r.organisation_id`;
const RESPONSE_SELECT = `select ${RESPONSE_COLUMNS} from ${RESPONSE_FROM}`;

/** Oldest first: results by completion, drafts by their last change. */
export const RESPONSE_ORDER = 'coalesce(r.completed_at, r.updated_at), r.id';

/** At most this many checks of one caregiver are listed (a check a month is 12 a year). */
export const RESPONSE_LIST_LIMIT = 1000;

export async function findResponse(db: Queryable, clientId: string, memberId: string, id: string): Promise<ResponseRow | null> {
  const { rows } = await db.query<ResponseRow>(`${RESPONSE_SELECT} where r.client_id = $1 and r.member_id = $2 and r.id = $3`, [clientId, memberId, id]);
  return rows[0] ?? null;
}

/** The caregiver's paused check on an instrument, taken in this mode. */
export async function findDraft(db: Queryable, d: { memberId: string; instrumentKey: string; mode: CheckMode }): Promise<ResponseRow | null> {
  const { rows } = await db.query<ResponseRow>(`${RESPONSE_SELECT} where r.member_id = $1 and r.instrument_key = $2 and r.mode = $3 and r.status = 'in_progress'`, [d.memberId, d.instrumentKey, d.mode]);
  return rows[0] ?? null;
}

export interface NewResponse {
  tenantKey: string;
  clientId: string;
  memberId: string;
  instrumentKey: string;
  instrumentVersionId: string;
  mode: CheckMode;
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

/** Saves the answers of a draft; false when it is no longer a draft. */
export async function updateDraft(db: Queryable, d: { id: string; answers: Answers; currentLinkId: string | null; now: Date }): Promise<boolean> {
  return anyRow(db, `update burden_responses set answers = $2, current_link_id = $3, updated_at = $4 where id = $1 and status = 'in_progress'`, [
    d.id,
    JSON.stringify(d.answers),
    d.currentLinkId,
    d.now,
  ]);
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
  return anyRow(
    db,
    `update burden_responses set status = 'completed', answers = $2, total = $3, band_code = $4, overload = $5, shared_with_professional = $6,
       sharing_changed_at = case when $6 then $7::timestamptz end, current_link_id = null, updated_at = $7, completed_at = $7
     where id = $1 and status = 'in_progress'`,
    [id, JSON.stringify(c.answers), c.total, c.bandCode, c.overload, c.shared, c.now],
  );
}

/** Records a completed check in one go (FHIR, or a check on paper typed in afterwards). */
export async function insertCompleted(db: Queryable, r: NewResponse, c: Completion): Promise<string> {
  return insertedId(
    db,
    `insert into burden_responses (tenant_key, client_id, member_id, instrument_key, instrument_version_id, mode, administered_by, organisation_id,
       mantelscan_id, source_system, answers, status, total, band_code, overload, shared_with_professional, sharing_changed_at, started_at, updated_at, completed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'completed', $12, $13, $14, $15, case when $15 then $16::timestamptz end, $16, $16, $16)
     returning id`,
    [r.tenantKey, r.clientId, r.memberId, r.instrumentKey, r.instrumentVersionId, r.mode, r.administeredBy, r.organisationId, r.mantelscanId, r.sourceSystem, JSON.stringify(c.answers), c.total, c.bandCode, c.overload, c.shared, c.now],
  );
}

export async function deleteDraft(db: Queryable, id: string): Promise<boolean> {
  return anyRow(db, `delete from burden_responses where id = $1 and status = 'in_progress'`, [id]);
}

/** Shares a completed self-check with the professional(s), or stops sharing it. */
export async function setSharing(db: Queryable, s: { id: string; shared: boolean; now: Date }): Promise<boolean> {
  return anyRow(
    db,
    `update burden_responses set shared_with_professional = $2, sharing_changed_at = $3 where id = $1 and status = 'completed' and mode = 'self'`,
    [s.id, s.shared, s.now],
  );
}

/**
 * The total of the caregiver's check on the same instrument (any version) just before `before`;
 * with `sharedOnly`, of the checks a professional of the client may see (shared ones).
 */
export async function previousTotal(db: Queryable, p: { memberId: string; instrumentKey: string; before: Date; excludeId: string; sharedOnly?: boolean }): Promise<number | null> {
  const { rows } = await db.query<{ total: number }>(
    `select total from burden_responses where member_id = $1 and instrument_key = $2 and status = 'completed' and id <> $4 and completed_at <= $3
       and (not $5 or shared_with_professional)
     order by completed_at desc, id desc limit 1`,
    [p.memberId, p.instrumentKey, p.before, p.excludeId, p.sharedOnly ?? false],
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

/** A caregiver's checks, oldest first. */
export async function listResponses(db: Queryable, memberId: string, opts: { status: CheckStatus; instrumentKey?: string }): Promise<ResponseRow[]> {
  const { rows } = await db.query<ResponseRow>(
    `${RESPONSE_SELECT} where r.member_id = $1 and r.status = $2 and ($3::text is null or r.instrument_key = $3)
     order by ${RESPONSE_ORDER} limit ${RESPONSE_LIST_LIMIT}`,
    [memberId, opts.status, opts.instrumentKey ?? null],
  );
  return rows;
}

/** Whether the MantelScan is one of this client about this caregiver. */
export async function scanIsOfCaregiver(db: Queryable, s: { mantelscanId: string; clientId: string; memberId: string }): Promise<boolean> {
  return anyRow(db, 'select 1 from mantelscans where id = $1 and client_id = $2 and caregiver_member_id = $3', [s.mantelscanId, s.clientId, s.memberId]);
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
