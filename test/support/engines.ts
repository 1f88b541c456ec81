import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openMemoryPglite, openPostgres } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { syncReferenceData } from '../../src/db/reference.ts';
import { syncInstruments } from '../../src/server/modules/burden/instruments.ts';
import type { Db } from '../../src/db/types.ts';

export type Engine = 'pglite' | 'postgresql';

/** PostgreSQL server for database tests: `MK_TEST_DATABASE_URL` (CI starts one). */
export const TEST_PG_URL = process.env.MK_TEST_DATABASE_URL;

/** The engines the database suites run on: always PGlite, PostgreSQL when a server is given. */
export const ENGINES: Engine[] = TEST_PG_URL ? ['pglite', 'postgresql'] : ['pglite'];

/**
 * Opens a fresh, migrated database with reference data on the given engine. On PostgreSQL
 * each call creates its own database (dropped by the returned close), so test files never
 * share state.
 */
export async function openTestDb(engine: Engine): Promise<Db> {
  if (engine === 'pglite') {
    const db = await openMemoryPglite();
    await syncReferenceData(db);
    await syncInstruments(db);
    return db;
  }
  if (!TEST_PG_URL) throw new Error('MK_TEST_DATABASE_URL is not set');
  const name = `mk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  await syncReferenceData(db);
  await syncInstruments(db);
  const close = db.close.bind(db);
  return {
    ...db,
    kind: db.kind,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction: db.transaction.bind(db),
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: TEST_PG_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Runs a database suite once per engine (kysely-style: one suite, both engines). */
export function describeEachEngine(name: string, fn: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(`${name} [${engine}]`, () => fn(engine));
}
