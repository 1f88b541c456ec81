import type { Queryable } from '../../../db/types.ts';
import type { InstrumentStatus } from '../../../common/burden.ts';
import { anyRow } from '../../platform/rows.ts';

/** One stored version of an instrument with the facts of its instrument, without its Questionnaire. */
export interface VersionHeadRow {
  id: string;
  instrument_key: string;
  url: string;
  builtin: boolean;
  version: string;
  status: InstrumentStatus;
  title: string;
  content_hash: string;
  created_at: Date;
  is_current: boolean;
}

/** One stored version of an instrument, with its Questionnaire. */
export interface InstrumentVersionRow extends VersionHeadRow {
  resource: Record<string, unknown>;
}

const HEAD_COLUMNS = `v.id, v.instrument_key, i.url, i.builtin, v.version, v.status, v.title, v.content_hash, v.created_at,
  i.current_version_id = v.id as is_current`;
const FROM_VERSIONS = 'from burden_instrument_versions v join burden_instruments i on i.key = v.instrument_key';
const VERSION_SELECT = `select ${HEAD_COLUMNS}, v.resource ${FROM_VERSIONS}`;

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

/** The heads of the versions with these ids (a few hundred bytes each, not their Questionnaires). */
export async function listVersionHeadsById(db: Queryable, ids: string[]): Promise<VersionHeadRow[]> {
  const { rows } = await db.query<VersionHeadRow>(`select ${HEAD_COLUMNS} ${FROM_VERSIONS} where v.id = any($1::uuid[])`, [ids]);
  return rows;
}

/** The heads of the current versions of all instruments, builtin first, then by key. */
export async function listCurrentVersionHeads(db: Queryable): Promise<VersionHeadRow[]> {
  const { rows } = await db.query<VersionHeadRow>(`select ${HEAD_COLUMNS} ${FROM_VERSIONS} where v.id = i.current_version_id order by i.builtin desc, i.key`);
  return rows;
}

/** The Questionnaires of the versions with these ids. */
export async function listVersionResources(db: Queryable, ids: string[]): Promise<{ id: string; content_hash: string; resource: Record<string, unknown> }[]> {
  const { rows } = await db.query<{ id: string; content_hash: string; resource: Record<string, unknown> }>('select id, content_hash, resource from burden_instrument_versions where id = any($1::uuid[])', [ids]);
  return rows;
}

/** The instruments that hold this key or this url (at most two). */
export async function instrumentsWithKeyOrUrl(db: Queryable, key: string, url: string): Promise<{ key: string; url: string }[]> {
  const { rows } = await db.query<{ key: string; url: string }>('select key, url from burden_instruments where key = $1 or url = $2', [key, url]);
  return rows;
}

export async function insertInstrumentIfMissing(db: Queryable, i: { key: string; url: string; builtin: boolean }): Promise<void> {
  await db.query('insert into burden_instruments (key, url, builtin) values ($1, $2, $3) on conflict (key) do nothing', [i.key, i.url, i.builtin]);
}

/** A stored version by its number. */
export async function findVersionByNumber(db: Queryable, key: string, version: string): Promise<{ id: string; content_hash: string } | null> {
  const { rows } = await db.query<{ id: string; content_hash: string }>('select id, content_hash from burden_instrument_versions where instrument_key = $1 and version = $2', [key, version]);
  return rows[0] ?? null;
}

/**
 * Whether a response points at the version. Asked with the id as a parameter, so the planner
 * uses the index (inside a correlated subquery it scanned all 1.4 million checks at
 * 1,000,000 caregivers: almost all of them point at one version, so it expected a quick hit).
 */
export async function isVersionUsed(db: Queryable, versionId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from burden_responses where instrument_version_id = $1 limit 1', [versionId]);
}

/** What a stored version holds of its Questionnaire. */
export interface VersionContent {
  status: InstrumentStatus;
  title: string;
  resource: Record<string, unknown>;
  contentHash: string;
}

export async function updateVersionContent(db: Queryable, id: string, c: VersionContent): Promise<void> {
  await db.query('update burden_instrument_versions set resource = $2, content_hash = $3, title = $4, status = $5 where id = $1', [id, JSON.stringify(c.resource), c.contentHash, c.title, c.status]);
}

/** Adds a version; null when another instance stored the same version at the same moment. */
export async function insertVersion(db: Queryable, v: VersionContent & { instrumentKey: string; version: string; importedBy: string | null }): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `insert into burden_instrument_versions (instrument_key, version, status, title, resource, content_hash, imported_by)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (instrument_key, version) do nothing returning id`,
    [v.instrumentKey, v.version, v.status, v.title, JSON.stringify(v.resource), v.contentHash, v.importedBy],
  );
  return rows[0]?.id ?? null;
}

/** Number and status of every version of an instrument. */
export async function listVersionNumbers(db: Queryable, key: string): Promise<{ id: string; version: string; status: InstrumentStatus }[]> {
  const { rows } = await db.query<{ id: string; version: string; status: InstrumentStatus }>('select id, version, status from burden_instrument_versions where instrument_key = $1', [key]);
  return rows;
}

export async function setCurrentVersion(db: Queryable, key: string, versionId: string | null): Promise<void> {
  await db.query('update burden_instruments set current_version_id = $2 where key = $1 and current_version_id is distinct from $2', [key, versionId]);
}
