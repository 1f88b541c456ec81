import { describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, sessionCookie, useTestApp } from '../../../test/support/harness.ts';
import { describeEachEngine, openTestDb, TEST_PG_URL } from '../../../test/support/engines.ts';

describeEachEngine('platform endpoints', (engine) => {
  const t = useTestApp(engine);

  it('reports health with the engine in use, with security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: engine, version: expect.any(String) });
  });

  it('publishes an OpenAPI 3.1 document of every /api route and human docs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/organisations', '/api/audit']) expect(Object.keys(doc.paths)).toContain(p);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['email', 'password']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('lists municipalities from the CBS reference data, finding Den Haag', async () => {
    const all = (await t.app.inject({ url: '/api/municipalities' })).json();
    expect(all.items).toHaveLength(342);
    const haag = (await t.app.inject({ url: '/api/municipalities?q=Den%20Haag' })).json();
    expect(haag.items.map((m: { code: string }) => m.code)).toEqual(['GM0518']);
  });
});

describe.skipIf(!TEST_PG_URL)('two app instances on one PostgreSQL', () => {
  it('share a session: login on one, use it on the other, logout on the other ends it on both', async () => {
    const db = await openTestDb('postgresql');
    const one = await createTestApp('postgresql', db);
    const two = await createTestApp('postgresql', db);
    try {
      await createTestUser(db, { email: 'gedeeld@example.nl', displayName: 'Gedeeld', password: 'Gedeeld-wachtwoord-1', personas: ['caregiver'] });
      const cookie = sessionCookie(await one.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'gedeeld@example.nl', password: 'Gedeeld-wachtwoord-1' } }));
      expect((await two.app.inject({ url: '/api/me', headers: { cookie } })).json().email).toBe('gedeeld@example.nl');
      expect((await two.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
      expect((await one.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    } finally {
      await one.app.close();
      await two.app.close();
      await db.close();
    }
  });
});
