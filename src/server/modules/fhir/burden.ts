import { renderMessage } from '../../../common/messages/index.ts';
import { scoreFacts, type Instrument } from '../../../domain/burden.ts';
import type { SearchHit } from '../../../fhir/bundle.ts';
import { answersFromResponseItems, problemExpression, questionnaireId, readPostedResponse, toBurdenObservation, toQuestionnaire, toQuestionnaireResponse } from '../../../fhir/burden.ts';
import type { BurdenResultFacts } from '../../../fhir/model.ts';
import { FhirError, issue } from '../../../fhir/outcome.ts';
import { isInformal } from '../../../fhir/resources.ts';
import type { Observation, OperationOutcomeIssue, QuestionnaireResponse, ResourceBase } from '../../../fhir/types.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { burdenPolicy } from '../../platform/policy/burden.ts';
import { requireMfaSatisfied } from '../../platform/policy/index.ts';
import { burdenCheckLister, burdenCheckReader, burdenCheckRecorder } from '../burden/checks.ts';
import type { ResponseRow } from '../burden/checks.queries.ts';
import { instrumentOf } from '../burden/instruments.ts';
import { findInstrumentVersion, findVersion, listInstrumentVersions, type InstrumentVersionRow } from '../burden/instruments.queries.ts';
import { accessFacts } from '../circles/access.ts';
import * as q from './queries.ts';

/**
 * Burden checks over FHIR: instruments as Questionnaire, completed checks as
 * QuestionnaireResponse and their total score as Observation. Everything goes through the
 * burden use cases (recorder, lister, reader), so scoring, signals and who may see a result
 * (the caregiver; a professional of the client only when shared; other members 403;
 * outsiders 404) are exactly those of the REST API. Each request writes one access-log line,
 * named after the FHIR type it serves.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------------------------------
// Questionnaire

const questionnaireOf = (row: InstrumentVersionRow) => toQuestionnaire(row.resource, questionnaireId({ key: row.instrument_key, versionId: row.id, isCurrent: row.is_current }));

/** Questionnaire/{id}: the current version of an instrument (id = its key), or an older version (id = the version's UUID). */
export async function fhirQuestionnaireReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<ResourceBase> {
  burdenPolicy.assertReadInstruments(actor);
  let row = await findInstrumentVersion(services.db, input.id);
  if (!row && UUID.test(input.id)) {
    const version = await findVersion(services.db, input.id.toLowerCase());
    // The current version is published under the instrument key only: one id per resource.
    row = version && !version.is_current ? version : null;
  }
  if (!row) throw new AppError('not_found');
  const resource = questionnaireOf(row);
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'Questionnaire', resourceId: resource.id });
  return resource;
}

/** The Questionnaire search parameters we support (all optional). */
export interface QuestionnaireQuery {
  _id?: string;
  url?: string;
  version?: string;
  name?: string;
  status?: string;
}

/**
 * Questionnaire?…: every stored version of every instrument (the current ones under their
 * key), narrowed by `_id`, `url` (exact; `url|version` allowed), `version`, `name` (starts
 * with, case-insensitive, as FHIR string search) and `status`.
 */
export async function fhirQuestionnaireSearcher(services: Services, actor: Actor, input: { query: QuestionnaireQuery; params: Record<string, string> }, origin: Origin): Promise<SearchHit[]> {
  burdenPolicy.assertReadInstruments(actor);
  const { query } = input;
  const [url, pinned] = query.url?.includes('|') ? [query.url.slice(0, query.url.lastIndexOf('|')), query.url.slice(query.url.lastIndexOf('|') + 1)] : [query.url, undefined];
  const version = query.version ?? pinned;
  const rows = (await listInstrumentVersions(services.db)).filter((row) => {
    const name = typeof row.resource.name === 'string' ? row.resource.name : '';
    const id = questionnaireId({ key: row.instrument_key, versionId: row.id, isCurrent: row.is_current });
    return (
      (query._id === undefined || query._id === id) &&
      (url === undefined || url === row.url) &&
      (version === undefined || version === row.version) &&
      (query.name === undefined || name.toLowerCase().startsWith(query.name.toLowerCase())) &&
      (query.status === undefined || query.status === row.status)
    );
  });
  await audit(services.db, { actor }, origin, { action: 'search', resourceType: 'Questionnaire', detail: { params: input.params, count: rows.length } });
  return rows.map((row) => ({ resource: questionnaireOf(row), mode: 'match' }));
}

