import { beforeAll, expect, it } from 'vitest';
import { createTestCircle, testAccounts, requestsAs, useTestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { keyInfoMessages } from '../../../common/messages/key-info.ts';

const PW = 'Belangrijk-test-wachtwoord-1';

describeEachEngine('key information of a circle', (engine) => {
  const t = useTestApp(engine);
  const accounts = testAccounts(t, PW);
  const as = (key: string) => requestsAs(t.app, accounts.cookies[key]);
  let clientId: string;
  let members: Record<string, string>;
  const url = (path = '') => `/api/circles/${clientId}/key-info${path}`;

  beforeAll(async () => {
    for (const key of ['anja', 'piet', 'karin', 'stranger']) await accounts.create(key);
    for (const key of ['anja', 'piet', 'karin', 'stranger']) await accounts.login(key);
    const circle = await createTestCircle(
      as('anja'),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: false },
      {
        piet: { kind: 'relative', givenName: 'Piet', familyName: 'de Vries', email: 'piet@example.nl', accessLevel: 'agenda' },
        karin: { kind: 'caregiver', givenName: 'Karin', familyName: 'de Vries', email: 'karin@example.nl', accessLevel: 'full' },
      },
    );
    clientId = circle.clientId;
    members = circle.members;
    // As if Piet and Karin accepted their invitations (the invitation flow is tested in circles/).
    await t.db.query('update circle_members set user_id = $2 where id = $1', [members.piet, accounts.users.piet]);
    await t.db.query('update circle_members set user_id = $2 where id = $1', [members.karin, accounts.users.karin]);
  });

  it('adds, lists and removes contacts, medicines and emergency plan rows', async () => {
    expect((await as('anja').get(url())).json()).toEqual({ contacts: [], medications: [], emergencyPlan: [] });
    const pharmacy = await as('anja').post(url('/contacts'), { kind: 'pharmacy', name: 'Apotheek Noord', phone: '071 514 22 10' });
    expect(pharmacy.statusCode, pharmacy.body).toBe(201);
    const gp = await as('karin').post(url('/contacts'), { kind: 'gp', name: 'Dr. Bos', phone: '071-5123456', note: 'Na 17 uur de huisartsenpost' });
    expect(gp.statusCode, gp.body).toBe(201);
    const med = await as('anja').post(url('/medications'), { name: 'Galantamine', dose: '16 mg', when: "'s ochtends" });
    expect(med.statusCode, med.body).toBe(201);
    const byMember = await as('anja').post(url('/emergency-plan'), { task: 'Boodschappen', takeoverMemberId: members.karin });
    expect(byMember.statusCode, byMember.body).toBe(201);
    const byName = await as('anja').post(url('/emergency-plan'), { task: 'Langsgaan', takeoverName: 'Els (buurvrouw)', note: 'Heeft een sleutel' });
    expect(byName.statusCode, byName.body).toBe(201);

    const info = (await as('karin').get(url())).json();
    expect(info.contacts).toEqual([
      { id: gp.json().id, kind: 'gp', name: 'Dr. Bos', phone: '071-5123456', note: 'Na 17 uur de huisartsenpost' },
      { id: pharmacy.json().id, kind: 'pharmacy', name: 'Apotheek Noord', phone: '071 514 22 10', note: null },
    ]);
    expect(info.medications).toEqual([{ id: med.json().id, name: 'Galantamine', dose: '16 mg', when: "'s ochtends", note: null }]);
    expect(info.emergencyPlan).toEqual([
      { id: byMember.json().id, task: 'Boodschappen', takeover: { memberId: members.karin, name: 'Karin de Vries' }, note: null },
      { id: byName.json().id, task: 'Langsgaan', takeover: { memberId: null, name: 'Els (buurvrouw)' }, note: 'Heeft een sleutel' },
    ]);

    expect((await as('anja').del(url(`/contacts/${pharmacy.json().id}`))).statusCode).toBe(204);
    expect((await as('anja').del(url(`/medications/${med.json().id}`))).statusCode).toBe(204);
    expect((await as('anja').del(url(`/emergency-plan/${byName.json().id}`))).statusCode).toBe(204);
    // Gone, and an id of another part is not found there.
    expect((await as('anja').del(url(`/contacts/${pharmacy.json().id}`))).statusCode).toBe(404);
    expect((await as('anja').del(url(`/medications/${gp.json().id}`))).statusCode).toBe(404);
    const after = (await as('anja').get(url())).json();
    expect(after.contacts.map((c: { id: string }) => c.id)).toEqual([gp.json().id]);
    expect(after.medications).toEqual([]);
    expect(after.emergencyPlan.map((p: { id: string }) => p.id)).toEqual([byMember.json().id]);

    const { rows } = await t.db.query<{ action: string; resource_type: string; outcome: string }>(
      "select action, resource_type, outcome from audit_log where client_id = $1 and resource_type like 'key_%' order by occurred_at, id",
      [clientId],
    );
    expect(rows.filter((r) => r.action === 'read' && r.resource_type === 'key_info')).toHaveLength(3);
    expect(rows.filter((r) => r.action === 'delete' && r.outcome !== 'denied').map((r) => r.resource_type)).toEqual(['key_contact', 'key_medication', 'key_emergency_plan']);
  });

  it('refuses an agenda-level member (403) and an outsider (404), and logs the refusal', async () => {
    const contact = (await as('anja').post(url('/contacts'), { kind: 'case_manager', name: 'Ellen' })).json().id as string;
    for (const who of ['piet', 'stranger']) {
      const status = who === 'piet' ? 403 : 404;
      expect((await as(who).get(url())).statusCode).toBe(status);
      expect((await as(who).post(url('/contacts'), { kind: 'gp', name: 'X' })).statusCode).toBe(status);
      expect((await as(who).post(url('/medications'), { name: 'X' })).statusCode).toBe(status);
      expect((await as(who).post(url('/emergency-plan'), { task: 'X', takeoverName: 'Y' })).statusCode).toBe(status);
      expect((await as(who).del(url(`/contacts/${contact}`))).statusCode).toBe(status);
    }
    expect((await as('anja').get(url())).json().contacts.map((c: { id: string }) => c.id)).toContain(contact);
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from audit_log where user_id = $1 and outcome = 'denied' and resource_type = 'key_info'", [accounts.users.piet]);
    expect(rows[0]?.n).toBe(1);
    expect((await requestsAs(t.app, undefined).get(url())).statusCode).toBe(401);
  });

  it('answers bad input with a 400 problem', async () => {
    const bad = async (path: string, body: object, messageKey?: keyof typeof keyInfoMessages) => {
      const res = await as('anja').post(url(path), body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('validation_failed');
      // Our own messages, in the caller's language (Dutch by default).
      if (messageKey) expect(res.json().errors.map((e: { message: string }) => e.message)).toContain(keyInfoMessages[messageKey].nl);
    };
    await bad('/contacts', { kind: 'dentist', name: 'X' }, 'key_contact_kind_invalid');
    await bad('/contacts', { kind: 'gp', name: '   ' }, 'key_info_name_missing');
    await bad('/contacts', { kind: 'gp', name: 'X', phone: 'bel maar' }, 'key_info_phone_invalid');
    await bad('/contacts', { kind: 'gp', name: 'X', extra: 1 });
    await bad('/medications', { name: 'X', dose: 'x'.repeat(201) }, 'key_info_text_too_long');
    await bad('/emergency-plan', { task: 'Koken' }, 'key_info_takeover_missing');
    await bad('/emergency-plan', { task: 'Koken', takeoverMemberId: 'nope' });
    await bad('/emergency-plan', { task: 'Koken', takeoverMemberId: '00000000-0000-4000-8000-000000000000' }, 'key_info_takeover_not_member');
    expect((await as('anja').del(url('/contacts/not-an-id'))).statusCode).toBe(400);
  });
});
