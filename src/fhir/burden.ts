import { answerProblem, type Answers, type Instrument, type InstrumentItem, type Parsed, type Problem } from '../domain/burden.ts';
import { BURDEN_LEVEL_DISPLAYS, MK, OBSERVATION_CATEGORY_SYSTEM } from './codes.ts';
import type { BurdenResultFacts } from './model.ts';
import { issue } from './outcome.ts';
import type { Annotation, CodeableConcept, Coding, Extension, Observation, OperationOutcomeIssue, QuestionnaireResponse, QuestionnaireResponseItem, Reference } from './types.ts';

/**
 * Burden checks in FHIR R4 (pure): instruments as Questionnaire, a completed check as
 * QuestionnaireResponse with its score, and the total score as Observation `derivedFrom` the
 * response. The decisions are in data/fhir/README.md ("Burden checks").
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const iso = (d: Date): string => d.toISOString();
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

// ---------------------------------------------------------------------------------------
// Questionnaire

/**
 * The id of a stored instrument version: the instrument key (the Questionnaire's own id) for
 * the current version, the version's UUID for an older one. Every version keeps its `url`
 * and `version`, so a response's canonical `url|version` always resolves.
 */
export function questionnaireId(v: { key: string; versionId: string; isCurrent: boolean }): string {
  return v.isCurrent ? v.key : v.versionId;
}

/** The stored Questionnaire of one version, under its FHIR id. */
export function toQuestionnaire(resource: Json, id: string): Json & { resourceType: 'Questionnaire'; id: string } {
  return { ...resource, resourceType: 'Questionnaire', id };
}

/** `url|version`, the canonical a QuestionnaireResponse points at. */
export const canonicalOf = (q: { url: string; version: string }): string => `${q.url}|${q.version}`;

/** Splits a canonical `url|version` (the version is optional). */
export function parseCanonical(value: string): { url: string; version: string | null } {
  const bar = value.lastIndexOf('|');
  if (bar < 0) return { url: value, version: null };
  return { url: value.slice(0, bar), version: value.slice(bar + 1) || null };
}

// ---------------------------------------------------------------------------------------
// QuestionnaireResponse and Observation

const relatedPerson = (f: BurdenResultFacts): Reference => ({ reference: `RelatedPerson/${f.memberId}` });

/** The professional who took the check: their PractitionerRole when on the map, else their name only. */
function professionalReference(by: NonNullable<BurdenResultFacts['administeredBy']>): Reference {
  const display = by.name ?? by.organisationName ?? 'Professional';
  return by.practitionerRoleId ? { reference: `PractitionerRole/${by.practitionerRoleId}`, display } : { display };
}

function answerOf(item: InstrumentItem, value: string | number): QuestionnaireResponseItem['answer'] {
  if (item.kind === 'integer') return [{ valueInteger: value as number }];
  const option = item.options.find((o) => o.code === value);
  if (!option) return undefined;
  const coding: Coding = { ...(option.system ? { system: option.system } : {}), code: option.code, display: option.display };
  return [{ valueCoding: coding }];
}

/**
 * The answers as QuestionnaireResponse items, following the Questionnaire's own item tree:
 * groups stay groups (only when something in them was answered), display items and open
 * questions are left out.
 */
export function responseItems(questionnaireItems: unknown, f: Pick<BurdenResultFacts, 'instrument' | 'answers'>): QuestionnaireResponseItem[] {
  const byId = new Map(f.instrument.items.map((i) => [i.linkId, i]));
  const walk = (list: unknown): QuestionnaireResponseItem[] =>
    asArray(list).flatMap((raw): QuestionnaireResponseItem[] => {
      if (!isObject(raw) || typeof raw.linkId !== 'string') return [];
      const text = typeof raw.text === 'string' ? { text: raw.text } : {};
      if (raw.type === 'group') {
        const children = walk(raw.item);
        return children.length ? [{ linkId: raw.linkId, ...text, item: children }] : [];
      }
      const item = byId.get(raw.linkId);
      const value = f.answers[raw.linkId];
      if (!item || value === undefined) return [];
      const answer = answerOf(item, value);
      return answer ? [{ linkId: raw.linkId, ...text, answer }] : [];
    });
  return walk(questionnaireItems);
}

