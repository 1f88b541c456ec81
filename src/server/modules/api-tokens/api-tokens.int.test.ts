import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, sessionCookie, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertUser } from '../accounts/queries.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Sleutel-wachtwoord-12';
const SECRET = 'JBSWY3DPEHPK3PXP';

describeEachEngine('personal API tokens', (engine) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const id = await insertUser(t.db, { email: 'ecd@zorg.nl', displayName: 'Koppeling ECD', passwordHash: await hashPassword(PW), personas: [], locale: 'nl', municipalityCode: null, verified: true });
    await t.db.query('update users set totp_secret = $2, totp_enabled_at = now() where id = $1', [id, SECRET]);
    const org = await insertOrganisation(t.db, { name: 'Zorg BV', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: null });
    await insertMembership(t.db, { organisationId: org, userId: id, role: 'professional', jobTitle: null });
    cookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ecd@zorg.nl', password: PW, totp: currentTotp(SECRET) } }));
  });
  afterAll(async () => t?.close());

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
