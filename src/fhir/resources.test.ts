import { describe, expect, it } from 'vitest';
import { MANTELZORGER, RELATIONSHIP_CODES, ROLE_CODES } from '../common/codes.ts';
import { searchset } from './bundle.ts';
import { capabilityStatement } from './capability.ts';
import { BSN_SYSTEM, EXTRA_ROLE_DISPLAYS, MK, ORGANIZATION_TYPE_SYSTEM, PROFILES, RELATIE_CODELIJST, RELATIONSHIP_DISPLAYS, ROLE_DISPLAYS, ROLE_SYSTEM, SECTOR_ORGANIZATION_TYPE } from './codes.ts';
import { CLIENT, CONSENTS, HOME_CARE, MEMBERS, MUNICIPALITY, PRIMARY_CARE, VOLUNTEER_ORG } from './testing/fixtures.ts';
import { displayName, officialName, splitFamilyName } from './names.ts';
import { nlCoreViolations } from './nl-core-rules.ts';
import { careTeamFitsNlCore, contactPersonRelationships, toCareTeam, toConsent, toOrganization, toPatient, toPractitioner, toPractitionerRole, toRelatedPerson } from './resources.ts';
import { loadNlCoreTerminology } from './testing/terminology.ts';
import { nlCoreProfileErrors, r4Errors } from './testing/validator.ts';
import type { CodeableConcept, Consent, Patient, RelatedPerson, ResourceBase } from './types.ts';

const terminology = loadNlCoreTerminology();
const TODAY = '2026-03-01';
const codings = (rp: RelatedPerson) => (rp.relationship ?? []).flatMap((c) => c.coding ?? []);

/** Every resource the mappers produce from the fixtures. */
function everything(): ResourceBase[] {
  const members = Object.values(MEMBERS);
  return [
    toPatient(CLIENT),
    toPatient({ ...CLIENT, bsn: null, birthDate: null }),
    ...members.filter((m) => m.kind !== 'professional' && m.kind !== 'volunteer').map((m) => toRelatedPerson(m, { withTelecom: true })),
    ...members.filter((m) => m.kind === 'professional' || m.kind === 'volunteer').flatMap((m) => [toPractitioner(m), toPractitionerRole(m, { withTelecom: true })]),
    ...[HOME_CARE, PRIMARY_CARE, MUNICIPALITY, VOLUNTEER_ORG].map(toOrganization),
    toCareTeam({ client: CLIENT, members, organisations: [HOME_CARE] }),
    toCareTeam({ client: CLIENT, members: [MEMBERS.anja, MEMBERS.bos], organisations: [HOME_CARE] }),
    ...CONSENTS.map((c) => toConsent(c, { today: TODAY })),
  ];
}

