import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestUser, login, requestsAs, sessionCookie, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

/**
 * The overviews take one query per page, not one per caregiver or circle (issue 14): the
 * number of statements a request sends does not grow with what it shows. Counted on the
 * database object the app runs on, so the count is exact, not timed.
 */
const PW = 'Overzicht-test-wachtwoord-1';

describeEachEngine('burden overviews: queries per page', (engine) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let clientId: string;
  let homeCareId: string;
  let statements = 0;
  const as = (who: string) => requestsAs(t.app, cookies[who]);

  /** The statements one request sends (its answer must be 200). */
  const countOf = async (who: string, url: string): Promise<{ count: number; body: Record<string, unknown[]> }> => {
    statements = 0;
    const res = await as(who).get(url);
    expect(res.statusCode, res.body).toBe(200);
    return { count: statements, body: res.json() };
  };

  /** A caregiver on a map (Gerrit's unless told) whose check the professional takes in a conversation. */
  const caregiverWithCheck = async (givenName: string, check = { circle: clientId, instrument: 'self-rated-burden', answers: { srb: 8 } as Record<string, unknown> }) => {
    const member = await as('anja').post(`/api/circles/${check.circle}/members`, { kind: 'relative', givenName, familyName: 'de Vries', accessLevel: 'agenda' });
    expect(member.statusCode, member.body).toBe(201);
    const checks = `/api/circles/${check.circle}/members/${member.json().id}/burden-checks`;
    const start = await as('fatima').post(checks, { instrument: check.instrument });
    expect(start.statusCode, start.body).toBe(201);
    expect((await as('fatima').post(`${checks}/${start.json().id}/complete`, { answers: check.answers })).statusCode).toBe(200);
  };

  /** A new circle of Anja's, linked to Fatima's organisation with full access; its client id. */
  const linkedCircle = async (givenName: string): Promise<string> => {
    const circle = await as('anja').post('/api/circles', { client: { givenName, familyName: 'de Vries', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: false });
    expect(circle.statusCode, circle.body).toBe(201);
    const id: string = circle.json().client.id;
    const code = (await as('anja').post(`/api/circles/${id}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as('fatima').post('/api/circle-invitations/accept', { code })).statusCode).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const query = t.db.query.bind(t.db);
    t.db.query = ((sql: string, params?: readonly unknown[]) => {
      statements++;
      return query(sql, params);
    }) as typeof t.db.query;
    const homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await createTestUser(t.db, { email: 'anja@example.nl', password: PW });
    const fatima = await createTestUser(t.db, { email: 'fatima@zorg.nl', password: PW, totp: true });
    await insertMembership(t.db, { organisationId: homeCare, userId: fatima, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    cookies.anja = sessionCookie(await login(t, 'anja@example.nl', PW));
    cookies.fatima = sessionCookie(await login(t, 'fatima@zorg.nl', PW));
    clientId = await linkedCircle('Gerrit');
    homeCareId = homeCare;
  });
  afterAll(async () => t?.close());

  it('shows a professional the circle overview in the same number of queries for one caregiver or four', async () => {
    await caregiverWithCheck('Piet');
    const one = await countOf('fatima', `/api/circles/${clientId}/burden`);
    expect(one.body.caregivers).toHaveLength(1);
    expect(one.count).toBeGreaterThan(0);
    for (const name of ['Karin', 'Joost', 'Els']) await caregiverWithCheck(name);
    const four = await countOf('fatima', `/api/circles/${clientId}/burden`);
    expect(four.body.caregivers).toHaveLength(4);
    expect(four.count).toBe(one.count);
  });

  it('shows a caregiver her own page in the same number of queries for one circle or three', async () => {
    await countOf('anja', '/api/burden/me'); // fills the instrument caches of this instance
    const one = await countOf('anja', '/api/burden/me');
    expect(one.body.circles).toHaveLength(1);
    expect(one.count).toBeGreaterThan(0);
    for (const givenName of ['Truus', 'Henk']) {
      const res = await as('anja').post('/api/circles', { client: { givenName, familyName: 'Jansen', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: false });
      expect(res.statusCode, res.body).toBe(201);
    }
    const three = await countOf('anja', '/api/burden/me');
    expect(three.body.circles).toHaveLength(3);
    expect(three.count).toBe(one.count);
  });

  it('lists a professional her organisation’s signals in the same number of queries for one client or four', async () => {
    /** A heavy EDIZ-plus result (9 of 15 heavy answers) in a new circle: one new signal for Fatima's organisation. */
    const heavyAnswers = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`ep-${String(i + 1).padStart(2, '0')}`, i < 9 ? 'ja' : 'nee']));
    const signalIn = async (givenName: string) => caregiverWithCheck('Piet', { circle: await linkedCircle(givenName), instrument: 'ediz-plus', answers: heavyAnswers });
    const url = `/api/organisations/${homeCareId}/burden-signals`;
    await signalIn('Wim');
    const one = await countOf('fatima', url);
    expect(one.body.items?.length).toBeGreaterThan(0);
    for (const name of ['Bep', 'Kees', 'Rina']) await signalIn(name);
    const more = await countOf('fatima', url);
    expect(more.body.items).toHaveLength((one.body.items?.length ?? 0) + 3);
    expect(more.count).toBe(one.count);
  });

  it('answers the caregiver home page (me, circles, own burden) within its query budget', async () => {
    // The budget of each request, counted at 1,000,000 caregivers as the lever on speed
    // (bench/README.md): the server waits on round trips, not on its own work.
    const budget = { '/api/me': 1, '/api/circles': 3, '/api/burden/me': 7 };
    const counts: Record<string, number> = {};
    for (const url of Object.keys(budget)) {
      await countOf('anja', url); // warm: the first request fills the instrument caches
      counts[url] = (await countOf('anja', url)).count;
    }
    expect(counts).toEqual(budget);
  });
});
