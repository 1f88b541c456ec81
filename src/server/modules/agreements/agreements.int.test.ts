import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestCircle, createTestUser, sessionCookie, TEST_TOTP_SECRET, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { agreementStatus, missingSteps } from '../../../common/agreements.ts';
import type { CarePlan } from '../../../fhir/care-plan.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Afspraken-wachtwoord-1';

/** Issue 16: agreements on who does what, the boundaries of risky and reserved tasks, and reviews. */
describeEachEngine('agreements (issue 16)', (engine) => {
  let t: TestApp;
  let anja: string; // main caregiver, manage
  let joost: string; // volunteer, agenda
  let fatima: string; // professional of a linked organisation, full
  let orgAdmin: string;
  let stranger: string;
  let gerrit: string;
  let homeCare: string;
  const ids: Record<string, string> = {};
  const made: Record<string, string> = {};

  const as = (cookie: string) => requestsAs(t.app, cookie);
  const login = async (email: string, totp = false) =>
    sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, ...(totp ? { totp: currentTotp(TEST_TOTP_SECRET) } : {}) } }));
  const add = async (cookie: string, body: Record<string, unknown>) => {
    const res = await as(cookie).post(`/api/circles/${gerrit}/agreements`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const one = async (cookie: string, id: string | undefined) => {
    const res = await as(cookie).get(`/api/circles/${gerrit}/agreements/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const step = (cookie: string, id: string | undefined, body: Record<string, unknown>) => as(cookie).post(`/api/circles/${gerrit}/agreements/${id}/boundary`, body);

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const email of ['anja@example.nl', 'joost@example.nl', 'vreemde@example.nl']) ids[email] = await createTestUser(t.db, { email, password: PW });
    ids.fatima = await createTestUser(t.db, { email: 'fatima@zorg.nl', password: PW, totp: true });
    ids.admin = await createTestUser(t.db, { email: 'beheer@zorg.nl', password: PW, totp: true });
    homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertMembership(t.db, { organisationId: homeCare, userId: ids.fatima, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    await insertMembership(t.db, { organisationId: homeCare, userId: ids.admin, role: 'org_admin', jobTitle: 'Beheerder' });
    anja = await login('anja@example.nl');
    joost = await login('joost@example.nl');
    stranger = await login('vreemde@example.nl');
    fatima = await login('fatima@zorg.nl', true);
    orgAdmin = await login('beheer@zorg.nl', true);
    const circle = await createTestCircle(
      as(anja),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, clientCanDecide: false },
      { joost: { kind: 'volunteer', givenName: 'Joost', email: 'joost@example.nl', accessLevel: 'agenda' } },
    );
    gerrit = circle.clientId;
    const invite = (await as(anja).post(`/api/circles/${gerrit}/members/${circle.members.joost}/invitation`, {})).json();
    expect((await as(joost).post('/api/circle-invitations/accept', { code: invite.code })).statusCode).toBe(200);
    const orgCode = (await as(anja).post(`/api/circles/${gerrit}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as(fatima).post('/api/circle-invitations/accept', { code: orgCode })).statusCode).toBe(200);

    made.groceries = await add(anja, { taskCode: 'household-groceries', memberUserId: ids['joost@example.nl'], recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['TU', 'TH'] }, since: '2026-01-01' });
    made.admin = await add(anja, { taskCode: 'administration-finances', memberUserId: ids['anja@example.nl'], reviewDate: '2026-01-15' });
    made.free = await add(anja, { taskText: 'Planten water geven', memberName: 'Buurvrouw Els' });
    made.insulin = await add(anja, { taskCode: 'medication-injection', memberUserId: ids['anja@example.nl'], recurrence: { frequency: 'daily', interval: 1 } });
  });
  afterAll(async () => t?.close());

  it('full level reads all agreements; a volunteer reads only the ones where they are the member', async () => {
    const all = (await as(anja).get(`/api/circles/${gerrit}/agreements`)).json().items as { id: string }[];
    expect(all.map((a) => a.id).sort()).toEqual(Object.values(made).sort());
    expect((await as(fatima).get(`/api/circles/${gerrit}/agreements`)).json().items).toHaveLength(4);
    const theirs = (await as(joost).get(`/api/circles/${gerrit}/agreements`)).json().items as { id: string; frequency: string }[];
    expect(theirs.map((a) => a.id)).toEqual([made.groceries]);
    expect(theirs[0]?.frequency).toBe('Elke week op dinsdag en donderdag');
    expect((await as(joost).get(`/api/circles/${gerrit}/agreements/${made.insulin}`)).statusCode).toBe(404);
    expect((await as(stranger).get(`/api/circles/${gerrit}/agreements`)).statusCode).toBe(404);
  });

  it('a volunteer cannot add, change or delete agreements', async () => {
    expect((await as(joost).post(`/api/circles/${gerrit}/agreements`, { taskText: 'x', memberName: 'y' })).statusCode).toBe(403);
    expect((await as(joost).patch(`/api/circles/${gerrit}/agreements/${made.groceries}`, { notes: 'Ik stop' })).statusCode).toBe(403);
    expect((await as(joost).del(`/api/circles/${gerrit}/agreements/${made.groceries}`)).statusCode).toBe(403);
  });

  it('every read writes an access-log line', async () => {
    const count = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from audit_log where resource_type = 'agreement' and action = 'read' and user_id = $1`, [ids['joost@example.nl']])).rows[0]?.n ?? 0;
    const before = await count();
    await as(joost).get(`/api/circles/${gerrit}/agreements`);
    await as(joost).get(`/api/circles/${gerrit}/agreements/${made.groceries}`);
    expect((await count()) - before).toBe(2);
  });

  it('a reserved task is not yet allowed until instruction, competence, sign-off and a review date are recorded; only professionals record them', async () => {
    let a = await one(anja, made.insulin);
    expect(a).toMatchObject({ risk: 'reserved', status: 'not_allowed' });
    expect(a.reasons.map((r: { key: string }) => r.key)).toEqual(['agreement_missing_instruction', 'agreement_missing_competence', 'agreement_missing_signoff', 'agreement_missing_review_date']);
    expect(a.reasons[0].text).toContain('uitleg');

    for (const s of ['instruction', 'competence', 'signoff']) {
      const res = await step(anja, made.insulin, { step: s });
      expect(res.statusCode, s).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await step(joost, made.insulin, { step: 'signoff' })).statusCode).toBe(403);

    expect((await step(fatima, made.insulin, { step: 'instruction', by: 'Fatima Yilmaz', on: '2026-12-01' })).statusCode).toBe(204);
    a = await one(anja, made.insulin);
    expect(a.status).toBe('not_allowed');
    expect(a.boundary.instruction).toMatchObject({ by: 'Fatima Yilmaz', on: '2026-12-01' });
    expect(a.reasons.map((r: { key: string }) => r.key)).toEqual(['agreement_missing_competence', 'agreement_missing_signoff', 'agreement_missing_review_date']);
    expect((await step(fatima, made.insulin, { step: 'competence' })).statusCode).toBe(204);
    expect((await step(fatima, made.insulin, { step: 'signoff', reviewDate: '2027-06-01' })).statusCode).toBe(204);
    a = await one(anja, made.insulin);
    expect(a).toMatchObject({ status: 'active', reasons: [], reviewDate: '2027-06-01' });

    // A new member starts the steps over.
    expect((await as(anja).patch(`/api/circles/${gerrit}/agreements/${made.insulin}`, { memberUserId: null, memberName: 'Buurman Piet' })).statusCode).toBe(204);
    a = await one(anja, made.insulin);
    expect(a.status).toBe('not_allowed');
    expect(a.boundary).toEqual({ instruction: null, competence: null, signoff: null });

    // An ordinary task needs no steps.
    expect((await step(fatima, made.groceries, { step: 'signoff' })).statusCode).toBe(409);
    expect((await one(anja, made.groceries)).status).toBe('active');
  });

  it('assigning a reserved task notifies the linked professionals (signoff_needed)', async () => {
    const { rows } = await t.db.query<{ email: string; link: string }>(`select u.email, n.link from notifications n join users u on u.id = n.user_id where n.kind = 'signoff_needed' order by u.email`);
    expect(rows.map((r) => r.email)).toEqual(['fatima@zorg.nl']);
    expect(rows[0]?.link).toBeNull(); // no agreement page yet
  });

  it("an organisation's own list makes a task risky for its clients; only its admin changes the list", async () => {
    const list = await as(fatima).get(`/api/organisations/${homeCare}/reserved-tasks`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.find((x: { code: string }) => x.code === 'medication-injection')).toMatchObject({ risk: 'reserved', defaultRisk: 'reserved' });
    expect((await as(fatima).put(`/api/organisations/${homeCare}/reserved-tasks`, { tasks: [{ code: 'transport-walk', risk: 'risky' }] })).statusCode).toBe(403);
    expect((await as(orgAdmin).put(`/api/organisations/${homeCare}/reserved-tasks`, { tasks: [{ code: 'nope', risk: 'risky' }] })).statusCode).toBe(400);
    expect((await as(orgAdmin).put(`/api/organisations/${homeCare}/reserved-tasks`, { tasks: [{ code: 'personal-care-washing', risk: 'risky' }] })).statusCode).toBe(204);
    const after = (await as(orgAdmin).get(`/api/organisations/${homeCare}/reserved-tasks`)).json().items as { code: string; risk: string }[];
    expect(after.find((x) => x.code === 'personal-care-washing')?.risk).toBe('risky');
    const id = await add(anja, { taskCode: 'personal-care-washing', memberUserId: ids['anja@example.nl'] });
    expect(await one(anja, id)).toMatchObject({ risk: 'risky', status: 'not_allowed' });
  });

  it('agreements past their review date are review work of the main caregiver and the linked professional, not of the volunteer', async () => {
    const work = async (cookie: string) => {
      const res = await as(cookie).get('/api/me/reviews');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { agreementId: string }[]).map((r) => r.agreementId);
    };
    expect(await work(anja)).toEqual([made.admin]);
    expect(await work(fatima)).toEqual([made.admin]);
    expect(await work(joost)).toEqual([]);
    expect((await as(joost).post(`/api/circles/${gerrit}/agreements/${made.admin}/review`, { nextReviewDate: '2099-01-01' })).statusCode).toBe(403);
    expect((await as(anja).post(`/api/circles/${gerrit}/agreements/${made.admin}/review`, { nextReviewDate: '2020-01-01' })).statusCode).toBe(400);
    expect((await as(anja).post(`/api/circles/${gerrit}/agreements/${made.admin}/review`, { nextReviewDate: '2099-01-01' })).statusCode).toBe(204);
    expect(await work(anja)).toEqual([]);
    expect((await one(anja, made.admin)).reviewDate).toBe('2099-01-01');
  });

  it('refuses bad input with a 400 problem', async () => {
    const bad: Record<string, unknown>[] = [
      {},
      { taskText: 'x' },
      { memberName: 'y' },
      { taskCode: 'bestaat-niet', memberName: 'y' },
      { taskText: 'x', memberName: 'y', since: '2026-13-01' },
      { taskText: 'x', memberName: 'y', since: '2026-05-01', until: '2026-04-01' },
      { taskText: 'x', memberName: 'y', recurrence: { frequency: 'hourly', interval: 1 } },
      { taskText: 'x'.repeat(201), memberName: 'y' },
      { taskText: 'x', memberUserId: ids['vreemde@example.nl'] },
      { taskText: 'x', memberName: 'y', extra: 1 },
    ];
    for (const body of bad) {
      const res = await as(anja).post(`/api/circles/${gerrit}/agreements`, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await step(fatima, made.insulin, { step: 'bless' })).statusCode).toBe(400);
    expect((await as(anja).get(`/api/circles/${gerrit}/agreements/not-a-uuid`)).statusCode).toBe(400);
  });

  it('serves the agreements as FHIR CarePlan (HelpFromOthers style) on CarePlan?patient= and in Patient/$everything', async () => {
    const res = await as(fatima).get(`/fhir/CarePlan?patient=Patient/${gerrit}`);
    expect(res.statusCode, res.body).toBe(200);
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    const plans = (bundle.entry as { resource: CarePlan }[]).map((e) => e.resource);
    expect(plans.length).toBeGreaterThanOrEqual(4);
    const groceries = plans.find((p) => p.id === made.groceries);
    expect(groceries).toMatchObject({
      resourceType: 'CarePlan',
      meta: { profile: ['http://nictiz.nl/fhir/StructureDefinition/nl-core-HelpFromOthers'] },
      status: 'active',
      intent: 'plan',
      category: [{ coding: [{ system: 'http://snomed.info/sct', code: '243114000' }] }],
      subject: { reference: `Patient/${gerrit}` },
      period: { start: '2026-01-01' },
    });
    expect(groceries?.activity).toHaveLength(1);
    expect(groceries?.activity?.[0]?.detail).toMatchObject({ code: { text: 'Boodschappen doen' }, status: 'in-progress', scheduledTiming: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['tue', 'thu'] } } });
    // Joost is a volunteer (Practitioner + PractitionerRole in this house), Anja a caregiver (RelatedPerson).
    expect(groceries?.activity?.[0]?.detail.performer?.[0]?.reference).toMatch(/^PractitionerRole\/[0-9a-f-]{36}$/);
    expect(plans.find((p) => p.id === made.admin)?.activity?.[0]?.detail.performer?.[0]?.reference).toMatch(/^RelatedPerson\/[0-9a-f-]{36}$/);
    const insulin = plans.find((p) => p.id === made.insulin);
    expect(insulin).toMatchObject({ status: 'on-hold', activity: [{ detail: { status: 'on-hold', performer: [{ display: 'Buurman Piet' }] } }] });
    expect(insulin?.activity?.[0]?.detail.statusReason?.text).toBeTruthy();

    const everything = (await as(fatima).get(`/fhir/Patient/${gerrit}/$everything`)).json();
    expect((everything.entry as { resource: { resourceType: string } }[]).filter((e) => e.resource.resourceType === 'CarePlan')).toHaveLength(plans.length);
    expect((await as(joost).get(`/fhir/CarePlan?patient=Patient/${gerrit}`)).statusCode).toBe(403);
    expect((await as(stranger).get(`/fhir/CarePlan?patient=Patient/${gerrit}`)).statusCode).toBe(404);
    const logged = await t.db.query(`select 1 from audit_log where resource_type = 'CarePlan' and action = 'search' and user_id = $1`, [ids.fatima]);
    expect(logged.rows.length).toBeGreaterThan(0);
  });

  it('deletes an agreement (full level)', async () => {
    expect((await as(anja).del(`/api/circles/${gerrit}/agreements/${made.free}`)).statusCode).toBe(204);
    expect((await as(anja).get(`/api/circles/${gerrit}/agreements/${made.free}`)).statusCode).toBe(404);
    expect((await as(anja).del(`/api/circles/${gerrit}/agreements/${made.free}`)).statusCode).toBe(404);
  });
});

describe('agreement boundary rules', () => {
  const base = { risk: 'reserved' as const, instructionBy: 'A', instructionOn: '2026-01-01', competenceAt: '2026-01-02T00:00:00Z', signoffAt: '2026-01-03T00:00:00Z', reviewDate: '2026-07-01', until: null };
  it('names what is missing and derives the status', () => {
    expect(missingSteps(base)).toEqual([]);
    expect(missingSteps({ ...base, risk: 'none', signoffAt: null })).toEqual([]);
    expect(missingSteps({ ...base, signoffAt: null })).toEqual(['agreement_missing_signoff']);
    expect(agreementStatus({ ...base, competenceAt: null }, '2026-02-01')).toBe('not_allowed');
    expect(agreementStatus(base, '2026-02-01')).toBe('active');
    expect(agreementStatus({ ...base, until: '2026-01-31' }, '2026-02-01')).toBe('ended');
  });
});