// ---------------------------------------------------------------------------------------
// Completed checks: QuestionnaireResponse and Observation

interface CheckLike {
  row: ResponseRow;
  instrument: Instrument;
  version: InstrumentVersionRow;
}

/** Rows of the burden module → the facts the pure FHIR mappers take. */
async function resultFacts(services: Services, checks: CheckLike[]): Promise<BurdenResultFacts[]> {
  const byClient = new Map<string, string[]>();
  for (const c of checks) {
    if (c.row.mode === 'professional' && c.row.administered_by) byClient.set(c.row.client_id, [...(byClient.get(c.row.client_id) ?? []), c.row.administered_by]);
  }
  const roles = new Map<string, Map<string, string>>();
  for (const [clientId, userIds] of byClient) roles.set(clientId, await q.formalMembersOfUsers(services.db, clientId, userIds));
  return checks.flatMap(({ row, instrument, version }): BurdenResultFacts[] => {
    if (row.status !== 'completed' || row.total === null || !row.completed_at) return [];
    const missing = instrument.items.filter((i) => row.answers[i.linkId] === undefined).map((i) => i.linkId);
    return [
      {
        id: row.id,
        clientId: row.client_id,
        memberId: row.member_id,
        questionnaire: version.resource,
        instrument,
        answers: row.answers,
        score: scoreFacts(instrument, row.total, missing),
        completedAt: row.completed_at,
        administeredBy:
          row.mode === 'professional'
            ? {
                practitionerRoleId: (row.administered_by && roles.get(row.client_id)?.get(row.administered_by)) || null,
                name: row.administered_by_name,
                organisationId: row.organisation_id,
                organisationName: row.organisation_name,
              }
            : null,
      },
    ];
  });
}

/** The circle of a caregiver given as RelatedPerson: an active informal member, else 404 (also for people without access). */
async function caregiverClient(services: Services, actor: Actor, memberId: string): Promise<string> {
  requireMfaSatisfied(actor);
  const found = UUID.test(memberId) ? await q.findMemberClient(services.db, memberId.toLowerCase()) : null;
  if (!found || !isInformal(found.kind)) throw new AppError('not_found');
  return found.client_id;
}

/** The completed checks of one caregiver that the actor may see (one access-log line, as `resourceType`). */
async function visibleResults(services: Services, actor: Actor, memberId: string, resourceType: string, origin: Origin): Promise<BurdenResultFacts[]> {
  const clientId = await caregiverClient(services, actor, memberId);
  const checks = await burdenCheckLister(services, actor, { clientId, memberId: memberId.toLowerCase(), status: 'completed' }, origin, { resourceType });
  return resultFacts(services, checks);
}

/** One completed check by response id; drafts are not published (404). */
async function visibleResult(services: Services, actor: Actor, id: string, resourceType: string, origin: Origin): Promise<BurdenResultFacts> {
  requireMfaSatisfied(actor);
  const owner = await q.findBurdenResponseOwner(services.db, id);
  if (!owner || owner.status !== 'completed') throw new AppError('not_found');
  const view = await burdenCheckReader(services, actor, { clientId: owner.client_id, memberId: owner.member_id, checkId: id }, origin, { resourceType });
  const [facts] = await resultFacts(services, [view]);
  if (!facts) throw new AppError('not_found');
  return facts;
}

/** QuestionnaireResponse/{id}: a completed check the actor may see. */
export async function fhirQuestionnaireResponseReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<QuestionnaireResponse> {
  return toQuestionnaireResponse(await visibleResult(services, actor, input.id, 'QuestionnaireResponse', origin));
}

/** QuestionnaireResponse?subject=RelatedPerson/{id}: that caregiver's completed checks the actor may see. */
export async function fhirQuestionnaireResponseSearcher(services: Services, actor: Actor, input: { memberId: string }, origin: Origin): Promise<SearchHit[]> {
  const results = await visibleResults(services, actor, input.memberId, 'QuestionnaireResponse', origin);
  return results.map((f) => ({ resource: toQuestionnaireResponse(f), mode: 'match' }));
}

