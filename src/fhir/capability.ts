import { BASE_PROFILE, PROFILES } from './codes.ts';
import type { ResourceBase } from './types.ts';

/** A search parameter as the CapabilityStatement lists it. */
interface SearchParamInfo {
  name: string;
  type: 'reference' | 'token' | 'string' | 'uri' | 'date' | 'number';
  definition?: string;
  documentation: string;
}

interface ResourceInfo {
  type: string;
  /** nl-core profiles some instances of this type claim. */
  supportedProfile?: string[];
  interactions: ('read' | 'search-type' | 'create')[];
  searchParams?: SearchParamInfo[];
  /** `_include` values supported on a search of this type. */
  searchInclude?: string[];
  operations?: { name: string; definition: string; documentation: string }[];
  documentation: string;
}

/**
 * A search parameter: `definedBy` is the id of its R4 SearchParameter (under
 * http://hl7.org/fhir/SearchParameter/), null for a Mantelkring extension or a result parameter.
 */
function param(name: string, type: SearchParamInfo['type'], definedBy: string | null, documentation: string): SearchParamInfo {
  return { name, type, ...(definedBy ? { definition: `http://hl7.org/fhir/SearchParameter/${definedBy}` } : {}), documentation };
}
const byPatient = (documentation: string): SearchParamInfo => param('patient', 'reference', 'clinical-patient', documentation);

/**
 * Exactly what the FHIR API supports: the single source for the CapabilityStatement. Reads
 * and searches need a session with 'full' access to the client; every one is logged.
 */
