/**
 * Burden instruments as data. An instrument is a FHIR R4 Questionnaire whose answer options
 * carry their points in the standard `ordinalValue` extension and whose scoring rules (sum,
 * missing answers, bands, overload cut-off) sit in one Mantelkring complex extension. This
 * module turns such a Questionnaire into a typed instrument and scores answers with it. It
 * knows no instrument by name: an administrator can import another Questionnaire with the
 * same extension and it works without code changes.
 *
 * Pure: no I/O (enforced by ESLint for src/domain). Problems come back as message keys with
 * parameters (src/common/messages/burden.ts), rendered in the reader's language by the caller.
 */

import { BAND_LEVELS, INSTRUMENT_STATUSES, type BandLevel, type InstrumentStatus, type SignalReason } from '../common/burden.ts';
import type { burdenMessages } from '../common/messages/burden.ts';
import type { MessageParams } from '../common/messages/index.ts';

export { BAND_LEVELS, type BandLevel, type SignalReason };

/** Standard R4 extension with the points of an answer option. */
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** Standard R4 extensions with the bounds of an integer question. */
export const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';
/** Standard R4 extension for how an item is shown; codes `lower`/`upper` label scale ends. */
export const ITEM_CONTROL_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
/** Mantelkring's complex extension with the scoring rules of an instrument. */
export const SCORING_EXTENSION_URL = 'https://mantelkring.nl/fhir/StructureDefinition/burden-scoring';

/** A rise of this many points since the previous check on the same instrument is a signal. */
export const RISE_THRESHOLD = 3;


export interface AnswerOption {
  code: string;
  system: string | null;
  display: string;
  points: number;
}

interface ItemBase {
  linkId: string;
  text: string;
  required: boolean;
  /** 1-based position among the scored questions, for messages a person understands. */
  number: number;
}
export interface ChoiceItem extends ItemBase {
  kind: 'choice';
  options: AnswerOption[];
}
export interface IntegerItem extends ItemBase {
  kind: 'integer';
  min: number;
  max: number;
  lowLabel: string | null;
  highLabel: string | null;
}
export type InstrumentItem = ChoiceItem | IntegerItem;

export interface Band {
  code: string;
  min: number;
  max: number;
  /** Plain-Dutch name of the band, e.g. "Zware belasting". */
  label: string;
  /** Plain-Dutch explanation of what the band means for the caregiver. */
  meaning: string;
  level: BandLevel | null;
}

export type MissingRule = { kind: 'refuse' } | { kind: 'prorate'; maxMissing: number };

export interface Scoring {
  method: 'sum';
  missing: MissingRule;
  minScore: number;
  maxScore: number;
  bands: Band[];
  /** Total at or above which the caregiver counts as overloaded; null when the instrument has none. */
  overloadCutOff: number | null;
  /** Plain-Dutch note on reading the score (e.g. "there is no official cut-off"). */
  resultNote: string | null;
}

/** A Questionnaire understood as a burden instrument. */
export interface Instrument {
  /** Questionnaire.id: the stable key of the instrument across versions. */
  key: string;
  url: string;
  version: string;
  name: string | null;
  title: string;
  status: InstrumentStatus;
  description: string | null;
  copyright: string | null;
  items: InstrumentItem[];
  scoring: Scoring;
}

/** A message of the burden domain: its key and parameters (rendered by the caller, Dutch or English). */
export interface ProblemMessage {
  key: keyof typeof burdenMessages;
  params?: MessageParams;
}

/** One problem in a Questionnaire or in a set of answers; `path` is JSON-pointer-like. */
export interface Problem {
  path: string;
  message: ProblemMessage;
}

const msg = (key: ProblemMessage['key'], params?: MessageParams): ProblemMessage => (params ? { key, params } : { key });

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Problem[] };

/** Answers keyed by linkId: an option code for a choice question, a number for an integer question. */
export type Answers = Record<string, string | number>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function extensionsOf(node: Json, url: string): Json[] {
  return asArray(node.extension).filter((e): e is Json => isObject(e) && e.url === url);
}

