import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../common/messages/index.ts';
import { parseInstrument, scoreAnswers, type Answers, type Instrument } from '../domain/burden.ts';
import { searchset } from './bundle.ts';
import { answersFromResponseItems, canonicalOf, parseCanonical, problemExpression, questionnaireId, readPostedResponse, toBurdenObservation, toQuestionnaire, toQuestionnaireResponse } from './burden.ts';
import { capabilityStatement } from './capability.ts';
import { MK, OBSERVATION_CATEGORY_SYSTEM } from './codes.ts';
import type { BurdenResultFacts } from './model.ts';
import { r4Errors, referenceTargetErrors } from './testing/validator.ts';
import type { ResourceBase } from './types.ts';

const BASE = 'https://mk.example.nl/fhir';
const CLIENT = '0b6f2a52-3c1d-4a7e-9f10-2d3c4b5a6e70';
const CAREGIVER = '6a1e3f90-8b2c-4d5e-a6f7-0123456789ab';
const RESPONSE = 'c3d4e5f6-a7b8-4c9d-8e0f-112233445566';
const ROLE = 'f1e2d3c4-b5a6-4978-8877-665544332211';
const ORG = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
const AT = new Date('2026-11-20T10:15:00.000Z');

const file = (name: string) => JSON.parse(fs.readFileSync(path.join('data/instruments', name), 'utf8')) as Record<string, unknown>;
function instrument(resource: Record<string, unknown>): Instrument {
  const parsed = parseInstrument(resource);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => renderMessage(e.message, 'nl')).join('; '));
  return parsed.value;
}
const yesNo = (prefix: string, n: number, yes: number, hit = 'ja', miss = 'nee'): Answers =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}-${String(i + 1).padStart(2, '0')}`, i < yes ? hit : miss]));

function facts(name: string, answers: Answers, administeredBy: BurdenResultFacts['administeredBy'] = null, extra: Partial<BurdenResultFacts> = {}): BurdenResultFacts {
  const questionnaire = file(name);
  const inst = instrument(questionnaire);
  const scored = scoreAnswers(inst, answers);
  if (!scored.ok) throw new Error(scored.errors.map((e) => renderMessage(e.message, 'nl')).join('; '));
  return { id: RESPONSE, clientId: CLIENT, memberId: CAREGIVER, questionnaire, instrument: inst, answers, score: scored.value, completedAt: AT, administeredBy, ...extra };
}

const CSI_HEAVY = () => facts('csi.json', yesNo('csi', 13, 7));
const EDIZ_PLUS_BY_PRO = () =>
  facts('ediz-plus.json', yesNo('ep', 15, 4, 'min-of-meer'), { practitionerRoleId: ROLE, name: 'Fatima Yilmaz', organisationId: ORG, organisationName: 'Thuiszorg Leiden' });
const SELF_RATED = () => facts('self-rated-burden.json', { srb: 6 }, { practitionerRoleId: null, name: 'Fatima Yilmaz', organisationId: null, organisationName: null });

describe('burden checks in FHIR: validity', () => {
  it('publishes every shipped instrument as a Questionnaire valid against base R4', async () => {
    for (const name of fs.readdirSync('data/instruments').filter((f) => f.endsWith('.json'))) {
      const q = toQuestionnaire(file(name), 'x');
      expect(await r4Errors(q), name).toEqual([]);
    }
  });

  it('produces QuestionnaireResponses, Observations and their Bundle with zero R4 errors', async () => {
    const all: ResourceBase[] = [];
    for (const f of [CSI_HEAVY(), EDIZ_PLUS_BY_PRO(), SELF_RATED(), facts('ediz.json', yesNo('ed', 9, 3, 'min-of-meer'))]) {
      all.push(toQuestionnaireResponse(f), toBurdenObservation(f));
    }
    for (const r of all) {
      expect(await r4Errors(r), `${r.resourceType}: ${JSON.stringify(r).slice(0, 200)}`).toEqual([]);
      expect(await referenceTargetErrors(r)).toEqual([]);
    }
    expect(await r4Errors(searchset(BASE, `${BASE}/Observation?focus=${CAREGIVER}`, all.map((resource, i) => ({ resource: { ...resource, id: `r${i}` }, mode: 'match' as const }))))).toEqual([]);
    expect(await r4Errors(capabilityStatement({ baseUrl: BASE, version: '0.1.0', date: '2026-11-25' }))).toEqual([]);
  });

  it('the validator catches broken resources (so the test above can fail)', async () => {
    const obs = toBurdenObservation(CSI_HEAVY());
    expect(await r4Errors({ ...obs, valueInteger: 'zeven' })).not.toEqual([]);
    expect(await r4Errors({ ...obs, code: undefined })).not.toEqual([]);
    expect(await r4Errors({ ...toQuestionnaireResponse(CSI_HEAVY()), status: undefined })).not.toEqual([]);
    // Medplum does not check reference targets; our own check does.
    expect(await r4Errors({ ...obs, subject: { reference: `RelatedPerson/${CAREGIVER}` } })).toEqual([]);
    expect(await referenceTargetErrors({ ...obs, subject: { reference: `RelatedPerson/${CAREGIVER}` } })).toEqual(['Observation.subject: RelatedPerson is not one of Patient | Group | Device | Location']);
    expect(await referenceTargetErrors({ ...obs, performer: [{ reference: `Consent/${CAREGIVER}` }] })).toEqual(['Observation.performer[0]: Consent is not one of Practitioner | PractitionerRole | Organization | CareTeam | Patient | RelatedPerson']);
    const qr = toQuestionnaireResponse(CSI_HEAVY());
    expect(await referenceTargetErrors({ ...qr, source: { reference: `Organization/${ORG}` } })).toHaveLength(1);
  });
});

describe('burden checks in FHIR: content', () => {
  it('binds the response to the exact version, with the caregiver as subject, source and author', () => {
    const qr = toQuestionnaireResponse(CSI_HEAVY());
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: RESPONSE,
      questionnaire: 'https://mantelkring.nl/fhir/Questionnaire/csi|1.0.0',
      status: 'completed',
      subject: { reference: `RelatedPerson/${CAREGIVER}` },
      source: { reference: `RelatedPerson/${CAREGIVER}` },
      author: { reference: `RelatedPerson/${CAREGIVER}` },
      authored: '2026-11-20T10:15:00.000Z',
    });
    expect(qr.item).toHaveLength(13);
    expect(qr.item?.[0]).toMatchObject({ linkId: 'csi-01', answer: [{ valueCoding: { system: 'https://mantelkring.nl/fhir/CodeSystem/burden-answer', code: 'ja', display: 'Ja' } }] });
    expect(qr.extension).toEqual([
      {
        url: MK.burdenResult,
        extension: [
          { url: 'total', valueInteger: 7 },
          { url: 'band', valueString: 'Hoge belasting' },
          { url: 'overload', valueBoolean: true },
          { url: 'observation', valueReference: { reference: `Observation/${RESPONSE}` } },
        ],
      },
    ]);
  });

  it('gives the answers back in a form the reader turns into the same answers (round trip)', () => {
    for (const f of [CSI_HEAVY(), EDIZ_PLUS_BY_PRO(), SELF_RATED()]) {
      const back = answersFromResponseItems(f.instrument, toQuestionnaireResponse(f).item);
      expect(back).toEqual({ ok: true, value: f.answers });
    }
  });

  it('publishes the total as a survey Observation about the caregiver, derived from the response', () => {
    const obs = toBurdenObservation(CSI_HEAVY());
    expect(obs).toMatchObject({
      resourceType: 'Observation',
      id: RESPONSE,
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey' }] }],
      code: { coding: [{ system: MK.burdenInstrument, code: 'csi' }] },
      subject: { reference: `Patient/${CLIENT}` },
      focus: [{ reference: `RelatedPerson/${CAREGIVER}` }],
      effectiveDateTime: '2026-11-20T10:15:00.000Z',
      valueInteger: 7,
      interpretation: [{ coding: [{ system: MK.burdenLevel, code: 'heavy' }], text: 'Hoge belasting' }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${RESPONSE}` }],
    });
    expect(obs.performer).toBeUndefined();
    expect(obs.note?.[0]?.text).toMatch(/heel veel van u/);
    // A band without a level (CSI below 7) has its label as text only.
    const low = toBurdenObservation(facts('csi.json', yesNo('csi', 13, 6)));
    expect(low.interpretation).toEqual([{ text: 'Geen hoge belasting' }]);
    // No bands (self-rated burden): no interpretation, the reading note only.
    const srb = toBurdenObservation(SELF_RATED());
    expect(srb.interpretation).toBeUndefined();
    expect(srb.valueInteger).toBe(6);
  });

  it('names the professional who took the check: PractitionerRole when on the map, else a display, plus the organisation', () => {
    const f = EDIZ_PLUS_BY_PRO();
    expect(toQuestionnaireResponse(f).author).toEqual({ reference: `PractitionerRole/${ROLE}`, display: 'Fatima Yilmaz' });
    expect(toBurdenObservation(f).performer).toEqual([
      { reference: `PractitionerRole/${ROLE}`, display: 'Fatima Yilmaz' },
      { reference: `Organization/${ORG}`, display: 'Thuiszorg Leiden' },
    ]);
    expect(toBurdenObservation(f).interpretation?.[0]).toMatchObject({ coding: [{ code: 'moderate' }] });
    expect(toBurdenObservation(SELF_RATED()).performer).toEqual([{ display: 'Fatima Yilmaz' }]);
  });

  it('uses the Questionnaire code when it has one, else our instrument code system', () => {
    const f = CSI_HEAVY();
    const withOwn = toBurdenObservation({ ...f, questionnaire: { ...f.questionnaire, code: [{ system: 'http://loinc.org', code: '99999-9', display: 'Test' }] } });
    expect(withOwn.code.coding).toEqual([{ system: 'http://loinc.org', code: '99999-9', display: 'Test' }]);
    const without = toBurdenObservation({ ...f, questionnaire: { ...f.questionnaire, code: undefined } });
    expect(without.code.coding).toEqual([{ system: MK.burdenInstrument, code: 'csi', display: f.instrument.title }]);
  });

  it('keeps groups of the Questionnaire as groups in the response', () => {
    const f = CSI_HEAVY();
    const items = (f.questionnaire.item as { linkId: string; type: string }[]).filter((i) => i.type !== 'display');
    const grouped = { ...f.questionnaire, item: [{ linkId: 'g1', type: 'group', text: 'Deel 1', item: items.slice(0, 5) }, ...items.slice(5), { linkId: 'g2', type: 'group', item: [] }] };
    const qr = toQuestionnaireResponse({ ...f, questionnaire: grouped });
    expect(qr.item?.[0]).toMatchObject({ linkId: 'g1', text: 'Deel 1' });
    expect(qr.item?.[0]?.item).toHaveLength(5);
    expect(qr.item).toHaveLength(1 + 8);
    expect(answersFromResponseItems(f.instrument, qr.item)).toEqual({ ok: true, value: f.answers });
  });

  it('knows the ids and canonicals of instrument versions', () => {
    expect(questionnaireId({ key: 'csi', versionId: RESPONSE, isCurrent: true })).toBe('csi');
    expect(questionnaireId({ key: 'csi', versionId: RESPONSE, isCurrent: false })).toBe(RESPONSE);
    expect(canonicalOf({ url: 'https://x/Q/csi', version: '1.0.0' })).toBe('https://x/Q/csi|1.0.0');
    expect(parseCanonical('https://x/Q/csi|1.0.0')).toEqual({ url: 'https://x/Q/csi', version: '1.0.0' });
    expect(parseCanonical('https://x/Q/csi')).toEqual({ url: 'https://x/Q/csi', version: null });
  });
});

