import type { Queryable } from '../../../db/types.ts';
import {
  checkPartialAnswers,
  nextSteps,
  parseInstrument,
  scoreAnswers,
  scoreFacts,
  severityOf,
  signalReasons,
  supportOfferFits,
  supportOfferText,
  type Answers,
  type Instrument,
  type Score,
} from '../../../domain/burden.ts';
import { DEFAULT_SCHEDULES, nextDueOn } from '../../../domain/burden-schedule.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { renderMessage } from '../../../common/messages/index.ts';
import { AppError } from '../../platform/errors.ts';
import { assertClientAccess, professionalOrganisation, type ClientAccessFacts } from '../../platform/policy/client.ts';
import { accessFacts, today } from '../circles/access.ts';
import { findMember, listMembers, type MemberRow } from '../circles/queries.ts';
import { insertContact } from '../caseload/queries.ts';
import {
  findInstrumentVersion,
  findVersion,
  instrumentOf,
  instrumentsByVersion,
  listInstrumentVersions,
  storeInstrumentVersion,
  type InstrumentVersionRow,
} from './instruments.ts';
import { burdenPolicy, INFORMAL_KINDS, type CheckAccess } from '../../platform/policy/burden.ts';
import * as q from './queries.ts';
import { raiseSignal } from './signals.ts';

// ---------------------------------------------------------------------------------------
// Instruments

/** An instrument with all its stored versions; `current` is the one offered for new checks. */
export interface InstrumentEntry {
  current: InstrumentVersionRow;
  instrument: Instrument;
  versions: InstrumentVersionRow[];
}

/** Every instrument with its current version (any signed-in user; instruments are not personal data). */
export async function instrumentLister(services: Services, actor: Actor): Promise<InstrumentEntry[]> {
  burdenPolicy.assertReadInstruments(actor);
  const rows = await listInstrumentVersions(services.db);
  const entries: InstrumentEntry[] = [];
  for (const row of rows.filter((r) => r.is_current)) {
    entries.push({ current: row, instrument: instrumentOf(row), versions: rows.filter((r) => r.instrument_key === row.instrument_key) });
  }
  return entries;
}

/** One instrument (its current version, or a named one) with everything needed to show it. */
export async function instrumentReader(services: Services, actor: Actor, input: { key: string; version?: string }): Promise<InstrumentEntry> {
  burdenPolicy.assertReadInstruments(actor);
  const row = await findInstrumentVersion(services.db, input.key, input.version);
  if (!row) throw new AppError('not_found');
  const versions = (await listInstrumentVersions(services.db)).filter((r) => r.instrument_key === input.key);
  return { current: row, instrument: instrumentOf(row), versions };
}

/**
 * A platform administrator adds an instrument, or a new version of one, by importing a FHIR
 * Questionnaire with the Mantelkring scoring extension. Every problem is reported at once,
 * in Dutch, with its place in the Questionnaire. Existing versions are never overwritten.
 */
export async function instrumentImporter(
  services: Services,
  actor: Actor,
  input: { questionnaire: Record<string, unknown> },
  origin: Origin,
): Promise<{ key: string; version: string; versionId: string; current: boolean }> {
  burdenPolicy.assertImportInstrument(actor);
  const parsed = parseInstrument(input.questionnaire);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => ({ path: `/questionnaire${e.path}`, message: e.message }));
    throw new AppError('validation_failed', { key: 'instrument_unreadable', params: { problems: errors.map((e) => e.message).join(' ') } }, errors.map((e) => ({ path: e.path, message: { key: 'domain_text', params: { text: e.message } } })));
  }
  const instrument = parsed.value;
  return services.db.transaction(async (tx) => {
    const stored = await storeInstrumentVersion(tx, { instrument, resource: input.questionnaire, builtin: false, importedBy: actor.userId });
    if (stored.outcome === 'key_taken') throw new AppError('conflict', { key: 'instrument_key_taken', params: { key: instrument.key } });
    if (stored.outcome === 'url_taken') throw new AppError('conflict', { key: 'instrument_url_taken', params: { url: instrument.url } });
    if (stored.outcome !== 'added' || !stored.versionId) {
      throw new AppError('conflict', { key: 'instrument_version_taken', params: { version: instrument.version, title: instrument.title } });
    }
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'burden_instrument', resourceId: `${instrument.key}|${instrument.version}`, detail: { url: instrument.url, current: stored.current } });
    return { key: instrument.key, version: instrument.version, versionId: stored.versionId, current: stored.current };
  });
}

// ---------------------------------------------------------------------------------------
// Checks

