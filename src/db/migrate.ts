import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './types.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: serialises migrations when several app instances start at once.
const MIGRATION_LOCK_KEY = 7_340_221;

/** The forward-only SQL migrations, sorted by their timestamped names. */
export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8') }));
}

/**
 * Applies every migration not yet applied, each in its own transaction, on PGlite and
 * PostgreSQL alike. On PostgreSQL a transaction-scoped advisory lock makes instances that
 * start together apply each migration exactly once. Returns the names applied now.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`);
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const ran = await db
      .transaction(async (tx) => {
        if (db.kind === 'postgresql') await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
        const done = await tx.query('select 1 from schema_migrations where name = $1', [migration.name]);
        if (done.rowCount > 0) return false;
        await tx.exec(migration.sql);
        await tx.query('insert into schema_migrations (name) values ($1)', [migration.name]);
        return true;
      })
      .catch((error: Error) => {
        throw new Error(`Migration ${migration.name} failed: ${error.message}`);
      });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
