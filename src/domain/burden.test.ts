import { describe, expect, it } from 'vitest';
import csiJson from '../../data/instruments/csi.json';
import edizJson from '../../data/instruments/ediz.json';
import edizPlusJson from '../../data/instruments/ediz-plus.json';
import selfRatedJson from '../../data/instruments/self-rated-burden.json';
import { renderMessage } from '../common/messages/index.ts';
import {
  checkPartialAnswers,
  compareVersions,
  nextSteps,
  parseInstrument,
  RISE_THRESHOLD,
  SCORING_EXTENSION_URL,
  scoreAnswers,
  severityOf,
  signalReasons,
  supportOfferFits,
  type Instrument,
  type Problem,
} from './burden.ts';

/** A problem's message as a Dutch reader sees it. */
const nl = (p: Problem | undefined): string | undefined => (p ? renderMessage(p.message, 'nl') : undefined);

function load(json: unknown): Instrument {
  const parsed = parseInstrument(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
const edizPlus = load(edizPlusJson);
const ediz = load(edizJson);
const csi = load(csiJson);
const selfRated = load(selfRatedJson);

/** Answers with `points` items scoring (choosing `hit`) and the rest choosing `miss`. */
function answersWith(instrument: Instrument, points: number, hit: string, miss: string): Record<string, string> {
  return Object.fromEntries(instrument.items.map((item, i) => [item.linkId, i < points ? hit : miss]));
}
const score = (instrument: Instrument, answers: Record<string, unknown>) => {
  const result = scoreAnswers(instrument, answers);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

describe('the shipped instruments', () => {
  it('parse, with the structure and scale of the original instruments', () => {
    expect(edizPlus).toMatchObject({ key: 'ediz-plus', version: '1.0.0', status: 'active' });
    expect(edizPlus.items).toHaveLength(15);
    expect(edizPlus.scoring).toMatchObject({ minScore: 0, maxScore: 15, overloadCutOff: 9, missing: { kind: 'refuse' } });
    expect(edizPlus.scoring.bands.map((b) => [b.code, b.min, b.max])).toEqual([['none', 0, 0], ['light', 1, 3], ['moderate', 4, 8], ['heavy', 9, 15]]);
    expect(ediz.items).toHaveLength(9);
    expect(ediz.scoring).toMatchObject({ minScore: 0, maxScore: 9, overloadCutOff: null, bands: [] });
    expect(ediz.items[0]?.kind === 'choice' && ediz.items[0].options.map((o) => o.points)).toEqual([0, 0, 1, 1, 1]);
    expect(csi.items).toHaveLength(13);
    expect(csi.scoring).toMatchObject({ minScore: 0, maxScore: 13, overloadCutOff: 7 });
    expect(selfRated.items).toEqual([expect.objectContaining({ kind: 'integer', min: 0, max: 10, lowLabel: '0 = helemaal niet zwaar', highLabel: '10 = veel te zwaar' })]);
    expect(selfRated.scoring).toMatchObject({ minScore: 0, maxScore: 10, overloadCutOff: null, bands: [] });
  });

  it('say they are our own wording, with the citation', () => {
    for (const i of [edizPlus, ediz, csi, selfRated]) {
      expect(i.title).toMatch(/gebaseerd op/);
      expect(i.description).toMatch(/eigen formulering, niet de gevalideerde originele tekst/i);
      expect(i.description).toMatch(/\(19\d\d|20\d\d\)/);
      expect(i.copyright).toBeTruthy();
    }
    expect(edizPlus.description).toMatch(/NIET GEVERIFIEERD/);
  });
});

describe('EDIZ-plus scoring at every band border', () => {
  it.each([
    [0, 'none', false],
    [1, 'light', false],
    [3, 'light', false],
    [4, 'moderate', false],
    [8, 'moderate', false],
    [9, 'heavy', true],
    [15, 'heavy', true],
  ])('%i points → %s (overload %s)', (points, band, overload) => {
    const s = score(edizPlus, answersWith(edizPlus, points, 'ja', 'nee'));
    expect(s.total).toBe(points);
    expect(s.band?.code).toBe(band);
    expect(s.overload).toBe(overload);
  });

  it('counts "min of meer" as a point, like the EDIZ (unverified for EDIZ-plus, see the file)', () => {
    expect(score(edizPlus, answersWith(edizPlus, 9, 'min-of-meer', 'nee')).total).toBe(9);
  });
});

describe('CSI scoring at the cut-off', () => {
  it.each([
    [6, 'not-high', false],
    [7, 'high', true],
  ])('%i yes → %s (high strain %s)', (points, band, overload) => {
    const s = score(csi, answersWith(csi, points, 'ja', 'nee'));
    expect(s).toMatchObject({ total: points, overload });
    expect(s.band?.code).toBe(band);
  });
  it('covers both ends', () => {
    expect(score(csi, answersWith(csi, 0, 'ja', 'nee')).total).toBe(0);
    expect(score(csi, answersWith(csi, 13, 'ja', 'nee')).total).toBe(13);
  });
});

describe('EDIZ and self-rated burden', () => {
  it('scores EDIZ 0 and 9, with the two no-answers at 0 and the three others at 1', () => {
    expect(score(ediz, answersWith(ediz, 0, 'ja', 'nee-zeker-niet'))).toMatchObject({ total: 0, band: null, overload: false });
    expect(score(ediz, answersWith(ediz, 9, 'ja-zeker', 'nee'))).toMatchObject({ total: 9, band: null, overload: false });
    expect(score(ediz, { ...answersWith(ediz, 3, 'min-of-meer', 'nee'), 'ed-09': 'ja' }).total).toBe(4);
  });
  it('scores the self-rated check-in 0 and 10 as the number chosen', () => {
    expect(score(selfRated, { srb: 0 })).toMatchObject({ total: 0, band: null, overload: false });
    expect(score(selfRated, { srb: 10 })).toMatchObject({ total: 10, band: null, overload: false });
  });
});

describe('missing and invalid answers', () => {
  it('refuses a check with open questions, naming them in Dutch', () => {
    const answers: Record<string, string> = answersWith(edizPlus, 15, 'ja', 'nee');
    delete answers['ep-03'];
    delete answers['ep-07'];
    const result = scoreAnswers(edizPlus, answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(nl(result.errors[0])).toBe('De vragen 3 en 7 zijn nog niet beantwoord. Zonder alle antwoorden kan de score niet goed worden berekend.');
    expect(result.errors.map((e) => e.path)).toContain('/answers/ep-07');
    const one = scoreAnswers(selfRated, {});
    expect(!one.ok && nl(one.errors[0])).toMatch(/^Vraag 1 is nog niet beantwoord/);
  });

  it('refuses answers that do not fit the question', () => {
    const wrong = scoreAnswers(csi, { ...answersWith(csi, 0, 'ja', 'nee'), 'csi-02': 'misschien' });
    expect(!wrong.ok && wrong.errors).toEqual([{ path: '/answers/csi-02', message: { key: 'answer_choice_expected', params: { number: 2, options: 'Ja, Nee' } } }]);
    expect(!wrong.ok && nl(wrong.errors[0])).toBe('Kies bij vraag 2 een van de antwoorden: Ja, Nee.');
    for (const value of [11, -1, 2.5, '5']) {
      const r = scoreAnswers(selfRated, { srb: value });
      expect(!r.ok && nl(r.errors[0])).toBe('Vul bij vraag 1 een heel getal van 0 tot en met 10 in.');
    }
    const unknown = checkPartialAnswers(selfRated, { 'ep-01': 'ja' });
    expect(nl(unknown[0])).toMatch(/hoort niet bij de vragenlijst/);
  });

  it('accepts a partial set while a check is paused', () => {
    expect(checkPartialAnswers(edizPlus, { 'ep-01': 'ja', 'ep-02': 'min-of-meer' })).toEqual([]);
  });
});

describe('signals and next steps', () => {
  it('signals a heavy score and a rise of three points or more', () => {
    expect(RISE_THRESHOLD).toBe(3);
    expect(signalReasons({ total: 9, overload: true }, null)).toEqual(['heavy_score']);
    expect(signalReasons({ total: 8, overload: false }, 5)).toEqual(['rise']);
    expect(signalReasons({ total: 7, overload: false }, 5)).toEqual([]);
    expect(signalReasons({ total: 12, overload: true }, 4)).toEqual(['heavy_score', 'rise']);
    expect(signalReasons({ total: 2, overload: false }, 9)).toEqual([]);
  });
  it('proposes heavier help for heavier results', () => {
    const heavy = nextSteps(severityOf({ band: null, overload: true }), { rising: false, shared: false }).map((s) => s.kind);
    expect(heavy).toEqual(['contact_support_centre', 'share_with_professional', 'respite', 'volunteer_help', 'talk_in_circle', 'keep_checking']);
    expect(nextSteps('light', { rising: false, shared: true }).map((s) => s.kind)).toEqual(['contact_support_centre', 'keep_checking']);
  });
});

describe('importing another instrument', () => {
  const minimal = (over: Record<string, unknown> = {}, scoring?: unknown[]) => ({
    resourceType: 'Questionnaire',
    id: 'mijn-lijst',
    url: 'https://voorbeeld.nl/fhir/Questionnaire/mijn-lijst',
    version: '2',
    title: 'Mijn lijst',
    status: 'active',
    extension: [
      {
        url: SCORING_EXTENSION_URL,
        extension: scoring ?? [
          { url: 'method', valueCode: 'sum' },
          { url: 'missingAnswers', valueCode: 'prorate' },
          { url: 'maxMissing', valueInteger: 1 },
          { url: 'band', extension: [{ url: 'code', valueCode: 'laag' }, { url: 'min', valueInteger: 0 }, { url: 'max', valueInteger: 3 }, { url: 'label', valueString: 'Laag' }, { url: 'meaning', valueString: 'Weinig.' }] },
          { url: 'band', extension: [{ url: 'code', valueCode: 'hoog' }, { url: 'min', valueInteger: 4 }, { url: 'max', valueInteger: 6 }, { url: 'label', valueString: 'Hoog' }, { url: 'meaning', valueString: 'Veel.' }, { url: 'level', valueCode: 'heavy' }] },
          { url: 'overloadCutOff', valueInteger: 5 },
        ],
      },
    ],
    item: [
      {
        linkId: 'groep',
        type: 'group',
        item: ['a', 'b', 'c'].map((id) => ({
          linkId: id,
          type: 'choice',
          text: `Vraag ${id}`,
          answerOption: [0, 1, 2].map((p) => ({ valueCoding: { code: `p${p}`, display: `${p}` }, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: p }] })),
        })),
      },
    ],
    ...over,
  });

  it('works without code changes, including prorating when the instrument allows it', () => {
    const i = load(minimal());
    expect(i.scoring).toMatchObject({ minScore: 0, maxScore: 6, overloadCutOff: 5, missing: { kind: 'prorate', maxMissing: 1 } });
    expect(score(i, { a: 'p2', b: 'p2', c: 'p1' })).toMatchObject({ total: 5, overload: true, band: expect.objectContaining({ code: 'hoog' }) });
    // One open question: the mean of the other two (2) fills it in.
    expect(score(i, { a: 'p2', b: 'p2' })).toMatchObject({ total: 6, missing: ['c'] });
    const twoOpen = scoreAnswers(i, { a: 'p2' });
    expect(!twoOpen.ok && nl(twoOpen.errors[0])).toMatch(/De vragen 2 en 3 zijn nog niet beantwoord. Er mogen hoogstens 1 vragen open blijven/);
  });

  it('explains every problem in a broken Questionnaire', () => {
    const broken = parseInstrument(minimal({ id: 'met spatie', version: '', item: [{ linkId: 'x', type: 'string', text: 'Vrije tekst' }] }));
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    const paths = broken.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/id', '/version', '/item/0/type']));
    expect(nl(broken.errors.find((e) => e.path === '/item/0/type'))).toMatch(/alleen keuzevragen/);
    expect(parseInstrument({ resourceType: 'Patient' })).toEqual({ ok: false, errors: [expect.objectContaining({ path: '/resourceType' })] });
    const gap = parseInstrument(
      minimal({}, [
        { url: 'method', valueCode: 'sum' },
        { url: 'missingAnswers', valueCode: 'refuse' },
        { url: 'band', extension: [{ url: 'code', valueCode: 'laag' }, { url: 'min', valueInteger: 0 }, { url: 'max', valueInteger: 2 }, { url: 'label', valueString: 'Laag' }, { url: 'meaning', valueString: 'x' }] },
        { url: 'band', extension: [{ url: 'code', valueCode: 'hoog' }, { url: 'min', valueInteger: 4 }, { url: 'max', valueInteger: 6 }, { url: 'label', valueString: 'Hoog' }, { url: 'meaning', valueString: 'x' }] },
      ]),
    );
    expect(!gap.ok && nl(gap.errors[0])).toMatch(/sluiten niet op elkaar aan/);
    const noScoring = parseInstrument(minimal({ extension: [] }));
    expect(!noScoring.ok && nl(noScoring.errors[0])).toMatch(/scoringsextensie/);
    const noPoints = parseInstrument(minimal({ item: [{ linkId: 'a', type: 'choice', text: 'A', answerOption: [{ valueCoding: { code: 'x' } }, { valueCoding: { code: 'y' } }] }] }));
    expect(!noPoints.ok && noPoints.errors.map(nl).join(' ')).toMatch(/ordinalValue/);
  });
});

describe('helpers', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0', '1.0.1')).toBe(-1);
  });
});

describe('support offers', () => {
  it('offers the support centre always, more help when the load is heavier', () => {
    const centre = { kind: 'welfare', isSupportCentre: true };
    const volunteers = { kind: 'volunteer', isSupportCentre: false };
    const municipality = { kind: 'municipality', isSupportCentre: false };
    expect(supportOfferFits('none', centre, false)).toBe(true);
    expect(supportOfferFits('light', volunteers, false)).toBe(false);
    expect(supportOfferFits('moderate', volunteers, false)).toBe(true);
    expect(supportOfferFits('moderate', municipality, false)).toBe(false);
    expect(supportOfferFits('heavy', municipality, false)).toBe(true);
    expect(supportOfferFits(null, municipality, true)).toBe(true);
  });
});