/** The score on the QuestionnaireResponse: one complex extension (see data/fhir/README.md). */
export function burdenResultExtension(f: BurdenResultFacts): Extension {
  const parts: Extension[] = [{ url: 'total', valueInteger: f.score.total }];
  if (f.score.band) parts.push({ url: 'band', valueString: f.score.band.label });
  parts.push({ url: 'overload', valueBoolean: f.score.overload });
  parts.push({ url: 'observation', valueReference: { reference: `Observation/${f.id}` } });
  return { url: MK.burdenResult, extension: parts };
}

/**
 * A completed check as QuestionnaireResponse: bound to the exact version answered
 * (`url|version`), about the caregiver (subject and source RelatedPerson), authored by the
 * caregiver, or by the professional who took it with them.
 */
export function toQuestionnaireResponse(f: BurdenResultFacts): QuestionnaireResponse {
  const qr: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: f.id,
    extension: [burdenResultExtension(f)],
    questionnaire: canonicalOf(f.instrument),
    status: 'completed',
    subject: relatedPerson(f),
    authored: iso(f.completedAt),
    author: f.administeredBy ? professionalReference(f.administeredBy) : relatedPerson(f),
    source: relatedPerson(f),
  };
  const items = responseItems(f.questionnaire.item, f);
  if (items.length) qr.item = items;
  return qr;
}

/** Observation.code: the Questionnaire's own `code` when it has one, else our instrument code system. */
export function instrumentConcept(f: Pick<BurdenResultFacts, 'questionnaire' | 'instrument'>): CodeableConcept {
  const own = asArray(f.questionnaire.code).flatMap((c): Coding[] => {
    if (!isObject(c) || typeof c.code !== 'string') return [];
    const str = (k: string) => (typeof c[k] === 'string' ? { [k]: c[k] as string } : {});
    return [{ ...str('system'), ...str('version'), code: c.code, ...str('display') }];
  });
  const coding = own.length ? own : [{ system: MK.burdenInstrument, code: f.instrument.key, display: f.instrument.title }];
  return { coding, text: f.instrument.title };
}

/**
 * The total score as Observation. R4 allows only Patient, Group, Device or Location as
 * Observation.subject, so the subject is the client (the patient of record) and the caregiver
 * whose burden it is is the `focus` (R4: "when it is not the patient of record … such as a
 * spouse, parent"). The band is the interpretation (its level as a code, its label as text),
 * its meaning a note.
 */
export function toBurdenObservation(f: BurdenResultFacts): Observation {
  const obs: Observation = {
    resourceType: 'Observation',
    id: f.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: instrumentConcept(f),
    subject: { reference: `Patient/${f.clientId}` },
    focus: [relatedPerson(f)],
    effectiveDateTime: iso(f.completedAt),
    issued: iso(f.completedAt),
  };
  if (f.administeredBy) {
    obs.performer = [professionalReference(f.administeredBy)];
    if (f.administeredBy.organisationId) obs.performer.push({ reference: `Organization/${f.administeredBy.organisationId}`, ...(f.administeredBy.organisationName ? { display: f.administeredBy.organisationName } : {}) });
  }
  obs.valueInteger = f.score.total;
  const band = f.score.band;
  if (band) {
    const level = band.level ?? (f.score.overload ? 'heavy' : null);
    obs.interpretation = [{ ...(level ? { coding: [{ system: MK.burdenLevel, code: level, display: BURDEN_LEVEL_DISPLAYS[level] }] } : {}), text: band.label }];
  }
  const notes: Annotation[] = [];
  if (band) notes.push({ text: band.meaning });
  if (f.instrument.scoring.resultNote) notes.push({ text: f.instrument.scoring.resultNote });
  if (f.score.missing.length) notes.push({ text: `Niet beantwoord: ${f.score.missing.join(', ')}. De score is aangevuld met het gemiddelde van de andere antwoorden, zoals de vragenlijst voorschrijft.` });
  if (notes.length) obs.note = notes;
  obs.derivedFrom = [{ reference: `QuestionnaireResponse/${f.id}` }];
  return obs;
}

