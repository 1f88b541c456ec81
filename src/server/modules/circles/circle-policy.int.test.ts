import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestCircle, createTestUser, lastMailTo, sessionCookie, TEST_TOTP_SECRET, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { AddMemberInput, dutchToday, StartCircleInput, UpdateClientInput } from '../../../common/circle-schemas.ts';

const PW = 'Kringbeleid-wachtwoord-1';

/** Issue 13: deciding roles, one level per field, the access log of lists and refusals, dates. */
describeEachEngine('circle policy (issue 13)', (engine) => {
  let t: TestApp;
  let anja: string; // main caregiver, decides (Gerrit cannot)
  let hans: string; // friend with "manage", does not decide
  let fatima: string; // professional, home care, "full"
  let stranger: string;
  let homeCare: string;
  let gerrit: string;
  let other: string; // a second circle of Anja's
  let registered: string; // a client Fatima's organisation registered itself
  const m: Record<string, string> = {};

  const as = (cookie: string) => requestsAs(t.app, cookie);
  const login = async (email: string, totp = false) =>
    sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, ...(totp ? { totp: currentTotp(TEST_TOTP_SECRET) } : {}) } }));
  const userId = async (email: string) => (await t.db.query<{ id: string }>('select id from users where email = $1', [email])).rows[0]?.id;
  const members = async () =>
    (await t.db.query<{ id: string; given_name: string; kind: string; is_main_caregiver: boolean; is_representative: boolean }>('select id, given_name, kind, is_main_caregiver, is_representative from circle_members where client_id = $1 and left_at is null order by given_name', [gerrit])).rows;
  const auditLines = async (where: string, params: unknown[]) =>
    (await t.db.query<{ action: string; resource_type: string; client_id: string | null; tenant_key: string | null; organisation_id: string | null; outcome: string; detail: Record<string, unknown> }>(`select * from audit_log where ${where} order by id`, params)).rows;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const email of ['anja@example.nl', 'hans@example.nl', 'vreemde@example.nl']) await createTestUser(t.db, { email, password: PW });
    const fatimaId = await createTestUser(t.db, { email: 'fatima@zorg.nl', password: PW, totp: true });
    homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertMembership(t.db, { organisationId: homeCare, userId: fatimaId, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    anja = await login('anja@example.nl');
    hans = await login('hans@example.nl');
    stranger = await login('vreemde@example.nl');
    fatima = await login('fatima@zorg.nl', true);

    const circle = await createTestCircle(
      as(anja),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', birthDate: '1941-03-12', municipalityCode: 'GM0546', careSituation: 'Geheugen gaat achteruit.' }, clientCanDecide: false },
      {
        hans: { kind: 'friend', givenName: 'Hans', email: 'hans@example.nl', accessLevel: 'manage' },
        marja: { kind: 'caregiver', givenName: 'Marja', email: 'marja@example.nl' },
      },
    );
    gerrit = circle.clientId;
    Object.assign(m, { anja: circle.starter }, circle.members);
    other = (await as(anja).post('/api/circles', { client: { givenName: 'Truus', familyName: 'Bakker', municipalityCode: 'GM0546' }, clientCanDecide: true })).json().client.id;
    const invite = (await as(anja).post(`/api/circles/${gerrit}/members/${m.hans}/invitation`, {})).json();
    expect((await as(hans).post('/api/circle-invitations/accept', { code: invite.code })).statusCode).toBe(200);
    const orgCode = (await as(anja).post(`/api/circles/${gerrit}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as(fatima).post('/api/circle-invitations/accept', { code: orgCode })).statusCode).toBe(200);
    const reg = await as(fatima).post('/api/clients', { organisationId: homeCare, client: { givenName: 'Wim', familyName: 'Jansen', municipalityCode: 'GM0193' }, clientCanDecide: true });
    expect(reg.statusCode, reg.body).toBe(201);
    registered = reg.json().client.id;
  });
  afterAll(async () => t?.close());

  describe('1. only the decider gives or moves the deciding roles', () => {
    it('refuses a member with "manage" who makes themselves main caregiver or representative, and changes nothing', async () => {
      const view = (await as(hans).get(`/api/circles/${gerrit}`)).json();
      expect(view.myAccess).toMatchObject({ level: 'manage', canDecide: false, memberId: m.hans });
      const before = await members();
      for (const body of [{ kind: 'caregiver', isMainCaregiver: true }, { isRepresentative: true }, { kind: 'caregiver', isMainCaregiver: true, isRepresentative: true }]) {
        const res = await as(hans).patch(`/api/circles/${gerrit}/members/${m.hans}`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
        expect(res.json()).toMatchObject({ code: 'forbidden', messageKey: 'member_roles_decider_only' });
      }
      // Nor on someone else, nor taking the role from the main caregiver.
      expect((await as(hans).patch(`/api/circles/${gerrit}/members/${m.marja}`, { isMainCaregiver: true })).statusCode).toBe(403);
      expect((await as(hans).patch(`/api/circles/${gerrit}/members/${m.anja}`, { isMainCaregiver: false })).statusCode).toBe(403);
      expect(await members()).toEqual(before);
      // So Hans cannot go on to deny the real main caregiver.
      expect((await as(hans).post(`/api/circles/${gerrit}/consents`, { memberId: m.anja, decision: 'deny' })).statusCode).toBe(403);
      // The refusals are in the access log, with the client, though their transactions rolled back.
      const denied = await auditLines("user_id = $1 and outcome = 'denied' and resource_type = 'circle_member'", [await userId('hans@example.nl')]);
      expect(denied.length).toBeGreaterThanOrEqual(5);
      expect(denied[0]).toMatchObject({ action: 'update', client_id: gerrit, tenant_key: 'GM0546', detail: expect.objectContaining({ needed: 'decide', code: 'forbidden' }) });
    });

    it('refuses new members with a deciding role from a non-decider, and their removal', async () => {
      const count = (await members()).length;
      for (const body of [{ kind: 'caregiver', givenName: 'Kees', isMainCaregiver: true }, { kind: 'relative', givenName: 'Kees', isRepresentative: true }]) {
        const res = await as(hans).post(`/api/circles/${gerrit}/members`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
        expect(res.json().messageKey).toBe('member_roles_decider_only');
      }
      expect(await members()).toHaveLength(count);
      // Removing the main caregiver would take the role away, too.
      expect((await as(hans).del(`/api/circles/${gerrit}/members/${m.anja}`)).statusCode).toBe(403);
      expect((await members()).find((x) => x.id === m.anja)?.is_main_caregiver).toBe(true);
    });

    it('still lets a non-decider with "manage" add and edit members (roles sent unchanged are fine)', async () => {
      expect((await as(hans).post(`/api/circles/${gerrit}/members`, { kind: 'neighbour', givenName: 'Els', isMainCaregiver: false, isRepresentative: false })).statusCode).toBe(201);
      expect((await as(hans).patch(`/api/circles/${gerrit}/members/${m.hans}`, { hoursPerWeek: 3, isMainCaregiver: false, isRepresentative: false })).statusCode).toBe(204);
      expect((await as(hans).patch(`/api/circles/${gerrit}/members/${m.anja}`, { hoursPerWeek: 30, isMainCaregiver: true })).statusCode).toBe(204);
    });

    it('refuses a main caregiver who is not a caregiver with 400, not a database error', async () => {
      const res = await as(anja).patch(`/api/circles/${gerrit}/members/${m.anja}`, { kind: 'friend' });
      expect(res.statusCode).toBe(400);
      expect(res.json().messageKey).toBe('main_caregiver_must_be_caregiver');
    });

    it('lets the decider move the main-caregiver role: one main caregiver, logged, and the previous decider is told by mail', async () => {
      const res = await as(anja).patch(`/api/circles/${gerrit}/members/${m.marja}`, { isMainCaregiver: true });
      expect(res.statusCode, res.body).toBe(204);
      expect((await members()).filter((x) => x.is_main_caregiver).map((x) => x.id)).toEqual([m.marja]);
      const roles = await auditLines("client_id = $1 and resource_type = 'circle_role'", [gerrit]);
      expect(roles).toEqual([
        expect.objectContaining({ action: 'update', client_id: gerrit, tenant_key: 'GM0546', outcome: 'success', detail: { role: 'main_caregiver', from: true, to: false } }),
        expect.objectContaining({ action: 'update', client_id: gerrit, tenant_key: 'GM0546', outcome: 'success', detail: { role: 'main_caregiver', from: false, to: true } }),
      ]);
      const mail = await lastMailTo(t.db, 'anja@example.nl');
      expect(mail?.subject).toBe('Verandering in de zorgkring van Gerrit');
      expect(mail?.body_text).toContain('Marja is nu de hoofdmantelzorger.');
      expect(mail?.body_text).toContain('anja is niet meer de hoofdmantelzorger.');
      expect(mail?.body_text).not.toContain('Geheugen');
      // Anja no longer decides: Marja does.
      expect((await as(anja).get(`/api/circles/${gerrit}`)).json().myAccess.canDecide).toBe(false);
    });
  });

  describe('2. each field of the client needs one level, whatever else is in the change', () => {
    it('refuses a professional with "full" a BSN, alone or with other fields, and changes nothing', async () => {
      expect((await as(fatima).get(`/api/circles/${gerrit}`)).json().myAccess.level).toBe('full');
      for (const body of [{ bsn: '111222333' }, { givenName: 'Gert', bsn: '111222333' }, { careSituation: 'Anders', bsn: null }, { givenName: 'Gert' }]) {
        const res = await as(fatima).patch(`/api/circles/${gerrit}`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
      }
      const { rows } = await t.db.query<{ given_name: string; bsn: string | null; care_situation: string }>('select given_name, bsn, care_situation from clients where id = $1', [gerrit]);
      expect(rows[0]).toEqual({ given_name: 'Gerrit', bsn: null, care_situation: 'Geheugen gaat achteruit.' });
    });

    it('keeps the BSN for a professional whose organisation manages the circle', async () => {
      // Hans manages, but is no professional.
      expect((await as(hans).patch(`/api/circles/${gerrit}`, { bsn: '111222333' })).json().messageKey).toBe('bsn_professional_only');
      expect((await as(fatima).patch(`/api/circles/${registered}`, { givenName: 'Willem', bsn: '111222333' })).json().client).toMatchObject({ givenName: 'Willem', bsn: '111222333' });
    });
  });

  describe('7. the access log holds one line per client shown, and the refusals', () => {
    it('logs my circles per client, with client and tenant', async () => {
      const anjaId = await userId('anja@example.nl');
      const items = (await as(anja).get('/api/circles')).json().items as { clientId: string }[];
      expect(items.map((i) => i.clientId).sort()).toEqual([gerrit, other].sort());
      const lines = await auditLines("user_id = $1 and detail->>'list' = 'my_circles'", [anjaId]);
      expect(lines.map((l) => l.client_id).sort()).toEqual([gerrit, other].sort());
      expect(lines.every((l) => l.tenant_key === 'GM0546' && l.action === 'read' && l.outcome === 'success')).toBe(true);
    });

    it('logs a read of the invitations with the client', async () => {
      const hansId = await userId('hans@example.nl');
      expect((await as(hans).get(`/api/circles/${gerrit}/invitations`)).statusCode).toBe(200);
      expect(await auditLines("user_id = $1 and resource_type = 'circle_invitation' and action = 'read'", [hansId])).toEqual([expect.objectContaining({ client_id: gerrit, tenant_key: 'GM0546', outcome: 'success' })]);
    });

    it('logs the caseload per client shown, with the organisation', async () => {
      const fatimaId = await userId('fatima@zorg.nl');
      const list = (await as(fatima).get(`/api/organisations/${homeCare}/clients`)).json();
      expect(list.total).toBe(2);
      const lines = await auditLines("user_id = $1 and action = 'search'", [fatimaId]);
      expect(lines.map((l) => l.client_id).sort()).toEqual([gerrit, registered].sort());
      expect(lines.map((l) => l.tenant_key).sort()).toEqual(['GM0193', 'GM0546']);
      expect(lines.every((l) => l.organisation_id === homeCare)).toBe(true);
      // A read by the professional carries the organisation too.
      await as(fatima).get(`/api/circles/${gerrit}`);
      expect((await auditLines("user_id = $1 and action = 'read' and resource_type = 'client'", [fatimaId])).at(-1)).toMatchObject({ client_id: gerrit, organisation_id: homeCare });
    });

    it('logs refused attempts: no access (404), too little (403), and a client that does not exist', async () => {
      const strangerId = await userId('vreemde@example.nl');
      expect((await as(stranger).get(`/api/circles/${gerrit}`)).statusCode).toBe(404);
      expect((await as(stranger).get(`/api/circles/${gerrit}/invitations`)).statusCode).toBe(404);
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await as(stranger).get(`/api/circles/${missing}`)).statusCode).toBe(404);
      const lines = await auditLines("user_id = $1 and outcome = 'denied'", [strangerId]);
      expect(lines).toEqual([
        expect.objectContaining({ action: 'read', resource_type: 'client', client_id: gerrit, tenant_key: 'GM0546', detail: { needed: 'agenda', code: 'not_found' } }),
        expect.objectContaining({ action: 'read', resource_type: 'circle_invitation', client_id: gerrit, detail: { needed: 'manage', code: 'not_found' } }),
        expect.objectContaining({ client_id: null, detail: { needed: 'agenda', code: 'not_found', requestedClientId: missing } }),
      ]);
      // Fatima ("full") may not read the invitations ("manage"): refused, with her organisation.
      expect((await as(fatima).get(`/api/circles/${gerrit}/invitations`)).statusCode).toBe(403);
      expect((await auditLines("user_id = $1 and outcome = 'denied'", [await userId('fatima@zorg.nl')])).at(-1)).toMatchObject({ resource_type: 'circle_invitation', client_id: gerrit, organisation_id: homeCare });
      // A refused decision (assertCanDecide) is logged as well.
      expect((await as(hans).post(`/api/circles/${gerrit}/consents`, { memberId: m.hans, decision: 'permit', accessLevel: 'manage' })).statusCode).toBe(403);
      expect((await auditLines("user_id = $1 and outcome = 'denied' and resource_type = 'consent'", [await userId('hans@example.nl')])).at(-1)).toMatchObject({ client_id: gerrit, detail: { needed: 'decide', code: 'forbidden' } });
    });
  });

  describe('10. a birth date (or a "since" date) cannot lie in the future', () => {
    const tomorrow = () => dutchToday(new Date(Date.now() + 2 * 86_400_000));

    it('refuses it on the API with a Dutch message', async () => {
      const start = await as(anja).post('/api/circles', { client: { givenName: 'Baby', familyName: 'X', birthDate: tomorrow(), municipalityCode: 'GM0546' }, clientCanDecide: false });
      expect(start.statusCode).toBe(400);
      expect(start.json().errors).toEqual([expect.objectContaining({ path: '/client/birthDate', message: 'Een geboortedatum kan niet in de toekomst liggen.' })]);
      expect((await as(fatima).patch(`/api/circles/${registered}`, { birthDate: tomorrow() })).statusCode).toBe(400);
      expect((await as(fatima).post('/api/clients', { organisationId: homeCare, client: { givenName: 'Y', familyName: 'Z', birthDate: tomorrow(), municipalityCode: 'GM0546' }, clientCanDecide: true })).statusCode).toBe(400);
      expect((await as(fatima).post(`/api/circles/${registered}/members`, { kind: 'friend', givenName: 'Q', since: tomorrow() })).statusCode).toBe(400);
      expect((await as(fatima).patch(`/api/circles/${registered}`, { birthDate: dutchToday() })).statusCode).toBe(200);
    });

    it('refuses it in the shared schemas the web forms use too', () => {
      expect(UpdateClientInput.safeParse({ birthDate: tomorrow() }).success).toBe(false);
      expect(UpdateClientInput.safeParse({ birthDate: '1950-01-01' }).success).toBe(true);
      expect(StartCircleInput.safeParse({ client: { givenName: 'A', familyName: 'B', birthDate: tomorrow(), municipalityCode: 'GM0546' }, clientCanDecide: true }).success).toBe(false);
      expect(AddMemberInput.safeParse({ kind: 'friend', givenName: 'A', since: tomorrow() }).success).toBe(false);
    });
  });
});
