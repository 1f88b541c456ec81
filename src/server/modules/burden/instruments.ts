import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../../../db/types.ts';
import { renderMessage } from '../../../common/messages/index.ts';
import { compareVersions, parseInstrument, type Instrument } from '../../../domain/burden.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { dataFile } from '../../platform/paths.ts';
import { burdenPolicy } from '../../platform/policy/burden.ts';
import * as q from './instruments.queries.ts';
import type { InstrumentVersionRow, VersionHeadRow } from './instruments.queries.ts';

// Parsed instruments by version id and content hash. The pair never changes meaning (a new
// content gets a new hash), so the cache is right on every instance without invalidation;
// requests read only the small heads of versions and fetch a Questionnaire once per process.
// It holds one entry per stored version content: a few dozen in practice.
const parsedCache = new Map<string, { instrument: Instrument; resource: Record<string, unknown> }>();
const cacheKeyOf = (row: { id: string; content_hash: string }) => `${row.id}:${row.content_hash}`;

/** The typed instrument of a stored version (validated when it was stored). */
export function instrumentOf(row: Pick<InstrumentVersionRow, 'id' | 'content_hash' | 'resource'>): Instrument {
  const cacheKey = cacheKeyOf(row);
  const cached = parsedCache.get(cacheKey);
  if (cached) return cached.instrument;
  const parsed = parseInstrument(row.resource);
  if (!parsed.ok) throw new Error(`stored instrument version ${row.id} no longer parses: ${parsed.errors.map((e) => renderMessage(e.message, 'nl')).join('; ')}`);
  parsedCache.set(cacheKey, { instrument: parsed.value, resource: row.resource });
  return parsed.value;
}

/** A stored version with its typed instrument. */
export interface LoadedVersion {
  version: InstrumentVersionRow;
  instrument: Instrument;
}

/** A stored version with its typed instrument. */
export interface HeadedInstrument {
  row: InstrumentVersionRow;
  instrument: Instrument;
}

/** The versions of these heads: Questionnaires come from the cache, or in one query for those not in it. */
async function withInstruments(db: Queryable, heads: VersionHeadRow[]): Promise<HeadedInstrument[]> {
  const missing = heads.filter((h) => !parsedCache.has(cacheKeyOf(h))).map((h) => h.id);
  if (missing.length > 0) for (const row of await q.listVersionResources(db, missing)) instrumentOf(row);
  return heads.flatMap((head) => {
    const cached = parsedCache.get(cacheKeyOf(head));
    return cached ? [{ row: { ...head, resource: cached.resource }, instrument: cached.instrument }] : [];
  });
}

/** The versions (id → instrument) used by a set of responses: one small query when the instruments are cached. */
export async function instrumentsByVersion(db: Queryable, versionIds: string[]): Promise<Map<string, HeadedInstrument>> {
  const unique = [...new Set(versionIds)];
  if (unique.length === 0) return new Map();
  const loaded = await withInstruments(db, await q.listVersionHeadsById(db, unique));
  return new Map(loaded.map((v) => [v.row.id, v]));
}

// A response pins the version it was answered on, and a version that a response points at
// never changes (storeInstrumentVersion refuses): its instrument can be cached by id alone.
const pinnedCache = new Map<string, Instrument>();

/**
 * The instruments of the versions responses point at (id → instrument), without a query when
 * all are cached: for pages that show titles and scores, not the version's status.
 */
export async function pinnedInstruments(db: Queryable, versionIds: string[]): Promise<Map<string, { instrument: Instrument }>> {
  const missing = [...new Set(versionIds)].filter((id) => !pinnedCache.has(id));
  if (missing.length > 0) for (const row of await q.listVersionResources(db, missing)) pinnedCache.set(row.id, instrumentOf(row));
  return new Map(versionIds.flatMap((id) => {
    const instrument = pinnedCache.get(id);
    return instrument ? [[id, { instrument }] as const] : [];
  }));
}

// The current versions change only when an administrator imports or retires one: read at
// most once a minute per instance (another instance sees an import within that minute;
// starting a check always reads the database, see usableVersion). Kept per database object,
// so tests with several databases in one process never mix them up.
const CURRENT_TTL_MS = 60_000;
let currentHeads = new WeakMap<Queryable, { at: number; heads: Promise<VersionHeadRow[]> }>();