/** Everything about one check that the API shows. */
export interface CheckView {
  row: q.ResponseRow;
  instrument: Instrument;
  version: InstrumentVersionRow;
  result: ResultView | null;
}

export interface ResultView {
  score: Score;
  previousTotal: number | null;
  change: number | null;
  rising: boolean;
  nextSteps: ReturnType<typeof nextSteps>;
  supportOffers: { organisationId: string; name: string; kind: string; isSupportCentre: boolean; text: string }[];
  signal: { id: string; status: string; routedTo: string; organisationName: string | null } | null;
}

interface Subject {
  f: ClientAccessFacts;
  access: CheckAccess;
  member: MemberRow;
}

/** Access first, then the caregiver the check is about. */
async function subjectOf(services: Services, actor: Actor, clientId: string, memberId: string, db: Queryable = services.db): Promise<Subject> {
  const f = await accessFacts(services, actor, clientId, db);
  const access = burdenPolicy.checkAccess(actor, f, memberId);
  const member = await findMember(db, clientId, memberId, today(services));
  if (!member || !f) throw new AppError('not_found');
  return { f, access, member };
}

function assertInformal(member: MemberRow): void {
  if (!INFORMAL_KINDS.includes(member.kind)) {
    throw new AppError('validation_failed', 'check_for_informal_only', [{ path: '/memberId' }]);
  }
}

/**
 * What the actor may see of a check: the caregiver sees all their results and continues their
 * own drafts; a professional sees shared results (a check taken with a professional is
 * shared) and continues drafts of their own organisation.
 */
export function visibleTo(access: CheckAccess, row: Pick<q.ResponseRow, 'status' | 'mode' | 'organisation_id' | 'shared_with_professional'>): boolean {
  if (row.status === 'in_progress') return burdenPolicy.ownsDraft(access, { mode: row.mode, organisationId: row.organisation_id });
  return access.mode === 'self' || row.shared_with_professional;
}

/**
 * How a caller names the record in its access-log line. The FHIR API passes the FHIR type it
 * serves (QuestionnaireResponse, Observation), so one request still writes one line.
 */
export interface AuditAs {
  resourceType?: string;
}

const subjectAudit = (s: Subject, action: string, resourceId: string | null, detail?: Record<string, unknown>, as: AuditAs = {}) => ({
  action,
  resourceType: as.resourceType ?? 'burden_response',
  resourceId,
  clientId: s.f.clientId,
  tenantKey: s.f.tenantKey,
  organisationId: s.access.organisationId,
  detail,
});

async function loadVersion(db: Queryable, versionId: string): Promise<{ version: InstrumentVersionRow; instrument: Instrument }> {
  const version = await findVersion(db, versionId);
  if (!version) throw new AppError('not_found');
  return { version, instrument: instrumentOf(version) };
}

/** The result part of a completed check: score, band, change, next steps, local support, signal. */
async function resultOf(db: Queryable, row: q.ResponseRow, instrument: Instrument): Promise<ResultView | null> {
  if (row.status !== 'completed' || row.total === null || !row.completed_at) return null;
  const score = scoreFacts(instrument, row.total);
  const previous = await q.previousTotal(db, row.member_id, row.instrument_key, row.completed_at, row.id);
  const change = previous === null ? null : row.total - previous;
  const rising = signalReasons(score, previous).includes('rise');
  const severity = severityOf(score);
  const local = await q.localSupport(db, row.tenant_key);
  const signal = await q.signalOfResponse(db, row.id);
  return {
    score,
    previousTotal: previous,
    change,
    rising,
    nextSteps: nextSteps(severity, { rising, shared: row.shared_with_professional }),
    supportOffers: local
      .filter((o) => supportOfferFits(severity, { kind: o.kind, isSupportCentre: o.is_support_centre }, rising))
      .map((o) => ({ organisationId: o.id, name: o.name, kind: o.kind, isSupportCentre: o.is_support_centre, text: supportOfferText({ kind: o.kind, isSupportCentre: o.is_support_centre }) })),
    signal: signal ? { id: signal.id, status: signal.status, routedTo: signal.routed_to, organisationName: signal.organisation_name } : null,
  };
}

async function viewOf(db: Queryable, row: q.ResponseRow): Promise<CheckView> {
  const { version, instrument } = await loadVersion(db, row.instrument_version_id);
  return { row, version, instrument, result: await resultOf(db, row, instrument) };
}

async function loadCheck(db: Queryable, s: Subject, checkId: string): Promise<q.ResponseRow> {
  const row = await q.findResponse(db, s.f.clientId, s.member.id, checkId);
  if (!row || !visibleTo(s.access, row)) throw new AppError('not_found');
  return row;
}

