import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastMailTo, login, sessionCookie, tokenFromMail, totpFor, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';
import { LOGIN_LIMITS, MAIL_REQUEST_LIMITS } from '../../platform/throttle.ts';

const PASSWORD = 'Lange-zin-voor-test-42';

describeEachEngine('accounts', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: unknown, cookie?: string, remoteAddress?: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {}, ...(remoteAddress ? { remoteAddress } : {}) });
  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
  const bearer = (token: string) => t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  const newApiToken = async (cookie: string): Promise<{ token: string; id: string }> => {
    const made = await post('/api/me/tokens', { name: 'Koppeling', days: 30 }, cookie);
    expect(made.statusCode).toBe(201);
    return made.json();
  };
  const auditCount = async (where: string, params: unknown[]): Promise<number> =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where ${where}`, params)).rows[0]?.n ?? 0;
  const userIdOf = async (email: string): Promise<string> =>
    ((await t.db.query<{ id: string }>('select id from users where lower(email) = lower($1)', [email])).rows[0] as { id: string }).id;
  /** Makes every audit line of one user fail, to prove a change rolls back with its audit line. */
  async function withFailingAudit(userId: string, fn: () => Promise<void>): Promise<void> {
    await t.db.exec(`create or replace function mk_test_refuse_audit() returns trigger language plpgsql as $$
      begin if new.user_id = '${userId}' then raise exception 'audit refused by test'; end if; return new; end; $$;
      create trigger mk_test_refuse_audit before insert on audit_log for each row execute function mk_test_refuse_audit();`);
    try {
      await fn();
    } finally {
      await t.db.exec('drop trigger mk_test_refuse_audit on audit_log; drop function mk_test_refuse_audit();');
    }
  }

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
    it('slows an account down instead of locking it: the owner gets in after a short wait and gets one warning mail', async () => {
      const email = `slot-${engine}@example.nl`;
      await registerAndVerify(email);
      // A stranger guesses from another address; after a few failures each attempt must wait.
      let failures = 0;
      let waited = false;
      while (failures < LOGIN_LIMITS.warnOwnerAfter + 2) {
        const res = await post('/api/auth/login', { email, password: 'verkeerd-wachtwoord' }, undefined, '10.1.0.1');
        if (res.statusCode === 429) {
          waited = true;
          expect(res.json()).toMatchObject({ code: 'too_many_attempts', messageKey: 'login_wait' });
          t.advance(res.json().params.seconds * 1000);
          continue;
        }
        expect(res.statusCode).toBe(401);
        failures++;
      }
      expect(waited).toBe(true);
      // The owner, right after: asked to wait a little (never a quarter of an hour) …
      const slowed = await post('/api/auth/login', { email, password: PASSWORD }, undefined, '10.1.0.2');
      expect(slowed.statusCode).toBe(429);
      const { seconds } = slowed.json().params as { seconds: number };
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(LOGIN_LIMITS.maxDelaySeconds);
      expect(slowed.headers['retry-after']).toBe(String(seconds));
      expect(slowed.json().detail).toContain(`Wacht ${seconds} seconden`);
      // … and then gets in.
      t.advance(seconds * 1000);
      expect((await post('/api/auth/login', { email, password: PASSWORD }, undefined, '10.1.0.2')).statusCode).toBe(200);
      // One warning mail for the window, however many failures.
      const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from outbox where to_address = $1 and subject like 'Iemand probeerde vaak%'", [email]);
      expect(rows[0]?.n).toBe(1);
      const mail = await lastMailTo(t.db, email);
      expect(mail?.body_text).toContain('Was u het niet? Kies dan voor de zekerheid een nieuw wachtwoord');
      expect(mail?.body_text).toContain('/wachtwoord-vergeten');
      expect(await auditCount("action = 'owner_warned' and user_id = $1", [await userIdOf(email)])).toBe(1);
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

  describe('logging out everywhere and revoking access', () => {
    it('logs out, ends a session and revokes a token with the audit line in the same transaction', async () => {
      const email = `audit-tx-${engine}@example.nl`;
      await registerAndVerify(email);
      const userId = await userIdOf(email);
      const a = sessionCookie(await login(t, email, PASSWORD));
      const b = sessionCookie(await login(t, email, PASSWORD));
      const { id: tokenId, token } = await newApiToken(a);
      const otherId = ((await get('/api/me/sessions', a)).json().items as { id: string; current: boolean }[]).find((x) => !x.current)?.id as string;

      // When the audit line cannot be written, nothing changes.
      await withFailingAudit(userId, async () => {
        expect((await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${otherId}`, headers: { cookie: a } })).statusCode).toBe(500);
        expect((await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${tokenId}`, headers: { cookie: a } })).statusCode).toBe(500);
        expect((await post('/api/auth/logout', {}, b)).statusCode).toBe(500);
      });
      expect((await get('/api/me', b)).statusCode).toBe(200);
      expect((await bearer(token)).statusCode).toBe(200);

      // With the audit log working, each change has its line.
      expect((await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${tokenId}`, headers: { cookie: a } })).statusCode).toBe(204);
      expect(await auditCount("action = 'delete' and resource_type = 'api_token' and resource_id = $1", [tokenId])).toBe(1);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${otherId}`, headers: { cookie: a } })).statusCode).toBe(204);
      expect(await auditCount("action = 'session_ended' and resource_id = $1", [otherId.slice(0, 12)])).toBe(1);
      expect((await post('/api/auth/logout', {}, a)).statusCode).toBe(204);
      expect(await auditCount("action = 'logout' and user_id = $1", [userId])).toBe(1);
      expect((await get('/api/me', a)).statusCode).toBe(401);
    });

    it('"log out everywhere else" ends the other sessions and every API token, audited', async () => {
      const email = `overal-${engine}@example.nl`;
      await registerAndVerify(email);
      const here = sessionCookie(await login(t, email, PASSWORD));
      const elsewhere = sessionCookie(await login(t, email, PASSWORD));
      const { id: tokenId, token } = await newApiToken(here);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/me/sessions', headers: { cookie: here } })).statusCode).toBe(204);
      expect((await get('/api/me', elsewhere)).statusCode).toBe(401);
      expect((await bearer(token)).statusCode).toBe(401);
      expect((await get('/api/me', here)).statusCode).toBe(200);
      expect(await auditCount("action = 'delete' and resource_type = 'api_token' and resource_id = $1 and detail->>'via' = 'end_all_sessions'", [tokenId])).toBe(1);
      expect(await auditCount("action = 'session_ended' and user_id = $1 and detail->>'scope' = 'all_others'", [await userIdOf(email)])).toBe(1);
    });

    it('a password change revokes every API token', async () => {
      const email = `wijzig-${engine}@example.nl`;
      await registerAndVerify(email);
      const cookie = sessionCookie(await login(t, email, PASSWORD));
      const { id: tokenId, token } = await newApiToken(cookie);
      expect((await bearer(token)).statusCode).toBe(200);
      expect((await post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'Een-heel-ander-wachtwoord-9' }, cookie)).statusCode).toBe(204);
      expect((await bearer(token)).statusCode).toBe(401);
      expect((await get('/api/me', cookie)).statusCode).toBe(200);
      expect(await auditCount("action = 'delete' and resource_type = 'api_token' and resource_id = $1 and detail->>'via' = 'password_change'", [tokenId])).toBe(1);
    });

    it('a password reset revokes every API token', async () => {
      const email = `reset-sleutel-${engine}@example.nl`;
      await registerAndVerify(email);
      const cookie = sessionCookie(await login(t, email, PASSWORD));
      const { id: tokenId, token } = await newApiToken(cookie);
      expect((await post('/api/auth/password/forgot', { email })).statusCode).toBe(202);
      const resetToken = tokenFromMail((await lastMailTo(t.db, email))?.body_text ?? '');
      expect((await post('/api/auth/password/reset', { token: resetToken, password: 'Nieuw-en-lang-genoeg-7' })).statusCode).toBe(204);
      expect((await bearer(token)).statusCode).toBe(401);
      expect(await auditCount("action = 'delete' and resource_type = 'api_token' and resource_id = $1 and detail->>'via' = 'password_reset'", [tokenId])).toBe(1);
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

    it('using one reset link cancels the other open links of the account', async () => {
      const email = `twee-links-${engine}@example.nl`;
      await registerAndVerify(email);
      expect((await post('/api/auth/password/forgot', { email })).statusCode).toBe(202);
      expect((await post('/api/auth/password/forgot', { email })).statusCode).toBe(202);
      const { rows } = await t.db.query<{ body_text: string }>("select body_text from outbox where to_address = $1 and subject like 'Nieuw wachtwoord%' order by created_at", [email]);
      expect(rows).toHaveLength(2);
      const [first, second] = rows.map((r) => tokenFromMail(r.body_text));
      expect((await post('/api/auth/password/reset', { token: second, password: 'Nieuw-en-lang-genoeg-7' })).statusCode).toBe(204);
      const old = await post('/api/auth/password/reset', { token: first, password: 'Nog-een-ander-wachtwoord-8' });
      expect(old.statusCode).toBe(422);
      expect(old.json().code).toBe('token_invalid');
      expect((await post('/api/auth/login', { email, password: 'Nieuw-en-lang-genoeg-7' })).statusCode).toBe(200);
    });

    for (const [url, action] of [
      ['/api/auth/password/forgot', 'password_reset_requested'],
      ['/api/auth/resend-verification', 'verification_resend_requested'],
    ] as const) {
      it(`${url}: same answer and comparable work for known and unknown addresses, limited per address and per IP`, async () => {
        const known = `bekend-${action}-${engine}@example.nl`;
        const unknown = `onbekend-${action}-${engine}@example.nl`;
        // For the verification mail the known account is registered but not yet verified.
        const reg = await post('/api/auth/register', { email: known, password: PASSWORD, displayName: 'Bekend', persona: 'caregiver' }, undefined, '10.2.0.9');
        expect(reg.statusCode).toBe(202);
        const before = await auditCount('action = $1', [action]);
        const a = await post(url, { email: known }, undefined, '10.2.0.1');
        const b = await post(url, { email: unknown }, undefined, '10.2.0.1');
        expect(a.statusCode).toBe(202);
        expect(b.statusCode).toBe(202);
        expect(b.json()).toEqual(a.json());
        // Both requests were counted and audited (the unknown one as refused).
        expect(await auditCount('action = $1', [action])).toBe(before + 2);
        expect(await auditCount("action = $1 and outcome = 'denied' and user_id is null", [action])).toBeGreaterThanOrEqual(1);
        const counted = async (address: string) =>
          (await t.db.query<{ n: number }>("select count(*)::int as n from login_failures where bucket like '%account:' || $1", [address])).rows[0]?.n;
        expect(await counted(unknown)).toBe(await counted(known));

        // Per address: past the limit both are refused alike, from any IP.
        for (let i = 1; i < MAIL_REQUEST_LIMITS.perAddress; i++) {
          expect((await post(url, { email: known }, undefined, `10.2.1.${i}`)).statusCode).toBe(202);
          expect((await post(url, { email: unknown }, undefined, `10.2.1.${i}`)).statusCode).toBe(202);
        }
        const knownRefused = await post(url, { email: known }, undefined, '10.2.2.1');
        const unknownRefused = await post(url, { email: unknown }, undefined, '10.2.2.1');
        expect(knownRefused.statusCode).toBe(429);
        expect(unknownRefused.json()).toEqual(knownRefused.json());
        expect(knownRefused.json().messageKey).toBe('mail_requests_too_many');

        // Per IP: many different addresses from one IP.
        const ip = '10.2.3.1';
        for (let i = 0; i < MAIL_REQUEST_LIMITS.perIp; i++) expect((await post(url, { email: `x${i}-${action}@example.nl` }, undefined, ip)).statusCode).toBe(202);
        expect((await post(url, { email: `nog-een-${action}@example.nl` }, undefined, ip)).statusCode).toBe(429);

        // After the window, a request goes through again.
        t.advance((MAIL_REQUEST_LIMITS.windowMinutes + 1) * 60_000);
        expect((await post(url, { email: known }, undefined, ip)).statusCode).toBe(202);
      });
    }
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
      const enableCode = currentTotp(secret, t.services.now());
      const enabled = await post('/api/me/totp/enable', { code: enableCode }, cookie);
      expect(enabled.statusCode).toBe(200);
      const codes = enabled.json().recoveryCodes as string[];
      expect(codes).toHaveLength(10);

      expect((await post('/api/auth/login', { email, password: PASSWORD })).json().code).toBe('totp_required');
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: '123456' })).json().code).toBe('totp_invalid');
      // The code used to switch 2FA on cannot be used again to log in.
      // (The same code, not a fresh one: a new 30 s step between the two would give a new, valid code.)
      const replayed = await post('/api/auth/login', { email, password: PASSWORD, totp: enableCode });
      expect(replayed.json()).toMatchObject({ code: 'totp_invalid', messageKey: 'totp_code_used' });
      const withTotp = await post('/api/auth/login', { email, password: PASSWORD, totp: await totpFor(t, email) });
      expect(withTotp.statusCode).toBe(200);
      expect(withTotp.json().mfa).toMatchObject({ enabled: true, verified: true });
      const recovery = codes[0] as string;
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: recovery.toLowerCase() })).statusCode).toBe(200);
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: recovery })).json().code).toBe('totp_invalid');
    });
  });

  describe('TOTP replay and throttling', () => {
    it('accepts a TOTP code once: a second login with it is refused, the next code works', async () => {
      const email = `replay-${engine}@example.nl`;
      await registerAndVerify(email);
      await t.db.query("update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where lower(email) = $1", [email]);
      const code = await totpFor(t, email);
      const first = await post('/api/auth/login', { email, password: PASSWORD, totp: code });
      expect(first.statusCode).toBe(200);
      const again = await post('/api/auth/login', { email, password: PASSWORD, totp: code });
      expect(again.statusCode).toBe(401);
      expect(again.json()).toMatchObject({ code: 'totp_invalid', messageKey: 'totp_code_used' });
      expect(await auditCount("action = 'login' and detail->>'reason' = 'second_factor_replay' and user_id = $1", [await userIdOf(email)])).toBe(1);
      // Ten seconds later (same 30 s step) the code is still refused; the settings routes refuse it too.
      t.advance(10_000);
      expect((await post('/api/auth/login', { email, password: PASSWORD, totp: code })).statusCode).toBe(401);
      const cookie = sessionCookie(first);
      expect((await post('/api/me/totp/recovery-codes', { code }, cookie)).json().messageKey).toBe('totp_code_used');
      // The next step's code works, once.
      const next = await totpFor(t, email);
      expect(next).not.toBe(code);
      expect((await post('/api/me/totp/recovery-codes', { code: next }, cookie)).statusCode).toBe(200);
      expect((await post('/api/me/totp/recovery-codes', { code: next }, cookie)).statusCode).toBe(401);
    });

    it('counts wrong codes on the 2FA settings routes like failed logins', async () => {
      const email = `totp-raden-${engine}@example.nl`;
      await registerAndVerify(email);
      await t.db.query("update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where lower(email) = $1", [email]);
      const cookie = sessionCookie(await login(t, email, PASSWORD));
      const ip = '10.3.0.1';
      // A right code, taken now (totpFor may move the clock to an unused step).
      const code = await totpFor(t, email);
      let refused: ReturnType<typeof JSON.parse> | undefined;
      for (let i = 0; i < LOGIN_LIMITS.freePerAccount + 1 && !refused; i++) {
        const res = await post('/api/me/totp/disable', { code: '000000' }, cookie, ip);
        if (res.statusCode === 429) refused = res.json();
        else expect(res.json().code).toBe('totp_invalid');
      }
      expect(refused).toMatchObject({ code: 'too_many_attempts', messageKey: 'login_wait' });
      // A right code must wait too, then works.
      expect((await post('/api/me/totp/recovery-codes', { code }, cookie, ip)).statusCode).toBe(429);
      t.advance((refused?.params.seconds as number) * 1000);
      expect((await post('/api/me/totp/recovery-codes', { code }, cookie, ip)).statusCode).toBe(200);
      expect(await auditCount("action = 'totp_check' and outcome = 'denied' and user_id = $1", [await userIdOf(email)])).toBeGreaterThanOrEqual(LOGIN_LIMITS.freePerAccount);
    });

    it('switching 2FA off revokes every API token', async () => {
      const email = `totp-uit-${engine}@example.nl`;
      await registerAndVerify(email);
      await t.db.query("update users set totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled_at = now() where lower(email) = $1", [email]);
      const cookie = sessionCookie(await login(t, email, PASSWORD));
      const { id: tokenId, token } = await newApiToken(cookie);
      expect((await bearer(token)).statusCode).toBe(200);
      expect((await post('/api/me/totp/disable', { code: await totpFor(t, email) }, cookie)).statusCode).toBe(204);
      expect((await bearer(token)).statusCode).toBe(401);
      expect(await auditCount("action = 'delete' and resource_type = 'api_token' and resource_id = $1 and detail->>'via' = 'totp_disabled'", [tokenId])).toBe(1);
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