/** The value[x] of a simple extension, whatever its type. */
function extValue(ext: Json): unknown {
  for (const [k, v] of Object.entries(ext)) if (k.startsWith('value')) return v;
  return undefined;
}

/** The codes in an itemControl extension (valueCodeableConcept.coding[].code). */
function controlCodes(ext: Json): string[] {
  const concept = ext.valueCodeableConcept;
  if (!isObject(concept)) return [];
  return asArray(concept.coding).flatMap((c) => (isObject(c) && typeof c.code === 'string' ? [c.code] : []));
}

/** Reads a Questionnaire (any JSON) as a burden instrument, or lists every problem in Dutch. */
export function parseInstrument(resource: unknown): Parsed<Instrument> {
  const errors: Problem[] = [];
  const fail = (path: string, key: ProblemMessage['key'], params?: MessageParams) => errors.push({ path, message: msg(key, params) });
  if (!isObject(resource) || resource.resourceType !== 'Questionnaire') {
    return { ok: false, errors: [{ path: '/resourceType', message: msg('questionnaire_not_questionnaire') }] };
  }
  const q = resource;
  if (typeof q.id !== 'string' || !FHIR_ID.test(q.id)) fail('/id', 'questionnaire_id');
  if (!nonEmpty(q.url) || !/^(https?:\/\/|urn:)\S+$/.test(q.url)) fail('/url', 'questionnaire_url');
  if (!nonEmpty(q.version) || q.version.length > 64) fail('/version', 'questionnaire_version');
  if (!nonEmpty(q.title)) fail('/title', 'questionnaire_title');
  if (!(INSTRUMENT_STATUSES as readonly string[]).includes(String(q.status))) fail('/status', 'questionnaire_status');
  if (q.name !== undefined && (typeof q.name !== 'string' || !/^[A-Z]([A-Za-z0-9_]){0,254}$/.test(q.name))) {
    fail('/name', 'questionnaire_name');
  }

  const items: InstrumentItem[] = [];
  const linkIds = new Set<string>();
  const walk = (list: unknown, path: string) => {
    asArray(list).forEach((raw, index) => {
      const p = `${path}/${index}`;
      if (!isObject(raw)) return fail(p, 'questionnaire_item_not_object');
      if (!nonEmpty(raw.linkId)) fail(`${p}/linkId`, 'questionnaire_link_id_missing');
      else if (linkIds.has(raw.linkId)) fail(`${p}/linkId`, 'questionnaire_link_id_twice', { linkId: raw.linkId });
      else linkIds.add(raw.linkId);
      const linkId = String(raw.linkId ?? '');
      if (raw.type === 'display') return;
      if (raw.type === 'group') return walk(raw.item, `${p}/item`);
      if (raw.repeats === true) fail(`${p}/repeats`, 'questionnaire_repeats');
      if (!nonEmpty(raw.text)) fail(`${p}/text`, 'questionnaire_text_missing', { linkId });
      const base = { linkId, text: String(raw.text ?? ''), required: raw.required === true, number: items.length + 1 };
      if (raw.type === 'choice') {
        if (raw.answerValueSet !== undefined) fail(`${p}/answerValueSet`, 'questionnaire_value_set');
        const options: AnswerOption[] = [];
        const codes = new Set<string>();
        asArray(raw.answerOption).forEach((opt, oi) => {
          const op = `${p}/answerOption/${oi}`;
          const coding = isObject(opt) && isObject(opt.valueCoding) ? opt.valueCoding : null;
          if (!isObject(opt) || !coding || !nonEmpty(coding.code)) return fail(op, 'questionnaire_option_coding');
          if (codes.has(coding.code)) fail(`${op}/valueCoding/code`, 'questionnaire_option_code_twice', { code: coding.code, linkId });
          codes.add(coding.code);
          const ordinal = extensionsOf(opt, ORDINAL_VALUE_URL)[0] ?? (isObject(coding) ? extensionsOf(coding, ORDINAL_VALUE_URL)[0] : undefined);
          const points = ordinal ? extValue(ordinal) : undefined;
          if (typeof points !== 'number' || !Number.isInteger(points) || points < 0) {
            return fail(`${op}/extension`, 'questionnaire_option_points', { code: coding.code, linkId });
          }
          options.push({ code: coding.code, system: typeof coding.system === 'string' ? coding.system : null, display: nonEmpty(coding.display) ? coding.display : coding.code, points });
        });
        if (asArray(raw.answerOption).length < 2) fail(`${p}/answerOption`, 'questionnaire_options_too_few', { linkId });
        items.push({ ...base, kind: 'choice', options });
      } else if (raw.type === 'integer') {
        const min = extensionsOf(raw, MIN_VALUE_URL)[0];
        const max = extensionsOf(raw, MAX_VALUE_URL)[0];
        const lo = min ? extValue(min) : undefined;
        const hi = max ? extValue(max) : undefined;
        if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || lo >= hi) {
          fail(`${p}/extension`, 'questionnaire_integer_bounds', { linkId });
        }
        const label = (code: string) => {
          const child = asArray(raw.item).find((c) => isObject(c) && c.type === 'display' && extensionsOf(c, ITEM_CONTROL_URL).some((e) => controlCodes(e).includes(code)));
          return isObject(child) && nonEmpty(child.text) ? child.text : null;
        };
        items.push({ ...base, kind: 'integer', min: typeof lo === 'number' ? lo : 0, max: typeof hi === 'number' ? hi : 0, lowLabel: label('lower'), highLabel: label('upper') });
      } else {
        fail(`${p}/type`, 'questionnaire_item_type', { linkId, type: String(raw.type) });
      }
    });
  };
  walk(q.item, '/item');
  if (items.length === 0 && !errors.some((e) => e.path.startsWith('/item'))) fail('/item', 'questionnaire_no_items');

  const points = (i: ChoiceItem) => (i.options.length ? i.options.map((o) => o.points) : [0]);
  const minScore = items.reduce((s, i) => s + (i.kind === 'choice' ? Math.min(...points(i)) : i.min), 0);
  const maxScore = items.reduce((s, i) => s + (i.kind === 'choice' ? Math.max(...points(i)) : i.max), 0);
  const scoring = parseScoring(q, items.length, { minScore, maxScore }, fail);

  if (errors.length || !scoring) return { ok: false, errors };
  return {
    ok: true,
    value: {
      key: String(q.id),
      url: String(q.url),
      version: String(q.version),
      name: typeof q.name === 'string' ? q.name : null,
      title: String(q.title),
      status: q.status as Instrument['status'],
      description: typeof q.description === 'string' ? q.description : null,
      copyright: typeof q.copyright === 'string' ? q.copyright : null,
      items,
      scoring,
    },
  };
}