describe('reading a posted QuestionnaireResponse', () => {
  const good = (over: Record<string, unknown> = {}) => ({
    resourceType: 'QuestionnaireResponse',
    questionnaire: 'https://mantelkring.nl/fhir/Questionnaire/csi|1.0.0',
    status: 'completed',
    subject: { reference: `RelatedPerson/${CAREGIVER}` },
    author: { reference: `RelatedPerson/${CAREGIVER}` },
    item: [{ linkId: 'csi-01', answer: [{ valueCoding: { code: 'ja' } }] }],
    ...over,
  });

  it('accepts a well-formed response, with relative or absolute references', () => {
    expect(readPostedResponse(good(), BASE)).toEqual({ ok: true, value: { questionnaire: { url: 'https://mantelkring.nl/fhir/Questionnaire/csi', version: '1.0.0' }, memberId: CAREGIVER, items: good().item } });
    const absolute = readPostedResponse(good({ subject: { reference: `${BASE}/RelatedPerson/${CAREGIVER}` }, author: { reference: `PractitionerRole/${ROLE}` }, source: { reference: `RelatedPerson/${CAREGIVER}` } }), BASE);
    expect(absolute.ok).toBe(true);
  });

  it('refuses what is not a QuestionnaireResponse with 400', () => {
    for (const body of [null, [], 'x', { resourceType: 'Observation' }]) {
      const r = readPostedResponse(body, BASE);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.status).toBe(400);
    }
  });

  it('refuses content it cannot store with 422, every problem at once with its FHIRPath', () => {
    const r = readPostedResponse(
      good({ status: 'in-progress', questionnaire: undefined, subject: { reference: `Patient/${CLIENT}` }, author: { reference: `RelatedPerson/${ROLE}` }, modifierExtension: [{ url: 'x', valueBoolean: true }] }),
      BASE,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(422);
    expect(r.issues.map((i) => i.expression?.[0])).toEqual([
      'QuestionnaireResponse',
      'QuestionnaireResponse.status',
      'QuestionnaireResponse.questionnaire',
      'QuestionnaireResponse.subject',
      'QuestionnaireResponse.author',
    ]);
    expect(r.issues[1]?.diagnostics).toMatch(/afgeronde vragenlijst.*in-progress/);
    const noSubject = readPostedResponse(good({ subject: undefined, source: { reference: `RelatedPerson/${ROLE}` } }), BASE);
    // Without a subject, neither source nor author can be the caregiver.
    expect(noSubject.ok ? [] : noSubject.issues.map((i) => `${i.code} ${i.expression?.[0]}`)).toEqual([
      'required QuestionnaireResponse.subject',
      'invalid QuestionnaireResponse.source',
      'invalid QuestionnaireResponse.author',
    ]);
  });

  it('turns the scorer’s places into FHIRPath', () => {
    expect(problemExpression('/answers/ep-03')).toBe("QuestionnaireResponse.item.where(linkId = 'ep-03')");
    expect(problemExpression('/answers')).toBe('QuestionnaireResponse.item');
    expect(problemExpression('/instrument')).toBe('QuestionnaireResponse.questionnaire');
    expect(problemExpression('QuestionnaireResponse.item[2].answer[0].valueCoding')).toBe('QuestionnaireResponse.item[2].answer[0].valueCoding');
  });
});

