import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestUser, login, sessionCookie, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { syncInstruments } from './instruments.ts';

/**
 * Issue 13: what a signal shows (only shared results), who still reaches it (link and
 * consent, like the circle routes), and the access log of signal data.
 */
const PW = 'Signalen-test-wachtwoord-1';

describeEachEngine('burden signals: sharing, consent and access log', (engine) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const circles: Record<string, { clientId: string; anja: string }> = {};

  const as = (who: string) => requestsAs(t.app, cookies[who]);
  const checks = (circle: string) => `/api/circles/${circles[circle]?.clientId}/members/${circles[circle]?.anja}/burden-checks`;
  const signals = () => `/api/organisations/${ids.homeCare}/burden-signals`;
  const answers = (yes: number) => Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`ep-${String(i + 1).padStart(2, '0')}`, i < yes ? 'ja' : 'nee']));
  /** Anja completes an EDIZ-plus with `yes` heavy answers in one of her circles. */
  const check = async (circle: string, yes: number, share: boolean) => {
    const start = await as('anja').post(checks(circle), { instrument: 'ediz-plus' });
    expect(start.statusCode, start.body).toBe(201);
    const done = await as('anja').post(`${checks(circle)}/${start.json().id}/complete`, { answers: answers(yes), shareWithProfessional: share });
    expect(done.statusCode, done.body).toBe(200);
    return done.json();
  };
  const auditLines = async (where: string, params: unknown[]) =>
    (
      await t.db.query<{ action: string; client_id: string | null; tenant_key: string | null; organisation_id: string | null; resource_id: string | null; outcome: string }>(
        `select action, client_id, tenant_key, organisation_id, resource_id, outcome from audit_log where resource_type = 'burden_signal' and ${where} order by id`,
        params,
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await syncInstruments(t.db);
    ids.homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    ids.steunpunt = await insertOrganisation(t.db, { name: 'Mantelzorgsteunpunt Leiden', kind: 'welfare', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    const people: [string, string, boolean, [string, 'professional' | 'coordinator' | 'policy' | 'volunteer'] | null][] = [
      ['anja', 'anja@example.nl', false, null],
      ['fatima', 'fatima@zorg.nl', true, ['homeCare', 'professional']],
      ['cora', 'cora@zorg.nl', true, ['homeCare', 'coordinator']],
      ['polly', 'polly@zorg.nl', true, ['homeCare', 'policy']],
      ['vera', 'vera@zorg.nl', false, ['homeCare', 'volunteer']],
      ['sanne', 'sanne@steunpunt.nl', true, ['steunpunt', 'coordinator']],
    ];
    for (const [key, email, totp, membership] of people) {
      ids[key] = await createTestUser(t.db, { email, password: PW, displayName: key, totp });
      if (membership) await insertMembership(t.db, { organisationId: ids[membership[0]] as string, userId: ids[key] as string, role: membership[1], jobTitle: null });
      // login() waits for a fresh TOTP step where needed (a code is accepted once).
      cookies[key] = sessionCookie(await login(t, email, PW));
    }
    for (const [key, givenName] of [['gerrit', 'Gerrit'], ['truus', 'Truus']] as const) {
      const circle = await as('anja').post('/api/circles', { client: { givenName, familyName: 'de Vries', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: false });
      expect(circle.statusCode, circle.body).toBe(201);
      circles[key] = { clientId: circle.json().client.id, anja: circle.json().members[0].id };
      const code = (await as('anja').post(`/api/circles/${circles[key]?.clientId}/organisation-invitation`, { accessLevel: 'full' })).json().code;
      expect((await as('fatima').post('/api/circle-invitations/accept', { code })).statusCode).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it('keeps an unshared result out of the care organisation’s signal, in reads and lists', async () => {
    const shared = await check('gerrit', 9, true);
    expect(shared.result.signal).toMatchObject({ routedTo: 'professional', organisationName: 'Thuiszorg Leiden' });
    ids.signal = shared.result.signal.id;
    ids.sharedCheck = shared.id;
    // A heavier result she keeps to herself: no care organisation hears of it; the support
    // centre's route (help offered to the caregiver herself) stays as it was.
    const unshared = await check('gerrit', 12, false);
    expect(unshared.result.signal).toMatchObject({ routedTo: 'support_centre', organisationName: 'Mantelzorgsteunpunt Leiden' });
    ids.unsharedCheck = unshared.id;
    const read = (await as('fatima').get(`${signals()}/${ids.signal}`)).json();
    expect(read).toMatchObject({ total: 9, previousTotal: null, instrument: { key: 'ediz-plus' }, reasons: ['heavy_score'] });
    expect(read.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const list = (await as('fatima').get(signals())).json();
    expect(list.items.map((s: { id: string; total: number }) => [s.id, s.total])).toEqual([[ids.signal, 9]]);
    expect((await as('sanne').get(`/api/organisations/${ids.steunpunt}/burden-signals`)).json().items.map((s: { total: number }) => s.total)).toEqual([12]);

    // Shared later (her newest result): it joins the care organisation's open signal now.
    expect((await as('anja').put(`${checks('gerrit')}/${ids.unsharedCheck}/sharing`, { shared: true })).statusCode).toBe(200);
    const after = (await as('fatima').get(`${signals()}/${ids.signal}`)).json();
    expect(after).toMatchObject({ total: 12, previousTotal: 9 });
    expect(after.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'new_check']);
    // Unshared again: the signal falls back to what is still shared, and then to nothing.
    expect((await as('anja').put(`${checks('gerrit')}/${ids.unsharedCheck}/sharing`, { shared: false })).statusCode).toBe(200);
    expect((await as('fatima').get(`${signals()}/${ids.signal}`)).json()).toMatchObject({ total: 9, previousTotal: null });
    expect((await as('anja').put(`${checks('gerrit')}/${ids.sharedCheck}/sharing`, { shared: false })).statusCode).toBe(200);
    expect((await as('fatima').get(`${signals()}/${ids.signal}`)).json()).toMatchObject({ total: null, previousTotal: null, instrument: null, bandLabel: null, reasons: [] });
    expect((await as('fatima').get(signals())).json().items[0]).toMatchObject({ id: ids.signal, total: null, instrument: null });
    expect((await as('anja').put(`${checks('gerrit')}/${ids.sharedCheck}/sharing`, { shared: true })).statusCode).toBe(200);
  });

  it('writes one access-log line per client shown in a signal list, and one per read', async () => {
    const truus = await check('truus', 10, true);
    ids.truusSignal = truus.result.signal.id;
    const from = (await t.db.query<{ n: number }>('select coalesce(max(id), 0)::int as n from audit_log')).rows[0]?.n ?? 0;
    const list = (await as('fatima').get(signals())).json();
    expect(list.total).toBe(2);
    const lines = await auditLines('id > $1 and user_id = $2', [from, ids.fatima]);
    expect(lines.map((l) => l.action)).toEqual(['search', 'search']);
    expect(lines.map((l) => l.client_id).sort()).toEqual([circles.gerrit?.clientId, circles.truus?.clientId].sort());
    expect(lines.every((l) => l.tenant_key === 'GM0546' && l.organisation_id === ids.homeCare && l.outcome === 'success')).toBe(true);
    expect((await as('cora').get(`${signals()}/${ids.truusSignal}`)).statusCode).toBe(200);
    expect(await auditLines('id > $1 and user_id = $2', [from, ids.cora])).toEqual([
      { action: 'read', client_id: circles.truus?.clientId, tenant_key: 'GM0546', organisation_id: ids.homeCare, resource_id: ids.truusSignal, outcome: 'success' },
    ]);
  });

  it('refuses any other role of the organisation, and other organisations, and logs the attempts', async () => {
    const from = (await t.db.query<{ n: number }>('select coalesce(max(id), 0)::int as n from audit_log')).rows[0]?.n ?? 0;
    for (const who of ['polly', 'vera', 'sanne']) {
      const list = await as(who).get(signals());
      expect(list.statusCode, `${who} list`).toBe(403);
      expect((await as(who).get(`${signals()}/${ids.signal}`)).statusCode, `${who} read`).toBe(403);
      expect((await as(who).post(`${signals()}/${ids.signal}/actions`, { kind: 'conversation' })).statusCode, `${who} action`).toBe(403);
      const denied = await auditLines('id > $1 and user_id = $2', [from, ids[who]]);
      expect(denied.map((l) => [l.action, l.outcome, l.organisation_id, l.resource_id])).toEqual([
        ['search', 'denied', ids.homeCare, null],
        ['read', 'denied', ids.homeCare, ids.signal],
        ['create', 'denied', ids.homeCare, ids.signal],
      ]);
    }
  });

  it('shares a result, its access-log line and its signal in one transaction', async () => {
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from burden_signal_events')).rows[0]?.n;
    await t.db.exec(`
      create function mk_test_fail_share() returns trigger language plpgsql as $$
      begin
        if new.resource_type = 'burden_response' and new.detail ? 'shared' then raise exception 'access log unavailable'; end if;
        return new;
      end $$;
      create trigger mk_test_fail_share before insert on audit_log for each row execute function mk_test_fail_share();`);
    try {
      const res = await as('anja').put(`${checks('gerrit')}/${ids.unsharedCheck}/sharing`, { shared: true });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.db.exec('drop trigger mk_test_fail_share on audit_log; drop function mk_test_fail_share();');
    }
    const { rows } = await t.db.query<{ shared_with_professional: boolean }>('select shared_with_professional from burden_responses where id = $1', [ids.unsharedCheck]);
    expect(rows[0]?.shared_with_professional).toBe(false);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from burden_signal_events')).rows[0]?.n).toBe(before);
  });

  it('lets no one but the one who started a draft continue it', async () => {
    const start = await as('fatima').post(checks('gerrit'), { instrument: 'ediz-plus' });
    expect(start.statusCode, start.body).toBe(201);
    const url = `${checks('gerrit')}/${start.json().id}`;
    expect((await as('fatima').patch(url, { answers: { 'ep-01': 'ja' } })).statusCode).toBe(200);
    // The caregiver cannot change, complete or throw away the professional's conversation check.
    expect([403, 404]).toContain((await as('anja').patch(url, { answers: { 'ep-01': 'nee' } })).statusCode);
    expect([403, 404]).toContain((await as('anja').post(`${url}/complete`, { answers: answers(0) })).statusCode);
    expect([403, 404]).toContain((await as('anja').del(url)).statusCode);
    const { rows } = await t.db.query<{ status: string; answers: Record<string, string> }>('select status, answers from burden_responses where id = $1', [start.json().id]);
    expect(rows[0]).toEqual({ status: 'in_progress', answers: { 'ep-01': 'ja' } });
    expect((await as('fatima').del(url)).statusCode).toBe(204);
  });

  it('stops every signal route at once when the client denies the organisation or ends the link', async () => {
    const url = `${signals()}/${ids.signal}`;
    const gerrit = circles.gerrit?.clientId as string;
    expect((await as('fatima').get(url)).statusCode).toBe(200);
    const deny = await as('anja').post(`/api/circles/${gerrit}/consents`, { organisationId: ids.homeCare, decision: 'deny' });
    expect(deny.statusCode, deny.body).toBe(201);
    const from = (await t.db.query<{ n: number }>('select coalesce(max(id), 0)::int as n from audit_log')).rows[0]?.n ?? 0;
    for (const who of ['fatima', 'cora']) {
      expect((await as(who).get(url)).statusCode, `${who} read`).toBe(404);
      expect((await as(who).post(`${url}/status`, { status: 'contacted' })).statusCode, `${who} status`).toBe(404);
      expect((await as(who).post(`${url}/actions`, { kind: 'conversation' })).statusCode, `${who} action`).toBe(404);
      expect((await as(who).put(`${url}/assignee`, { userId: ids.fatima })).statusCode, `${who} assignee`).toBe(404);
      // The list leaves Gerrit's signal out and keeps Truus's.
      expect((await as(who).get(signals())).json()).toMatchObject({ total: 1, items: [{ id: ids.truusSignal }] });
    }
    const denied = await auditLines("id > $1 and outcome = 'denied'", [from]);
    expect(denied).toHaveLength(8);
    expect(denied.every((l) => l.client_id === gerrit && l.tenant_key === 'GM0546' && l.organisation_id === ids.homeCare && l.resource_id === ids.signal)).toBe(true);
    const { rows } = await t.db.query<{ status: string; n: number }>('select s.status, (select count(*)::int from burden_signal_actions a where a.signal_id = s.id) as n from burden_signals s where s.id = $1', [ids.signal]);
    expect(rows[0]).toEqual({ status: 'open', n: 0 });

    // Access given again: the signal is back. Link ended: gone again.
    expect((await as('anja').post(`/api/circles/${gerrit}/consents`, { organisationId: ids.homeCare, decision: 'permit', accessLevel: 'full' })).statusCode).toBe(201);
    expect((await as('fatima').get(url)).statusCode).toBe(200);
    expect((await as('anja').del(`/api/circles/${gerrit}/organisations/${ids.homeCare}`)).statusCode).toBe(204);
    expect((await as('fatima').get(url)).statusCode).toBe(404);
    expect((await as('cora').post(`${url}/status`, { status: 'contacted' })).statusCode).toBe(404);
    expect((await as('fatima').get(signals())).json().total).toBe(1);
  });
});
