import type { ClientFacts, ConsentFacts, MemberFacts, OrganisationFacts } from '../model.ts';

/**
 * Test-only fixtures: one circle with every kind of member, its organisations and consent
 * decisions, as plain facts. Shared by the mapping tests (no database).
 */

export const CLIENT: ClientFacts = {
  id: '0b0c9d5e-1f6a-4c1e-9a65-0d1e2f3a4b5c',
  givenName: 'Gerrit',
  familyName: 'de Vries',
  birthDate: '1941-03-12',
  bsn: '111222333',
  municipalityCode: 'GM0546',
  municipalityName: 'Leiden',
  createdAt: new Date('2026-01-05T09:00:00Z'),
  updatedAt: new Date('2026-02-01T10:30:00Z'),
};

const base = { clientId: CLIENT.id, isMainCaregiver: false, isRepresentative: false, familyName: '', roleCode: null, relationshipCode: null, roleCodes: [], relationshipCodes: [], since: null, email: null, phone: null, organisationId: null, organisationName: null, jobTitle: null };

export const HOME_CARE: OrganisationFacts = { id: '5d1b2c3a-0000-4000-8000-000000000001', name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', municipalityName: 'Leiden' };
export const PRIMARY_CARE: OrganisationFacts = { id: '5d1b2c3a-0000-4000-8000-000000000002', name: 'Huisartsenpraktijk Het Plein', kind: 'care_provider', sector: 'primary_care', municipalityCode: 'GM0546', municipalityName: 'Leiden' };
export const MUNICIPALITY: OrganisationFacts = { id: '5d1b2c3a-0000-4000-8000-000000000003', name: 'Gemeente Leiden', kind: 'municipality', sector: null, municipalityCode: 'GM0546', municipalityName: 'Leiden' };
export const VOLUNTEER_ORG: OrganisationFacts = { id: '5d1b2c3a-0000-4000-8000-000000000004', name: 'Vrijwilligerscentrale Leiden', kind: 'volunteer', sector: null, municipalityCode: 'GM0546', municipalityName: 'Leiden' };

export const MEMBERS: Record<'anja' | 'piet' | 'els' | 'hans' | 'joost' | 'bos' | 'marja', MemberFacts> = {
  anja: { ...base, id: '1a000000-0000-4000-8000-000000000001', kind: 'caregiver', isMainCaregiver: true, givenName: 'Anja', familyName: 'de Vries', roleCode: '01', relationshipCode: 'DAUC', since: '2024-05-01', email: 'anja@example.nl', phone: '06-12345678' },
  piet: { ...base, id: '1a000000-0000-4000-8000-000000000002', kind: 'relative', givenName: 'Piet', familyName: 'van der Berg', relationshipCode: 'SONC', email: 'piet@example.nl' },
  els: { ...base, id: '1a000000-0000-4000-8000-000000000003', kind: 'neighbour', givenName: 'Els', roleCode: '19', relationshipCode: 'OTH', phone: '071-5123456' },
  hans: { ...base, id: '1a000000-0000-4000-8000-000000000004', kind: 'friend', givenName: 'Hans', isRepresentative: true },
  joost: { ...base, id: '1a000000-0000-4000-8000-000000000005', kind: 'volunteer', givenName: 'Joost', familyName: 'Bakker', organisationId: VOLUNTEER_ORG.id, organisationName: VOLUNTEER_ORG.name },
  bos: { ...base, id: '1a000000-0000-4000-8000-000000000006', kind: 'professional', givenName: 'Dr. Bos', organisationName: 'Huisartsenpraktijk Het Plein', jobTitle: 'Huisarts', email: 'bos@plein.nl' },
  marja: { ...base, id: '1a000000-0000-4000-8000-000000000007', kind: 'caregiver', givenName: 'Marja', familyName: 'de Vries', relationshipCode: 'DAUC', roleCode: '1' },
};

const consentBase = { clientId: CLIENT.id, member: null, organisation: null, validUntil: null, recordedByMember: null, recordedByName: 'Anja de Vries', current: true } as const;

export const CONSENTS: ConsentFacts[] = [
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000001', member: { id: MEMBERS.anja.id, kind: 'caregiver', name: 'Anja de Vries', active: true }, decision: 'permit', accessLevel: 'manage', decidedAs: 'main_caregiver', recordedByMember: { id: MEMBERS.anja.id, kind: 'caregiver', name: 'Anja de Vries' }, createdAt: new Date('2026-01-05T09:00:00Z') },
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000002', member: { id: MEMBERS.piet.id, kind: 'relative', name: 'Piet van der Berg', active: true }, decision: 'permit', accessLevel: 'full', decidedAs: 'client', createdAt: new Date('2026-01-06T09:00:00Z'), current: false },
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000003', member: { id: MEMBERS.piet.id, kind: 'relative', name: 'Piet van der Berg', active: true }, decision: 'permit', accessLevel: 'agenda', validUntil: '2026-12-31', decidedAs: 'main_caregiver', createdAt: new Date('2026-01-07T09:00:00Z') },
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000004', organisation: { id: HOME_CARE.id, name: HOME_CARE.name }, decision: 'permit', accessLevel: 'full', decidedAs: 'client', createdAt: new Date('2026-01-08T09:00:00Z'), current: false },
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000005', organisation: { id: HOME_CARE.id, name: HOME_CARE.name }, decision: 'deny', accessLevel: null, decidedAs: 'representative', createdAt: new Date('2026-01-09T09:00:00Z') },
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000006', member: { id: MEMBERS.bos.id, kind: 'professional', name: 'Dr. Bos', active: true }, decision: 'permit', accessLevel: 'full', validUntil: '2026-01-31', decidedAs: 'client', createdAt: new Date('2026-01-10T09:00:00Z') },
  { ...consentBase, id: 'c0000000-0000-4000-8000-000000000007', member: { id: '1a000000-0000-4000-8000-0000000000ff', kind: 'friend', name: 'Vertrokken Vriend', active: false }, decision: 'permit', accessLevel: 'agenda', decidedAs: 'client', createdAt: new Date('2026-01-11T09:00:00Z') },
];

const P = 'urn:uuid:11111111-1111-4111-8111-111111111111';
const A = 'urn:uuid:22222222-2222-4222-8222-222222222222';
const B = 'urn:uuid:33333333-3333-4333-8333-333333333333';
const T = 'urn:uuid:44444444-4444-4444-8444-444444444444';
/** fullUrls of the good transaction Bundle: patient, caregiver, neighbour, team. */
export const BUNDLE_URLS = { P, A, B, T };
const ROLE = 'urn:oid:2.16.840.1.113883.2.4.3.11.22.472';
const MZ = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.23.1';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

type Json = Record<string, unknown>;
const entry = (fullUrl: string, resource: Json) => ({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });

/** A good network push: client, a caregiver daughter with role '1', a neighbour, and the team. */
export function goodBundle(over: { patient?: Json; anja?: Json; els?: Json; team?: Json } = {}): Json {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry(P, {
        resourceType: 'Patient',
        identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '111222333' }, { system: 'urn:oid:2.16.528.1.1007.3.3.1234', value: 'CL-0042' }],
        name: [{ use: 'official', family: 'de Vries', given: ['Gerardus', 'Johannes'] }, { use: 'usual', given: ['Gerrit'] }],
        birthDate: '1941-03-12',
        gender: 'male',
        address: [{ use: 'home', line: ['Breestraat 1'], city: 'Leiden', district: 'Leiden', postalCode: '2311 AA' }],
        ...over.patient,
      }),
      entry(A, {
        resourceType: 'RelatedPerson',
        patient: { reference: P },
        relationship: [{ coding: [{ system: MZ, code: '100001' }] }, { coding: [{ system: ROLE, code: '1' }] }, { coding: [{ system: V3, code: 'DAUC' }] }],
        name: [{ use: 'official', family: 'de Vries', given: ['Anja'] }],
        telecom: [{ system: 'email', value: 'Anja@Example.nl' }, { system: 'phone', value: '06-12345678' }],
        ...over.anja,
      }),
      entry(B, {
        resourceType: 'RelatedPerson',
        patient: { reference: P },
        relationship: [{ coding: [{ system: ROLE, code: '19', display: 'Buur' }] }, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', code: 'OTH' }] }],
        name: [{ given: ['Els'] }],
        ...over.els,
      }),
      entry(T, {
        resourceType: 'CareTeam',
        status: 'active',
        subject: { reference: P },
        participant: [{ member: { reference: P } }, { member: { reference: A } }, { member: { reference: B } }],
        ...over.team,
      }),
    ],
  };
}

