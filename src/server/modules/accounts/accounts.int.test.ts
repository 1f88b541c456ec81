import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastMailTo, sessionCookie, tokenFromMail, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';
import { LOGIN_LIMITS } from '../../platform/throttle.ts';

const PASSWORD = 'Lange-zin-voor-test-42';

describeEachEngine('accounts', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: unknown, cookie?: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });

  async function registerAndVerify(email: string): Promise<void> {
    const res = await post('/api/auth/register', { email, password: PASSWORD, displayName: 'Test Persoon', persona: 'caregiver', municipalityCode: 'GM0546' });
    expect(res.statusCode).toBe(202);
    const mail = await lastMailTo(t.db, email);
    expect(mail?.subject).toMatch(/Bevestig/);
    const verify = await post('/api/auth/verify-email', { token: tokenFromMail(mail?.body_text ?? '') });
    expect(verify.statusCode).toBe(204);
  }

  describe('registration and login', () => {
    it('registers, refuses login before verification, then logs in after it', async () => {
      const email = `anna-${engine}@example.nl`;
      const res = await post('/api/auth/register', { email, password: PASSWORD, displayName: 'Anna', persona: 'caregiver' });
      expect(res.statusCode).toBe(202);
      const early = await post('/api/auth/login', { email, password: PASSWORD });
      expect(early.statusCode).toBe(403);
      expect(early.json().code).toBe('email_not_verified');
      const mail = await lastMailTo(t.db, email);
      expect((await post('/api/auth/verify-email', { token: tokenFromMail(mail?.body_text ?? '') })).statusCode).toBe(204);
      const login = await post('/api/auth/login', { email: email.toUpperCase(), password: PASSWORD });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({ email, personas: ['caregiver'], mfa: { required: false } });
      const cookie = login.cookies.find((c) => c.name === 'mk_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const me = await t.app.inject({ url: '/api/me', headers: { cookie: sessionCookie(login) } });
      expect(me.json().email).toBe(email);
    });

    it('answers a taken address like a new one and mails the owner instead', async () => {
      const email = `dubbel-${engine}@example.nl`;
      await registerAndVerify(email);
      const again = await post('/api/auth/register', { email, password: PASSWORD, displayName: 'Ander', persona: 'volunteer' });
      expect(again.statusCode).toBe(202);
      expect((await lastMailTo(t.db, email))?.subject).toMatch(/Iemand wilde/);
      const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from users where lower(email) = $1', [email]);
      expect(rows[0]?.n).toBe(1);
    });

    it('refuses short and common passwords with a clear message', async () => {
      const short = await post('/api/auth/register', { email: 'kort@example.nl', password: 'kort', displayName: 'K', persona: 'caregiver' });
      expect(short.statusCode).toBe(422);
      expect(short.json()).toMatchObject({ code: 'password_too_short', status: 422 });
      expect(short.headers['content-type']).toMatch(/application\/problem\+json/);
      const common = await post('/api/auth/register', { email: 'vaak@example.nl', password: 'Wachtwoord123', displayName: 'V', persona: 'caregiver' });
      expect(common.json().code).toBe('password_too_common');
      const { rows } = await t.db.query("select 1 from users where email in ('kort@example.nl', 'vaak@example.nl')");
      expect(rows).toHaveLength(0);
    });

    it('rejects bad input with 4xx problem+json, never 5xx', async () => {
      const cases = [
        { payload: '{"email":', type: 'application/json', code: 'malformed_json', status: 400 },
        { payload: JSON.stringify({ email: 'a@b.nl', password: 'x', extra: true }), type: 'application/json', code: 'validation_failed', status: 400 },
        { payload: JSON.stringify({ email: 12, password: [] }), type: 'application/json', code: 'validation_failed', status: 400 },
        { payload: 'email=a', type: 'text/plain', code: 'unsupported_media_type', status: 415 },
        { payload: JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(300_000) }), type: 'application/json', code: 'payload_too_large', status: 413 },
      ];
      for (const c of cases) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: c.payload, headers: { 'content-type': c.type } });
        expect(res.statusCode, c.code).toBe(c.status);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json()).toMatchObject({ code: c.code, status: c.status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
      }
      const unknownField = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.nl', password: 'x', extra: true } });
      expect(unknownField.json().errors[0].message).toMatch(/extra/);
    });

    it('gives 401 problem for /api/me without a session and 404 problem for unknown API routes', async () => {
      const me = await t.app.inject({ url: '/api/me' });
      expect(me.statusCode).toBe(401);
      expect(me.json().code).toBe('not_authenticated');
      const missing = await t.app.inject({ url: '/api/bestaat-niet' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('not_found');
    });

    it('refuses a state-changing request from another origin', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://evil.example', host: 'localhost' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('csrf_rejected');
    });
  });

  describe('throttling', () => {
    it('blocks an account after repeated failures, even with the right password', async () => {
      const email = `slot-${engine}@example.nl`;
      await registerAndVerify(email);
      for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
        const res = await post('/api/auth/login', { email, password: 'verkeerd-wachtwoord' });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await post('/api/auth/login', { email, password: PASSWORD });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('too_many_attempts');
      t.advance((LOGIN_LIMITS.windowMinutes + 1) * 60_000);
      const later = await post('/api/auth/login', { email, password: PASSWORD });
      expect(later.statusCode).toBe(200);
    });
  });

  describe('sessions', () => {
    it('lists own sessions and ends another one', async () => {
      const email = `sessies-${engine}@example.nl`;
      await registerAndVerify(email);
      const a = sessionCookie(await post('/api/auth/login', { email, password: PASSWORD }));
      const b = sessionCookie(await post('/api/auth/login', { email, password: PASSWORD }));
      const list = await t.app.inject({ url: '/api/me/sessions', headers: { cookie: a } });
      const items = list.json().items as { id: string; current: boolean }[];
      expect(items).toHaveLength(2);
      const other = items.find((s) => !s.current);
      expect(other).toBeDefined();
      const end = await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${other?.id}`, headers: { cookie: a } });
      expect(end.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/me', headers: { cookie: b } })).statusCode).toBe(401);
      expect((await t.app.inject({ url: '/api/me', headers: { cookie: a } })).statusCode).toBe(200);
    });

    it('ends a session after the idle timeout and logs out', async () => {
      const email = `idle-${engine}@example.nl`;
      await registerAndVerify(email);
      const cookie = sessionCookie(await post('/api/auth/login', { email, password: PASSWORD }));
      t.advance((t.services.config.sessionIdleMinutes + 1) * 60_000);
      expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
      const fresh = sessionCookie(await post('/api/auth/login', { email, password: PASSWORD }));
      expect((await post('/api/auth/logout', {}, fresh)).statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/me', headers: { cookie: fresh } })).statusCode).toBe(401);
    });
  });

  describe('password reset', () => {
    it('resets with the mailed link once and ends old sessions', async () => {
      const email = `reset-${engine}@example.nl`;
      await registerAndVerify(email);
      const old = sessionCookie(await post('/api/auth/login', { email, password: PASSWORD }));
      expect((await post('/api/auth/password/forgot', { email })).statusCode).toBe(202);
      expect((await post('/api/auth/password/forgot', { email: 'niemand@example.nl' })).statusCode).toBe(202);
      const token = tokenFromMail((await lastMailTo(t.db, email))?.body_text ?? '');
      const weak = await post('/api/auth/password/reset', { token, password: 'kort' });
      expect(weak.json().code).toBe('password_too_short');
      // A refused password leaves the token usable: nothing is lost by a typing mistake.
      const again = await post('/api/auth/password/reset', { token, password: 'Nieuw-en-lang-genoeg-7' });
      expect(again.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/me', headers: { cookie: old } })).statusCode).toBe(401);
      expect((await post('/api/auth/login', { email, password: 'Nieuw-en-lang-genoeg-7' })).statusCode).toBe(200);
      const reused = await post('/api/auth/password/reset', { token, password: 'Nog-een-ander-wachtwoord-8' });
      expect(reused.json().code).toBe('token_invalid');
    });
  });

  describe('two-factor', () => {
    it('sets up TOTP, then demands it at login; a recovery code works once', async () => {
      const email = `totp-${engine}@example.nl`;
      await registerAndVerify(email);
      const cookie = sessionCookie(await post('/api/auth/login', { email, password: PASSWORD }));
      const setup = await post('/api/me/totp/setup', {}, cookie);
      expect(setup.statusCode).toBe(200);
      const { secret, qrSvg, uri } = setup.json();
      expect(qrSvg).toContain('<svg');
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      expect((await post('/api/me/totp/enable', { code: '000000' }, cookie)).json().code).toBe('totp_invalid');
      const enabled = await post('/api/me/totp/enable', { code: currentTotp(secret) }, cookie);
      expect(enabled.statusCode).toBe(200);
      const codes = enabled.json().recoveryCodes as string[];
      expect(codes).toHaveLength(10);

      expect((await post('/api/auth/login', { email, password: PASSWORD })).json().code).toBe('totp_required');
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: '123456' })).json().code).toBe('totp_invalid');
      const withTotp = await post('/api/auth/login', { email, password: PASSWORD, totp: currentTotp(secret) });
      expect(withTotp.statusCode).toBe(200);
      expect(withTotp.json().mfa).toMatchObject({ enabled: true, verified: true });
      const recovery = codes[0] as string;
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: recovery.toLowerCase() })).statusCode).toBe(200);
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: recovery })).json().code).toBe('totp_invalid');
    });
  });

  describe('audit log', () => {
    it('records logins and refuses updates and deletes', async () => {
      const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'login'");
      expect(rows[0]?.n).toBeGreaterThan(0);
      await expect(t.db.query('update audit_log set action = $1', ['x'])).rejects.toThrow(/append-only/);
      await expect(t.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
    });
  });
});
