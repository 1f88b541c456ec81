import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { createTestCircle, requestsAs, testAccounts, useTestApp } from '../../../../test/support/harness.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { MANTELZORGER, ROLE_SYSTEM } from '../../../common/codes.ts';
import { MK, PROFILES } from '../../../fhir/codes.ts';
import type { Bundle, CareTeam, Consent, OperationOutcome, Organization, Patient, PractitionerRole, RelatedPerson, ResourceBase } from '../../../fhir/types.ts';
import { BUNDLE_URLS, goodBundle } from '../../../fhir/testing/fixtures.ts';
import { createFhirTestApp, fhirBody } from './testing.ts';

const PW = 'Kring-test-wachtwoord-1';
const fhir = fhirBody;

const resources = <T extends ResourceBase>(b: Bundle): T[] => (b.entry ?? []).map((e) => e.resource as T);
const codesOf = (rp: RelatedPerson) => (rp.relationship ?? []).flatMap((c) => c.coding ?? []).map((c) => `${c.system}|${c.code}`);

describeEachEngine('FHIR API', (engine) => {
  const t = useTestApp(() => createFhirTestApp(engine));
  const { users, cookies, create: user, login } = testAccounts(t, PW);
  let members: Record<string, string> = {};
  let clientId: string;
  let homeCare: string;
  let gemeente: string;
  let volunteerOrg: string;

  const get = (who: string | null, url: string) => t.app.inject({ url, headers: who ? { cookie: cookies[who] ?? '' } : {} });
  const post = (who: string, url: string, payload: object, contentType = 'application/fhir+json') =>
    t.app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { cookie: cookies[who] ?? '', 'content-type': contentType } });
  const fhirLines = async (userKey: string) =>
    (await t.db.query<{ action: string; resource_type: string; resource_id: string | null; client_id: string | null; tenant_key: string | null; organisation_id: string | null; source_system: string }>(
      "select action, resource_type, resource_id, client_id, tenant_key, organisation_id, source_system from audit_log where user_id = $1 and source_system = 'fhir' order by id",
      [users[userKey]],
    )).rows;

  beforeAll(async () => {
    homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    gemeente = await insertOrganisation(t.db, { name: 'Gemeente Leiden', kind: 'municipality', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    volunteerOrg = await insertOrganisation(t.db, { name: 'Vrijwilligerscentrale Leiden', kind: 'volunteer', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    await user('anja');
    await user('piet');
    await user('kees');
    await user('vreemde');
    await insertMembership(t.db, { organisationId: homeCare, userId: await user('fatima', { totp: true }), role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    await insertMembership(t.db, { organisationId: gemeente, userId: await user('sanne', { totp: true }), role: 'policy', jobTitle: null });
    await user('beheer', { totp: true, admin: true });
    for (const key of ['anja', 'piet', 'kees', 'vreemde', 'fatima', 'sanne', 'beheer']) await login(key);

    // A circle with every kind of member, built through the API as the web app does.
    const circle = await createTestCircle(
      requestsAs(t.app, cookies.anja),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', birthDate: '1941-03-12', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC', hoursPerWeek: 12 }, clientCanDecide: false },
      {
        piet: { kind: 'relative', givenName: 'Piet', familyName: 'van der Berg', relationshipCode: 'SONC', email: 'piet@example.nl', accessLevel: 'full' },
        kees: { kind: 'relative', givenName: 'Kees', familyName: 'de Vries', relationshipCode: 'BRO', accessLevel: 'agenda' },
        els: { kind: 'neighbour', givenName: 'Els', roleCode: '19', relationshipCode: 'OTH', phone: '06-12345678' },
        hans: { kind: 'friend', givenName: 'Hans', roleCode: '20', isRepresentative: true },
        joost: { kind: 'volunteer', givenName: 'Joost', familyName: 'Bakker', organisationId: volunteerOrg, email: 'joost@vrijwilligers.nl' },
        bos: { kind: 'professional', givenName: 'Dr. Bos', organisationName: 'Huisartsenpraktijk Het Plein', jobTitle: 'Huisarts' },
      },
    );
    clientId = circle.clientId;
    members = circle.members;
    const anjaMember = (await t.db.query<{ id: string }>('select id from circle_members where client_id = $1 and is_main_caregiver', [clientId])).rows[0];
    members.anja = anjaMember?.id ?? '';
    // Accounts for Piet (full access) and Kees (agenda only), as accepting an invitation does.
    await t.db.query('update circle_members set user_id = $2 where id = $1', [members.piet, users.piet]);
    await t.db.query('update circle_members set user_id = $2 where id = $1', [members.kees, users.kees]);
    // The home-care organisation is linked with full access; its professional records the BSN.
    const code = (await t.app.inject({ method: 'POST', url: `/api/circles/${clientId}/organisation-invitation`, headers: { cookie: cookies.anja ?? '' }, payload: { accessLevel: 'full' } })).json().code;
    expect((await t.app.inject({ method: 'POST', url: '/api/circle-invitations/accept', headers: { cookie: cookies.fatima ?? '' }, payload: { code } })).statusCode).toBe(200);
    // The BSN as the professional would record it (set directly: who may change it through /api is the circles module's rule, being reworked).
    await t.db.query('update clients set bsn = $2, bsn_recorded_by = $3 where id = $1', [clientId, '111222333', users.fatima]);
  });

  it('publishes a CapabilityStatement without login, listing exactly what is supported', async () => {
    const cs = await fhir<ResourceBase & { fhirVersion: string; format: string[]; rest: { resource: { type: string; interaction: { code: string }[]; searchParam?: { name: string }[] }[]; interaction: { code: string }[] }[] }>(await get(null, '/fhir/metadata'), 200);
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.format).toContain('json');
    const rest = cs.rest[0];
    expect(rest?.resource.map((r) => r.type)).toEqual(['Patient', 'CareTeam', 'RelatedPerson', 'Practitioner', 'PractitionerRole', 'Organization', 'Consent', 'Questionnaire', 'QuestionnaireResponse', 'Observation']);
    expect(rest?.resource.find((r) => r.type === 'QuestionnaireResponse')?.interaction.map((i) => i.code)).toEqual(['create', 'read', 'search-type']);
    expect(rest?.resource.find((r) => r.type === 'Observation')?.searchParam?.map((p) => p.name)).toEqual(['focus', 'subject']);
    expect(rest?.resource.find((r) => r.type === 'PractitionerRole')?.searchParam?.map((p) => p.name)).toEqual(['practitioner', 'organization', 'patient']);
    expect(rest?.interaction.map((i) => i.code)).toEqual(['transaction']);
    expect((await fhir<OperationOutcome>(await get(null, '/fhir/metadata?_format=xml'), 406)).issue[0]?.code).toBe('not-supported');
  });

  it('reads the Patient as nl-core-Patient; the BSN only for who may see it', async () => {
    const forAnja = await fhir<Patient>(await get('anja', `/fhir/Patient/${clientId}`), 200);
    expect(forAnja.meta?.profile).toEqual([PROFILES.patient]);
    expect(forAnja.name?.[0]).toMatchObject({ use: 'official', family: 'de Vries', given: ['Gerrit'] });
    expect(forAnja.birthDate).toBe('1941-03-12');
    expect(forAnja.address?.[0]?.district).toBe('Leiden');
    expect(forAnja.identifier).toEqual([{ use: 'official', system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '111222333' }]);
    expect((await fhir<Patient>(await get('fatima', `/fhir/Patient/${clientId}`), 200)).identifier?.[0]?.value).toBe('111222333');
    // Piet has full access but does not decide and works for no linked organisation.
    expect((await fhir<Patient>(await get('piet', `/fhir/Patient/${clientId}`), 200)).identifier).toBeUndefined();
  });

  it('requires full access: agenda-only 403, no access or unknown 404, no login 401, all as OperationOutcome', async () => {
    const agenda = await fhir<OperationOutcome>(await get('kees', `/fhir/Patient/${clientId}`), 403);
    expect(agenda.issue[0]?.code).toBe('forbidden');
    expect(agenda.issue[0]?.details?.coding?.[0]?.code).toBe('forbidden');
    for (const url of [`/fhir/Patient/${clientId}`, `/fhir/CareTeam?patient=${clientId}`, `/fhir/RelatedPerson?patient=${clientId}`, `/fhir/Consent?patient=${clientId}`, `/fhir/Patient/${clientId}/$everything`, `/fhir/RelatedPerson/${members.els}`]) {
      expect((await get('kees', url)).statusCode, url).toBe(403);
      const none = await fhir<OperationOutcome>(await get('vreemde', url), 404);
      expect(none.issue[0]?.code).toBe('not-found');
      expect((await get('sanne', url)).statusCode, `municipality staff: ${url}`).toBe(404);
    }
    expect((await fhir<OperationOutcome>(await get(null, `/fhir/Patient/${clientId}`), 401)).issue[0]?.code).toBe('login');
    await fhir<OperationOutcome>(await get('anja', '/fhir/Patient/00000000-0000-4000-8000-000000000000'), 404);
    await fhir<OperationOutcome>(await get('anja', '/fhir/Patient/not-a-uuid'), 404);
    await fhir<OperationOutcome>(await get('anja', `/fhir/Observation/${clientId}`), 404);
    // GET /fhir/Patient is a search now (issue 13): Anja sees her father only.
    expect((await fhir<Bundle>(await get('anja', '/fhir/Patient'), 200)).total).toBe(1);
    // A RelatedPerson id that is a professional (and the other way round) does not exist.
    await fhir<OperationOutcome>(await get('anja', `/fhir/RelatedPerson/${members.bos}`), 404);
    await fhir<OperationOutcome>(await get('anja', `/fhir/Practitioner/${members.els}`), 404);
  });

  it('finds the circle as one CareTeam by patient or subject, in every reference form', async () => {
    for (const q of [`patient=${clientId}`, `subject=Patient/${clientId}`, `patient=${encodeURIComponent(`https://mk.example.nl/fhir/Patient/${clientId}`)}`]) {
      const bundle = await fhir<Bundle>(await get('anja', `/fhir/CareTeam?${q}`), 200);
      expect(bundle.type).toBe('searchset');
      expect(bundle.total).toBe(1);
      const team = resources<CareTeam>(bundle)[0];
      expect(team?.id).toBe(clientId);
      expect(bundle.entry?.[0]?.fullUrl).toBe(`https://mk.example.nl/fhir/CareTeam/${clientId}`);
      // Client + 7 members + the linked home-care organisation; too many for nl-core's 0..1 slices.
      expect(team?.participant).toHaveLength(1 + 7 + 1);
      expect(team?.meta).toBeUndefined();
      const refs = team?.participant?.map((p) => p.member?.reference) ?? [];
      expect(refs).toEqual(expect.arrayContaining([`Patient/${clientId}`, `RelatedPerson/${members.anja}`, `PractitionerRole/${members.bos}`, `PractitionerRole/${members.joost}`, `Organization/${homeCare}`]));
    }
    expect((await fhir<CareTeam>(await get('piet', `/fhir/CareTeam/${clientId}`), 200)).subject?.reference).toBe(`Patient/${clientId}`);
    const wrongType = await fhir<OperationOutcome>(await get('anja', `/fhir/CareTeam?subject=Group/${clientId}`), 400);
    expect(wrongType.issue[0]?.code).toBe('invalid');
    expect((await get('anja', '/fhir/CareTeam')).statusCode).toBe(400);
    expect((await get('anja', `/fhir/CareTeam?patient=${clientId}&subject=${clientId}`)).statusCode).toBe(400);
    expect((await fhir<OperationOutcome>(await get('anja', `/fhir/CareTeam?patient=${clientId}&status=active`), 400)).issue[0]?.code).toBe('not-supported');
  });

  it('lists the informal members as nl-core-ContactPerson with Dutch role codes', async () => {
    const bundle = await fhir<Bundle>(await get('fatima', `/fhir/RelatedPerson?patient=Patient/${clientId}`), 200);
    const list = resources<RelatedPerson>(bundle);
    expect(bundle.total).toBe(5);
    expect(new Set(list.map((r) => r.id))).toEqual(new Set([members.anja, members.piet, members.kees, members.els, members.hans]));
    const byId = (id: string | undefined) => list.find((r) => r.id === id) as RelatedPerson;
    expect(codesOf(byId(members.anja))).toEqual([`${MANTELZORGER.system}|100001`, `${ROLE_SYSTEM}|01`, 'http://terminology.hl7.org/CodeSystem/v3-RoleCode|DAUC']);
    expect(codesOf(byId(members.els))).toEqual([`${ROLE_SYSTEM}|19`, 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor|OTH']);
    expect(codesOf(byId(members.hans))).toEqual([`${ROLE_SYSTEM}|20`, `${ROLE_SYSTEM}|24`]);
    expect(codesOf(byId(members.piet))).toEqual(['http://terminology.hl7.org/CodeSystem/v3-RoleCode|SONC']);
    for (const rp of list) {
      expect(rp.meta?.profile).toEqual([PROFILES.contactPerson]);
      expect(rp.patient.reference).toBe(`Patient/${clientId}`);
      expect(codesOf(rp).some((c) => c === `${MANTELZORGER.system}|100001`)).toBe(rp.id === members.anja);
      expect(codesOf(rp).join()).not.toMatch(/NBOR|FRND/);
    }
    expect(byId(members.els).telecom).toEqual([{ system: 'phone', value: '06-12345678', use: 'home' }]);
    const one = await fhir<RelatedPerson>(await get('anja', `/fhir/RelatedPerson/${members.piet}`), 200);
    expect(one.telecom).toEqual([{ system: 'email', value: 'piet@example.nl', use: 'home' }]);
  });

  it('publishes volunteers and professionals as Practitioner + PractitionerRole, searchable three ways', async () => {
    const bos = await fhir<ResourceBase & { name: { text: string }[] }>(await get('anja', `/fhir/Practitioner/${members.bos}`), 200);
    expect(bos.meta?.profile).toEqual([PROFILES.practitioner]);
    const joost = await fhir<ResourceBase>(await get('anja', `/fhir/Practitioner/${members.joost}`), 200);
    expect(joost.meta).toBeUndefined();
    const role = await fhir<PractitionerRole>(await get('anja', `/fhir/PractitionerRole/${members.joost}`), 200);
    expect(role.organization?.reference).toBe(`Organization/${volunteerOrg}`);
    expect(role.telecom).toEqual([{ system: 'email', value: 'joost@vrijwilligers.nl', use: 'work' }]);

    const byPractitioner = await fhir<Bundle>(await get('anja', `/fhir/PractitionerRole?practitioner=Practitioner/${members.bos}`), 200);
    expect(resources<PractitionerRole>(byPractitioner).map((r) => r.id)).toEqual([members.bos]);
    const byPatient = await fhir<Bundle>(await get('anja', `/fhir/PractitionerRole?patient=${clientId}`), 200);
    expect(new Set(resources<PractitionerRole>(byPatient).map((r) => r.id))).toEqual(new Set([members.bos, members.joost]));
    const byOrg = await fhir<Bundle>(await get('anja', `/fhir/PractitionerRole?organization=Organization/${volunteerOrg}`), 200);
    expect(resources<PractitionerRole>(byOrg).map((r) => r.id)).toEqual([members.joost]);
    // Circles without full access are left out of a cross-circle search, not revealed.
    expect((await fhir<Bundle>(await get('kees', `/fhir/PractitionerRole?organization=${volunteerOrg}`), 200)).total).toBe(0);
    expect((await get('kees', `/fhir/PractitionerRole?practitioner=${members.bos}`)).statusCode).toBe(403);
    expect((await get('anja', `/fhir/PractitionerRole?practitioner=${members.els}`)).statusCode).toBe(404);
  });

  it('shows an Organization only to who has a reason: member, linked client, member organisation, admin', async () => {
    const own = await fhir<Organization>(await get('fatima', `/fhir/Organization/${homeCare}`), 200);
    expect(own.meta?.profile).toEqual([PROFILES.healthcareProvider]);
    expect(own.type?.[0]?.coding?.[0]?.code).toBe('T2');
    await fhir<Organization>(await get('anja', `/fhir/Organization/${homeCare}`), 200);
    expect((await fhir<Organization>(await get('anja', `/fhir/Organization/${volunteerOrg}`), 200)).meta).toBeUndefined();
    expect((await get('anja', `/fhir/Organization/${gemeente}`)).statusCode).toBe(404);
    expect((await get('kees', `/fhir/Organization/${homeCare}`)).statusCode).toBe(404);
    expect((await get('vreemde', `/fhir/Organization/${homeCare}`)).statusCode).toBe(404);
    const municipality = await fhir<Organization>(await get('beheer', `/fhir/Organization/${gemeente}`), 200);
    expect(municipality.meta).toBeUndefined();
    expect(municipality.identifier).toEqual([{ use: 'official', system: MK.cbsMunicipality, value: 'GM0546' }]);
    expect((await fhir<Organization>(await get('sanne', `/fhir/Organization/${gemeente}`), 200)).name).toBe('Gemeente Leiden');
  });

  it('gives every consent decision as R4 Consent, current active and superseded inactive', async () => {
    await t.app.inject({ method: 'POST', url: `/api/circles/${clientId}/consents`, headers: { cookie: cookies.anja ?? '' }, payload: { memberId: members.kees, decision: 'permit', accessLevel: 'agenda', validUntil: '2099-12-31' } });
    const bundle = await fhir<Bundle>(await get('anja', `/fhir/Consent?patient=${clientId}`), 200);
    const consents = resources<Consent>(bundle);
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from consent_decisions where client_id = $1', [clientId]);
    expect(consents).toHaveLength(rows[0]?.n ?? -1);
    const forKees = consents.filter((c) => c.provision?.actor?.[0]?.reference.reference === `RelatedPerson/${members.kees}`);
    expect(forKees.map((c) => c.status)).toEqual(['active', 'inactive']);
    expect(forKees[0]?.provision).toMatchObject({ type: 'permit', period: { end: '2099-12-31' }, code: [{ coding: [{ system: MK.accessLevel, code: 'agenda' }] }] });
    expect(forKees[0]?.performer).toEqual([{ reference: `RelatedPerson/${members.anja}`, display: 'anja' }]);
    const org = consents.find((c) => c.provision?.actor?.[0]?.reference.reference === `Organization/${homeCare}`);
    expect(org).toMatchObject({ status: 'active', provision: { type: 'permit', code: [{ coding: [{ code: 'full' }] }] } });
    for (const c of consents) expect(c.scope.coding?.[0]?.code).toBe('patient-privacy');
    const one = await fhir<Consent>(await get('fatima', `/fhir/Consent/${forKees[0]?.id}`), 200);
    expect(one.id).toBe(forKees[0]?.id);
    expect((await get('kees', `/fhir/Consent/${forKees[0]?.id}`)).statusCode).toBe(403);
  });

  it('gives $everything as one Bundle whose references all resolve inside it', async () => {
    const bundle = await fhir<Bundle>(await get('fatima', `/fhir/Patient/${clientId}/$everything`), 200);
    expect((await fhir<Bundle>(await get('fatima', `/fhir/Patient/${clientId}/%24everything`), 200)).total).toBe(bundle.total);
    await fhir<OperationOutcome>(await get('fatima', `/fhir/Patient/${clientId}/$summary`), 404);
    const all = resources<ResourceBase>(bundle);
    const keys = all.map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const count = (type: string) => all.filter((r) => r.resourceType === type).length;
    expect([count('Patient'), count('CareTeam'), count('RelatedPerson'), count('Practitioner'), count('PractitionerRole')]).toEqual([1, 1, 5, 2, 2]);
    expect(count('Organization')).toBe(2);
    expect(count('Consent')).toBeGreaterThan(7);
    const references = JSON.stringify(all).match(/"reference":"[A-Za-z]+\/[0-9a-f-]{36}"/g) ?? [];
    expect(references.length).toBeGreaterThan(20);
    for (const ref of references) expect(keys, ref).toContain(ref.slice('"reference":"'.length, -1));
  });

  it('writes one NEN 7513 line per FHIR read or search, with client, tenant and organisation', async () => {
    const before = (await fhirLines('fatima')).length;
    await get('fatima', `/fhir/Patient/${clientId}`);
    await get('fatima', `/fhir/RelatedPerson?patient=${clientId}`);
    await get('fatima', `/fhir/Patient/${clientId}/$everything`);
    const lines = (await fhirLines('fatima')).slice(before);
    expect(lines).toEqual([
      { action: 'read', resource_type: 'Patient', resource_id: clientId, client_id: clientId, tenant_key: 'GM0546', organisation_id: homeCare, source_system: 'fhir' },
      { action: 'search', resource_type: 'RelatedPerson', resource_id: null, client_id: clientId, tenant_key: 'GM0546', organisation_id: homeCare, source_system: 'fhir' },
      { action: 'read', resource_type: 'Patient', resource_id: clientId, client_id: clientId, tenant_key: 'GM0546', organisation_id: homeCare, source_system: 'fhir' },
    ]);
    // A refused read is logged as a refusal, never as a read.
    const outcomes = async () => (await t.db.query<{ outcome: string }>("select outcome from audit_log where user_id = $1 and source_system = 'fhir' order by id", [users.kees])).rows.map((r) => r.outcome);
    const keesBefore = (await outcomes()).length;
    await get('kees', `/fhir/Patient/${clientId}`);
    expect((await outcomes()).slice(keesBefore)).toEqual(['denied']);
  });

  it('creates a circle from a transaction Bundle pushed by a care professional', async () => {
    const clientsBefore = (await t.db.query<{ n: number }>('select count(*)::int as n from clients')).rows[0]?.n;
    const res = await post('fatima', '/fhir', goodBundle({ patient: { identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456782' }] } }));
    const response = await fhir<Bundle>(res, 200);
    expect(response.type).toBe('transaction-response');
    expect(response.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created', '201 Created', '201 Created']);
    const locations = response.entry?.map((e) => e.response?.location ?? '') ?? [];
    const newClient = locations[0]?.replace('Patient/', '') ?? '';
    expect(locations[3]).toBe(`CareTeam/${newClient}`);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from clients')).rows[0]?.n).toBe((clientsBefore ?? 0) + 1);

    // Stored as the professional registering a client does: linked, consent by the client, full access.
    const link = await t.db.query('select 1 from client_organisation_links where client_id = $1 and organisation_id = $2 and ended_at is null', [newClient, homeCare]);
    expect(link.rowCount).toBe(1);
    const consent = await t.db.query<{ decision: string; access_level: string; decided_as: string; member_id: string | null }>('select decision, access_level, decided_as, member_id from current_consents where client_id = $1 order by member_id nulls first', [newClient]);
    expect(consent.rows).toEqual([
      { decision: 'permit', access_level: 'full', decided_as: 'client', member_id: null },
      expect.objectContaining({ decision: 'permit', access_level: 'agenda', decided_as: 'client' }),
      expect.objectContaining({ decision: 'permit', access_level: 'agenda', decided_as: 'client' }),
    ]);

    // Read back through FHIR: the codes survive the round trip ('1' became '01').
    const patient = await fhir<Patient>(await get('fatima', `/fhir/${locations[0]}`), 200);
    expect(patient).toMatchObject({ birthDate: '1941-03-12', identifier: [{ value: '123456782' }], address: [{ district: 'Leiden' }] });
    expect(patient.name?.[0]).toMatchObject({ family: 'de Vries', given: ['Gerrit'] });
    const anja = await fhir<RelatedPerson>(await get('fatima', `/fhir/${locations[1]}`), 200);
    expect(codesOf(anja)).toEqual([`${MANTELZORGER.system}|100001`, `${ROLE_SYSTEM}|01`, 'http://terminology.hl7.org/CodeSystem/v3-RoleCode|DAUC']);
    expect(anja.telecom).toEqual([{ system: 'phone', value: '06-12345678', use: 'home' }, { system: 'email', value: 'anja@example.nl', use: 'home' }]);
    const els = await fhir<RelatedPerson>(await get('fatima', `/fhir/${locations[2]}`), 200);
    expect(codesOf(els)).toEqual([`${ROLE_SYSTEM}|19`, 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor|OTH']);
    const team = await fhir<CareTeam>(await get('fatima', `/fhir/${locations[3]}`), 200);
    expect(team.participant?.map((p) => p.member?.reference)).toEqual([`Patient/${newClient}`, locations[1], locations[2], `Organization/${homeCare}`]);
    // Warnings say what was not stored.
    expect(response.entry?.[0]?.response?.outcome?.issue.some((i) => i.expression?.[0] === 'Bundle.entry[0].resource.gender')).toBe(true);
    const created = await t.db.query<{ action: string; resource_type: string }>("select action, resource_type from audit_log where client_id = $1 and action = 'create' order by id", [newClient]);
    expect(created.rows.map((r) => r.resource_type)).toEqual(['Patient', 'RelatedPerson', 'RelatedPerson']);

    // The same client again (BSN, same organisation) is refused.
    const again = await fhir<OperationOutcome>(await post('fatima', '/fhir', goodBundle({ patient: { identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456782' }] } })), 409);
    expect(again.issue[0]?.code).toBe('duplicate');
  });

  it('refuses a transaction from anyone but a care professional with two-step login', async () => {
    expect((await fhir<OperationOutcome>(await post('anja', '/fhir', goodBundle()), 403)).issue[0]?.code).toBe('forbidden');
    expect((await post('sanne', '/fhir', goodBundle())).statusCode).toBe(403);
    await t.db.query('update sessions set mfa_verified = false where user_id = $1', [users.fatima]);
    try {
      const res = await fhir<OperationOutcome>(await post('fatima', '/fhir', goodBundle()), 403);
      expect(res.issue[0]?.details?.coding?.[0]?.code).toBe('mfa_required');
    } finally {
      await t.db.query('update sessions set mfa_verified = true where user_id = $1', [users.fatima]);
    }
    const other = await fhir<OperationOutcome>(await post('fatima', '/fhir', goodBundle({ team: { managingOrganization: [{ reference: `Organization/${volunteerOrg}` }] } })), 403);
    expect(other.issue[0]?.code).toBe('forbidden');
  });

  it('refuses a bad Bundle with a clear OperationOutcome and writes nothing, even when the database fails halfway', async () => {
    const count = async () => (await t.db.query<{ c: number; m: number; l: number; d: number }>(
      'select (select count(*)::int from clients) as c, (select count(*)::int from circle_members) as m, (select count(*)::int from client_organisation_links) as l, (select count(*)::int from consent_decisions) as d',
    )).rows[0];
    const before = await count();

    const nbor = await fhir<OperationOutcome>(await post('fatima', '/fhir', goodBundle({ els: { relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'NBOR' }] }] } })), 422);
    expect(nbor.issue[0]).toMatchObject({ severity: 'error', code: 'code-invalid', expression: ['Bundle.entry[2].resource.relationship[0].coding[0]'] });
    const place = await fhir<OperationOutcome>(await post('fatima', '/fhir', goodBundle({ patient: { address: [{ district: 'Atlantis' }] } })), 422);
    expect(place.issue[0]?.diagnostics).toMatch(/Atlantis/);
    const broken = await t.app.inject({ method: 'POST', url: '/fhir', payload: '{"resourceType": "Bundle",', headers: { cookie: cookies.fatima ?? '', 'content-type': 'application/fhir+json' } });
    expect((await fhir<OperationOutcome>(broken, 400)).issue[0]?.code).toBe('structure');
    await fhir<OperationOutcome>(await post('fatima', '/fhir', { resourceType: 'Bundle', type: 'collection' }), 400);
    const xml = await t.app.inject({ method: 'POST', url: '/fhir', payload: '<Bundle/>', headers: { cookie: cookies.fatima ?? '', 'content-type': 'application/fhir+xml' } });
    expect((await fhir<OperationOutcome>(xml, 415)).issue[0]?.code).toBe('not-supported');

    // A failure in the middle (third insert) must roll back the client, link and consents too.
    await t.db.exec(`create function mk_test_boom() returns trigger language plpgsql as $$ begin if new.given_name = 'BOOM' then raise exception 'boom'; end if; return new; end; $$;
      create trigger mk_test_boom before insert on circle_members for each row execute function mk_test_boom();`);
    try {
      const res = await post('fatima', '/fhir', goodBundle({ patient: { identifier: [] }, els: { name: [{ given: ['BOOM'] }] } }), 'application/json');
      await fhir<OperationOutcome>(res, 500);
    } finally {
      await t.db.exec('drop trigger mk_test_boom on circle_members; drop function mk_test_boom();');
    }
    expect(await count()).toEqual(before);
  });

  it('authenticates before it looks at parameters or the body: anonymous requests get 401, only /fhir/metadata is open (issue 13)', async () => {
    for (const url of ['/fhir/Patient?foo=1', '/fhir/Patient?birthdate=gisteren', '/fhir/CareTeam?status=active', '/fhir/CareTeam', `/fhir/Patient/${clientId}?x=1`, '/fhir/Questionnaire?bogus=1', '/fhir/Nonsense']) {
      const res = await fhir<OperationOutcome>(await get(null, url), 401);
      expect(res.issue[0]?.code, url).toBe('login');
    }
    const broken = await t.app.inject({ method: 'POST', url: '/fhir', payload: '{"resourceType": "Bundle",', headers: { 'content-type': 'application/fhir+json' } });
    expect((await fhir<OperationOutcome>(broken, 401)).issue[0]?.code).toBe('login');
    await fhir(await get(null, '/fhir/metadata'), 200);
    await fhir<OperationOutcome>(await get(null, '/fhir/metadata?_format=xml'), 406);
    // Logged in, the same bad parameters are a 400 again.
    expect((await get('anja', '/fhir/Patient?foo=1')).statusCode).toBe(400);
  });

  it('declares the Patient search parameters and _include=CareTeam:participant in the CapabilityStatement', async () => {
    const cs = await fhir<ResourceBase & { rest: { resource: { type: string; interaction: { code: string }[]; searchParam?: { name: string; type: string }[]; searchInclude?: string[] }[] }[] }>(await get(null, '/fhir/metadata'), 200);
    const patient = cs.rest[0]?.resource.find((r) => r.type === 'Patient');
    expect(patient?.interaction.map((i) => i.code)).toEqual(['read', 'search-type']);
    expect(patient?.searchParam?.map((p) => `${p.name}:${p.type}`)).toEqual(['_id:token', 'identifier:token', 'name:string', 'birthdate:date', '_count:number', '_offset:number']);
    expect(cs.rest[0]?.resource.find((r) => r.type === 'CareTeam')?.searchInclude).toEqual(['CareTeam:participant']);
  });

  it('searches Patients by _id, BSN, name and birth date, in pages, only among clients the caller fully sees, one log line per client (issue 13)', async () => {
    const push = async (given: string, family: string, birthDate: string, bsn?: string) => {
      const patient = { name: [{ use: 'official', family, given: [given] }], birthDate, identifier: bsn ? [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: bsn }] : [] };
      const res = await fhir<Bundle>(await post('fatima', '/fhir', goodBundle({ patient })), 200);
      return res.entry?.[0]?.response?.location?.replace('Patient/', '') ?? '';
    };
    const alida = await push('Alida', 'Zoeker', '1950-01-15', '200000007');
    const bram = await push('Bram', 'Zoeker', '1950-06-30', '200000056');
    const cor = await push('Cor', 'ter Zoeker', '1960-02-29');
    const ids = (b: Bundle) => resources<Patient>(b).map((p) => p.id);
    const search = async (who: string, query: string) => fhir<Bundle>(await get(who, `/fhir/Patient?${query}`), 200);

    // name: starts with on given or family name or a word of it; :contains anywhere. Ordered by family name.
    const byName = await search('fatima', 'name=zoek');
    expect(byName.type).toBe('searchset');
    expect(byName.total).toBe(3);
    expect(ids(byName)).toEqual([cor, alida, bram]);
    expect(byName.entry?.every((e) => e.search?.mode === 'match')).toBe(true);
    expect(resources<Patient>(byName)[1]?.identifier?.[0]?.value).toBe('200000007');
    expect(ids(await search('fatima', 'name=ali'))).toEqual([alida]);
    expect(ids(await search('fatima', 'name:contains=OEKE'))).toEqual([cor, alida, bram]);
    expect((await search('fatima', 'name=oeke')).total).toBe(0);

    // Paging: total over all pages, self and next links; the next link gives the rest.
    const first = await search('fatima', 'name=zoeker&_count=2');
    expect(ids(first)).toEqual([cor, alida]);
    expect(first.total).toBe(3);
    expect(first.link?.find((l) => l.relation === 'self')?.url).toBe('https://mk.example.nl/fhir/Patient?_count=2&name=zoeker');
    const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toBe('https://mk.example.nl/fhir/Patient?_count=2&_offset=2&name=zoeker');
    const second = await fhir<Bundle>(await get('fatima', next.replace('https://mk.example.nl', '')), 200);
    expect(ids(second)).toEqual([bram]);
    expect(second.link?.some((l) => l.relation === 'next')).toBe(false);
    const none = await search('fatima', 'name=zoeker&_count=0');
    expect(none.total).toBe(3);
    expect(none.entry).toBeUndefined();

    // birthdate: eq (whole year, month or day) and prefixes, twice for a range.
    expect(ids(await search('fatima', 'name=zoeker&birthdate=1950'))).toEqual([alida, bram]);
    expect(ids(await search('fatima', 'name=zoeker&birthdate=1950-06-30'))).toEqual([bram]);
    expect(ids(await search('fatima', 'name=zoeker&birthdate=ge1950-06-01&birthdate=le1960-12-31'))).toEqual([cor, bram]);
    expect(ids(await search('fatima', 'name=zoeker&birthdate=lt1950-06'))).toEqual([alida]);
    expect(ids(await search('fatima', 'name=zoeker&birthdate=gt1950'))).toEqual([cor]);

    // identifier: the BSN, with or without its system; another system finds nothing.
    expect(ids(await search('fatima', `identifier=${encodeURIComponent('http://fhir.nl/fhir/NamingSystem/bsn|200000056')}`))).toEqual([bram]);
    expect(ids(await search('fatima', 'identifier=200000007'))).toEqual([alida]);
    expect((await search('fatima', `identifier=${encodeURIComponent('urn:oid:2.16.528.1.1007.3.3.1234|200000007')}`)).total).toBe(0);
    expect(ids(await search('fatima', `_id=${alida}`))).toEqual([alida]);

    // Only clients the caller has full access to: others are left out, not refused.
    expect(ids(await search('anja', `_id=${clientId}`))).toEqual([clientId]);
    expect((await search('anja', `_id=${alida}`)).total).toBe(0);
    expect((await search('anja', 'name=zoeker')).total).toBe(0);
    expect((await search('kees', `_id=${clientId}`)).total).toBe(0);
    expect((await search('vreemde', 'name=gerrit')).total).toBe(0);
    expect((await search('sanne', 'name=zoeker')).total).toBe(0);
    // Searching by BSN finds only clients whose BSN the caller may see: Piet has full access but not the BSN.
    expect((await search('piet', 'identifier=111222333')).total).toBe(0);
    expect(ids(await search('piet', 'name=gerrit'))).toEqual([clientId]);
    expect(resources<Patient>(await search('piet', 'name=gerrit'))[0]?.identifier).toBeUndefined();
    expect(ids(await search('anja', 'identifier=111222333'))).toEqual([clientId]);

    // One log line per client returned; one without a client when none is.
    const before = (await fhirLines('fatima')).length;
    await search('fatima', 'name=zoeker&_count=2');
    await search('fatima', 'name=niemand');
    const lines = (await fhirLines('fatima')).slice(before);
    expect(lines).toEqual([
      { action: 'search', resource_type: 'Patient', resource_id: cor, client_id: cor, tenant_key: 'GM0546', organisation_id: homeCare, source_system: 'fhir' },
      { action: 'search', resource_type: 'Patient', resource_id: alida, client_id: alida, tenant_key: 'GM0546', organisation_id: homeCare, source_system: 'fhir' },
      { action: 'search', resource_type: 'Patient', resource_id: null, client_id: null, tenant_key: null, organisation_id: null, source_system: 'fhir' },
    ]);

    // Invalid parameters are a 400 OperationOutcome that says which one.
    for (const [query, param] of [['birthdate=1950-13', 'birthdate'], ['birthdate=ne1950', 'birthdate'], ['birthdate=1950&birthdate=1951&birthdate=1952', 'birthdate'], ['_count=500', '_count'], ['_count=-1', '_count'], ['_offset=x', '_offset'], ['name=', 'name'], ['_id=abc', '_id'], ['identifier=', 'identifier']] as const) {
      const res = await fhir<OperationOutcome>(await get('fatima', `/fhir/Patient?${query}`), 400);
      expect(res.issue[0]?.details?.coding?.[0]?.code, query).toBe('validation_failed');
      expect(res.issue.some((i) => i.expression?.[0] === param), query).toBe(true);
    }
    expect((await fhir<OperationOutcome>(await get('fatima', '/fhir/Patient?gender=male'), 400)).issue[0]?.code).toBe('not-supported');
    expect((await get('fatima', '/fhir/Patient?name=a&name=b')).statusCode).toBe(400);
  });

  it('includes every participant with _include=CareTeam:participant (issue 13)', async () => {
    const bundle = await fhir<Bundle>(await get('anja', `/fhir/CareTeam?patient=${clientId}&_include=CareTeam:participant`), 200);
    expect(bundle.total).toBe(1);
    expect(bundle.entry?.map((e) => e.search?.mode)).toEqual(['match', ...Array(1 + 7 + 1).fill('include')]);
    const team = resources<CareTeam>(bundle)[0];
    const refs = new Set(team?.participant?.map((p) => p.member?.reference));
    const included = resources<ResourceBase & { id: string }>(bundle).slice(1).map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(included)).toEqual(refs);
    expect(bundle.link?.[0]?.url).toBe(`https://mk.example.nl/fhir/CareTeam?_include=CareTeam%3Aparticipant&patient=${clientId}`);
    const bad = await fhir<OperationOutcome>(await get('anja', `/fhir/CareTeam?patient=${clientId}&_include=CareTeam:subject`), 400);
    expect(bad.issue.some((i) => i.expression?.[0] === '_include')).toBe(true);
    expect((await get('kees', `/fhir/CareTeam?patient=${clientId}&_include=CareTeam:participant`)).statusCode).toBe(403);
  });

  it('uses the urn:uuid fullUrls of the request only to resolve references', () => {
    expect(Object.values(BUNDLE_URLS).every((u) => u.startsWith('urn:uuid:'))).toBe(true);
  });
});