/** The heads of the current versions (builtin first, then by key), cached for a minute. */
export async function currentVersionHeads(db: Queryable): Promise<VersionHeadRow[]> {
  const now = Date.now();
  const cached = currentHeads.get(db);
  if (cached && now - cached.at <= CURRENT_TTL_MS) return cached.heads;
  const heads = q.listCurrentVersionHeads(db);
  currentHeads.set(db, { at: now, heads });
  heads.catch(() => currentHeads.delete(db));
  return heads;
}

/** Forgets the cached current versions (after this instance stored or retired one). */
function forgetCurrentVersions(): void {
  currentHeads = new WeakMap();
}

/** The current version of every instrument, with its typed instrument. */
export async function currentInstruments(db: Queryable): Promise<HeadedInstrument[]> {
  return withInstruments(db, await currentVersionHeads(db));
}

/** The version a response was answered on. */
export async function loadVersion(db: Queryable, versionId: string): Promise<LoadedVersion> {
  const version = await q.findVersion(db, versionId);
  if (!version) throw new AppError('not_found');
  return { version, instrument: instrumentOf(version) };
}

/** The current (or a named) version of an instrument that can be used for a new check. */
export async function usableVersion(db: Queryable, instrumentKey: string, versionName?: string): Promise<LoadedVersion> {
  const version = await q.findInstrumentVersion(db, instrumentKey, versionName);
  if (!version) throw new AppError('validation_failed', versionName ? { key: 'instrument_version_unknown', params: { key: instrumentKey, version: versionName } } : { key: 'instrument_unknown', params: { key: instrumentKey } }, [{ path: '/instrument' }]);
  if (version.status !== 'active') throw new AppError('validation_failed', { key: 'instrument_retired', params: { title: version.title } }, [{ path: '/instrument' }]);
  return { version, instrument: instrumentOf(version) };
}

export const hashOf = (resource: unknown): string => createHash('sha256').update(JSON.stringify(resource)).digest('hex');

export type StoreOutcome = 'added' | 'unchanged' | 'updated' | 'version_exists' | 'key_taken' | 'url_taken';

/**
 * Stores one version of an instrument; makes it current when it is the highest version
 * that is not a draft. A version that exists is never replaced once a response points at
 * it (responses stay bound to what was answered); a built-in whose file changed without a
 * new version number is updated only while nothing answered it.
 */
export async function storeInstrumentVersion(
  tx: Queryable,
  input: { instrument: Instrument; resource: Record<string, unknown>; builtin: boolean; importedBy: string | null },
): Promise<{ outcome: StoreOutcome; versionId: string | null; current: boolean }> {
  const { instrument, resource } = input;
  const content: q.VersionContent = { status: instrument.status, title: instrument.title, resource, contentHash: hashOf(resource) };
  for (const row of await q.instrumentsWithKeyOrUrl(tx, instrument.key, instrument.url)) {
    if (row.key === instrument.key && row.url !== instrument.url) return { outcome: 'key_taken', versionId: null, current: false };
    if (row.url === instrument.url && row.key !== instrument.key) return { outcome: 'url_taken', versionId: null, current: false };
  }
  await q.insertInstrumentIfMissing(tx, { key: instrument.key, url: instrument.url, builtin: input.builtin });
  const found = await q.findVersionByNumber(tx, instrument.key, instrument.version);
  let outcome: StoreOutcome;
  let versionId: string;
  if (found) {
    versionId = found.id;
    if (found.content_hash === content.contentHash) outcome = 'unchanged';
    else if (input.builtin && !(await q.isVersionUsed(tx, found.id))) {
      await q.updateVersionContent(tx, found.id, content);
      outcome = 'updated';
    } else return { outcome: 'version_exists', versionId: found.id, current: false };
  } else {
    const inserted = await q.insertVersion(tx, { ...content, instrumentKey: instrument.key, version: instrument.version, importedBy: input.importedBy });
    // Another instance stored the same version at the same moment: theirs counts.
    if (!inserted) return { outcome: 'unchanged', versionId: null, current: false };
    versionId = inserted;
    outcome = 'added';
  }
  const current = await refreshCurrent(tx, instrument.key);
  forgetCurrentVersions();
  return { outcome, versionId, current: current === versionId };
}