/** Only the person (or professional) who started a draft continues it (burdenPolicy.assertOwnDraft). */
function assertOwnDraft(s: Subject, row: q.ResponseRow): void {
  burdenPolicy.assertOwnDraft(s.access, { status: row.status, mode: row.mode, organisationId: row.organisation_id });
}

/** Answer problems found by the domain scorer (Dutch texts, see domain/burden.ts) as one validation error. */
function validationError(problems: { path: string; message: string }[]): AppError {
  const asMsg = (text: string) => ({ key: 'domain_text', params: { text } }) as const;
  return new AppError('validation_failed', problems[0] ? asMsg(problems[0].message) : undefined, problems.map((p) => ({ path: p.path, message: asMsg(p.message) })));
}

/** The current version of an instrument that can be used for a new check. */
async function usableVersion(db: Queryable, instrumentKey: string, versionName?: string): Promise<{ version: InstrumentVersionRow; instrument: Instrument }> {
  const version = await findInstrumentVersion(db, instrumentKey, versionName);
  if (!version) throw new AppError('validation_failed', versionName ? { key: 'instrument_version_unknown', params: { key: instrumentKey, version: versionName } } : { key: 'instrument_unknown', params: { key: instrumentKey } }, [{ path: '/instrument' }]);
  if (version.status !== 'active') throw new AppError('validation_failed', { key: 'instrument_retired', params: { title: version.title } }, [{ path: '/instrument' }]);
  return { version, instrument: instrumentOf(version) };
}

async function assertScan(db: Queryable, s: Subject, mantelscanId: string | null | undefined): Promise<string | null> {
  if (!mantelscanId) return null;
  if (s.access.mode !== 'professional') throw new AppError('validation_failed', 'scan_step_professional_only', [{ path: '/mantelscanId' }]);
  const { rowCount } = await db.query('select 1 from mantelscans where id = $1 and client_id = $2 and caregiver_member_id = $3', [mantelscanId, s.f.clientId, s.member.id]);
  if (rowCount === 0) throw new AppError('validation_failed', 'scan_not_of_caregiver', [{ path: '/mantelscanId' }]);
  return mantelscanId;
}

/** The row of a new response for this subject, instrument version and caller. */
function newResponse(s: Subject, version: InstrumentVersionRow, actor: Actor, mantelscanId: string | null, origin: Origin, now: Date): q.NewResponse {
  return {
    tenantKey: s.f.tenantKey,
    clientId: s.f.clientId,
    memberId: s.member.id,
    instrumentKey: version.instrument_key,
    instrumentVersionId: version.id,
    mode: s.access.mode,
    administeredBy: actor.userId,
    organisationId: s.access.organisationId,
    mantelscanId,
    sourceSystem: origin.sourceSystem,
    answers: {},
    currentLinkId: null,
    now,
  };
}

/**
 * Starts a check, or resumes the caregiver's paused one on the same instrument: by the
 * caregiver for themselves (mode self; any access level in the circle is enough), or by a
 * professional with full access through their organisation, in a conversation (mode
 * professional, possibly as step 3 of a MantelScan).
 */
export async function burdenCheckStarter(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; instrumentKey: string; mantelscanId?: string | null },
  origin: Origin,
): Promise<{ view: CheckView; resumed: boolean }> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  assertInformal(s.member);
  const mantelscanId = await assertScan(services.db, s, input.mantelscanId);
  const existing = await q.findDraft(services.db, s.member.id, input.instrumentKey, s.access.mode);
  if (existing && (s.access.mode === 'self' || existing.organisation_id === s.access.organisationId)) {
    await audit(services.db, { actor }, origin, subjectAudit(s, 'read', existing.id, { resumed: true }));
    return { view: await viewOf(services.db, existing), resumed: true };
  }
  const { version } = await usableVersion(services.db, input.instrumentKey);
  const now = services.now();
  const id = await services.db.transaction(async (tx) => {
    const created = await q.insertDraft(tx, newResponse(s, version, actor, mantelscanId, origin, now));
    if (!created) throw new AppError('conflict', 'check_started_by_other');
    await audit(tx, { actor }, origin, subjectAudit(s, 'create', created, { instrument: version.instrument_key, version: version.version, mode: s.access.mode }));
    return created;
  });
  const row = await q.findResponse(services.db, s.f.clientId, s.member.id, id);
  if (!row) throw new AppError('not_found');
  return { view: await viewOf(services.db, row), resumed: false };
}

