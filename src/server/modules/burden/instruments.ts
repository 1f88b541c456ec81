import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../../../db/types.ts';
import { compareVersions, parseInstrument, type Instrument } from '../../../domain/burden.ts';
import { dataFile } from '../../platform/paths.ts';

/** One stored version of an instrument, with the facts of its instrument. */
export interface InstrumentVersionRow {
  id: string;
  instrument_key: string;
  url: string;
  builtin: boolean;
  version: string;
  status: 'draft' | 'active' | 'retired';
  title: string;
  resource: Record<string, unknown>;
  content_hash: string;
  created_at: Date;
  is_current: boolean;
}

const VERSION_SELECT = `select v.id, v.instrument_key, i.url, i.builtin, v.version, v.status, v.title, v.resource, v.content_hash, v.created_at,
  i.current_version_id = v.id as is_current
  from burden_instrument_versions v join burden_instruments i on i.key = v.instrument_key`;

// Parsed instruments by version id and content hash: a stored version never changes once
// a response points at it, and parsing 15 items on every request is wasted work.
const parsedCache = new Map<string, Instrument>();

/** The typed instrument of a stored version (validated when it was stored). */
export function instrumentOf(row: Pick<InstrumentVersionRow, 'id' | 'content_hash' | 'resource'>): Instrument {
  const cacheKey = `${row.id}:${row.content_hash}`;
  const cached = parsedCache.get(cacheKey);
  if (cached) return cached;
  const parsed = parseInstrument(row.resource);
  if (!parsed.ok) throw new Error(`stored instrument version ${row.id} no longer parses: ${parsed.errors.map((e) => e.message).join('; ')}`);
  parsedCache.set(cacheKey, parsed.value);
  return parsed.value;
}

export async function findVersion(db: Queryable, id: string): Promise<InstrumentVersionRow | null> {
  const { rows } = await db.query<InstrumentVersionRow>(`${VERSION_SELECT} where v.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The current version of an instrument, or a named version. */
export async function findInstrumentVersion(db: Queryable, key: string, version?: string): Promise<InstrumentVersionRow | null> {
  const { rows } = version
    ? await db.query<InstrumentVersionRow>(`${VERSION_SELECT} where v.instrument_key = $1 and v.version = $2`, [key, version])
    : await db.query<InstrumentVersionRow>(`${VERSION_SELECT} where v.instrument_key = $1 and v.id = i.current_version_id`, [key]);
  return rows[0] ?? null;
}

/** Every version of every instrument, current ones marked; builtin first, then by title. */
export async function listInstrumentVersions(db: Queryable): Promise<InstrumentVersionRow[]> {
  const { rows } = await db.query<InstrumentVersionRow>(`${VERSION_SELECT} order by i.builtin desc, i.key, v.created_at`);
  return rows;
}

/** The versions (id → instrument) used by a set of responses, loaded once each. */
export async function instrumentsByVersion(db: Queryable, versionIds: string[]): Promise<Map<string, { row: InstrumentVersionRow; instrument: Instrument }>> {
  const unique = [...new Set(versionIds)];
  if (unique.length === 0) return new Map();
  const { rows } = await db.query<InstrumentVersionRow>(`${VERSION_SELECT} where v.id = any($1::uuid[])`, [unique]);
  return new Map(rows.map((row) => [row.id, { row, instrument: instrumentOf(row) }]));
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
  const hash = hashOf(resource);
  const clash = await tx.query<{ key: string; url: string }>('select key, url from burden_instruments where key = $1 or url = $2', [instrument.key, instrument.url]);
  for (const row of clash.rows) {
    if (row.key === instrument.key && row.url !== instrument.url) return { outcome: 'key_taken', versionId: null, current: false };
    if (row.url === instrument.url && row.key !== instrument.key) return { outcome: 'url_taken', versionId: null, current: false };
  }
  await tx.query('insert into burden_instruments (key, url, builtin) values ($1, $2, $3) on conflict (key) do nothing', [instrument.key, instrument.url, input.builtin]);
  const existing = await tx.query<{ id: string; content_hash: string; used: boolean }>(
    `select v.id, v.content_hash, exists (select 1 from burden_responses r where r.instrument_version_id = v.id) as used
     from burden_instrument_versions v where v.instrument_key = $1 and v.version = $2`,
    [instrument.key, instrument.version],
  );
  const found = existing.rows[0];
  let outcome: StoreOutcome;
  let versionId: string;
  if (found) {
    versionId = found.id;
    if (found.content_hash === hash) outcome = 'unchanged';
    else if (input.builtin && !found.used) {
      await tx.query('update burden_instrument_versions set resource = $2, content_hash = $3, title = $4, status = $5 where id = $1', [
        found.id,
        JSON.stringify(resource),
        hash,
        instrument.title,
        instrument.status,
      ]);
      outcome = 'updated';
    } else return { outcome: 'version_exists', versionId: found.id, current: false };
  } else {
    const inserted = await tx.query<{ id: string }>(
      `insert into burden_instrument_versions (instrument_key, version, status, title, resource, content_hash, imported_by)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (instrument_key, version) do nothing returning id`,
      [instrument.key, instrument.version, instrument.status, instrument.title, JSON.stringify(resource), hash, input.importedBy],
    );
    // Another instance stored the same version at the same moment: theirs counts.
    if (!inserted.rows[0]) return { outcome: 'unchanged', versionId: null, current: false };
    versionId = inserted.rows[0].id;
    outcome = 'added';
  }
  const current = await refreshCurrent(tx, instrument.key);
  return { outcome, versionId, current: current === versionId };
}

/** Points the instrument at its highest version that is not a draft (else its highest draft). */
async function refreshCurrent(tx: Queryable, key: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string; version: string; status: string }>('select id, version, status from burden_instrument_versions where instrument_key = $1', [key]);
  const ranked = [...rows].sort((a, b) => Number(a.status === 'draft') - Number(b.status === 'draft') || compareVersions(b.version, a.version));
  const best = ranked[0]?.id ?? null;
  await tx.query('update burden_instruments set current_version_id = $2 where key = $1 and current_version_id is distinct from $2', [key, best]);
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
    if (!parsed.ok) throw new Error(`Instrument ${file} is not valid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
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