/** Observation/{id}: the total score of a completed check (same id as its QuestionnaireResponse). */
export async function fhirObservationReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<Observation> {
  return toBurdenObservation(await visibleResult(services, actor, input.id, 'Observation', origin));
}

/** Observation?focus= / ?subject=RelatedPerson/{id}: the scores of that caregiver's completed checks. */
export async function fhirObservationSearcher(services: Services, actor: Actor, input: { memberId: string }, origin: Origin): Promise<SearchHit[]> {
  const results = await visibleResults(services, actor, input.memberId, 'Observation', origin);
  return results.map((f) => ({ resource: toBurdenObservation(f), mode: 'match' }));
}

/** Our validation errors (Dutch, from the scorer and the recorder) as a 422 OperationOutcome. */
function unprocessable(error: AppError): FhirError {
  // FHIR answers speak Dutch: record systems here show them to Dutch staff.
  const fields = error.fieldsIn('nl');
  const problems = fields.length ? fields : [{ path: '', message: error.textIn('nl') }];
  const issues: OperationOutcomeIssue[] = problems.map((p, i) => ({
    ...issue('error', 'invalid', p.message, problemExpression(p.path)),
    ...(i === 0 ? { details: { coding: [{ system: 'https://mantelkring.nl/problems', code: error.code }], text: error.textIn('nl') } } : {}),
  }));
  return new FhirError(422, issues);
}

/**
 * POST QuestionnaireResponse: a completed check for a caregiver (`subject` RelatedPerson),
 * for the instrument version in `questionnaire` (`url|version`, or `url` for the current
 * one). Recorded by `burdenCheckRecorder`, the same use case as the REST API: by the
 * caregiver themselves, or by a professional with full access through their organisation
 * (recorded as administered by them); a signal when the score is heavy or rose by 3 or more.
 * Access is checked before the content, so outsiders learn nothing (404) and other circle
 * members get 403. Unknown instrument or wrong/missing answers: 422 with the Dutch message.
 */
export async function fhirQuestionnaireResponseCreator(services: Services, actor: Actor, input: { body: unknown; baseUrl: string }, origin: Origin): Promise<QuestionnaireResponse> {
  requireMfaSatisfied(actor);
  const posted = readPostedResponse(input.body, input.baseUrl);
  if (!posted.ok) throw new FhirError(posted.status, posted.issues);
  const { memberId: rawMemberId, questionnaire, items } = posted.value;
  const clientId = await caregiverClient(services, actor, rawMemberId);
  const memberId = rawMemberId.toLowerCase();
  // Who may record for this caregiver: the policy the recorder applies again (403 / 404 first).
  burdenPolicy.checkAccess(actor, await accessFacts(services, actor, clientId), memberId);

  const versions = (await listInstrumentVersions(services.db)).filter((v) => v.url === questionnaire.url);
  const version = questionnaire.version === null ? versions.find((v) => v.is_current) : versions.find((v) => v.version === questionnaire.version);
  if (!version) {
    const what = questionnaire.version === null ? questionnaire.url : `${questionnaire.url}|${questionnaire.version}`;
    throw new FhirError(422, [issue('error', 'not-found', `Onbekende vragenlijst ${what}. Zie GET /fhir/Questionnaire voor de vragenlijsten en hun versies.`, 'QuestionnaireResponse.questionnaire')]);
  }
  const answers = answersFromResponseItems(instrumentOf(version), items);
  if (!answers.ok) throw new FhirError(422, answers.errors.map((e) => issue('error', 'invalid', renderMessage(e.message, 'nl'), problemExpression(e.path))));

  let view;
  try {
    view = await burdenCheckRecorder(
      services,
      actor,
      { clientId, memberId, instrumentKey: version.instrument_key, instrumentVersion: version.version, answers: answers.value },
      origin,
      { resourceType: 'QuestionnaireResponse' },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') throw unprocessable(error);
    throw error;
  }
  const [facts] = await resultFacts(services, [view]);
  if (!facts) throw new AppError('internal');
  return toQuestionnaireResponse(facts);
}