/**
 * Saves answers of a paused check (pause and resume). `null` clears an answer; every given
 * answer must fit its question. `currentLinkId` remembers the question the caregiver was at.
 */
export async function burdenDraftSaver(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; checkId: string; answers?: Record<string, string | number | null>; currentLinkId?: string | null },
  origin: Origin,
): Promise<CheckView> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const row = await loadCheck(services.db, s, input.checkId);
  assertOwnDraft(s, row);
  const { instrument } = await loadVersion(services.db, row.instrument_version_id);
  const answers = mergeAnswers(row.answers, input.answers);
  const problems = checkPartialAnswers(instrument, answers);
  if (input.currentLinkId && !instrument.items.some((i) => i.linkId === input.currentLinkId)) problems.push({ path: '/currentLinkId', message: renderMessage('item_not_in_instrument', 'nl') });
  if (problems.length) throw validationError(problems);
  await services.db.transaction(async (tx) => {
    if (!(await q.updateDraft(tx, row.id, answers, input.currentLinkId === undefined ? row.current_link_id : input.currentLinkId, services.now()))) throw new AppError('conflict', 'check_completed_meanwhile');
    await audit(tx, { actor }, origin, subjectAudit(s, 'update', row.id, { answered: Object.keys(answers).length }));
  });
  const fresh = await q.findResponse(services.db, s.f.clientId, s.member.id, row.id);
  if (!fresh) throw new AppError('not_found');
  return viewOf(services.db, fresh);
}

function mergeAnswers(base: Answers, changes: Record<string, string | number | null> | undefined): Answers {
  const merged: Answers = { ...base };
  for (const [linkId, value] of Object.entries(changes ?? {})) {
    if (value === null) delete merged[linkId];
    else merged[linkId] = value;
  }
  return merged;
}

/**
 * Completes a check and records its score: a paused draft (`checkId`), or a new check in one
 * go (`instrumentKey`, e.g. a FHIR QuestionnaireResponse). Incomplete or wrong answers are
 * refused with a clear Dutch message. In the same transaction: a signal when the score is
 * heavy or rose by 3 or more, the caregiver's schedule moves on, a check in a conversation
 * counts as a contact moment, and the access log line is written.
 */
export async function burdenCheckRecorder(
  services: Services,
  actor: Actor,
  input: {
    clientId: string;
    memberId: string;
    checkId?: string;
    instrumentKey?: string;
    /** With `instrumentKey`: a named version (e.g. from a FHIR canonical `url|version`); else the current one. */
    instrumentVersion?: string;
    answers?: Record<string, string | number | null>;
    shareWithProfessional?: boolean;
    mantelscanId?: string | null;
  },
  origin: Origin,
  auditAs: AuditAs = {},
): Promise<CheckView> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  assertInformal(s.member);
  let draft: q.ResponseRow | null = null;
  let loaded: { version: InstrumentVersionRow; instrument: Instrument };
  if (input.checkId) {
    draft = await loadCheck(services.db, s, input.checkId);
    assertOwnDraft(s, draft);
    loaded = await loadVersion(services.db, draft.instrument_version_id);
  } else if (input.instrumentKey) {
    loaded = await usableVersion(services.db, input.instrumentKey, input.instrumentVersion);
  } else throw new AppError('validation_failed', 'instrument_missing', [{ path: '/instrument' }]);
  const mantelscanId = draft ? draft.mantelscan_id : await assertScan(services.db, s, input.mantelscanId);
  const { version, instrument } = loaded;
  const answers = mergeAnswers(draft?.answers ?? {}, input.answers);
  const scored = scoreAnswers(instrument, answers);
  if (!scored.ok) throw validationError(scored.errors);
  const score = scored.value;
  // A check taken with a professional is known to them; only a self-check is shared by choice.
  const shared = s.access.mode === 'professional' ? true : (input.shareWithProfessional ?? false);
  const now = services.now();

  const id = await services.db.transaction(async (tx) => {
    const completion = { answers, total: score.total, bandCode: score.band?.code ?? null, overload: score.overload, shared, now };
    let responseId: string;
    if (draft) {
      if (!(await q.completeDraft(tx, draft.id, completion))) throw new AppError('conflict', 'check_completed');
      responseId = draft.id;
    } else {
      responseId = await q.insertCompleted(tx, newResponse(s, version, actor, mantelscanId, origin, now), completion);
    }
    await audit(tx, { actor }, origin, subjectAudit(s, draft ? 'update' : 'create', responseId, { completed: true, instrument: version.instrument_key, version: version.version, mode: s.access.mode, shared }, auditAs));

    await raiseSignal(tx, services, actor, origin, {
      tenantKey: s.f.tenantKey,
      clientId: s.f.clientId,
      memberId: s.member.id,
      responseId,
      instrumentKey: version.instrument_key,
      score,
      completedAt: now,
      shared,
      professionalOrganisationId: s.access.mode === 'professional' ? s.access.organisationId : null,
      now,
    });
    // Caregivers with an account get their reminders from the first check on.
    if (s.member.user_id) await ensureDefaultSchedules(tx, services, s, now);
    await q.advanceSchedule(tx, s.member.id, version.instrument_key, dutchDate(now), now);
    if (s.access.mode === 'professional' && !mantelscanId) {
      await insertContact(tx, { clientId: s.f.clientId, tenantKey: s.f.tenantKey, memberId: s.member.id, professionalUserId: actor.userId, organisationId: s.access.organisationId, kind: 'conversation', note: null, occurredAt: now });
    }
    return responseId;
  });
  const row = await q.findResponse(services.db, s.f.clientId, s.member.id, id);
  if (!row) throw new AppError('not_found');
  return viewOf(services.db, row);
}