describe('reading the answers of a posted QuestionnaireResponse', () => {
  const csi = instrument(file('csi.json'));
  const selfRated = instrument(file('self-rated-burden.json'));

  it('reads choice and integer answers, and says where an answer does not fit', () => {
    const items = csi.items.map((i, n) => ({ linkId: i.linkId, answer: [{ valueCoding: { system: 'https://mantelkring.nl/fhir/CodeSystem/burden-answer', code: n < 7 ? 'ja' : 'nee' } }] }));
    const read = answersFromResponseItems(csi, items);
    const scored = read.ok ? scoreAnswers(csi, read.value) : null;
    expect(scored?.ok && scored.value.total).toBe(7);
    const wrong = answersFromResponseItems(selfRated, [{ linkId: 'srb', answer: [{ valueInteger: 12 }] }]);
    expect(!wrong.ok && wrong.errors[0]).toEqual({ path: 'QuestionnaireResponse.item[0].answer[0].valueInteger', message: { key: 'answer_integer_expected', params: { number: 1, min: 0, max: 10 } } });
    expect(!wrong.ok && wrong.errors[0] && renderMessage(wrong.errors[0].message, 'nl')).toBe('Vul bij vraag 1 een heel getal van 0 tot en met 10 in.');
  });

  it('refuses answers without linkId, to unknown questions, several answers and a wrong option', () => {
    const read = answersFromResponseItems(csi, [
      { answer: [{ valueCoding: { code: 'ja' } }] },
      { linkId: 'elders', answer: [{ valueCoding: { code: 'ja' } }] },
      { linkId: 'csi-01', answer: [{ valueCoding: { code: 'ja' } }, { valueCoding: { code: 'nee' } }] },
      { linkId: 'csi-02', answer: ['ja'] },
      { linkId: 'csi-03', answer: [{ valueCoding: { code: 'misschien' } }] },
      { linkId: 'csi-04', answer: [{ valueCoding: { system: 'https://elders.example/codes', code: 'ja' } }] },
    ]);
    expect(!read.ok && read.errors.map((e) => [e.path, renderMessage(e.message, 'nl')])).toEqual([
      ['QuestionnaireResponse.item[0]', 'Elk antwoord heeft een linkId nodig.'],
      ['QuestionnaireResponse.item[1].linkId', `Vraag "elders" hoort niet bij de vragenlijst ${csi.title}.`],
      ['QuestionnaireResponse.item[2].answer', 'Vraag 1 heeft meer dan één antwoord.'],
      ['QuestionnaireResponse.item[3].answer[0]', 'Vraag 2: ongeldig antwoord.'],
      ['QuestionnaireResponse.item[4].answer[0].valueCoding', 'Kies bij vraag 3 een van de antwoorden: Ja, Nee.'],
      ['QuestionnaireResponse.item[5].answer[0].valueCoding', 'Kies bij vraag 4 een van de antwoorden: Ja, Nee.'],
    ]);
    expect(!read.ok && read.errors[2] && renderMessage(read.errors[2].message, 'en')).toBe('Question 1 has more than one answer.');
  });
});
