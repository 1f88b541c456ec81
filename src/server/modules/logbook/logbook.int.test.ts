import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestCircle, createTestUser, sessionCookie, TEST_TOTP_SECRET, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Dagboek-wachtwoord-1';

/** Issue 16: the logbook of a circle, filtered by the visibility the author chose. */
describeEachEngine('logbook (issue 16)', (engine) => {
  let t: TestApp;
  let anja: string; // main caregiver, manage
  let joost: string; // volunteer, agenda
  let fatima: string; // professional of a linked organisation, full
  let stranger: string;
  let gerrit: string;
  const ids: Record<string, string> = {};
  const entries: Record<string, string> = {};

  const as = (cookie: string) => requestsAs(t.app, cookie);
  const login = async (email: string, totp = false) =>
    sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, ...(totp ? { totp: currentTotp(TEST_TOTP_SECRET) } : {}) } }));
  const write = async (cookie: string, visibility: string, body: string) => {
    const res = await as(cookie).post(`/api/circles/${gerrit}/logbook`, { body, visibility });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const bodies = async (cookie: string) => {
    const res = await as(cookie).get(`/api/circles/${gerrit}/logbook`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { body: string }[]).map((e) => e.body).sort();
  };
  const notified = async (entryId: string | undefined) =>
    (await t.db.query<{ email: string }>(`select u.email from notifications n join users u on u.id = n.user_id where n.kind = 'logbook_entry' and n.link like '%' || $1 order by u.email`, [entryId])).rows.map((r) => r.email);

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const email of ['anja@example.nl', 'joost@example.nl', 'vreemde@example.nl']) ids[email] = await createTestUser(t.db, { email, password: PW });
    const fatimaId = await createTestUser(t.db, { email: 'fatima@zorg.nl', password: PW, totp: true });
    const homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertMembership(t.db, { organisationId: homeCare, userId: fatimaId, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    anja = await login('anja@example.nl');
    joost = await login('joost@example.nl');
    stranger = await login('vreemde@example.nl');
    fatima = await login('fatima@zorg.nl', true);
    const circle = await createTestCircle(
      as(anja),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, clientCanDecide: false },
      { joost: { kind: 'volunteer', givenName: 'Joost', email: 'joost@example.nl', accessLevel: 'agenda' } },
    );
    gerrit = circle.clientId;
    const invite = (await as(anja).post(`/api/circles/${gerrit}/members/${circle.members.joost}/invitation`, {})).json();
    expect((await as(joost).post('/api/circle-invitations/accept', { code: invite.code })).statusCode).toBe(200);
    const orgCode = (await as(anja).post(`/api/circles/${gerrit}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as(fatima).post('/api/circle-invitations/accept', { code: orgCode })).statusCode).toBe(200);

    entries.circle = await write(anja, 'circle', 'Voor iedereen');
    entries.full = await write(fatima, 'full', 'Alleen volledige toegang');
    entries.private = await write(anja, 'private', 'Alleen Anja');
    entries.joost = await write(joost, 'circle', 'Van Joost');
  });
  afterAll(async () => t?.close());

  it('an agenda-level member sees circle entries only: a full or private entry is in neither the list nor a GET (404)', async () => {
    expect(await bodies(joost)).toEqual(['Van Joost', 'Voor iedereen']);
    expect((await as(joost).get(`/api/circles/${gerrit}/logbook/${entries.circle}`)).statusCode).toBe(200);
    for (const hidden of [entries.full, entries.private]) {
      const res = await as(joost).get(`/api/circles/${gerrit}/logbook/${hidden}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('Alleen');
    }
  });

  it('full access sees full entries but not another person\'s private one; the author sees their own private entry', async () => {
    expect(await bodies(fatima)).toEqual(['Alleen volledige toegang', 'Van Joost', 'Voor iedereen']);
    expect((await as(fatima).get(`/api/circles/${gerrit}/logbook/${entries.private}`)).statusCode).toBe(404);
    expect(await bodies(anja)).toEqual(['Alleen Anja', 'Alleen volledige toegang', 'Van Joost', 'Voor iedereen']);
    const own = await as(anja).get(`/api/circles/${gerrit}/logbook/${entries.private}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ body: 'Alleen Anja', visibility: 'private', mine: true });
  });

  it('someone outside the circle gets 404 for the list and the entries', async () => {
    expect((await as(stranger).get(`/api/circles/${gerrit}/logbook`)).statusCode).toBe(404);
    expect((await as(stranger).get(`/api/circles/${gerrit}/logbook/${entries.circle}`)).statusCode).toBe(404);
  });

  it('every read writes an access-log line', async () => {
    const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where resource_type = 'logbook_entry' and action = 'read' and user_id = $1`, [ids['joost@example.nl']])).rows[0]?.n ?? 0;
    await as(joost).get(`/api/circles/${gerrit}/logbook`);
    await as(joost).get(`/api/circles/${gerrit}/logbook/${entries.circle}`);
    const after = (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where resource_type = 'logbook_entry' and action = 'read' and user_id = $1`, [ids['joost@example.nl']])).rows[0]?.n ?? 0;
    expect(after - before).toBe(2);
  });

  it('refuses bad input with a 400 problem, and "full" visibility from an agenda-level member with 403', async () => {
    for (const body of [{ body: '', visibility: 'circle' }, { body: 'x', visibility: 'everyone' }, { body: 'x'.repeat(4001), visibility: 'circle' }, { body: 'x', visibility: 'circle', extra: 1 }, {}]) {
      const res = await as(anja).post(`/api/circles/${gerrit}/logbook`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await as(anja).get(`/api/circles/${gerrit}/logbook/not-a-uuid`)).statusCode).toBe(400);
    const res = await as(joost).post(`/api/circles/${gerrit}/logbook`, { body: 'Geheim', visibility: 'full' });
    expect(res.statusCode).toBe(403);
    expect(await bodies(anja)).not.toContain('Geheim');
  });

  it('notifies the people who may read a new entry, never the author', async () => {
    expect(await notified(entries.circle)).toEqual(['fatima@zorg.nl', 'joost@example.nl']);
    expect(await notified(entries.full)).toEqual(['anja@example.nl']);
    expect(await notified(entries.private)).toEqual([]);
    expect(await notified(entries.joost)).toEqual(['anja@example.nl', 'fatima@zorg.nl']);
    const link = (await t.db.query<{ link: string }>(`select link from notifications where kind = 'logbook_entry' and link like '%' || $1 limit 1`, [entries.circle])).rows[0]?.link;
    expect(link).toBe(`/kringen/${gerrit}/dagboek/${entries.circle}`);
  });

  it('only the author deletes an entry', async () => {
    expect((await as(joost).del(`/api/circles/${gerrit}/logbook/${entries.circle}`)).statusCode).toBe(403);
    expect((await as(joost).del(`/api/circles/${gerrit}/logbook/${entries.full}`)).statusCode).toBe(404);
    expect((await as(anja).del(`/api/circles/${gerrit}/logbook/${entries.circle}`)).statusCode).toBe(204);
    expect((await as(anja).get(`/api/circles/${gerrit}/logbook/${entries.circle}`)).statusCode).toBe(404);
  });
});

describe('logbook visibility rules', () => {
  it('is checked by the pure helpers', async () => {
    const { mayRead } = await import('./service.ts');
    expect(mayRead('agenda', 'circle')).toBe(true);
    expect(mayRead('agenda', 'full')).toBe(false);
    expect(mayRead('full', 'full')).toBe(true);
    expect(mayRead('manage', 'private')).toBe(false);
    expect(mayRead('none', 'circle')).toBe(false);
  });
});
