import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDb } from '../../../../test/support/engines.ts';
import type { Db } from '../../../db/types.ts';
import {
  CHECK_MODES,
  CHECK_STATUSES,
  INFORMAL_KINDS,
  INSTRUMENT_STATUSES,
  SIGNAL_ACTION_KINDS,
  SIGNAL_EVENT_KINDS,
  SIGNAL_REASONS,
  SIGNAL_ROLES,
  SIGNAL_ROUTES,
  SIGNAL_STATUSES,
} from '../../../common/burden.ts';

/**
 * The CHECK constraints of the burden tables list exactly the values of the shared
 * vocabulary (src/common/burden.ts), so SQL and TypeScript cannot drift apart: a new status
 * or action kind needs a migration and the list, together.
 */
describeEachEngine('burden vocabulary in the database', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(engine);
  });
  afterAll(async () => db?.close());

  /** The values a CHECK constraint of the table allows for the column (`col in (…)` or `col <@ array[…]`). */
  async function allowed(table: string, column: string): Promise<string[]> {
    const { rows } = await db.query<{ def: string }>(`select pg_get_constraintdef(c.oid) as def from pg_constraint c where c.conrelid = $1::regclass and c.contype = 'c'`, [table]);
    const lists = rows.flatMap((r) => {
      const match = new RegExp(`\\(${column} (?:= ANY|<@) \\(?ARRAY\\[([^\\]]*)\\]`).exec(r.def);
      return match?.[1] ? [[...match[1].matchAll(/'([^']*)'/g)].map((m) => m[1] as string)] : [];
    });
    expect(lists, `one CHECK on ${table}.${column}`).toHaveLength(1);
    return lists[0] ?? [];
  }

  it.each([
    ['burden_signals', 'status', SIGNAL_STATUSES],
    ['burden_signals', 'routed_to', SIGNAL_ROUTES],
    ['burden_signals', 'reasons', SIGNAL_REASONS],
    ['burden_signal_actions', 'kind', SIGNAL_ACTION_KINDS],
    ['burden_signal_events', 'kind', SIGNAL_EVENT_KINDS],
    ['burden_responses', 'status', CHECK_STATUSES],
    ['burden_responses', 'mode', CHECK_MODES],
    ['burden_instrument_versions', 'status', INSTRUMENT_STATUSES],
  ] as const)('%s.%s allows exactly the shared values', async (table, column, values) => {
    expect((await allowed(table, column)).sort()).toEqual([...values].sort());
  });

  it('knows the member kinds and organisation roles the burden lists pick from', async () => {
    expect(await allowed('circle_members', 'kind')).toEqual(expect.arrayContaining([...INFORMAL_KINDS]));
    expect(await allowed('memberships', 'role')).toEqual(expect.arrayContaining([...SIGNAL_ROLES]));
  });
});
