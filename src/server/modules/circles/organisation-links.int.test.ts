import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestUser, sessionCookie, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { insertOrganisation } from '../organisations/queries.ts';

/** Which organisations may be linked to a client: care and welfare yes; a municipality or the programme office never. */
describeEachEngine('linking organisations to a client', (engine) => {
  let t: TestApp;
  let cookie: string;
  let clientId: string;
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine);
    await createTestUser(t.db, { email: 'anja@example.nl', password: 'Anja-wachtwoord-2026' });
    cookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anja@example.nl', password: 'Anja-wachtwoord-2026' } }));
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/circles',
      headers: { cookie },
      payload: { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, me: {}, clientCanDecide: false },
    });
    clientId = started.json().client.id;
    for (const [kind, sector] of [['municipality', null], ['programme_office', null], ['care_provider', 'home_care'], ['welfare', null]] as const) {
      orgs[kind] = await insertOrganisation(t.db, { name: `Org ${kind}`, kind, sector, municipalityCode: 'GM0546', region: null });
    }
  });
  afterAll(async () => t?.close());

  const link = (organisationId: string) => t.app.inject({ method: 'POST', url: `/api/circles/${clientId}/organisations`, headers: { cookie }, payload: { organisationId, accessLevel: 'full' } });
  const links = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from client_organisation_links where client_id = $1', [clientId])).rows[0]?.n;

  it.each([['municipality'], ['programme_office']])('refuses to link a %s, and stores nothing', async (kind) => {
    const before = await links();
    const res = await link(orgs[kind] as string);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', messageKey: 'organisation_kind_sees_no_clients' });
    expect(await links()).toBe(before);
  });

  it.each([['care_provider'], ['welfare']])('links a %s', async (kind) => {
    const before = await links();
    const res = await link(orgs[kind] as string);
    expect(res.statusCode, res.body).toBe(204);
    expect(await links()).toBe((before ?? 0) + 1);
  });
});