// ---------------------------------------------------------------------------------------
// Reading a posted QuestionnaireResponse

/** What a posted QuestionnaireResponse asks: which instrument version, for which caregiver, with which answers. */
export interface PostedResponse {
  questionnaire: { url: string; version: string | null };
  /** The id in `subject` (RelatedPerson/{id}); the server checks that it exists. */
  memberId: string;
  /** The raw `item` tree, read against the instrument by `answersFromResponseItems`. */
  items: unknown;
}

export type PostedResponseResult = { ok: true; value: PostedResponse } | { ok: false; status: 400 | 422; issues: OperationOutcomeIssue[] };

/** The id of a `Type/{id}` reference (relative, or absolute on this server), else null. */
function referencedId(ref: unknown, type: string, baseUrl: string): string | null {
  if (!isObject(ref) || typeof ref.reference !== 'string') return null;
  let value = ref.reference;
  if (value.startsWith(`${baseUrl}/`)) value = value.slice(baseUrl.length + 1);
  const [t, id, ...rest] = value.split('/');
  return t === type && id && rest.length === 0 ? id : null;
}

const REFERENCE_TYPE = /^(?:https?:\/\/\S+\/)?([A-Za-z]+)\/[^/]+$/;

/** Whether any object in the tree carries a modifierExtension (which we cannot understand, so must refuse). */
function hasModifierExtension(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasModifierExtension);
  if (!isObject(node)) return false;
  return 'modifierExtension' in node || Object.values(node).some(hasModifierExtension);
}

/**
 * Checks the envelope of a posted QuestionnaireResponse (not yet the answers: those need the
 * instrument). 400 when it is not a QuestionnaireResponse at all, 422 for content we refuse.
 * Every problem at once, with a FHIRPath.
 */
export function readPostedResponse(body: unknown, baseUrl: string): PostedResponseResult {
  if (!isObject(body) || body.resourceType !== 'QuestionnaireResponse') {
    return { ok: false, status: 400, issues: [issue('error', 'structure', 'Stuur één QuestionnaireResponse (resourceType "QuestionnaireResponse").', 'QuestionnaireResponse')] };
  }
  const issues: OperationOutcomeIssue[] = [];
  const at = (path: string) => `QuestionnaireResponse.${path}`;
  if (hasModifierExtension(body)) issues.push(issue('error', 'not-supported', 'Een modifierExtension wordt niet ondersteund: die kan de betekenis van de antwoorden veranderen.', 'QuestionnaireResponse'));
  if (body.status !== 'completed') {
    issues.push(issue('error', 'business-rule', `Alleen een afgeronde vragenlijst (status "completed") kan worden opgeslagen en gescoord${typeof body.status === 'string' ? `, niet "${body.status}"` : ''}.`, at('status')));
  }
  let questionnaire: PostedResponse['questionnaire'] | null = null;
  if (typeof body.questionnaire !== 'string' || !body.questionnaire.trim()) issues.push(issue('error', 'required', 'Zeg welke vragenlijst is ingevuld: questionnaire = de canonical url|versie.', at('questionnaire')));
  else questionnaire = parseCanonical(body.questionnaire.trim());

  let memberId: string | null = null;
  if (body.subject === undefined) issues.push(issue('error', 'required', 'Zeg over welke mantelzorger het gaat: subject = RelatedPerson/{id}.', at('subject')));
  else {
    memberId = referencedId(body.subject, 'RelatedPerson', baseUrl);
    if (!memberId) issues.push(issue('error', 'invalid', 'subject moet verwijzen naar de mantelzorger: RelatedPerson/{id}.', at('subject')));
  }
  // The author and source, when given, must fit: the caregiver, or (author) a professional.
  // What is stored is who is logged in, never what the body claims.
  if (body.source !== undefined && (!memberId || referencedId(body.source, 'RelatedPerson', baseUrl) !== memberId)) {
    issues.push(issue('error', 'invalid', 'source is de mantelzorger die de vragen beantwoordde: dezelfde RelatedPerson als subject.', at('source')));
  }
  if (body.author !== undefined) {
    const type = isObject(body.author) && typeof body.author.reference === 'string' ? REFERENCE_TYPE.exec(body.author.reference)?.[1] : undefined;
    const fits = type === 'RelatedPerson' ? memberId !== null && referencedId(body.author, 'RelatedPerson', baseUrl) === memberId : ['Practitioner', 'PractitionerRole', 'Organization'].includes(type ?? '');
    if (!fits) issues.push(issue('error', 'invalid', 'author is de mantelzorger zelf (dezelfde RelatedPerson als subject) of de professional die de check afnam (Practitioner, PractitionerRole of Organization).', at('author')));
  }
  if (body.item !== undefined && !Array.isArray(body.item)) issues.push(issue('error', 'structure', 'item moet een lijst zijn.', at('item')));

  if (issues.length || !questionnaire || !memberId) return { ok: false, status: 422, issues };
  return { ok: true, value: { questionnaire, memberId, items: body.item } };
}