export const SUPPORTED: ResourceInfo[] = [
  {
    type: 'Patient',
    supportedProfile: [PROFILES.patient],
    interactions: ['read', 'search-type'],
    searchParams: [
      param('_id', 'token', 'Resource-id', 'The client id.'),
      param('identifier', 'token', 'Patient-identifier', 'The BSN: http://fhir.nl/fhir/NamingSystem/bsn|{9 digits} (or the 9 digits alone). Finds only clients whose BSN the caller may see; another system matches nothing.'),
      param('name', 'string', 'Patient-name', 'Starts with, case-insensitive, on the given name, the family name or a word of it ("vries" finds "de Vries"); name:contains for contains.'),
      param('birthdate', 'date', 'individual-birthdate', 'YYYY, YYYY-MM or YYYY-MM-DD, with prefix eq (default), ge, le, gt or lt; give it twice for a range (ge…&birthdate=le…).'),
      param('_count', 'number', null, 'Page size, 0 to 100 (default 20). The Bundle has total and a next link while there are more.'),
      param('_offset', 'number', null, 'Mantelkring paging parameter: how many matches to skip (used in the next link).'),
    ],
    operations: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything', documentation: 'Everything of one client the caller may see, as a searchset Bundle. No parameters.' }],
    documentation: 'A client. The BSN identifier only when present and the caller may see it. Search: the clients the caller has full access to (as for a read), ordered by family and given name, at most 500 candidates per search; one access-log line per client returned.',
  },
  {
    type: 'CareTeam',
    supportedProfile: [PROFILES.careTeam],
    interactions: ['read', 'search-type'],
    searchParams: [
      byPatient('Patient/{id} or {id}: the circle of that client.'),
      param('subject', 'reference', 'CareTeam-subject', 'Patient/{id} or {id}: the circle of that client.'),
    ],
    searchInclude: ['CareTeam:participant'],
    documentation: 'The circle of a client (id = the client id), with every member. Claims nl-core-CareTeam only when it fits its 0..1 participant slices.',
  },
  {
    type: 'RelatedPerson',
    supportedProfile: [PROFILES.contactPerson],
    interactions: ['read', 'search-type'],
    searchParams: [param('patient', 'reference', 'RelatedPerson-patient', 'Patient/{id} or {id}: the informal members of that circle.')],
    documentation: 'An informal member (caregiver, relative, friend, neighbour, or other contact person) of one circle, with every role and relationship code as stored.',
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
      param('practitioner', 'reference', 'PractitionerRole-practitioner', 'Practitioner/{id} or {id}: the role of that member.'),
      param('organization', 'reference', 'PractitionerRole-organization', 'Organization/{id} or {id}: members working for that organisation, in circles where the caller has full access.'),
      param('patient', 'reference', null, 'Mantelkring extension (not an R4 search parameter of PractitionerRole): Patient/{id} or {id}, the volunteers and professionals of that circle.'),
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
  {
    type: 'Questionnaire',
    interactions: ['read', 'search-type'],
    searchParams: [
      param('_id', 'token', 'Resource-id', 'The instrument key (current version) or a version UUID (older version).'),
      param('url', 'uri', 'Questionnaire-url', 'The canonical url, exactly; `url|version` selects one version.'),
      param('version', 'token', 'Questionnaire-version', 'The business version, exactly.'),
      param('name', 'string', 'Questionnaire-name', 'Starts with, case-insensitive.'),
      param('status', 'token', 'Questionnaire-status', 'draft | active | retired.'),
    ],
    documentation:
      'The burden instruments (EDIZ-plus, EDIZ, Caregiver Strain Index, self-rated burden, and imported ones), each with its scoring in the extension https://mantelkring.nl/fhir/StructureDefinition/burden-scoring. id = the instrument key for the current version, the version UUID for older versions; every version keeps its url and version. For every logged-in user.',
  },
  {
    type: 'QuestionnaireResponse',
    interactions: ['create', 'read', 'search-type'],
    searchParams: [param('subject', 'reference', 'QuestionnaireResponse-subject', 'RelatedPerson/{id} or {id}: the completed checks of that caregiver the caller may see.')],
    documentation:
      'A completed burden check of a caregiver (subject RelatedPerson), bound to the instrument version answered (questionnaire = url|version). create: status completed, answers by linkId (valueCoding for choice items, valueInteger for integer items); by the caregiver themselves, or by a professional with full access to the client through their organisation (recorded as administered by them). Stored, scored and followed up (signal) as a check in the app; the score is in the extension https://mantelkring.nl/fhir/StructureDefinition/burden-result and in Observation/{same id}. authored is the time of recording. Results are the caregiver\'s: a professional sees them only when shared (a check taken with a professional is shared); other circle members 403.',
  },
  {
    type: 'Observation',
    interactions: ['read', 'search-type'],
    searchParams: [
      param('focus', 'reference', 'Observation-focus', 'RelatedPerson/{id} or {id}: the burden scores of that caregiver.'),
      param('subject', 'reference', null, 'Mantelkring extension: RelatedPerson/{id} means the same as focus (R4 Observation.subject cannot be a RelatedPerson; it is the client).'),
    ],
    documentation:
      'The total score of a completed burden check (id = the QuestionnaireResponse id, derivedFrom it): category survey, code = the Questionnaire code, subject the client, focus the caregiver, valueInteger the total, interpretation the band, performer the professional who took it. Same access as QuestionnaireResponse.',
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
          'Reads and searches of circle data need a Mantelkring session with full access to the client (agenda-only access: 403; no access: 404). Burden checks (QuestionnaireResponse, Observation) belong to the caregiver: the caregiver and, when shared, a professional of the client. Questionnaires are readable by every logged-in user. Every read, search and create is written to the NEN 7513 access log. A transaction Bundle (Patient, RelatedPerson, CareTeam) creates a circle: for professionals of a care provider, with two-step login.',
        security: { description: 'Session cookie of a Mantelkring login, or a personal API token (Authorization: Bearer mkt_…) that carries the two-step assurance of the session that made it. No SMART on FHIR yet.' },
        resource: SUPPORTED.map((r) => ({
          type: r.type,
          profile: BASE_PROFILE(r.type),
          ...(r.supportedProfile ? { supportedProfile: r.supportedProfile } : {}),
          documentation: r.documentation,
          interaction: r.interactions.map((code) => ({ code })),
          ...(r.interactions.includes('create') ? { conditionalCreate: false } : {}),
          versioning: 'no-version',
          readHistory: false,
          updateCreate: false,
          ...(r.searchParams ? { searchParam: r.searchParams.map((p) => ({ name: p.name, ...(p.definition ? { definition: p.definition } : {}), type: p.type, documentation: p.documentation })) } : {}),
          ...(r.searchInclude ? { searchInclude: r.searchInclude } : {}),
          ...(r.operations ? { operation: r.operations } : {}),
        })),
        interaction: [{ code: 'transaction', documentation: 'Creates a circle from Patient, RelatedPerson and CareTeam entries (request POST, fullUrl urn:uuid).' }],
      },
    ],
  };
}