describe('FHIR mapping: validity', () => {
  it('produces only resources that validate against base FHIR R4 with zero errors', async () => {
    const resources = everything();
    expect(resources.length).toBeGreaterThan(20);
    for (const r of resources) expect(await r4Errors(r), `${r.resourceType}/${r.id}`).toEqual([]);
    const unique = [...new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r])).values()];
    const bundle = searchset('https://mk.example/fhir', 'https://mk.example/fhir/Patient/x/$everything', unique.map((resource) => ({ resource, mode: 'match' as const })));
    expect(await r4Errors(bundle)).toEqual([]);
    expect(await r4Errors(capabilityStatement({ baseUrl: 'https://mk.example/fhir', version: '0.1.0', date: '2026-11-25' }))).toEqual([]);
  });

  it('breaks none of the nl-core rules Medplum cannot check, and conforms to every claimed profile', async () => {
    for (const r of everything()) {
      expect(nlCoreViolations(r, terminology), `${r.resourceType}/${r.id}`).toEqual([]);
      expect(await nlCoreProfileErrors(r), `${r.resourceType}/${r.id}`).toEqual([]);
    }
  });

  it('the validators catch what they are for (so the tests above can fail)', async () => {
    expect(await r4Errors({ resourceType: 'Patient', birthDate: '12-03-1941' })).not.toEqual([]);
    expect(await r4Errors({ resourceType: 'Consent', status: 'active' })).not.toEqual([]);
    const rp = toRelatedPerson(MEMBERS.els, { withTelecom: true });
    const bad: RelatedPerson = {
      ...rp,
      relationship: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'NBOR', display: 'neighbor' }] },
        { coding: [{ system: ROLE_SYSTEM, code: '1', display: 'Eerste relatie/contactpersoon' }] },
        { coding: [{ system: MANTELZORGER.system, code: '100009' }] },
      ],
      name: [{ use: 'official', family: 'X', given: ['Y'] }],
      telecom: [{ system: 'email', value: 'a@b.nl', use: 'mobile' }],
    };
    const problems = nlCoreViolations(bad, terminology).join('\n');
    expect(problems).toMatch(/NBOR is not allowed/);
    expect(problems).toMatch(/'1' must have two digits/);
    expect(problems).toMatch(/100009 not in RolCodelijst/);
    expect(problems).toMatch(/iso21090-EN-qualifier/);
    expect(problems).toMatch(/email use mobile/);
    const badBsn: Patient = { ...toPatient(CLIENT), identifier: [{ system: BSN_SYSTEM, value: '123456789' }] };
    expect(nlCoreViolations(badBsn, terminology).join()).toMatch(/elfproef/);
    const twice = searchset('https://mk.example/fhir', 'https://mk.example/fhir/x', [toPatient(CLIENT), toPatient(CLIENT)].map((resource) => ({ resource, mode: 'match' as const })));
    expect((await r4Errors(twice)).join()).toMatch(/bdl-7/);
    const bigTeam = toCareTeam({ client: CLIENT, members: Object.values(MEMBERS), organisations: [] });
    expect(nlCoreViolations({ ...bigTeam, meta: { profile: [PROFILES.careTeam] } }, terminology).join()).toMatch(/more participants than its 0\.\.1 slices/);
    const org = toOrganization(HOME_CARE);
    const twoTypes = { ...org, type: [...(org.type ?? []), { coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: 'X3' }] }] };
    expect(nlCoreViolations(twoTypes, terminology).join()).toMatch(/more than one organizationType/);
    expect((await nlCoreProfileErrors(twoTypes)).join()).toMatch(/Organization\.type/);
  });

  it('copies the displays of the Nictiz code lists exactly', () => {
    for (const code of Object.keys(ROLE_CODES) as (keyof typeof ROLE_CODES)[]) expect(ROLE_DISPLAYS[code], code).toBe(terminology.rolCodelijst.get(ROLE_SYSTEM)?.get(code));
    expect(terminology.rolCodelijst.get(MANTELZORGER.system)?.get(MANTELZORGER.code)).toBe(MANTELZORGER.display);
    for (const code of Object.keys(RELATIONSHIP_CODES) as (keyof typeof RELATIONSHIP_CODES)[]) {
      const system = code === 'OTH' ? 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor' : 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
      expect(RELATIONSHIP_DISPLAYS[code], code).toBe(terminology.relatieCodelijst.get(system)?.get(code));
    }
    // The whole RelatieCodelijst and the extra roles, as stored from a push (issue 13).
    const relatie = [...(terminology.relatieCodelijst.get('http://terminology.hl7.org/CodeSystem/v3-RoleCode') ?? []), ...(terminology.relatieCodelijst.get('http://terminology.hl7.org/CodeSystem/v3-NullFlavor') ?? [])];
    expect(Object.entries(RELATIE_CODELIJST).sort()).toEqual(relatie.sort());
    const extra = [...(terminology.rolCodelijst.get(MANTELZORGER.system) ?? [])].filter(([code]) => code !== MANTELZORGER.code);
    expect(Object.entries(EXTRA_ROLE_DISPLAYS).sort()).toEqual(extra.sort());
    for (const [sector, type] of Object.entries(SECTOR_ORGANIZATION_TYPE)) {
      if (type) expect(terminology.organisatieTypeCodelijst.get(ORGANIZATION_TYPE_SYSTEM)?.get(type.code), sector).toBe(type.display);
    }
  });
});

describe('FHIR mapping: Patient', () => {
  it('has an official name with given and family, birth date, municipality and BSN', () => {
    const p = toPatient(CLIENT);
    expect(p.meta?.profile).toEqual([PROFILES.patient]);
    expect(p.name).toEqual([expect.objectContaining({ use: 'official', text: 'Gerrit de Vries', family: 'de Vries', given: ['Gerrit'] })]);
    expect(p.birthDate).toBe('1941-03-12');
    expect(p.identifier).toEqual([{ use: 'official', system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '111222333' }]);
    expect(p.address).toEqual([{ use: 'home', district: 'Leiden', country: 'NL' }]);
  });

  it('leaves out the BSN and birth date when there are none (or the caller may not see the BSN)', () => {
    const p = toPatient({ ...CLIENT, bsn: null, birthDate: null });
    expect(p.identifier).toBeUndefined();
    expect(p.birthDate).toBeUndefined();
  });
});

