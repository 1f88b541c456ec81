import { beforeAll, expect, it } from 'vitest';
import { createTestUser, login, sessionCookie, useTestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Sleutel-wachtwoord-12';

describeEachEngine('personal API tokens', (engine) => {
  const t = useTestApp(engine);
  let cookie: string;
  beforeAll(async () => {
    const id = await createTestUser(t.db, { email: 'ecd@zorg.nl', displayName: 'Koppeling ECD', password: PW, totp: true });
    const org = await insertOrganisation(t.db, { name: 'Zorg BV', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: null });
    await insertMembership(t.db, { organisationId: org, userId: id, role: 'professional', jobTitle: null });
    cookie = sessionCookie(await login(t, 'ecd@zorg.nl', PW));
  });

  it('authenticates with a bearer token until it is revoked', async () => {
    const made = await t.app.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'ECD-koppeling', days: 30 }, headers: { cookie } });
    expect(made.statusCode).toBe(201);
    const { token, id } = made.json();
    expect(token).toMatch(/^mkt_/);
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ email: 'ecd@zorg.nl', mfa: { verified: true } });
    // A professional's token from a 2FA session may read data routes.
    expect((await t.app.inject({ url: '/api/circles', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me/tokens', headers: { cookie } })).json().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${id}`, headers: { cookie } })).statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('not_authenticated');
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer mkt_verzonnen' } })).statusCode).toBe(401);
  });

  it('expires a token after its days', async () => {
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/me/tokens', payload: { name: 'Kort', days: 1 }, headers: { cookie } })).json();
    t.advance(2 * 86_400_000);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    t.advance(-2 * 86_400_000);
  });
});
