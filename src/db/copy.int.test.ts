import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDb } from '../../test/support/engines.ts';
import type { Db } from './types.ts';

describeEachEngine('bulk loading with COPY', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
    await db.exec('create table copy_probe (id int primary key, name text, tags text[], at timestamptz, ok boolean, doc jsonb, hours numeric(5,1))');
  });
  afterAll(() => db.close());

  it('loads every row with texts, NULLs, arrays, dates and JSON intact', async () => {
    const at = new Date('2026-03-29T01:30:00.000Z');
    await db.copyRows('copy_probe', ['id', 'name', 'tags', 'at', 'ok', 'doc', 'hours'], [
      [1, 'Jansen, "Piet"\nregel 2', ['a"b', 'c,d'], at, true, { q1: 'ja' }, 12.5],
      [2, '', [], null, false, null, null],
      [3, null, null, null, null, null, null],
    ]);
    const { rows } = await db.query<{ id: number; name: string | null; tags: string[] | null; at: Date | null; ok: boolean | null; doc: unknown; hours: number | null }>(
      'select * from copy_probe order by id',
    );
    expect(rows).toEqual([
      { id: 1, name: 'Jansen, "Piet"\nregel 2', tags: ['a"b', 'c,d'], at, ok: true, doc: { q1: 'ja' }, hours: 12.5 },
      { id: 2, name: '', tags: [], at: null, ok: false, doc: null, hours: null },
      { id: 3, name: null, tags: null, at: null, ok: null, doc: null, hours: null },
    ]);
  });

  it('loads nothing of a batch with one bad row', async () => {
    await expect(db.copyRows('copy_probe', ['id', 'name'], [[10, 'goed'], [1, 'dubbel']])).rejects.toThrow();
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from copy_probe where id = 10');
    expect(rows[0]?.n).toBe(0);
  });
});
