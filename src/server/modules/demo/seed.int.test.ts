import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoSeeded, seedDemo } from './seed.ts';

describeEachEngine('demo data', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedDemo(t.db, { caregivers: 20, volunteers: 5 });
  });
  afterAll(async () => t?.close());

  const login = async (email: string, totp = false) =>
    sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD, ...(totp ? { totp: currentTotp(DEMO_TOTP_SECRET) } : {}) } }));

  it('creates every demo account, organisations of every kind and circles, once', async () => {
    expect(await demoSeeded(t.db)).toBe(true);
    await seedDemo(t.db, { caregivers: 20, volunteers: 5 });
    const { rows } = await t.db.query<{ kind: string; n: number }>('select kind, count(*)::int as n from organisations group by kind order by kind');
    expect(rows.map((r) => r.kind)).toEqual(['care_provider', 'municipality', 'programme_office', 'volunteer', 'welfare']);
    const clients = await t.db.query<{ n: number }>('select count(*)::int as n from clients');
    expect(clients.rows[0]?.n).toBe(21);
    const sectors = await t.db.query<{ n: number }>("select count(distinct sector)::int as n from organisations where kind = 'care_provider'");
    expect(sectors.rows[0]?.n).toBe(6);
  });

  it('lets the demo caregiver, client and professional see the demo family circle', async () => {
    const anja = await login('mantelzorger@demo.mantelkring.nl');
    const circles = (await t.app.inject({ url: '/api/circles', headers: { cookie: anja } })).json().items;
    expect(circles).toEqual([expect.objectContaining({ givenName: 'Gerrit', isMainCaregiver: true })]);
    const gerrit = await login('client@demo.mantelkring.nl');
    const circle = (await t.app.inject({ url: `/api/circles/${circles[0].clientId}`, headers: { cookie: gerrit } })).json();
    expect(circle.myAccess).toMatchObject({ isClient: true, canDecide: true, level: 'manage' });
    expect(circle.members.length).toBeGreaterThanOrEqual(6);
    const fatima = await login('wijkverpleegkundige@demo.mantelkring.nl', true);
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie: fatima } })).json();
    const org = me.memberships.find((m: { role: string }) => m.role === 'professional').organisationId;
    const caseload = (await t.app.inject({ url: `/api/organisations/${org}/clients?q=Gerrit`, headers: { cookie: fatima } })).json();
    expect(caseload.items[0].indicators).toMatchObject({ caregiverRegistered: true, mainCaregiver: 'Anja de Vries', mapMade: true });
    expect(caseload.items[0].indicators.daysSinceContact).toBeLessThanOrEqual(12);
    // Fatima is on Gerrit's map and works for the linked organisation: she acts through it.
    const circleForFatima = (await t.app.inject({ url: `/api/circles/${circles[0].clientId}`, headers: { cookie: fatima } })).json();
    const anjaMember = circleForFatima.members.find((m: { givenName: string }) => m.givenName === 'Anja');
    const contact = await t.app.inject({ method: 'POST', url: `/api/circles/${circles[0].clientId}/contacts`, payload: { memberId: anjaMember.id, kind: 'how_are_you' }, headers: { cookie: fatima } });
    expect(contact.statusCode, contact.body).toBe(201);
    const volunteer = await login('vrijwilliger@demo.mantelkring.nl');
    const seen = (await t.app.inject({ url: `/api/circles/${circles[0].clientId}`, headers: { cookie: volunteer } })).json();
    expect(seen.myAccess.level).toBe('agenda');
    expect(seen.members.every((m: { details: unknown }) => m.details === null)).toBe(true);
  });
});