describe('FHIR mapping: names', () => {
  it('splits Dutch family-name prefixes', () => {
    expect(splitFamilyName('de Vries')).toEqual({ prefix: 'de', ownName: 'Vries' });
    expect(splitFamilyName('van der  Berg')).toEqual({ prefix: 'van der', ownName: 'Berg' });
    expect(splitFamilyName('Van den Heuvel')).toEqual({ prefix: 'Van den', ownName: 'Heuvel' });
    expect(splitFamilyName('Jansen')).toEqual({ prefix: null, ownName: 'Jansen' });
    expect(splitFamilyName('Van')).toEqual({ prefix: null, ownName: 'Van' });
    expect(splitFamilyName('Vandermeer')).toEqual({ prefix: null, ownName: 'Vandermeer' });
  });

  it('builds a name without a family name for someone known by first name only', () => {
    const n = officialName('Els', '');
    expect(n).toEqual({ use: 'official', text: 'Els', given: ['Els'], _given: [{ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'BR' }] }] });
    expect(displayName(' Els ', '')).toBe('Els');
  });
});

describe('FHIR mapping: contact persons', () => {
  it('codes a caregiver as Mantelzorger with a two-digit role and the family relationship', () => {
    const rp = toRelatedPerson(MEMBERS.anja, { withTelecom: true });
    expect(rp.meta?.profile).toEqual([PROFILES.contactPerson]);
    expect(rp.patient).toEqual({ reference: `Patient/${CLIENT.id}` });
    expect(codings(rp)).toEqual([
      { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.23.1', code: '100001', display: 'Mantelzorger' },
      { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.22.472', code: '01', display: 'Eerste relatie/contactpersoon' },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAUC', display: 'Daughter' },
    ]);
    expect(rp.telecom).toEqual([
      { system: 'phone', value: '06-12345678', use: 'home' },
      { system: 'email', value: 'anja@example.nl', use: 'home' },
    ]);
    expect(rp.period).toEqual({ start: '2024-05-01' });
  });

  it('exports a stored one-digit role as two digits', () => {
    expect(codings(toRelatedPerson(MEMBERS.marja, { withTelecom: true }))).toContainEqual({ system: ROLE_SYSTEM, code: '01', display: 'Eerste relatie/contactpersoon' });
  });

  it('gives neighbours role 19 and friends role 20, never NBOR or FRND; OTH comes from NullFlavor', () => {
    const els = codings(toRelatedPerson(MEMBERS.els, { withTelecom: true }));
    expect(els).toEqual([
      { system: ROLE_SYSTEM, code: '19', display: 'Buur' },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'OTH', display: 'Other' },
    ]);
    const hans = codings(toRelatedPerson(MEMBERS.hans, { withTelecom: true }));
    expect(hans.map((c) => c.code)).toEqual(['20', '24']);
    for (const kind of ['friend', 'neighbour'] as const) {
      const all = contactPersonRelationships({ kind, roleCode: null, relationshipCode: null, isRepresentative: false }).flatMap((c: CodeableConcept) => c.coding ?? []);
      expect(all.map((c) => c.code)).not.toContain('NBOR');
      expect(all.map((c) => c.code)).not.toContain('FRND');
      expect(all).toHaveLength(1);
    }
    // A caregiver who is also a neighbour keeps both.
    expect(contactPersonRelationships({ kind: 'neighbour', roleCode: '01', relationshipCode: null, isRepresentative: false }).map((c) => c.coding?.[0]?.code)).toEqual(['01', '19']);
  });

  it('exports every stored role and relationship in the stored order, for a contact person of kind other too (issue 13)', async () => {
    const jo = { ...MEMBERS.piet, id: '1a000000-0000-4000-8000-000000000009', kind: 'other' as const, roleCode: '01', roleCodes: ['01', '07'], relationshipCode: null, relationshipCodes: [] };
    const rp = toRelatedPerson(jo, { withTelecom: true });
    expect(codings(rp)).toEqual([
      { system: ROLE_SYSTEM, code: '01', display: 'Eerste relatie/contactpersoon' },
      { system: ROLE_SYSTEM, code: '07', display: 'Hulpverlener' },
    ]);
    expect(nlCoreViolations(rp, terminology)).toEqual([]);
    expect(await nlCoreProfileErrors(rp)).toEqual([]);
    const many = { ...jo, kind: 'caregiver' as const, roleCode: '24', roleCodes: ['100003', '24'], relationshipCode: 'DAUC', relationshipCodes: ['STPMTH', 'DAUC'], isRepresentative: true };
    const codes = codings(toRelatedPerson(many, { withTelecom: true })).map((c) => `${c.code} ${c.display}`);
    expect(codes).toEqual(['100001 Mantelzorger', '100003 Tolk', '24 Wettelijke vertegenwoordiger', 'STPMTH Stepmother', 'DAUC Daughter']);
    expect(nlCoreViolations(toRelatedPerson(many, { withTelecom: true }), terminology)).toEqual([]);
  });

  it('only caregivers carry the Mantelzorger code', () => {
    for (const m of Object.values(MEMBERS).filter((x) => x.kind !== 'professional' && x.kind !== 'volunteer')) {
      const has = codings(toRelatedPerson(m, { withTelecom: false })).some((c) => c.system === MANTELZORGER.system && c.code === MANTELZORGER.code);
      expect(has, m.givenName).toBe(m.kind === 'caregiver');
    }
  });

  it('leaves out contact details without full access', () => {
    expect(toRelatedPerson(MEMBERS.anja, { withTelecom: false }).telecom).toBeUndefined();
    expect(toPractitionerRole(MEMBERS.bos, { withTelecom: false }).telecom).toBeUndefined();
  });

  it('refuses to publish a professional as RelatedPerson, or a relative as Practitioner', () => {
    expect(() => toRelatedPerson(MEMBERS.bos, { withTelecom: true })).toThrow();
    expect(() => toPractitioner(MEMBERS.anja)).toThrow();
  });
});

