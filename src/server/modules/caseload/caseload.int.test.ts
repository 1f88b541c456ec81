import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertUser } from '../accounts/queries.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Caseload-wachtwoord-1';
const SECRET = 'JBSWY3DPEHPK3PXP';

describeEachEngine('caseload and MantelScan', (engine) => {
  let t: TestApp;
  let pro: string;
  let other: string;
  let org: string;
  const clients: string[] = [];

  const as = (cookie: string) => requestsAs(t.app, cookie);

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await insertOrganisation(t.db, { name: 'Wijkzorg Zwolle', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0193', region: 'Zwolle' });
    const otherOrg = await insertOrganisation(t.db, { name: 'Andere Zorg', kind: 'care_provider', sector: 'elderly_care', municipalityCode: 'GM0193', region: 'Zwolle' });
    for (const [email, o] of [['pro@zorg.nl', org], ['ander@zorg.nl', otherOrg]] as const) {
      const id = await insertUser(t.db, { email, displayName: email, passwordHash: await hashPassword(PW), personas: [], locale: 'nl', municipalityCode: null, verified: true });
      await t.db.query('update users set totp_secret = $2, totp_enabled_at = now() where id = $1', [id, SECRET]);
      await insertMembership(t.db, { organisationId: o, userId: id, role: 'professional', jobTitle: null });
    }
    const login = async (email: string) => sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, totp: currentTotp(SECRET) } }));
    pro = await login('pro@zorg.nl');
    other = await login('ander@zorg.nl');
    for (const [given, family] of [['Anna', 'Bakker'], ['Bert', 'Visser'], ['Cor', 'Mulder']]) {
      const res = await as(pro).post('/api/clients', { organisationId: org, client: { givenName: given, familyName: family, municipalityCode: 'GM0193' }, clientCanDecide: true });
      expect(res.statusCode, res.body).toBe(201);
      clients.push(res.json().client.id);
    }
  });
  afterAll(async () => t?.close());

  it('lists the organisation’s clients with indicators, filters, sorting and paging', async () => {
    const add = (clientId: string, body: object) => as(pro).post(`/api/circles/${clientId}/members`, body);
    const anna = clients[0] as string;
    expect((await add(anna, { kind: 'caregiver', givenName: 'Karin', isMainCaregiver: true, email: 'karin@example.nl', hoursPerWeek: 20 })).statusCode).toBe(201);
    await add(anna, { kind: 'neighbour', givenName: 'Buur', email: 'buur@example.nl' });
    await add(anna, { kind: 'friend', givenName: 'Vriend' });
    const all = (await as(pro).get(`/api/organisations/${org}/clients?sort=name`)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((i: { familyName: string }) => i.familyName)).toEqual(['Bakker', 'Mulder', 'Visser']);
    expect(all.items[0].indicators).toEqual({ caregiverRegistered: true, mainCaregiver: 'Karin', mapMade: true, lastScanAt: null, daysSinceContact: null });
    const noCaregiver = (await as(pro).get(`/api/organisations/${org}/clients?filter=no_caregiver`)).json();
    expect(noCaregiver.items.map((i: { givenName: string }) => i.givenName).sort()).toEqual(['Bert', 'Cor']);
    const paged = (await as(pro).get(`/api/organisations/${org}/clients?pageSize=2&page=2&sort=name`)).json();
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.items.map((i: { givenName: string }) => i.givenName)).toEqual(['Bert']);
    const search = (await as(pro).get(`/api/organisations/${org}/clients?q=viss`)).json();
    expect(search.items).toHaveLength(1);
    // Another organisation's professional sees none of them.
    expect((await as(other).get(`/api/organisations/${org}/clients`)).statusCode).toBe(403);
    expect((await as(other).get(`/api/circles/${anna}`)).statusCode).toBe(404);
  });

  it('invites the networks of several clients at once, once per person', async () => {
    const first = (await as(pro).post(`/api/organisations/${org}/clients/invite-networks`, { clientIds: clients })).json();
    expect(first).toEqual({ invited: 2, skipped: 0 });
    const again = (await as(pro).post(`/api/organisations/${org}/clients/invite-networks`, { clientIds: clients })).json();
    expect(again).toEqual({ invited: 0, skipped: 0 });
    const { rows } = await t.db.query("select 1 from outbox where to_address in ('karin@example.nl', 'buur@example.nl')");
    expect(rows).toHaveLength(2);
  });

  it('records a "how are you" contact and shows the days since', async () => {
    const anna = clients[0] as string;
    const circle = (await as(pro).get(`/api/circles/${anna}`)).json();
    const karin = circle.members.find((m: { givenName: string }) => m.givenName === 'Karin');
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    expect((await as(pro).post(`/api/circles/${anna}/contacts`, { memberId: karin.id, kind: 'how_are_you', note: 'Zwaar, slaapt slecht.', occurredAt: threeDaysAgo })).statusCode).toBe(201);
    const future = await as(pro).post(`/api/circles/${anna}/contacts`, { memberId: karin.id, kind: 'how_are_you', occurredAt: '2099-01-01T10:00:00Z' });
    expect(future.statusCode).toBe(400);
    const item = (await as(pro).get(`/api/organisations/${org}/clients?q=Anna`)).json().items[0];
    expect(item.indicators.daysSinceContact).toBe(3);
    const stale = (await as(pro).get(`/api/organisations/${org}/clients?filter=no_recent_contact`)).json();
    expect(stale.items.map((i: { givenName: string }) => i.givenName)).not.toContain('Anna');
  });

  it('runs a MantelScan, keeps a snapshot, and compares two scans', async () => {
    const anna = clients[0] as string;
    const circle = (await as(pro).get(`/api/circles/${anna}`)).json();
    const karin = circle.members.find((m: { givenName: string }) => m.givenName === 'Karin');
    const buur = circle.members.find((m: { givenName: string }) => m.givenName === 'Buur');
    const notCaregiver = await as(pro).post(`/api/circles/${anna}/scans`, { caregiverMemberId: buur.id });
    expect(notCaregiver.statusCode).toBe(400);
    const scan1 = (await as(pro).post(`/api/circles/${anna}/scans`, { caregiverMemberId: karin.id })).json();
    expect(scan1).toMatchObject({ status: 'draft', step: 'genogram' });
    expect((await as(pro).patch(`/api/circles/${anna}/scans/${scan1.id}`, { step: 'situation', answers: { client_needs: 'Hulp bij wassen', if_you_drop_out: 'Dan is er niemand' } })).statusCode).toBe(204);
    expect((await as(pro).patch(`/api/circles/${anna}/scans/${scan1.id}`, { answers: { niet_bestaand: 'x' } })).statusCode).toBe(400);
    await as(pro).patch(`/api/circles/${anna}/scans/${scan1.id}`, { step: 'advice', advice: 'Respijtzorg één dag per week.', agreements: [{ text: 'Buur doet boodschappen', owner: 'Buur', due: null }] });
    const done = (await as(pro).post(`/api/circles/${anna}/scans/${scan1.id}/complete`, {})).json();
    expect(done.status).toBe('completed');
    expect(done.answers).toEqual({ client_needs: 'Hulp bij wassen', if_you_drop_out: 'Dan is er niemand' });
    expect(done.snapshot).toHaveLength(3);
    expect((await as(pro).patch(`/api/circles/${anna}/scans/${scan1.id}`, { advice: 'later' })).json().code).toBe('conflict');

    // The network changes: the friend leaves, a volunteer joins, Karin's hours go down.
    const vriend = circle.members.find((m: { givenName: string }) => m.givenName === 'Vriend');
    await t.app.inject({ method: 'DELETE', url: `/api/circles/${anna}/members/${vriend.id}`, headers: { cookie: pro } });
    await as(pro).post(`/api/circles/${anna}/members`, { kind: 'volunteer', givenName: 'Joost', hoursPerWeek: 3 });
    await as(pro).patch(`/api/circles/${anna}/members/${karin.id}`, { hoursPerWeek: 14 });
    const scan2 = (await as(pro).post(`/api/circles/${anna}/scans`, { caregiverMemberId: karin.id })).json();
    await as(pro).post(`/api/circles/${anna}/scans/${scan2.id}/complete`, {});
    const cmp = (await as(pro).get(`/api/circles/${anna}/scans-compare?a=${scan2.id}&b=${scan1.id}`)).json();
    expect(cmp.before.id).toBe(scan1.id);
    expect(cmp.joined.map((m: { name: string }) => m.name)).toEqual(['Joost']);
    expect(cmp.left.map((m: { name: string }) => m.name)).toEqual(['Vriend']);
    expect(cmp.caregiverHours).toEqual({ before: 20, after: 14 });
    const item = (await as(pro).get(`/api/organisations/${org}/clients?q=Anna`)).json().items[0];
    expect(item.indicators.lastScanAt).not.toBeNull();
    expect(item.indicators.daysSinceContact).toBe(0);
  });
});