/** One check: a draft to continue, or a result (the caregiver; a professional when shared). */
export async function burdenCheckReader(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; checkId: string },
  origin: Origin,
  auditAs: AuditAs = {},
): Promise<CheckView> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const row = await loadCheck(services.db, s, input.checkId);
  await audit(services.db, { actor }, origin, subjectAudit(s, 'read', row.id, undefined, auditAs));
  return viewOf(services.db, row);
}

/** A caregiver's checks: drafts to resume, or results (newest last). */
export async function burdenCheckLister(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; status: 'completed' | 'in_progress' },
  origin: Origin,
  auditAs: AuditAs = {},
): Promise<{ row: q.ResponseRow; instrument: Instrument; version: InstrumentVersionRow }[]> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const rows = await q.listResponses(services.db, s.member.id, { status: input.status, sharedOnly: false });
  const visible = rows.filter((r) => visibleTo(s.access, r));
  const versions = await instrumentsByVersion(services.db, visible.map((r) => r.instrument_version_id));
  await audit(services.db, { actor }, origin, subjectAudit(s, 'search', null, { memberId: s.member.id, status: input.status, shown: visible.length }, auditAs));
  return visible.flatMap((row) => {
    const v = versions.get(row.instrument_version_id);
    return v ? [{ row, instrument: v.instrument, version: v.row }] : [];
  });
}

/** Throws away a paused check. */
export async function burdenCheckDiscarder(services: Services, actor: Actor, input: { clientId: string; memberId: string; checkId: string }, origin: Origin): Promise<void> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const row = await loadCheck(services.db, s, input.checkId);
  assertOwnDraft(s, row);
  await services.db.transaction(async (tx) => {
    if (!(await q.deleteDraft(tx, row.id))) throw new AppError('conflict', 'check_completed');
    await audit(tx, { actor }, origin, subjectAudit(s, 'delete', row.id));
  });
}

/**
 * The caregiver shares a self-check result with the client's professional(s), or stops sharing it.
 *
 * Sharing later is treated as if the result had been shared when it was completed: when it
 * is her newest result on that instrument and needs follow-up as seen by the care
 * organisation (heavy, or 3 or more above her previous shared result), it goes onto that
 * organisation's signal now (a new one, or her open one), in the same transaction. Older
 * results only become visible; they describe a past situation. Stopping sharing takes the
 * result out of every signal view at once (queries.ts SIGNAL_SELECT); the signal itself
 * stays with the organisation, without the result, because follow-up may have started.
 * The change, its access-log line and any signal commit or fail together.
 */
export async function burdenSharingSetter(services: Services, actor: Actor, input: { clientId: string; memberId: string; checkId: string; shared: boolean }, origin: Origin): Promise<CheckView> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  burdenPolicy.assertSelf(s.access);
  const now = services.now();
  await services.db.transaction(async (tx) => {
    const row = await loadCheck(tx, s, input.checkId);
    if (row.status !== 'completed' || row.total === null || !row.completed_at) throw new AppError('conflict', 'share_needs_completed');
    if (row.mode !== 'self') throw new AppError('conflict', 'share_professional_knows');
    if (!(await q.setSharing(tx, row.id, input.shared, now))) throw new AppError('conflict', 'share_needs_completed');
    await audit(tx, { actor }, origin, subjectAudit(s, 'update', row.id, { shared: input.shared }));
    if (input.shared && (await q.isNewestResult(tx, s.member.id, row.instrument_key, row.id))) {
      const { instrument } = await loadVersion(tx, row.instrument_version_id);
      await raiseSignal(tx, services, actor, origin, {
        tenantKey: s.f.tenantKey,
        clientId: s.f.clientId,
        memberId: s.member.id,
        responseId: row.id,
        instrumentKey: row.instrument_key,
        score: scoreFacts(instrument, row.total),
        completedAt: row.completed_at,
        shared: true,
        professionalOrganisationId: null,
        now,
      });
    }
  });
  const fresh = await q.findResponse(services.db, s.f.clientId, s.member.id, input.checkId);
  if (!fresh) throw new AppError('not_found');
  return viewOf(services.db, fresh);
}

