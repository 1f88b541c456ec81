import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/engines.ts';
import { useTestDb } from '../../../test/support/harness.ts';
import { loadConfig } from '../config.ts';
import { createMailer } from './mail.ts';
import { runMaintenance } from './maintenance.ts';
import { insertUser } from '../modules/accounts/queries.ts';

describeEachEngine('platform maintenance', (engine) => {
  const db = useTestDb(engine);

  it('removes old failure counts, long-ended sessions and spent tokens, and keeps the rest and the audit log', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const user = await insertUser(db, { email: 'oud@example.nl', displayName: 'Oud', passwordHash: null, personas: [], locale: 'nl', municipalityCode: null, verified: true });
    await db.query('insert into login_failures (bucket, occurred_at) values ($1, $2), ($1, $3)', ['account:oud@example.nl', days(3), days(0)]);
    await db.query(
      `insert into sessions (id, user_id, created_at, last_seen_at, expires_at, ended_at) values
       ('old', $1, $2, $2, $2, $2), ('recent', $1, $3, $3, $4, null)`,
      [user, days(60), days(1), days(-1)],
    );
    await db.query("insert into email_tokens (token_hash, user_id, purpose, expires_at) values ('t-old', $1, 'verify_email', $2), ('t-new', $1, 'verify_email', $3)", [user, days(40), days(-1)]);
    await db.query("insert into audit_log (action, resource_type, source_system, occurred_at) values ('login', 'user', 'web', $1)", [days(400)]);
    const config = loadConfig({ MK_DEMO: 'false' });
    const result = await runMaintenance({ db, config, mailer: createMailer(db, { from: config.mailFrom }), now: () => now }, now);
    expect(result).toEqual({ failures: 1, sessions: 1, tokens: 1 });
    expect((await db.query('select id from sessions')).rows).toEqual([{ id: 'recent' }]);
    expect((await db.query('select token_hash from email_tokens')).rows).toEqual([{ token_hash: 't-new' }]);
    expect((await db.query('select 1 from audit_log')).rowCount).toBe(1);
  });
});
