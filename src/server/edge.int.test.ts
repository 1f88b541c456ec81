import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestUser, sessionCookie, type TestApp } from '../../test/support/harness.ts';
import { describeEachEngine } from '../../test/support/engines.ts';

/**
 * The edge of the HTTP API: what every request goes through before a use case sees it
 * (client address, source system, CSRF, hostile text, over-long paths, headers, language).
 */
describeEachEngine('the HTTP edge', (engine) => {
  let t: TestApp;
  let proxied: TestApp;
  let https: TestApp;
  let cookie: string;
  const password = 'Rand-van-de-api-2026';

  beforeAll(async () => {
    t = await createTestApp(engine);
    proxied = await createTestApp(engine, undefined, { MK_TRUST_PROXY: '127.0.0.1' });
    https = await createTestApp(engine, undefined, { MK_PUBLIC_URL: 'https://mantelkring.example.nl' });
    await createTestUser(t.db, { email: 'rand@example.nl', password });
    await createTestUser(proxied.db, { email: 'rand@example.nl', password });
    cookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rand@example.nl', password } }));
  });
  afterAll(async () => {
    await t?.close();
    await proxied?.close();
    await https?.close();
  });

  const lastLogin = async (app: TestApp) =>
    (await app.db.query<{ access_point: string; source_system: string }>("select access_point, source_system from audit_log where action like 'login%' order by id desc limit 1")).rows[0];

  it('ignores X-Forwarded-For unless it comes from a configured proxy', async () => {
    const forged = { 'x-forwarded-for': '203.0.113.7' };
    await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: forged, payload: { email: 'rand@example.nl', password: 'fout-wachtwoord-123' } });
    expect((await lastLogin(t))?.access_point).toBe('127.0.0.1');
    await proxied.app.inject({ method: 'POST', url: '/api/auth/login', headers: forged, payload: { email: 'rand@example.nl', password: 'fout-wachtwoord-123' } });
    expect((await lastLogin(proxied))?.access_point).toBe('203.0.113.7');
  });

  it('refuses a configuration that trusts every proxy', async () => {
    await expect(createTestApp(engine, undefined, { MK_TRUST_PROXY: 'true' })).rejects.toThrow(/MK_TRUST_PROXY/);
  });

  it('takes the source system from the authentication, not from a header', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-mantelkring-client': 'fhir' }, payload: { email: 'rand@example.nl', password: 'fout-wachtwoord-123' } });
    expect((await lastLogin(t))?.source_system).toBe('web');
    const token = (await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie }, payload: { name: 'koppeling', days: 30 } })).json().token as string;
    expect(token).toMatch(/^mkt_/);
    await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { authorization: `Bearer ${token}`, 'x-mantelkring-client': 'web' }, payload: { name: 'tweede', days: 30 } });
    const { rows } = await t.db.query<{ source_system: string }>("select source_system from audit_log where resource_type = 'api_token' order by id desc limit 1");
    expect(rows[0]?.source_system).toBe('api');
  });

  it.each([['null'], ['http://['], ['not a url'], ['https://elders.example']])('refuses a state change with Origin %s as CSRF, with a problem document', async (origin) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('csrf_rejected');
  });

  it('answers an over-long path parameter and a broken URL with a problem document', async () => {
    const long = await t.app.inject({ url: `/api/circles/${'a'.repeat(300)}`, headers: { cookie } });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ code: 'uri_too_long', status: 414 });
    const broken = await t.app.inject({ url: '/api/circles/%E0%A4%A', headers: { cookie } });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses NUL characters and lone surrogates in bodies, query strings and parameters with a clear 400', async () => {
    const cases = [
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rand\u0000@example.nl', password } }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":"rand@example.nl","password":"\\ud800abc"}' }),
      await t.app.inject({ url: '/api/municipalities?q=%00' }),
      await t.app.inject({ url: '/api/circles/%00', headers: { cookie } }),
      await t.app.inject({ url: '/fhir/Questionnaire?name=%00', headers: { cookie } }),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toMatch(/teken dat niet kan|niet kan|invalid/i);
    }
    expect(cases[0]?.json()).toMatchObject({ code: 'validation_failed', messageKey: 'text_forbidden_character', errors: [{ path: '/email' }] });
    expect(cases[2]?.json().errors[0].path).toBe('query/q');
    const emoji = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { displayName: 'Rand 😀' } });
    expect(emoji.statusCode).toBeLessThan(300);
  });

  it('marks personal answers no-store and sends a Permissions-Policy; HSTS only behind https', async () => {
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.headers['permissions-policy']).toContain('camera=()');
    expect(me.headers['strict-transport-security']).toBeUndefined();
    const refused = await t.app.inject({ url: '/api/me' });
    expect(refused.headers['cache-control']).toBe('no-store');
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.headers['cache-control']).toBeUndefined();
    const secure = await https.app.inject({ url: '/api/health' });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('logs a refused attempt on client data in every module, also where the use case did not log it itself', async () => {
    await createTestUser(t.db, { email: 'eigenaar@example.nl', password });
    const owner = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'eigenaar@example.nl', password } }));
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/circles',
      headers: { cookie: owner },
      payload: { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, me: {}, clientCanDecide: true },
    });
    expect(started.statusCode, started.body).toBe(201);
    const clientId = started.json().client.id as string;
    const memberId = started.json().members[0].id as string;
    for (const url of [`/api/circles/${clientId}/members/${memberId}/burden-checks`, `/api/circles/${clientId}/scans`]) {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode).toBe(404);
    }
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log where client_id = $1 and outcome = 'denied'", [clientId]);
    expect(rows[0]?.n).toBe(2);
  });

  it('writes error messages in the language asked for, chosen by code', async () => {
    const register = (lang: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { 'accept-language': lang },
        payload: { email: 'nieuw@example.nl', password: 'Een-lang-wachtwoord-2026', displayName: 'Nieuw', persona: 'caregiver', municipalityCode: 'GM9999' },
      });
    const en = (await register('en')).json();
    expect(en).toMatchObject({ code: 'validation_failed', messageKey: 'municipality_unknown', detail: 'This municipality does not exist.' });
    expect(en.errors).toEqual([expect.objectContaining({ path: '/municipalityCode', message: 'This municipality does not exist.' })]);
    const nl = (await register('nl')).json();
    expect(nl.detail).toBe('Deze gemeente bestaat niet.');
    const badEmail = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-GB,en;q=0.8' }, payload: { email: 'geen-adres', password } });
    expect(badEmail.json().errors[0].message).toBe('Enter a valid e-mail address.');
    const badType = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en' }, payload: { email: 'rand@example.nl', password: 5 } });
    expect(badType.json().errors[0].message).toMatch(/expected string/i);
    const badTypeNl = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rand@example.nl', password: 5 } });
    expect(badTypeNl.json().errors[0].message).not.toMatch(/expected string/i);
  });

  it('logs slow and failed requests by route pattern, not every request and never the URL', async () => {
    const lines: Record<string, unknown>[] = [];
    const logged = await createTestApp(engine, undefined, { MK_SLOW_REQUEST_MS: '1' }, { logger: { write: (line) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
    try {
      await createTestUser(logged.db, { email: 'log@example.nl', password });
      // A login hashes a password (tens of milliseconds): slow by this app's 1 ms threshold.
      const login = await logged.app.inject({ method: 'POST', url: '/api/auth/login?naam=Jansen', payload: { email: 'log@example.nl', password } });
      expect(login.statusCode).toBe(200);
      const slow = lines.filter((l) => l.msg === 'slow request');
      expect(slow).toEqual([expect.objectContaining({ level: 40, method: 'POST', route: '/api/auth/login', status: 200 })]);
      expect(slow[0]?.ms).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(lines)).not.toMatch(/Jansen|log@example\.nl/);
    } finally {
      await logged.close();
    }
    // At the default threshold a quick request writes nothing at info.
    const quiet: string[] = [];
    const normal = await createTestApp(engine, undefined, {}, { logger: { write: (line) => void quiet.push(line) } });
    try {
      expect((await normal.app.inject({ url: '/api/bestaat-niet' })).statusCode).toBe(404);
      expect(quiet.filter((l) => l.includes('request'))).toEqual([]);
    } finally {
      await normal.close();
    }
  });
});