/** Points the instrument at its highest version that is not a draft (else its highest draft). */
async function refreshCurrent(tx: Queryable, key: string): Promise<string | null> {
  const rows = await q.listVersionNumbers(tx, key);
  const ranked = [...rows].sort((a, b) => Number(a.status === 'draft') - Number(b.status === 'draft') || compareVersions(b.version, a.version));
  const best = ranked[0]?.id ?? null;
  await q.setCurrentVersion(tx, key, best);
  return best;
}

/** Folder of the shipped instruments. */
export const INSTRUMENTS_DIR = dataFile('instruments');

/**
 * Stores the built-in instruments of data/instruments/*.json in an open transaction.
 * Idempotent: a file whose content is already stored changes nothing, a file with a new
 * version adds that version. A shipped file that does not parse throws, naming the file.
 */
export async function storeBuiltinInstruments(tx: Queryable, dir: string = INSTRUMENTS_DIR): Promise<Record<string, StoreOutcome>> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const outcomes: Record<string, StoreOutcome> = {};
  for (const file of files) {
    const resource = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    const parsed = parseInstrument(resource);
    if (!parsed.ok) throw new Error(`Instrument ${file} is not valid: ${parsed.errors.map((e) => `${e.path}: ${renderMessage(e.message, 'nl')}`).join('; ')}`);
    const result = await storeInstrumentVersion(tx, { instrument: parsed.value, resource, builtin: true, importedBy: null });
    if (result.outcome === 'key_taken' || result.outcome === 'url_taken') throw new Error(`Instrument ${file}: its id or url is already used by another imported instrument.`);
    outcomes[file] = result.outcome;
  }
  return outcomes;
}

/**
 * Loads the built-in instruments (data/instruments/*.json) into the database, in one
 * transaction. Call it at every start, after `syncReferenceData`; a new file or a new
 * version in a file reaches existing installations that way.
 */
export async function syncInstruments(db: Db, dir: string = INSTRUMENTS_DIR): Promise<Record<string, StoreOutcome>> {
  return db.transaction((tx) => storeBuiltinInstruments(tx, dir));
}

// ---------------------------------------------------------------------------------------
// Use cases

/** An instrument with all its stored versions; `current` is the one offered for new checks. */
export interface InstrumentEntry {
  current: InstrumentVersionRow;
  instrument: Instrument;
  versions: InstrumentVersionRow[];
}

/** Every instrument with its current version (any signed-in user; instruments are not personal data). */
export async function instrumentLister(services: Services, actor: Actor): Promise<InstrumentEntry[]> {
  burdenPolicy.assertReadInstruments(actor);
  const rows = await q.listInstrumentVersions(services.db);
  const entries: InstrumentEntry[] = [];
  for (const row of rows.filter((r) => r.is_current)) {
    entries.push({ current: row, instrument: instrumentOf(row), versions: rows.filter((r) => r.instrument_key === row.instrument_key) });
  }
  return entries;
}

/** One instrument (its current version, or a named one) with everything needed to show it. */
export async function instrumentReader(services: Services, actor: Actor, input: { key: string; version?: string }): Promise<InstrumentEntry> {
  burdenPolicy.assertReadInstruments(actor);
  const row = await q.findInstrumentVersion(services.db, input.key, input.version);
  if (!row) throw new AppError('not_found');
  const versions = (await q.listInstrumentVersions(services.db)).filter((r) => r.instrument_key === input.key);
  return { current: row, instrument: instrumentOf(row), versions };
}

/**
 * A platform administrator adds an instrument, or a new version of one, by importing a FHIR
 * Questionnaire with the Mantelkring scoring extension. Every problem is reported at once,
 * with its place in the Questionnaire. Existing versions are never overwritten.
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
    const problems = parsed.errors.map((e) => renderMessage(e.message, 'nl')).join(' ');
    throw new AppError('validation_failed', { key: 'instrument_unreadable', params: { problems } }, parsed.errors.map((e) => ({ path: `/questionnaire${e.path}`, message: e.message })));
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
