import type { Queryable } from '../../../db/types.ts';
import { checkPartialAnswers, nextSteps, scoreAnswers, scoreFacts, severityOf, signalReasons, supportOfferFits, supportOfferText, type Answers, type Instrument, type Problem, type Score } from '../../../domain/burden.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { burdenPolicy } from '../../platform/policy/burden.ts';
import { insertContact } from '../caseload/queries.ts';
import * as q from './checks.queries.ts';
import type { ResponseRow } from './checks.queries.ts';
import { instrumentsByVersion, loadVersion, usableVersion, type LoadedVersion } from './instruments.ts';
import type { InstrumentVersionRow } from './instruments.queries.ts';
import { ensureDefaultSchedules } from './schedules.ts';
import { advanceSchedule } from './schedules.queries.ts';
import { raiseSignal } from './signals.ts';
import { localSupport } from './signals.queries.ts';
import { assertInformal, subjectAudit, subjectOf, visibleTo, type AuditAs, type Subject } from './subject.ts';

/**
 * Checks of one caregiver: start (or resume), save a draft, complete, read, list, throw
 * away, share. A completed check raises a signal when it needs follow-up (signals.ts) and
 * moves the caregiver's schedule on (schedules.ts), in the same transaction.
 */

/** Everything about one check that the API shows. */
export interface CheckView {
  row: ResponseRow;
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

/** The result part of a completed check: score, band, change, next steps, local support, signal. */
async function resultOf(db: Queryable, row: ResponseRow, instrument: Instrument): Promise<ResultView | null> {
  if (row.status !== 'completed' || row.total === null || !row.completed_at) return null;
  const score = scoreFacts(instrument, row.total);
  const previous = await q.previousTotal(db, { memberId: row.member_id, instrumentKey: row.instrument_key, before: row.completed_at, excludeId: row.id });
  const change = previous === null ? null : row.total - previous;
  const rising = signalReasons(score, previous).includes('rise');
  const severity = severityOf(score);
  const local = await localSupport(db, row.tenant_key);
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

async function viewOf(db: Queryable, row: ResponseRow): Promise<CheckView> {
  const { version, instrument } = await loadVersion(db, row.instrument_version_id);
  return { row, version, instrument, result: await resultOf(db, row, instrument) };
}

/** The check as it is now (after a change), shown. */
async function freshView(services: Services, s: Subject, checkId: string): Promise<CheckView> {
  const row = await q.findResponse(services.db, s.f.clientId, s.member.id, checkId);
  if (!row) throw new AppError('not_found');
  return viewOf(services.db, row);
}

async function loadCheck(db: Queryable, s: Subject, checkId: string): Promise<ResponseRow> {
  const row = await q.findResponse(db, s.f.clientId, s.member.id, checkId);
  if (!row || !visibleTo(s.access, row)) throw new AppError('not_found');
  return row;
}

/** Only the person (or professional) who started a draft continues it (burdenPolicy.assertOwnDraft). */
function assertOwnDraft(s: Subject, row: ResponseRow): void {
  burdenPolicy.assertOwnDraft(s.access, { status: row.status, mode: row.mode, organisationId: row.organisation_id });
}

/** Answer problems found by the domain scorer (message keys, see domain/burden.ts) as one validation error. */
function validationError(problems: Problem[]): AppError {
  return new AppError('validation_failed', problems[0]?.message, problems.map((p) => ({ path: p.path, message: p.message })));
}

async function assertScan(db: Queryable, s: Subject, mantelscanId: string | null | undefined): Promise<string | null> {
  if (!mantelscanId) return null;
  if (s.access.mode !== 'professional') throw new AppError('validation_failed', 'scan_step_professional_only', [{ path: '/mantelscanId' }]);
  if (!(await q.scanIsOfCaregiver(db, { mantelscanId, clientId: s.f.clientId, memberId: s.member.id }))) throw new AppError('validation_failed', 'scan_not_of_caregiver', [{ path: '/mantelscanId' }]);
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
  const existing = await q.findDraft(services.db, { memberId: s.member.id, instrumentKey: input.instrumentKey, mode: s.access.mode });
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
  return { view: await freshView(services, s, id), resumed: false };
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
  if (input.currentLinkId && !instrument.items.some((i) => i.linkId === input.currentLinkId)) problems.push({ path: '/currentLinkId', message: { key: 'item_not_in_instrument' } });
  if (problems.length) throw validationError(problems);
  await services.db.transaction(async (tx) => {
    const currentLinkId = input.currentLinkId === undefined ? row.current_link_id : input.currentLinkId;
    if (!(await q.updateDraft(tx, { id: row.id, answers, currentLinkId, now: services.now() }))) throw new AppError('conflict', 'check_completed_meanwhile');
    await audit(tx, { actor }, origin, subjectAudit(s, 'update', row.id, { answered: Object.keys(answers).length }));
  });
  return freshView(services, s, row.id);
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
 * refused with a clear message. In the same transaction: a signal when the score is heavy
 * or rose by 3 or more, the caregiver's schedule moves on, a check in a conversation counts
 * as a contact moment, and the access log line is written.
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
  let draft: ResponseRow | null = null;
  let loaded: LoadedVersion;
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
    if (s.member.user_id) await ensureDefaultSchedules(tx, s, now);
    await advanceSchedule(tx, { memberId: s.member.id, instrumentKey: version.instrument_key, completedOn: dutchDate(now), now });
    if (s.access.mode === 'professional' && !mantelscanId) {
      await insertContact(tx, { clientId: s.f.clientId, tenantKey: s.f.tenantKey, memberId: s.member.id, professionalUserId: actor.userId, organisationId: s.access.organisationId, kind: 'conversation', note: null, occurredAt: now });
    }
    return responseId;
  });
  return freshView(services, s, id);
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
): Promise<{ row: ResponseRow; instrument: Instrument; version: InstrumentVersionRow }[]> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  const rows = await q.listResponses(services.db, s.member.id, { status: input.status });
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
 * result out of every signal view at once (signals.queries.ts SIGNAL_FROM); the signal
 * itself stays with the organisation, without the result, because follow-up may have
 * started. The change, its access-log line and any signal commit or fail together.
 */
export async function burdenSharingSetter(services: Services, actor: Actor, input: { clientId: string; memberId: string; checkId: string; shared: boolean }, origin: Origin): Promise<CheckView> {
  const s = await subjectOf(services, actor, input.clientId, input.memberId);
  burdenPolicy.assertSelf(s.access);
  const now = services.now();
  await services.db.transaction(async (tx) => {
    const row = await loadCheck(tx, s, input.checkId);
    if (row.status !== 'completed' || row.total === null || !row.completed_at) throw new AppError('conflict', 'share_needs_completed');
    if (row.mode !== 'self') throw new AppError('conflict', 'share_professional_knows');
    if (!(await q.setSharing(tx, { id: row.id, shared: input.shared, now }))) throw new AppError('conflict', 'share_needs_completed');
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
  return freshView(services, s, input.checkId);
}