function parseScoring(q: Json, itemCount: number, range: { minScore: number; maxScore: number }, fail: (path: string, key: ProblemMessage['key'], params?: MessageParams) => void): Scoring | null {
  const found = extensionsOf(q, SCORING_EXTENSION_URL);
  if (found.length !== 1) {
    fail('/extension', 'questionnaire_scoring_extension', { url: SCORING_EXTENSION_URL });
    return null;
  }
  const scoringExt = found[0] as Json;
  const parts = asArray(scoringExt.extension).filter(isObject);
  const one = (name: string) => parts.find((p) => p.url === name);
  const path = '/extension/scoring';
  let problems = 0;
  const problem = (p: string, key: ProblemMessage['key'], params?: MessageParams) => {
    problems++;
    fail(p, key, params);
  };

  const method = one('method');
  if (!method || extValue(method) !== 'sum') problem(`${path}/method`, 'questionnaire_scoring_method');

  let missing: MissingRule = { kind: 'refuse' };
  const missingExt = one('missingAnswers');
  const missingCode = missingExt ? extValue(missingExt) : undefined;
  if (missingCode === 'prorate') {
    const maxExt = one('maxMissing');
    const maxMissing = maxExt ? extValue(maxExt) : undefined;
    if (typeof maxMissing !== 'number' || !Number.isInteger(maxMissing) || maxMissing < 1 || maxMissing >= itemCount) {
      problem(`${path}/maxMissing`, 'questionnaire_max_missing');
    } else missing = { kind: 'prorate', maxMissing };
  } else if (missingCode !== 'refuse') {
    problem(`${path}/missingAnswers`, 'questionnaire_missing_answers');
  }

  const bands: Band[] = [];
  parts
    .filter((p) => p.url === 'band')
    .forEach((b, i) => {
      const sub = asArray(b.extension).filter(isObject);
      const get = (name: string) => {
        const e = sub.find((s) => s.url === name);
        return e ? extValue(e) : undefined;
      };
      const [code, min, max, label, meaning, level] = [get('code'), get('min'), get('max'), get('label'), get('meaning'), get('level')];
      const bp = `${path}/band/${i}`;
      if (!nonEmpty(code) || !Number.isInteger(min) || !Number.isInteger(max) || !nonEmpty(label) || !nonEmpty(meaning)) {
        return problem(bp, 'questionnaire_band_incomplete');
      }
      if ((min as number) > (max as number)) return problem(bp, 'questionnaire_band_min_above_max', { code });
      if (level !== undefined && !BAND_LEVELS.includes(level as BandLevel)) return problem(`${bp}/level`, 'questionnaire_band_level', { code, levels: BAND_LEVELS.join(', ') });
      if (bands.some((x) => x.code === code)) return problem(bp, 'questionnaire_band_code_twice', { code });
      bands.push({ code, min: min as number, max: max as number, label, meaning, level: (level as BandLevel | undefined) ?? null });
    });
  bands.sort((a, b) => a.min - b.min);
  if (bands.length) {
    // Bands must cover every possible total exactly once: otherwise some score has no meaning.
    let expected = range.minScore;
    let gap = false;
    for (const b of bands) {
      if (b.min !== expected) {
        problem(`${path}/band`, 'questionnaire_bands_gap', { expected, code: b.code, min: b.min });
        gap = true;
        break;
      }
      expected = b.max + 1;
    }
    if (!gap && expected !== range.maxScore + 1) problem(`${path}/band`, 'questionnaire_bands_range', { min: range.minScore, max: range.maxScore });
  }

  let overloadCutOff: number | null = null;
  const cut = one('overloadCutOff');
  if (cut) {
    const v = extValue(cut);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < range.minScore || v > range.maxScore) {
      problem(`${path}/overloadCutOff`, 'questionnaire_overload_cut_off', { min: range.minScore, max: range.maxScore });
    } else overloadCutOff = v;
  }
  const noteExt = one('resultNote');
  const resultNote = noteExt && nonEmpty(extValue(noteExt)) ? (extValue(noteExt) as string) : null;
  if (problems) return null;
  return { method: 'sum', missing, minScore: range.minScore, maxScore: range.maxScore, bands, overloadCutOff, resultNote };
}

