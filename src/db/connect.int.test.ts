import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseOpenError, openPglite } from './connect.ts';
import { listMigrations, migrate } from './migrate.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-connect-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('PGlite on disk', () => {
  it('initialises a new directory completely, then reopens it with data kept', async () => {
    const dir = path.join(tmp, 'db1');
    const db = await openPglite(dir);
    expect(fs.existsSync(path.join(dir, '.mantelkring-ready'))).toBe(true);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.init-'))).toEqual([]);
    await db.query("insert into installation (key, value) values ('probe', '1')");
    expect(await migrate(db)).toEqual([]);
    await db.close();
    const again = await openPglite(dir);
    const { rows } = await again.query<{ value: number }>("select value from installation where key = 'probe'");
    expect(rows[0]?.value).toBe(1);
    const applied = await again.query<{ name: string }>('select name from schema_migrations order by name');
    expect(applied.rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    await again.close();
  });

  it('refuses a second opener of the same directory with a clear message', async () => {
    const dir = path.join(tmp, 'db2');
    const db = await openPglite(dir);
    // The lock holds our own pid; a lock held by another live process must refuse.
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(`${dir}.lock`, String(other.pid));
      await expect(openPglite(dir)).rejects.toThrow(/in use by another Mantelkring process/);
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DatabaseOpenError);
    } finally {
      other.kill();
      fs.writeFileSync(`${dir}.lock`, String(process.pid));
      await db.close();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a stale lock whose process is gone', () => {
    const lock = path.join(tmp, 'stale.lock');
    fs.writeFileSync(lock, '999999999');
    const release = acquireLock(lock);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('moves a half-initialised directory aside instead of opening it', async () => {
    const dir = path.join(tmp, 'db3');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '18');
    const db = await openPglite(dir);
    expect(fs.readdirSync(tmp).some((f) => f.startsWith('db3.incomplete-'))).toBe(true);
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await db.close();
  });
});