/** One point of a trend line. */
export interface TrendPoint {
  row: q.ResponseRow;
  instrument: Instrument;
  version: InstrumentVersionRow;
  score: Score;
}

/**
 * The caregiver's results over time, per instrument (chart and table use the same data):
 * all of them for the caregiver, the shared ones for a professional of the client.
 */
export async function burdenTrendReader(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; instrumentKey?: string },
  origin: Origin,
): Promise<{ member: MemberRow; series: { key: string; current: Instrument | null; points: TrendPoint[] }[] }> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const rows = await q.listResponses(services.db, s.member.id, { status: 'completed', sharedOnly: false, instrumentKey: input.instrumentKey });
  const visible = rows.filter((r) => visibleTo(s.access, r));
  const versions = await instrumentsByVersion(services.db, visible.map((r) => r.instrument_version_id));
  const series = new Map<string, TrendPoint[]>();
  for (const row of visible) {
    const v = versions.get(row.instrument_version_id);
    if (!v || row.total === null) continue;
    series.set(row.instrument_key, [...(series.get(row.instrument_key) ?? []), { row, instrument: v.instrument, version: v.row, score: scoreFacts(v.instrument, row.total) }]);
  }
  const result = [];
  for (const [key, points] of series) {
    const current = await findInstrumentVersion(services.db, key);
    result.push({ key, current: current ? instrumentOf(current) : null, points });
  }
  await audit(services.db, { actor }, origin, subjectAudit(s, 'read', null, { trend: true, memberId: s.member.id, points: visible.length }));
  return { member: s.member, series: result };
}

// ---------------------------------------------------------------------------------------
// Overviews

/** Latest visible result per instrument of one caregiver. */
function latestPerInstrument(rows: q.ResponseRow[], versions: Map<string, { instrument: Instrument }>) {
  const latest = new Map<string, q.ResponseRow>();
  for (const r of rows) latest.set(r.instrument_key, r);
  return [...latest.values()].flatMap((r) => {
    const v = versions.get(r.instrument_version_id);
    if (!v || r.total === null || !r.completed_at) return [];
    const s = scoreFacts(v.instrument, r.total);
    return [{ checkId: r.id, instrumentKey: r.instrument_key, title: v.instrument.title, total: r.total, maxScore: v.instrument.scoring.maxScore, bandLabel: s.band?.label ?? null, overload: s.overload, completedAt: r.completed_at }];
  });
}

/**
 * The burden picture of a circle for the actor: a professional of the client sees every
 * caregiver with a shared result; a member sees only themselves.
 */
export async function circleBurdenReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'agenda');
  const organisationId = professionalOrganisation(f);
  const members = await listMembers(services.db, input.clientId, today(services));
  const caregivers = [];
  for (const m of members.filter((x) => INFORMAL_KINDS.includes(x.kind))) {
    const access: CheckAccess | null = m.id === f.member?.id ? { mode: 'self', organisationId: null } : organisationId ? { mode: 'professional', organisationId } : null;
    if (!access) continue;
    const rows = (await q.listResponses(services.db, m.id, { status: 'completed', sharedOnly: access.mode === 'professional' })).filter((r) => visibleTo(access, r));
    if (access.mode === 'professional' && rows.length === 0) continue;
    const versions = await instrumentsByVersion(services.db, rows.map((r) => r.instrument_version_id));
    // A professional sees a signal only when it is their organisation's to follow up.
    const open = (await q.unclosedSignals(services.db, m.id)).find((x) => access.mode === 'self' || x.organisation_id === organisationId) ?? null;
    caregivers.push({
      member: m,
      isMe: access.mode === 'self',
      checkCount: rows.length,
      latest: latestPerInstrument(rows, versions),
      signal: open,
    });
  }
  await audit(services.db, { actor }, origin, {
    action: 'read',
    resourceType: 'burden_response',
    clientId: f.clientId,
    tenantKey: f.tenantKey,
    organisationId: f.member ? null : organisationId,
    detail: { overview: true, caregivers: caregivers.map((c) => c.member.id) },
  });
  return { caregivers };
}