/** Checks one answer against its question; returns the message when it does not fit. */
export function answerProblem(item: InstrumentItem, value: unknown): ProblemMessage | null {
  if (item.kind === 'choice') {
    if (typeof value === 'string' && item.options.some((o) => o.code === value)) return null;
    return msg('answer_choice_expected', { number: item.number, options: item.options.map((o) => o.display).join(', ') });
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= item.min && value <= item.max) return null;
  return msg('answer_integer_expected', { number: item.number, min: item.min, max: item.max });
}

/**
 * Checks answers that may still be incomplete (a paused check): every given answer must fit
 * its question and belong to this instrument; open questions are fine.
 */
export function checkPartialAnswers(instrument: Instrument, answers: Record<string, unknown>): Problem[] {
  const byId = new Map(instrument.items.map((i) => [i.linkId, i]));
  const problems: Problem[] = [];
  for (const [linkId, value] of Object.entries(answers)) {
    const item = byId.get(linkId);
    if (!item) {
      problems.push({ path: `/answers/${linkId}`, message: msg('answer_not_in_instrument', { linkId, title: instrument.title }) });
      continue;
    }
    const problem = answerProblem(item, value);
    if (problem) problems.push({ path: `/answers/${linkId}`, message: problem });
  }
  return problems;
}

