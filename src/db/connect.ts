import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement, toCsv } from './copy.ts';
import type { Db, Queryable, QueryResult } from './types.ts';
import { migrate } from './migrate.ts';

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay 'YYYY-MM-DD' strings on both engines: a JS Date at local midnight shifts a
// birth date by a day in some time zones.
const identity = (value: string): string => value;
pg.types.setTypeParser(DATE_OID, identity);
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));
pg.types.setTypeParser(NUMERIC_OID, (value: string) => Number(value));

/** Thrown when the database cannot be opened safely; the message is meant for the operator. */
export class DatabaseOpenError extends Error {}

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in `dataDir`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  if (!options.dataDir) throw new DatabaseOpenError('No DATABASE_URL and no data directory given.');
  return openPglite(options.dataDir);
}

/** Connects to a PostgreSQL server through a connection pool. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closes (restart, failover, admin) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on('error', (error) => console.warn(`[mantelkring] idle PostgreSQL connection closed: ${error.message}`));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseOpenError(`Cannot reach PostgreSQL at DATABASE_URL: ${(error as Error).message}`);
  }
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    const result = await client.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };
  return {
    kind: 'postgresql',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const tx: Queryable = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => void (await client.query(sql)),
        };
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async copyRows(table, columns, rows) {
      const sql = copyStatement(table, columns, 'stdin');
      if (rows.length === 0) return;
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([toCsv(rows, columns.length)]), client.query(copyFrom(sql)));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Wraps a PGlite instance (file-backed or in memory) in the common interface. */
function wrapPglite(db: PGlite, onClose?: () => void): Db {
  const run = async <T>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    const result = await target.query<T>(sql, params as unknown[] | undefined);
    // PGlite reports affectedRows = 0 for a SELECT; a statement that returns rows counts them.
    return { rows: result.rows, rowCount: result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
  };
  let closed = false;
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({ query: (sql, params) => run(tx, sql, params), exec: async (sql) => void (await tx.exec(sql)) }),
      ),
    async exec(sql) {
      await db.exec(sql);
    },
    async copyRows(table, columns, rows) {
      const sql = copyStatement(table, columns, 'blob');
      if (rows.length === 0) return;
      await db.query(sql, [], { blob: new Blob([toCsv(rows, columns.length)]) });
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      onClose?.();
    },
  };
}

const PGLITE_OPTIONS = { parsers: { [DATE_OID]: identity, [NUMERIC_OID]: (v: string) => Number(v) } };

/** An in-memory PGlite, migrated: for tests and throwaway runs. */
export async function openMemoryPglite(): Promise<Db> {
  const db = wrapPglite(await PGlite.create(PGLITE_OPTIONS));
  await migrate(db);
  return db;
}

const READY_MARKER = '.mantelkring-ready';

/**
 * Opens PGlite in `dataDir` safely:
 * - a lock file holding our pid refuses a second process (two processes on one directory
 *   corrupt it silently, and PGlite does not notice);
 * - a new directory is initialised elsewhere and renamed into place only when complete,
 *   because a kill during the very first initialisation can leave a directory that never
 *   opens again; a half-made directory is moved aside, never opened or deleted.
 * Durability: PGlite's `relaxedDurability` stays off, so a commit reaches the kernel before
 * the query resolves (see docs/ARCHITECTURE.md for what this does and does not protect).
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const releaseLock = acquireLock(`${dir}.lock`);
  try {
    if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, READY_MARKER))) {
      const aside = `${dir}.incomplete-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dir, aside);
      console.warn(`Moved an incompletely initialised database directory aside to ${aside}`);
    }
    if (!fs.existsSync(dir)) {
      const tmp = `${dir}.init-${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      const fresh = await PGlite.create({ dataDir: tmp, ...PGLITE_OPTIONS });
      await migrate(wrapPglite(fresh));
      await fresh.close();
      fs.writeFileSync(path.join(tmp, READY_MARKER), new Date().toISOString());
      fs.renameSync(tmp, dir);
    }
    const db = await PGlite.create({ dataDir: dir, ...PGLITE_OPTIONS });
    return wrapPglite(db, releaseLock);
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes an exclusive lock file; returns its release function. */
export function acquireLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && pidAlive(holder)) {
        throw new DatabaseOpenError(
          `The data directory is in use by another Mantelkring process (pid ${holder}). ` +
            `Stop that process first, or give this one its own MK_DATA_DIR. Lock file: ${lockPath}`,
        );
      }
      // Stale lock: its process is gone.
      fs.unlinkSync(lockPath);
    }
  }
  throw new DatabaseOpenError(`Could not take the lock ${lockPath}.`);
}