/** The caregiver's own burden page: per circle, what is due, paused checks, latest results. */
export async function myBurdenReader(services: Services, actor: Actor, origin: Origin) {
  burdenPolicy.assertReadInstruments(actor);
  const memberships = await q.myCaregiverMemberships(services.db, actor.userId);
  const circles = [];
  for (const m of memberships) {
    const [results, drafts, schedules] = await Promise.all([
      q.listResponses(services.db, m.member_id, { status: 'completed', sharedOnly: false }),
      q.listResponses(services.db, m.member_id, { status: 'in_progress', sharedOnly: false }),
      effectiveSchedules(services, services.db, m.member_id),
    ]);
    const versions = await instrumentsByVersion(services.db, [...results, ...drafts].map((r) => r.instrument_version_id));
    // Her open signals, care organisation first (one per organisation that follows up).
    const signal = (await q.unclosedSignals(services.db, m.member_id))[0] ?? null;
    circles.push({
      clientId: m.client_id,
      clientGivenName: m.client_given_name,
      memberId: m.member_id,
      due: schedules.filter((x) => x.due),
      drafts: drafts
        .filter((d) => d.mode === 'self')
        .flatMap((d) => {
          const v = versions.get(d.instrument_version_id);
          return v ? [{ id: d.id, instrumentKey: d.instrument_key, title: v.instrument.title, answeredCount: Object.keys(d.answers).length, itemCount: v.instrument.items.length, updatedAt: d.updated_at }] : [];
        }),
      latest: latestPerInstrument(results, versions),
      signal: signal ? { status: signal.status, organisationName: signal.organisation_name } : null,
    });
    await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'burden_response', clientId: m.client_id, tenantKey: m.tenant_key, detail: { own: true } });
  }
  return { circles };
}

// ---------------------------------------------------------------------------------------
// Schedules

export interface EffectiveSchedule {
  instrumentKey: string;
  title: string;
  intervalMonths: number | null;
  enabled: boolean;
  nextDueOn: string | null;
  due: boolean;
  lastCompletedOn: string | null;
  isDefault: boolean;
  /** False while the default is only shown (no reminders until the first check). */
  stored: boolean;
}

/** Every active instrument with the caregiver's schedule for it: stored, default, or none. */
async function effectiveSchedules(services: Services, db: Queryable, memberId: string): Promise<EffectiveSchedule[]> {
  const now = today(services);
  const [stored, last, versions] = await Promise.all([q.listSchedules(db, memberId), q.lastCompletedAt(db, memberId), listInstrumentVersions(db)]);
  return versions
    .filter((v) => v.is_current && v.status === 'active')
    .map((v) => {
      const row = stored.find((s) => s.instrument_key === v.instrument_key);
      const def = DEFAULT_SCHEDULES.find((d) => d.instrumentKey === v.instrument_key);
      const lastAt = last.get(v.instrument_key);
      const lastOn = lastAt ? dutchDate(lastAt) : null;
      const interval = row?.interval_months ?? def?.intervalMonths ?? null;
      const enabled = row ? row.enabled : def !== undefined;
      const nextDue = row ? row.next_due_on : interval !== null && enabled ? (lastOn ? nextDueOn(lastOn, now, interval) : now) : null;
      return {
        instrumentKey: v.instrument_key,
        title: v.title,
        intervalMonths: interval,
        enabled,
        nextDueOn: enabled ? nextDue : null,
        due: enabled && nextDue !== null && nextDue <= now,
        lastCompletedOn: lastOn,
        isDefault: def !== undefined,
        stored: row !== undefined,
      };
    });
}

/** Stores the default schedules (monthly check-in, EDIZ-plus every three months) when missing. */
async function ensureDefaultSchedules(tx: Queryable, services: Services, s: Subject, now: Date): Promise<void> {
  const last = await q.lastCompletedAt(tx, s.member.id);
  const day = dutchDate(now);
  for (const d of DEFAULT_SCHEDULES) {
    const exists = await findInstrumentVersion(tx, d.instrumentKey);
    if (!exists || exists.status !== 'active') continue;
    const lastAt = last.get(d.instrumentKey);
    await q.insertScheduleIfMissing(tx, {
      tenantKey: s.f.tenantKey,
      clientId: s.f.clientId,
      memberId: s.member.id,
      instrumentKey: d.instrumentKey,
      intervalMonths: d.intervalMonths,
      nextDueOn: nextDueOn(lastAt ? dutchDate(lastAt) : null, day, d.intervalMonths),
      now,
    });
  }
}