/** The outcome of scoring a complete set of answers. */
export interface Score {
  total: number;
  band: Band | null;
  /** At or above the instrument's overload cut-off. */
  overload: boolean;
  /** Questions left open (only when the instrument allows it). */
  missing: string[];
}

/**
 * Scores answers by the instrument's own rules: sum of points; open questions are refused or
 * made up with the mean of the answered ones, as the instrument prescribes. Any problem is
 * returned as a list of Dutch messages (never a partial score).
 */
export function scoreAnswers(instrument: Instrument, answers: Record<string, unknown>): Parsed<Score> {
  const problems = checkPartialAnswers(instrument, answers);
  if (problems.length) return { ok: false, errors: problems };
  const open = instrument.items.filter((i) => answers[i.linkId] === undefined || answers[i.linkId] === null);
  const rule = instrument.scoring.missing;
  const requiredOpen = open.filter((i) => i.required);
  const tooMany = rule.kind === 'refuse' ? open.length > 0 : open.length > rule.maxMissing || requiredOpen.length > 0;
  if (tooMany) {
    const numbers = open.map((i) => i.number);
    const which: MessageParams = numbers.length === 1 ? { number: numbers[0] as number } : { numbers: numbers.slice(0, -1).join(', '), last: numbers[numbers.length - 1] as number };
    const summary =
      rule.kind === 'refuse'
        ? msg(numbers.length === 1 ? 'answers_open_one_refuse' : 'answers_open_many_refuse', which)
        : msg(numbers.length === 1 ? 'answers_open_one_prorate' : 'answers_open_many_prorate', { ...which, maxMissing: rule.maxMissing });
    return { ok: false, errors: [{ path: '/answers', message: summary }, ...open.map((i) => ({ path: `/answers/${i.linkId}`, message: msg('answer_open', { number: i.number }) }))] };
  }
  let sum = 0;
  for (const item of instrument.items) {
    const value = answers[item.linkId];
    if (value === undefined || value === null) continue;
    sum += item.kind === 'choice' ? (item.options.find((o) => o.code === value) as AnswerOption).points : (value as number);
  }
  const answered = instrument.items.length - open.length;
  // Prorating: the open questions get the caregiver's own mean, so the total stays on the scale.
  const total = open.length ? Math.round((sum * instrument.items.length) / answered) : sum;
  return { ok: true, value: scoreFacts(instrument, total, open.map((i) => i.linkId)) };
}

/** Band and overload for a total (also used when reading stored results). */
export function scoreFacts(instrument: Instrument, total: number, missing: string[] = []): Score {
  const band = instrument.scoring.bands.find((b) => total >= b.min && total <= b.max) ?? null;
  const cut = instrument.scoring.overloadCutOff;
  return { total, band, overload: cut !== null && total >= cut, missing };
}

/**
 * Why a completed check needs follow-up: a total at or over the overload cut-off, and/or a
 * rise of RISE_THRESHOLD points or more since the previous check on the same instrument.
 */
export function signalReasons(score: Pick<Score, 'total' | 'overload'>, previousTotal: number | null): SignalReason[] {
  const reasons: SignalReason[] = [];
  if (score.overload) reasons.push('heavy_score');
  if (previousTotal !== null && score.total - previousTotal >= RISE_THRESHOLD) reasons.push('rise');
  return reasons;
}

/** How heavy a result is for choosing next steps: the band's level, else the overload flag. */
export function severityOf(score: Pick<Score, 'band' | 'overload'>): BandLevel | null {
  if (score.overload) return 'heavy';
  return score.band?.level ?? null;
}

export type NextStepKind = 'contact_support_centre' | 'share_with_professional' | 'respite' | 'volunteer_help' | 'talk_in_circle' | 'keep_checking';

