import { beforeAll, expect, it } from 'vitest';
import { createTestUser, lastMailTo, login, requestsAs, sessionCookie, tokenFromMail, useTestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';

const PASSWORD = 'Beheer-wachtwoord-lang-1';

describeEachEngine('organisations and staff', (engine) => {
  const t = useTestApp(engine);
  let adminCookie: string;

  beforeAll(async () => {
    await createTestUser(t.db, { email: 'root@example.nl', displayName: 'Root', password: PASSWORD, totp: true, admin: true });
    adminCookie = sessionCookie(await login(t, 'root@example.nl', PASSWORD));
  });

  const as = (cookie: string) => requestsAs(t.app, cookie);

  it('creates organisations with the rules for sector and CBS code', async () => {
    const admin = as(adminCookie);
    const ok = await admin.post('/api/organisations', { name: 'Thuiszorg Test', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'Thuiszorg Test', sector: 'home_care', municipalityName: 'Leiden' });
    const noSector = await admin.post('/api/organisations', { name: 'Zonder sector', kind: 'care_provider' });
    expect(noSector.statusCode).toBe(400);
    expect(noSector.json().errors[0].path).toBe('/sector');
    const gm = await admin.post('/api/organisations', { name: 'Gemeente Leiden', kind: 'municipality', municipalityCode: 'GM0546' });
    expect(gm.statusCode).toBe(201);
    const twice = await admin.post('/api/organisations', { name: 'Gemeente Leiden 2', kind: 'municipality', municipalityCode: 'GM0546' });
    expect(twice.json().code).toBe('conflict');
    const unknown = await admin.post('/api/organisations', { name: 'Gemeente Nergens', kind: 'municipality', municipalityCode: 'GM9999' });
    expect(unknown.statusCode).toBe(400);
    const list = await admin.get('/api/organisations?pageSize=1');
    expect(list.json()).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(list.json().items).toHaveLength(1);
  });

  it('invites staff by e-mail; the new professional must set up 2FA before seeing anything', async () => {
    const admin = as(adminCookie);
    const org = (await admin.post('/api/organisations', { name: 'GGZ Test', kind: 'care_provider', sector: 'mental_health', municipalityCode: 'GM0193' })).json();
    const invite = await admin.post(`/api/organisations/${org.id}/invitations`, { email: 'nieuw@zorg.nl', role: 'professional', jobTitle: 'SPV' });
    expect(invite.statusCode).toBe(201);
    const token = tokenFromMail((await lastMailTo(t.db, 'nieuw@zorg.nl'))?.body_text ?? '');
    const preview = await t.app.inject({ url: `/api/invitations/preview?token=${token}` });
    expect(preview.json()).toMatchObject({ organisationName: 'GGZ Test', role: 'professional', accountExists: false });
    const weak = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, displayName: 'Nieuw', password: 'kort' } });
    expect(weak.json().code).toBe('password_too_short');
    const accept = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, displayName: 'Nieuwe Collega', password: 'Een-goed-wachtwoord-77' } });
    expect(accept.json()).toMatchObject({ organisationId: org.id, createdAccount: true });
    const reuse = await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, displayName: 'X', password: 'Een-goed-wachtwoord-77' } });
    expect(reuse.json().code).toBe('token_invalid');

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nieuw@zorg.nl', password: 'Een-goed-wachtwoord-77' } });
    expect(login.statusCode).toBe(200);
    expect(login.json().mfa).toEqual({ required: true, enabled: false, verified: false, recoveryCodesLeft: 0 });
    const pro = as(sessionCookie(login));
    const blocked = await pro.get(`/api/organisations/${org.id}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_setup_required');
    const { secret } = (await pro.post('/api/me/totp/setup', {})).json();
    expect((await pro.post('/api/me/totp/enable', { code: currentTotp(secret) })).statusCode).toBe(200);
    expect((await pro.get(`/api/organisations/${org.id}`)).statusCode).toBe(200);
    const members = (await pro.get(`/api/organisations/${org.id}/members`)).json();
    expect(members.items).toEqual([expect.objectContaining({ displayName: 'Nieuwe Collega', role: 'professional', jobTitle: 'SPV', twoFactor: true })]);
    // A professional is not an organisation admin: no invitations.
    expect((await pro.post(`/api/organisations/${org.id}/invitations`, { email: 'x@zorg.nl', role: 'professional' })).statusCode).toBe(403);
    // Required 2FA cannot be switched off.
    expect((await pro.post('/api/me/totp/disable', { code: currentTotp(secret) })).statusCode).toBe(403);
  });

  it('keeps organisations apart and lets an admin revoke an open invitation', async () => {
    const admin = as(adminCookie);
    const a = (await admin.post('/api/organisations', { name: 'Org A', kind: 'welfare', municipalityCode: 'GM0228' })).json();
    const b = (await admin.post('/api/organisations', { name: 'Org B', kind: 'welfare', municipalityCode: 'GM0228' })).json();
    const inv = (await admin.post(`/api/organisations/${a.id}/invitations`, { email: 'beheer-a@zorg.nl', role: 'org_admin' })).json();
    expect((await admin.del(`/api/organisations/${b.id}/invitations/${inv.id}`)).statusCode).toBe(404);
    expect((await admin.del(`/api/organisations/${a.id}/invitations/${inv.id}`)).statusCode).toBe(204);
    const list = (await admin.get(`/api/organisations/${a.id}/invitations`)).json();
    expect(list.items[0]).toMatchObject({ email: 'beheer-a@zorg.nl', status: 'revoked' });
    const token = tokenFromMail((await lastMailTo(t.db, 'beheer-a@zorg.nl'))?.body_text ?? '');
    expect((await t.app.inject({ url: `/api/invitations/preview?token=${token}` })).json().code).toBe('token_invalid');

    // A member of A sees A, not B.
    const inv2 = (await admin.post(`/api/organisations/${a.id}/invitations`, { email: 'vrijwilliger-a@zorg.nl', role: 'volunteer' })).json();
    expect(inv2.id).toBeTruthy();
    const token2 = tokenFromMail((await lastMailTo(t.db, 'vrijwilliger-a@zorg.nl'))?.body_text ?? '');
    await t.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: token2, displayName: 'Vrijwilliger A', password: 'Vrijwillig-en-lang-12' } });
    const vol = as(sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'vrijwilliger-a@zorg.nl', password: 'Vrijwillig-en-lang-12' } })));
    expect((await vol.get(`/api/organisations/${a.id}`)).statusCode).toBe(200);
    expect((await vol.get(`/api/organisations/${b.id}`)).statusCode).toBe(403);
    expect((await vol.get('/api/organisations')).json().items.map((o: { name: string }) => o.name)).toEqual(['Org A']);
  });

  it('shows outbox and audit log to the platform admin only, and logs the audit read', async () => {
    const admin = as(adminCookie);
    const outbox = (await admin.get('/api/admin/outbox?pageSize=5')).json();
    expect(outbox.total).toBeGreaterThan(0);
    expect(outbox.items[0]).toHaveProperty('subject');
    const log = await admin.get('/api/audit?action=login');
    expect(log.statusCode).toBe(200);
    expect(log.json().items.every((i: { action: string }) => i.action === 'login')).toBe(true);
    const { rows } = await t.db.query("select 1 from audit_log where action = 'search' and resource_type = 'audit_log'");
    expect(rows.length).toBeGreaterThan(0);

    // An admin session without the second factor cannot read the log.
    await t.db.query("update sessions set mfa_verified = false where user_id = (select id from users where email = 'root@example.nl')");
    expect((await admin.get('/api/audit')).json().code).toBe('mfa_required');
  });
});