describe('FHIR mapping: practitioners and organisations', () => {
  it('claims the HealthProfessional profiles for professionals only', () => {
    expect(toPractitioner(MEMBERS.bos).meta?.profile).toEqual([PROFILES.practitioner]);
    expect(toPractitionerRole(MEMBERS.bos, { withTelecom: true }).meta?.profile).toEqual([PROFILES.practitionerRole]);
    expect(toPractitioner(MEMBERS.joost).meta).toBeUndefined();
    const role = toPractitionerRole(MEMBERS.joost, { withTelecom: true });
    expect(role.meta).toBeUndefined();
    expect(role.organization).toEqual({ reference: `Organization/${VOLUNTEER_ORG.id}`, display: VOLUNTEER_ORG.name });
    expect(role.code?.[0]?.coding?.[0]).toEqual({ system: MK.memberKind, code: 'volunteer', display: 'Vrijwilliger' });
    const bos = toPractitionerRole(MEMBERS.bos, { withTelecom: true });
    expect(bos.organization).toEqual({ display: 'Huisartsenpraktijk Het Plein' });
    expect(bos.practitioner).toEqual({ reference: `Practitioner/${MEMBERS.bos.id}`, display: 'Dr. Bos' });
    expect(bos.code?.[0]?.text).toBe('Huisarts');
    expect(bos.telecom).toEqual([{ system: 'email', value: 'bos@plein.nl', use: 'work' }]);
  });

  it('publishes a care provider as nl-core-HealthcareProvider-Organization with its Nictiz type', () => {
    const org = toOrganization(HOME_CARE);
    expect(org.meta?.profile).toEqual([PROFILES.healthcareProvider]);
    expect(org.type).toEqual([{ coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: 'T2', display: 'Thuiszorg' }], text: 'Wijkverpleging en thuiszorg' }]);
    expect(toOrganization(PRIMARY_CARE).type).toEqual([{ text: 'Huisartsenzorg en eerste lijn' }]);
  });

  it('publishes a municipality as plain R4 Organization with its CBS code', () => {
    const org = toOrganization(MUNICIPALITY);
    expect(org.meta).toBeUndefined();
    expect(org.identifier).toEqual([{ use: 'official', system: MK.cbsMunicipality, value: 'GM0546' }]);
    expect(org.type?.[0]?.coding?.[0]?.code).toBe('govt');
    expect(toOrganization(VOLUNTEER_ORG).meta).toBeUndefined();
  });
});