/** Concrete next steps after a check, in plain Dutch (B1), heaviest first. */
export function nextSteps(severity: BandLevel | null, opts: { rising: boolean; shared: boolean }): { kind: NextStepKind; text: string }[] {
  const steps: { kind: NextStepKind; text: string }[] = [];
  const heavy = severity === 'heavy' || opts.rising;
  if (heavy) steps.push({ kind: 'contact_support_centre', text: 'Praat met een consulent van het mantelzorgsteunpunt. Dat is gratis. Samen zoekt u uit wat u kan helpen.' });
  if (heavy && !opts.shared) steps.push({ kind: 'share_with_professional', text: 'Deel uw uitslag met de zorgverlener van uw naaste. Dan kunnen jullie samen kijken wat er anders kan.' });
  if (heavy) steps.push({ kind: 'respite', text: 'Vraag naar respijtzorg: iemand neemt de zorg een dagdeel of een paar dagen van u over, zodat u even rust heeft.' });
  if (heavy || severity === 'moderate') {
    steps.push({ kind: 'volunteer_help', text: 'Vraag hulp van een vrijwilliger, bijvoorbeeld voor vervoer, boodschappen of gezelschap.' });
    steps.push({ kind: 'talk_in_circle', text: 'Bespreek met de mensen in de kring wie wat kan overnemen. Maak samen nieuwe afspraken.' });
  }
  if (!heavy && severity !== 'moderate') steps.push({ kind: 'contact_support_centre', text: 'Heeft u vragen over de zorg of over uzelf? Het mantelzorgsteunpunt helpt u graag.' });
  steps.push({ kind: 'keep_checking', text: 'Doe deze check regelmatig. Dan ziet u op tijd of het zwaarder wordt.' });
  return steps;
}

/**
 * Compares two version strings numerically where both parts are numbers ("1.10" > "1.9"),
 * else as text. Used to decide which imported version of an instrument is current.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

/**
 * Answers that give `points` on a sum-scored instrument (demo and scale data): on choice
 * questions the first `points` items get their highest option, the rest their lowest; an
 * integer question gets `points` within its bounds.
 */
export function answersForPoints(instrument: Instrument, points: number): Answers {
  const answers: Answers = {};
  instrument.items.forEach((item, i) => {
    if (item.kind === 'integer') answers[item.linkId] = Math.min(item.max, Math.max(item.min, points));
    else {
      const sorted = [...item.options].sort((a, b) => a.points - b.points);
      answers[item.linkId] = ((i < points ? sorted[sorted.length - 1] : sorted[0]) as { code: string }).code;
    }
  });
  return answers;
}

/** A local organisation that can support a caregiver (from the organisation register for now). */
export interface SupportOrganisation {
  kind: string;
  isSupportCentre: boolean;
}

/**
 * Whether a local organisation fits a result: the support centre always; other welfare and
 * volunteer organisations from a moderate load; the municipality (Wmo, respite) when heavy.
 */
export function supportOfferFits(severity: BandLevel | null, org: SupportOrganisation, rising: boolean): boolean {
  if (org.isSupportCentre) return true;
  const heavy = severity === 'heavy' || rising;
  if (org.kind === 'municipality') return heavy;
  if (org.kind === 'welfare' || org.kind === 'volunteer') return heavy || severity === 'moderate';
  return false;
}

/** What a local organisation can do for the caregiver, in plain Dutch. */
export function supportOfferText(org: SupportOrganisation): string {
  if (org.isSupportCentre) return 'Gratis advies en een luisterend oor voor mantelzorgers. Ook voor hulp bij het regelen van respijtzorg.';
  if (org.kind === 'volunteer') return 'Vrijwilligers die u een paar uur kunnen ontlasten, bijvoorbeeld met gezelschap of vervoer.';
  if (org.kind === 'municipality') return 'Vraag de gemeente om een gesprek over hulp voor u en uw naaste (het keukentafelgesprek), bijvoorbeeld over respijtzorg.';
  return 'Welzijnswerk in uw buurt, voor steun en activiteiten.';
}