/**
 * Reads the answers of a posted QuestionnaireResponse (`item[]`, groups allowed) into our
 * answer map, the inverse of `responseItems`: `valueCoding.code` for a choice question,
 * `valueInteger` for an integer one. Every problem comes back as a message key with a
 * FHIRPath-like location.
 */
export function answersFromResponseItems(instrument: Instrument, items: unknown): Parsed<Answers> {
  const byId = new Map(instrument.items.map((i) => [i.linkId, i]));
  const answers: Answers = {};
  const errors: Problem[] = [];
  const walk = (list: unknown, path: string) => {
    asArray(list).forEach((raw, index) => {
      const p = `${path}[${index}]`;
      if (!isObject(raw) || !nonEmpty(raw.linkId)) return errors.push({ path: p, message: { key: 'answer_link_id_missing' } });
      if (raw.item !== undefined) walk(raw.item, `${p}.item`);
      const item = byId.get(raw.linkId);
      const given = asArray(raw.answer);
      if (!item) {
        if (given.length) errors.push({ path: `${p}.linkId`, message: { key: 'answer_not_in_instrument', params: { linkId: raw.linkId, title: instrument.title } } });
        return;
      }
      if (given.length === 0) return;
      if (given.length > 1) return errors.push({ path: `${p}.answer`, message: { key: 'answer_more_than_one', params: { number: item.number } } });
      const a = given[0];
      if (!isObject(a)) return errors.push({ path: `${p}.answer[0]`, message: { key: 'answer_invalid', params: { number: item.number } } });
      if (item.kind === 'choice') {
        const coding = isObject(a.valueCoding) ? a.valueCoding : null;
        const option = coding ? item.options.find((o) => o.code === coding.code && (o.system === null || coding.system === undefined || coding.system === o.system)) : undefined;
        if (!option) return errors.push({ path: `${p}.answer[0].valueCoding`, message: answerProblem(item, undefined) ?? { key: 'answer_invalid', params: { number: item.number } } });
        answers[item.linkId] = option.code;
      } else {
        const v = a.valueInteger;
        const problem = answerProblem(item, v);
        if (problem) return errors.push({ path: `${p}.answer[0].valueInteger`, message: problem });
        answers[item.linkId] = v as number;
      }
    });
  };
  walk(items, 'QuestionnaireResponse.item');
  return errors.length ? { ok: false, errors } : { ok: true, value: answers };
}

/**
 * The place of a scoring problem as FHIRPath: our scorer reports `/answers/{linkId}`, the
 * FHIR reader `QuestionnaireResponse.item[…]` already.
 */
export function problemExpression(path: string): string {
  if (path.startsWith('QuestionnaireResponse')) return path;
  const answer = /^\/answers\/(.+)$/.exec(path);
  if (answer) return `QuestionnaireResponse.item.where(linkId = '${(answer[1] ?? '').replace(/'/g, "\\'")}')`;
  if (path === '/answers') return 'QuestionnaireResponse.item';
  if (path === '/instrument') return 'QuestionnaireResponse.questionnaire';
  if (path === '/memberId') return 'QuestionnaireResponse.subject';
  return 'QuestionnaireResponse';
}
