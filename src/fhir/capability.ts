import { BASE_PROFILE, PROFILES } from './codes.ts';
import type { ResourceBase } from './types.ts';

/** A search parameter as the CapabilityStatement lists it. */
interface SearchParamInfo {
  name: string;
  type: 'reference' | 'token' | 'string';
  definition?: string;
  documentation: string;
}

interface ResourceInfo {
  type: string;
  /** nl-core profiles some instances of this type claim. */
  supportedProfile?: string[];
  interactions: ('read' | 'search-type')[];
  searchParams?: SearchParamInfo[];
  operations?: { name: string; definition: string; documentation: string }[];
  documentation: string;
}

const SP = 'http://hl7.org/fhir/SearchParameter/';
const byPatient = (documentation: string): SearchParamInfo => ({ name: 'patient', type: 'reference', definition: `${SP}clinical-patient`, documentation });

/**
 * Exactly what the FHIR API supports: the single source for the CapabilityStatement. Reads
 * and searches need a session with 'full' access to the client; every one is logged.
 */
export const SUPPORTED: ResourceInfo[] = [
  {
    type: 'Patient',
    supportedProfile: [PROFILES.patient],
    interactions: ['read'],
    operations: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything', documentation: 'Everything of one client the caller may see, as a searchset Bundle. No parameters.' }],
    documentation: 'A client. The BSN identifier only when present and the caller may see it.',
  },
  {
    type: 'CareTeam',
    supportedProfile: [PROFILES.careTeam],
    interactions: ['read', 'search-type'],
    searchParams: [
      byPatient('Patient/{id} or {id}: the circle of that client.'),
      { name: 'subject', type: 'reference', definition: `${SP}CareTeam-subject`, documentation: 'Patient/{id} or {id}: the circle of that client.' },
    ],
    documentation: 'The circle of a client (id = the client id), with every member. Claims nl-core-CareTeam only when it fits its 0..1 participant slices.',
  },
  {
    type: 'RelatedPerson',
    supportedProfile: [PROFILES.contactPerson],
    interactions: ['read', 'search-type'],
    searchParams: [{ name: 'patient', type: 'reference', definition: `${SP}RelatedPerson-patient`, documentation: 'Patient/{id} or {id}: the informal members of that circle.' }],
    documentation: 'An informal member (caregiver, relative, friend, neighbour) of one circle.',
  },
  {
    type: 'Practitioner',
    supportedProfile: [PROFILES.practitioner],
    interactions: ['read'],
    documentation: 'A professional or volunteer member of one circle (id = the member id). Only professionals claim the nl-core profile.',
  },
  {
    type: 'PractitionerRole',
    supportedProfile: [PROFILES.practitionerRole],
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'practitioner', type: 'reference', definition: `${SP}PractitionerRole-practitioner`, documentation: 'Practitioner/{id} or {id}: the role of that member.' },
      { name: 'organization', type: 'reference', definition: `${SP}PractitionerRole-organization`, documentation: 'Organization/{id} or {id}: members working for that organisation, in circles where the caller has full access.' },
      { name: 'patient', type: 'reference', documentation: 'Mantelkring extension (not an R4 search parameter of PractitionerRole): Patient/{id} or {id}, the volunteers and professionals of that circle.' },
    ],
    documentation: 'A professional or volunteer in one circle, with their organisation and work contact details.',
  },
  {
    type: 'Organization',
    supportedProfile: [PROFILES.healthcareProvider],
    interactions: ['read'],
    documentation: 'Care providers as nl-core-HealthcareProvider-Organization; municipalities (CBS code identifier) and other organisations as plain R4. Readable by its members, by whoever sees a client it is linked to, and by platform admins.',
  },
  {
    type: 'Consent',
    interactions: ['read', 'search-type'],
    searchParams: [byPatient('Patient/{id} or {id}: every consent decision of that client, current (active) and superseded (inactive).')],
    documentation: 'One consent decision: scope patient-privacy, provision permit/deny for one member or organisation, access level in provision.code.',
  },
];

/** The CapabilityStatement of this server (FHIR R4, JSON only). */
export function capabilityStatement(input: { baseUrl: string; version: string; date: string }): ResourceBase & Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: input.date,
    publisher: 'Mantelkring',
    kind: 'instance',
    software: { name: 'Mantelkring', version: input.version },
    implementation: { description: 'Mantelkring FHIR R4 API (Dutch nl-core profiles)', url: input.baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Reads and searches need a Mantelkring session with full access to the client (agenda-only access: 403; no access: 404). Every read and search is written to the NEN 7513 access log. A transaction Bundle (Patient, RelatedPerson, CareTeam) creates a circle: for professionals of a care provider, with two-step login.',
        security: { description: 'Session cookie of a Mantelkring login (two-step login where the role requires it). No SMART on FHIR yet.' },
        resource: SUPPORTED.map((r) => ({
          type: r.type,
          profile: BASE_PROFILE(r.type),
          ...(r.supportedProfile ? { supportedProfile: r.supportedProfile } : {}),
          documentation: r.documentation,
          interaction: r.interactions.map((code) => ({ code })),
          versioning: 'no-version',
          readHistory: false,
          updateCreate: false,
          ...(r.searchParams ? { searchParam: r.searchParams.map((p) => ({ name: p.name, ...(p.definition ? { definition: p.definition } : {}), type: p.type, documentation: p.documentation })) } : {}),
          ...(r.operations ? { operation: r.operations } : {}),
        })),
        interaction: [{ code: 'transaction', documentation: 'Creates a circle from Patient, RelatedPerson and CareTeam entries (request POST, fullUrl urn:uuid).' }],
      },
    ],
  };
}
