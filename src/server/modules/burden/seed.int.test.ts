import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDb } from '../../../../test/support/engines.ts';
import type { Db } from '../../../db/types.ts';
import { seedDemo } from '../demo/seed.ts';
import { syncInstruments } from './instruments.ts';

describeEachEngine('burden demo data', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
    // The demo seed calls seedBurden; the built-in instruments are stored by it when missing.
    await seedDemo(db, { caregivers: 30, volunteers: 2 });
  });
  afterAll(async () => db?.close());

  it('gives the demo family a history and one open signal, and spreads results over generated caregivers', async () => {
    const checks = await db.query<{ n: number }>('select count(*)::int as n from burden_responses where completed_at is not null');
    expect(checks.rows[0]?.n).toBeGreaterThan(10);
    const anja = await db.query<{ instrument_key: string; total: number; mode: string; mantelscan_id: string | null }>(
      `select r.instrument_key, r.total, r.mode, r.mantelscan_id from burden_responses r join circle_members m on m.id = r.member_id
       join users u on u.id = m.user_id where u.email = 'mantelzorger@demo.mantelkring.nl' order by r.completed_at`,
    );
    expect(anja.rows.map((r) => `${r.instrument_key}:${r.total}`)).toEqual(expect.arrayContaining(['ediz-plus:5', 'self-rated-burden:6', 'ediz-plus:10']));
    expect(anja.rows.find((r) => r.instrument_key === 'ediz')).toMatchObject({ mode: 'professional', mantelscan_id: expect.any(String) });
    const signal = await db.query<{ status: string; routed_to: string; reasons: string[]; organisation: string; assigned: string | null }>(
      `select s.status, s.routed_to, s.reasons, o.name as organisation, u.email as assigned from burden_signals s join organisations o on o.id = s.organisation_id
       left join users u on u.id = s.assigned_user_id join circle_members m on m.id = s.member_id join users cu on cu.id = m.user_id
       where cu.email = 'mantelzorger@demo.mantelkring.nl'`,
    );
    expect(signal.rows).toEqual([{ status: 'open', routed_to: 'professional', reasons: ['heavy_score', 'rise'], organisation: expect.stringMatching(/Leiden$/), assigned: 'wijkverpleegkundige@demo.mantelkring.nl' }]);
    const due = await db.query<{ n: number }>(`select count(*)::int as n from burden_schedules where next_due_on <= current_date`);
    expect(due.rows[0]?.n).toBeGreaterThan(0);
    // A later start syncs the same files without changes.
    expect(Object.values(await syncInstruments(db))).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });
});
