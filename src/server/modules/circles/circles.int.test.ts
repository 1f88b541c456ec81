import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, lastMailTo, sessionCookie, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertUser } from '../accounts/queries.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Kring-test-wachtwoord-1';
const SECRET = 'JBSWY3DPEHPK3PXP';

describeEachEngine('care circle', (engine) => {
  let t: TestApp;
  let anja: string; // main caregiver
  let piet: string; // brother, will be restricted
  let fatima: string; // professional, home care
  let stranger: string;
  let homeCare: string;
  let clientId: string;
  const members: Record<string, string> = {};

  async function user(email: string, opts: { totp?: boolean } = {}) {
    const id = await insertUser(t.db, { email, displayName: email.split('@')[0] as string, passwordHash: await hashPassword(PW), personas: [], locale: 'nl', municipalityCode: null, verified: true });
    if (opts.totp) await t.db.query('update users set totp_secret = $2, totp_enabled_at = now() where id = $1', [id, SECRET]);
    return id;
  }
  async function login(email: string, totp = false) {
    return sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, ...(totp ? { totp: currentTotp(SECRET) } : {}) } }));
  }
  const as = (cookie: string) => requestsAs(t.app, cookie);

  beforeAll(async () => {
    t = await createTestApp(engine);
    await user('anja@example.nl');
    await user('piet@example.nl');
    const fatimaId = await user('fatima@zorg.nl', { totp: true });
    await user('vreemde@example.nl');
    homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertMembership(t.db, { organisationId: homeCare, userId: fatimaId, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    anja = await login('anja@example.nl');
    piet = await login('piet@example.nl');
    fatima = await login('fatima@zorg.nl', true);
    stranger = await login('vreemde@example.nl');
  });
  afterAll(async () => t?.close());

  it('lets a caregiver start a circle and become its main caregiver', async () => {
    const res = await as(anja).post('/api/circles', {
      client: { givenName: 'Gerrit', familyName: 'de Vries', birthDate: '1941-03-12', municipalityCode: 'GM0546', careSituation: 'Woont alleen, geheugen gaat achteruit.', careNeeds: ['dementia', 'old_age'] },
      me: { relationshipCode: 'DAUC', helpKinds: ['household', 'administration'], hoursPerWeek: 12 },
      clientCanDecide: false,
    });
    expect(res.statusCode).toBe(201);
    const circle = res.json();
    clientId = circle.client.id;
    expect(circle.client).toMatchObject({ givenName: 'Gerrit', municipalityName: 'Leiden', decider: 'main_caregiver', careNeeds: ['dementia', 'old_age'] });
    expect(circle.myAccess).toMatchObject({ level: 'manage', canDecide: true });
    expect(circle.members).toEqual([expect.objectContaining({ kind: 'caregiver', isMainCaregiver: true, isMe: true, details: expect.objectContaining({ relationshipCode: 'DAUC', roleCode: '01', closeness: 'inner', hoursPerWeek: 12 }) })]);
  });

  it('builds a circle of every kind, including people without an account', async () => {
    const add = (body: object) => as(anja).post(`/api/circles/${clientId}/members`, body);
    const specs: Record<string, object> = {
      piet: { kind: 'relative', givenName: 'Piet', familyName: 'de Vries', relationshipCode: 'SONC', closeness: 'middle', tie: 'strained', helpKinds: ['transport'], hoursPerWeek: 2, email: 'piet@example.nl', accessLevel: 'full' },
      buurvrouw: { kind: 'neighbour', givenName: 'Els', roleCode: '19', relationshipCode: 'OTH', closeness: 'middle', helpKinds: ['emotional'], phone: '06-12345678' },
      vriend: { kind: 'friend', givenName: 'Hans', roleCode: '20', closeness: 'outer', tie: 'weak' },
      vrijwilliger: { kind: 'volunteer', givenName: 'Joost', closeness: 'outer', helpKinds: ['emotional'], availability: 'dinsdagmiddag' },
      huisarts: { kind: 'professional', givenName: 'Dr. Bos', organisationName: 'Huisartsenpraktijk Het Plein', jobTitle: 'Huisarts', closeness: 'outer' },
      zus: { kind: 'caregiver', givenName: 'Marja', familyName: 'de Vries', relationshipCode: 'DAUC', closeness: 'inner', hoursPerWeek: 6 },
    };
    for (const [key, body] of Object.entries(specs)) {
      const res = await add(body);
      expect(res.statusCode, `${key}: ${res.body}`).toBe(201);
      members[key] = res.json().id;
    }
    const circle = (await as(anja).get(`/api/circles/${clientId}`)).json();
    expect(circle.members).toHaveLength(7);
    expect(new Set(circle.members.map((m: { kind: string }) => m.kind))).toEqual(new Set(['caregiver', 'relative', 'neighbour', 'friend', 'volunteer', 'professional']));
    const bad = await add({ kind: 'friend', givenName: 'X', hoursPerWeek: 200, unknown: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const twoMain = await add({ kind: 'friend', givenName: 'Y', isMainCaregiver: true });
    expect(twoMain.statusCode).toBe(400);
  });

  it('invites a member by e-mail; accepting links the account', async () => {
    const inv = await as(anja).post(`/api/circles/${clientId}/members/${members.piet}/invitation`, {});
    expect(inv.statusCode).toBe(201);
    const mail = await lastMailTo(t.db, 'piet@example.nl');
    expect(mail?.body_text).toContain(inv.json().code);
    expect((await as(piet).get(`/api/circles/${clientId}`)).statusCode).toBe(404);
    const preview = await as(piet).get(`/api/circle-invitations/preview?code=${inv.json().code.toLowerCase()}`);
    expect(preview.json()).toMatchObject({ clientGivenName: 'Gerrit', memberName: 'Piet de Vries' });
    expect((await as(piet).post('/api/circle-invitations/accept', { code: inv.json().code })).json()).toEqual({ clientId });
    const seen = (await as(piet).get(`/api/circles/${clientId}`)).json();
    expect(seen.myAccess.level).toBe('full');
    expect((await as(piet).get(`/api/circles`)).json().items).toEqual([expect.objectContaining({ clientId, memberKind: 'relative' })]);
    expect((await as(piet).post('/api/circle-invitations/accept', { code: inv.json().code })).json().code).toBe('token_invalid');
  });

  it('restricts a member to agenda and messages: no notes, no map details, anywhere', async () => {
    expect((await as(anja).post(`/api/circles/${clientId}/notes`, { body: 'Vader sliep slecht deze week.' })).statusCode).toBe(201);
    expect((await as(piet).get(`/api/circles/${clientId}/notes`)).json().items).toHaveLength(1);
    const decide = await as(anja).post(`/api/circles/${clientId}/consents`, { memberId: members.piet, decision: 'permit', accessLevel: 'agenda' });
    expect(decide.statusCode).toBe(201);
    const view = (await as(piet).get(`/api/circles/${clientId}`)).json();
    expect(view.myAccess.level).toBe('agenda');
    expect(view.client).toMatchObject({ birthDate: null, careSituation: null, careNeeds: [] });
    expect(view.members.every((m: { details: unknown }) => m.details === null)).toBe(true);
    expect(view.organisations).toEqual([]);
    const notes = await as(piet).get(`/api/circles/${clientId}/notes`);
    expect(notes.statusCode).toBe(403);
    expect(notes.headers['content-type']).toMatch(/problem\+json/);
    expect((await as(piet).get(`/api/circles/${clientId}/consents`)).statusCode).toBe(403);
    expect((await as(piet).post(`/api/circles/${clientId}/members`, { kind: 'friend', givenName: 'Z' })).statusCode).toBe(403);
    // Piet cannot lift his own restriction.
    expect((await as(piet).post(`/api/circles/${clientId}/consents`, { memberId: members.piet, decision: 'permit', accessLevel: 'manage' })).statusCode).toBe(403);
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log where client_id = $1 and outcome = 'success' and action = 'read' and user_id = (select id from users where email = 'piet@example.nl')", [clientId]);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('ends temporary access on its end date', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await as(anja).post(`/api/circles/${clientId}/consents`, { memberId: members.piet, decision: 'permit', accessLevel: 'full', validUntil: tomorrow });
    expect((await as(piet).get(`/api/circles/${clientId}/notes`)).statusCode).toBe(200);
    t.advance(3 * 86_400_000);
    const fresh = await login('piet@example.nl');
    expect((await as(fresh).get(`/api/circles/${clientId}`)).statusCode).toBe(404);
    t.advance(-3 * 86_400_000);
    piet = await login('piet@example.nl');
    const past = await as(anja).post(`/api/circles/${clientId}/consents`, { memberId: members.piet, decision: 'permit', accessLevel: 'agenda', validUntil: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    await as(anja).post(`/api/circles/${clientId}/consents`, { memberId: members.piet, decision: 'permit', accessLevel: 'agenda' });
  });

  it('shows an organisation nothing without a link and consent; a code links it', async () => {
    expect((await as(fatima).get(`/api/circles/${clientId}`)).statusCode).toBe(404);
    expect((await as(stranger).get(`/api/circles/${clientId}`)).statusCode).toBe(404);
    const code = (await as(anja).post(`/api/circles/${clientId}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as(fatima).post('/api/circle-invitations/accept', { code })).json()).toEqual({ clientId });
    const view = (await as(fatima).get(`/api/circles/${clientId}`)).json();
    expect(view.myAccess.level).toBe('full');
    expect(view.client.careSituation).toContain('geheugen');
    const owner = (await as(anja).get(`/api/circles/${clientId}`)).json();
    expect(owner.organisations).toEqual([expect.objectContaining({ name: 'Thuiszorg Leiden', accessLevel: 'full' })]);
    // A BSN needs an organisation that manages the circle; it must pass the elfproef.
    expect((await as(fatima).patch(`/api/circles/${clientId}`, { bsn: '111222333' })).statusCode).toBe(403);
    expect((await as(anja).post(`/api/circles/${clientId}/consents`, { organisationId: homeCare, decision: 'permit', accessLevel: 'manage' })).statusCode).toBe(201);
    expect((await as(fatima).patch(`/api/circles/${clientId}`, { bsn: '123456789' })).statusCode).toBe(400);
    expect((await as(fatima).patch(`/api/circles/${clientId}`, { bsn: '111222333' })).json().client.bsn).toBe('111222333');
    // The decider ends the link: the organisation sees nothing again.
    expect((await as(anja).del(`/api/circles/${clientId}/organisations/${homeCare}`)).statusCode).toBe(204);
    expect((await as(fatima).get(`/api/circles/${clientId}`)).statusCode).toBe(404);
  });

  it('keeps every consent decision as history', async () => {
    const history = (await as(anja).get(`/api/circles/${clientId}/consents`)).json().items as { memberId: string | null; current: boolean; decision: string }[];
    const forPiet = history.filter((h) => h.memberId === members.piet);
    expect(forPiet.length).toBeGreaterThanOrEqual(4);
    expect(forPiet.filter((h) => h.current)).toHaveLength(1);
    expect(history.some((h) => h.decision === 'deny')).toBe(true);
  });

  it('lets a member leave, and the decider read who looked at the data only with 2FA', async () => {
    expect((await as(piet).del(`/api/circles/${clientId}/members/${members.piet}`)).statusCode).toBe(204);
    expect((await as(piet).get(`/api/circles/${clientId}`)).statusCode).toBe(404);
    const log = await as(anja).get(`/api/circles/${clientId}/access-log`);
    expect(log.statusCode).toBe(403);
    expect(log.json().code).toBe('mfa_required');
    await t.db.query("update sessions set mfa_verified = true where user_id = (select id from users where email = 'anja@example.nl')");
    const ok = (await as(anja).get(`/api/circles/${clientId}/access-log?pageSize=100`)).json();
    expect(ok.total).toBeGreaterThan(5);
    expect(ok.items.some((i: { user: string; action: string }) => i.user === 'fatima' && i.action === 'read')).toBe(true);
  });
});

describe('elfproef', () => {
  it('accepts valid and refuses invalid BSNs', async () => {
    const { elfProef } = await import('../../../common/circle-schemas.ts');
    expect(elfProef('111222333')).toBe(true);
    expect(elfProef('123456782')).toBe(true);
    expect(elfProef('123456789')).toBe(false);
    expect(elfProef('000000000')).toBe(false);
  });
});