/** The caregiver's reminder schedule (only the caregiver themselves). */
export async function burdenScheduleLister(services: Services, actor: Actor, input: { clientId: string; memberId: string }, origin: Origin): Promise<EffectiveSchedule[]> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  burdenPolicy.assertSelf(s.access);
  const schedules = await effectiveSchedules(services, services.db, s.member.id);
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'burden_schedule', clientId: s.f.clientId, tenantKey: s.f.tenantKey, detail: { memberId: s.member.id } });
  return schedules;
}

/**
 * The caregiver changes how often they are reminded of a check, or switches it off. The
 * next due date is counted from their last check on that instrument (else from today).
 */
export async function burdenScheduleSetter(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; instrumentKey: string; intervalMonths?: number; enabled?: boolean },
  origin: Origin,
): Promise<EffectiveSchedule[]> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  burdenPolicy.assertSelf(s.access);
  assertInformal(s.member);
  await usableVersion(services.db, input.instrumentKey);
  const now = services.now();
  const day = dutchDate(now);
  await services.db.transaction(async (tx) => {
    await ensureDefaultSchedules(tx, services, s, now);
    const existing = (await q.listSchedules(tx, s.member.id)).find((x) => x.instrument_key === input.instrumentKey);
    const def = DEFAULT_SCHEDULES.find((d) => d.instrumentKey === input.instrumentKey);
    const interval = input.intervalMonths ?? existing?.interval_months ?? def?.intervalMonths ?? 3;
    const lastAt = (await q.lastCompletedAt(tx, s.member.id)).get(input.instrumentKey);
    await q.upsertSchedule(tx, {
      tenantKey: s.f.tenantKey,
      clientId: s.f.clientId,
      memberId: s.member.id,
      instrumentKey: input.instrumentKey,
      intervalMonths: interval,
      enabled: input.enabled ?? existing?.enabled ?? true,
      nextDueOn: nextDueOn(lastAt ? dutchDate(lastAt) : null, day, interval),
      now,
    });
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'burden_schedule', clientId: s.f.clientId, tenantKey: s.f.tenantKey, detail: { memberId: s.member.id, instrument: input.instrumentKey, intervalMonths: interval, enabled: input.enabled } });
  });
  return effectiveSchedules(services, services.db, s.member.id);
}

// ---------------------------------------------------------------------------------------
// Reminder job

/** Link to the caregiver's burden page in the web app (for mails). */
export const checkLink = (services: Services, clientId: string): string => `${services.config.publicUrl}/kringen/${clientId}/belasting`;

/**
 * Job: writes a reminder mail to the outbox for every caregiver whose check is due by their
 * schedule: once per schedule and due date, also with several instances (due rows are
 * locked with SKIP LOCKED, and the reminder row's primary key refuses a second one).
 */
export async function runBurdenReminders(services: Services, now: Date = services.now()): Promise<{ sent: number }> {
  const origin: Origin = { ip: null, sourceSystem: 'job' };
  const day = dutchDate(now);
  let sent = 0;
  for (;;) {
    const done = await services.db.transaction(async (tx) => {
      const batch = await q.claimDueReminders(tx, day, 100);
      for (const r of batch) {
        if (!(await q.insertReminder(tx, { scheduleId: r.schedule_id, dueOn: r.next_due_on, tenantKey: r.tenant_key, now }))) continue;
        sent++;
        // No scores and no names of the person cared for: a mail can be read by others.
        await services.mailer.enqueue(tx, {
          to: r.email,
          subject: 'Hoe gaat het met u? Tijd voor uw korte check',
          text:
            `Beste ${r.given_name},\n\nHet is tijd voor uw korte check "${r.title}". Zo houdt u zicht op hoe zwaar de zorg voor u is. ` +
            `Het kost maar een paar minuten.\n\nDoe de check in Mantelkring:\n${checkLink(services, r.client_id)}\n\n` +
            `Wilt u deze herinnering minder vaak of niet meer? Dat stelt u zelf in op dezelfde pagina.\n\nMet vriendelijke groet,\nMantelkring`,
        });
        await audit(tx, { userDisplay: 'Mantelkring (taak)' }, origin, { action: 'create', resourceType: 'burden_reminder', resourceId: r.schedule_id, clientId: r.client_id, tenantKey: r.tenant_key, detail: { dueOn: r.next_due_on } });
      }
      return batch.length < 100;
    });
    if (done) return { sent };
  }
}