describe('FHIR mapping: CareTeam', () => {
  it('puts every member in the circle and claims nl-core-CareTeam only when the slices allow it', () => {
    const team = toCareTeam({ client: CLIENT, members: Object.values(MEMBERS), organisations: [HOME_CARE] });
    expect(team.id).toBe(CLIENT.id);
    expect(team.subject?.reference).toBe(`Patient/${CLIENT.id}`);
    expect(team.participant).toHaveLength(1 + Object.keys(MEMBERS).length + 1);
    const refs = (team.participant ?? []).map((p) => p.member?.reference);
    expect(refs).toContain(`RelatedPerson/${MEMBERS.anja.id}`);
    expect(refs).toContain(`PractitionerRole/${MEMBERS.bos.id}`);
    expect(refs).toContain(`Organization/${HOME_CARE.id}`);
    expect(team.meta).toBeUndefined();
    expect(careTeamFitsNlCore(team)).toBe(false);

    const small = toCareTeam({ client: CLIENT, members: [MEMBERS.anja, MEMBERS.bos], organisations: [HOME_CARE] });
    expect(small.meta?.profile).toEqual([PROFILES.careTeam]);
    const two = toCareTeam({ client: CLIENT, members: [MEMBERS.anja, MEMBERS.piet], organisations: [] });
    expect(two.meta).toBeUndefined();
  });

  it('marks the informal carer role with SNOMED and the main caregiver in text', () => {
    const team = toCareTeam({ client: CLIENT, members: [MEMBERS.anja], organisations: [] });
    expect(team.participant?.[1]?.role).toEqual([{ coding: [{ system: 'http://snomed.info/sct', code: '407542009', display: 'Informal carer' }], text: 'Hoofdmantelzorger' }]);
  });
});

describe('FHIR mapping: Consent', () => {
  const byId = (suffix: string): Consent => {
    const c = CONSENTS.find((x) => x.id.endsWith(suffix));
    if (!c) throw new Error(suffix);
    return toConsent(c, { today: TODAY });
  };

  it('encodes a permit: scope, category, patient, date, performer, actor, action, level, period', () => {
    const c = byId('003');
    expect(c.status).toBe('active');
    expect(c.scope.coding).toEqual([{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }]);
    expect(c.patient).toEqual({ reference: `Patient/${CLIENT.id}` });
    expect(c.dateTime).toBe('2026-01-07T09:00:00.000Z');
    expect(c.performer).toEqual([{ display: 'Hoofdmantelzorger' }]);
    expect(c.provision).toEqual({
      type: 'permit',
      period: { end: '2026-12-31' },
      actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] }, reference: { reference: `RelatedPerson/${MEMBERS.piet.id}`, display: 'Piet van der Berg' } }],
      action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'access', display: 'Access' }] }],
      code: [{ coding: [{ system: MK.accessLevel, code: 'agenda', display: 'Agenda en berichten' }] }],
    });
  });

  it('marks superseded and expired decisions inactive, and manage as access + correct', () => {
    expect(byId('002').status).toBe('inactive');
    expect(byId('006').status).toBe('inactive');
    expect(byId('006').provision?.actor?.[0]?.reference.reference).toBe(`Practitioner/${MEMBERS.bos.id}`);
    const manage = byId('001');
    expect(manage.status).toBe('active');
    expect(manage.performer).toEqual([{ reference: `RelatedPerson/${MEMBERS.anja.id}`, display: 'Anja de Vries' }]);
    expect(manage.provision?.action?.map((a) => a.coding?.[0]?.code)).toEqual(['access', 'correct']);
  });

  it('encodes a denial for an organisation without level or period', () => {
    const deny = byId('005');
    expect(deny.status).toBe('active');
    expect(deny.provision?.type).toBe('deny');
    expect(deny.provision?.actor?.[0]?.reference).toEqual({ reference: `Organization/${HOME_CARE.id}`, display: HOME_CARE.name });
    expect(deny.provision?.code).toBeUndefined();
    expect(deny.provision?.period).toBeUndefined();
    expect(byId('004').performer).toEqual([{ reference: `Patient/${CLIENT.id}`, display: 'Cliënt' }]);
  });

  it('names a member who left without a reference to a resource that is gone', () => {
    expect(byId('007').provision?.actor?.[0]?.reference).toEqual({ display: 'Vertrokken Vriend' });
  });
});
