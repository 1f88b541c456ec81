import { MANTELZORGER, NULLFLAVOR_SYSTEM, RELATIONSHIP_SYSTEM, ROLE_SYSTEM, type OrganisationKind, type RelationshipCode, type RoleCode, type Sector } from '../common/codes.ts';

/**
 * Canonical URLs, systems and displays used in Mantelkring's FHIR resources. Sources: Nictiz
 * nl-core 0.12.1-beta.1 (CC0; copies in data/fhir/nl-core), HL7 FHIR R4 terminology. Displays
 * of Nictiz code systems are copied from the ValueSets (a unit test compares them).
 */

export { MANTELZORGER, NULLFLAVOR_SYSTEM, RELATIONSHIP_SYSTEM, ROLE_SYSTEM };

const NICTIZ_SD = 'http://nictiz.nl/fhir/StructureDefinition/';

/** nl-core profiles claimed in `meta.profile` where a resource conforms to them. */
export const PROFILES = {
  patient: `${NICTIZ_SD}nl-core-Patient`,
  contactPerson: `${NICTIZ_SD}nl-core-ContactPerson`,
  practitioner: `${NICTIZ_SD}nl-core-HealthProfessional-Practitioner`,
  practitionerRole: `${NICTIZ_SD}nl-core-HealthProfessional-PractitionerRole`,
  healthcareProvider: `${NICTIZ_SD}nl-core-HealthcareProvider-Organization`,
  careTeam: `${NICTIZ_SD}nl-core-CareTeam`,
} as const;

/** Base R4 StructureDefinitions, for the CapabilityStatement. */
export const BASE_PROFILE = (type: string): string => `http://hl7.org/fhir/StructureDefinition/${type}`;

/** The Dutch citizen service number (BSN). */
export const BSN_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/bsn';
/** ISO 21090 name-part qualifier extension (nl-core: required on every given name). */
export const EN_QUALIFIER_URL = 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier';
/** Prefix of the own family name ("de" in "de Vries"). */
export const OWN_PREFIX_URL = 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix';
/** The own family name without prefix ("Vries"). */
export const OWN_NAME_URL = 'http://hl7.org/fhir/StructureDefinition/humanname-own-name';

/**
 * Our own code and naming systems (no published system fits). Canonical URLs under the
 * project's domain; they are identifiers, not necessarily resolvable.
 */
export const MK = {
  /** Access levels of a consent decision: agenda | full | manage. */
  accessLevel: 'https://mantelkring.nl/fhir/CodeSystem/access-level',
  /** Kinds of member on the circle (caregiver … professional). */
  memberKind: 'https://mantelkring.nl/fhir/CodeSystem/member-kind',
  /**
   * CBS municipality codes (`GM` + 4 digits). No FHIR NamingSystem for these was found; the
   * GBA "tabel 33" OID might fit but is unverified, so we do not claim it.
   */
  cbsMunicipality: 'https://mantelkring.nl/fhir/NamingSystem/cbs-gemeentecode',
  /**
   * Burden instruments (code = the Questionnaire id), for Observation.code when the
   * Questionnaire has no `code` of its own. The built-in Questionnaires use it as their code too.
   */
  burdenInstrument: 'https://mantelkring.nl/fhir/CodeSystem/burden-instrument',
  /** How heavy a band is, whatever the instrument: none | light | moderate | heavy (Observation.interpretation). */
  burdenLevel: 'https://mantelkring.nl/fhir/CodeSystem/burden-level',
  /** Complex extension on a QuestionnaireResponse with its score: total, band, overload, the Observation. */
  burdenResult: 'https://mantelkring.nl/fhir/StructureDefinition/burden-result',
} as const;

/** Nictiz OrganisatieTypeCodelijst code system. */
export const ORGANIZATION_TYPE_SYSTEM = 'http://nictiz.nl/fhir/NamingSystem/organization-type';
/** HL7 R4 organization-type code system (for organisations outside the nl-core profile). */
export const HL7_ORGANIZATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/organization-type';

/** HL7 code systems used by Consent, CareTeam and Observation. */
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const CONSENT_ACTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentaction';
export const V3_ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const LOINC_SYSTEM = 'http://loinc.org';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

/** Displays of COD472 "Soort relatie cliënt" as in Nictiz RolCodelijst. */
export const ROLE_DISPLAYS: Record<RoleCode, string> = {
  '01': 'Eerste relatie/contactpersoon',
  '02': 'Tweede relatie/contactpersoon',
  '03': 'Curator (juridisch)',
  '04': 'Financieel (gemachtigd)',
  '05': 'Financieel (toetsing)',
  '06': 'Leefeenheid',
  '07': 'Hulpverlener',
  '09': 'Anders',
  '11': 'Voogd',
  '14': 'Bewindvoerder',
  '15': 'Mentor',
  '19': 'Buur',
  '20': 'Vriend(in)/kennis',
  '21': 'Cliëntondersteuner',
  '23': 'Contactpersoon',
  '24': 'Wettelijke vertegenwoordiger',
};

/** Displays of the RelatieCodelijst codes we use (HL7 v3 RoleCode display; NullFlavor OTH). */
export const RELATIONSHIP_DISPLAYS: Record<RelationshipCode, string> = {
  WIFE: 'Wife',
  HUSB: 'Husband',
  DOMPART: 'Domestic partner',
  DAUC: 'Daughter',
  SONC: 'Son',
  DAUINLAW: 'Daughter in-law',
  SONINLAW: 'Son in-law',
  GRNDDAU: 'Granddaughter',
  GRNDSON: 'Grandson',
  MTH: 'Mother',
  FTH: 'Father',
  SIS: 'Sister',
  BRO: 'Brother',
  NIECE: 'Niece',
  NEPHEW: 'Nephew',
  AUNT: 'Aunt',
  UNCLE: 'Uncle',
  OTH: 'Other',
};

/**
 * Every code of nl-core's RelatieCodelijst with its display (HL7 v3 RoleCode family codes, and
 * NullFlavor OTH): what a record system may send and what is stored (`relationship_codes`).
 * The app offers a subset (RELATIONSHIP_CODES of common/codes.ts); the rest is kept as sent.
 */
export const RELATIE_CODELIJST: Record<string, string> = {
  ADOPTF: 'Adoptive father', ADOPTM: 'Adoptive mother', AUNT: 'Aunt', BRO: 'Brother', BROINLAW: 'Brother-in-law', COUSN: 'Cousin',
  DAUC: 'Daughter', DAUINLAW: 'Daughter in-law', DOMPART: 'Domestic partner', FTH: 'Father', FTHINLAW: 'Father-in-law',
  DAUFOST: 'Foster daughter', FTHFOST: 'Foster father', MTHFOST: 'Foster mother', SONFOST: 'Foster son', GRNDDAU: 'Granddaughter',
  GRFTH: 'Grandfather', GRMTH: 'Grandmother', GRNDSON: 'Grandson', GGRFTH: 'Great grandfather', GGRMTH: 'Great grandmother',
  HUSB: 'Husband', MTH: 'Mother', MTHINLAW: 'Mother-in-law', NEPHEW: 'Nephew', NIECE: 'Niece', SIS: 'Sister', SISINLAW: 'Sister-in-law',
  SONC: 'Son', SONINLAW: 'Son in-law', STPFTH: 'Stepfather', STPMTH: 'Stepmother', UNCLE: 'Uncle', WIFE: 'Wife', OTH: 'Other',
};

/** The system of a RelatieCodelijst code: NullFlavor for OTH, v3-RoleCode for the rest. */
export const relationshipSystem = (code: string): string => (code === 'OTH' ? NULLFLAVOR_SYSTEM : RELATIONSHIP_SYSTEM);

/**
 * The extra roles of RolCodelijst besides Mantelzorger (same code system as MANTELZORGER).
 * 100001 Mantelzorger is the member kind `caregiver`; these are stored with the COD472 roles.
 */
export const EXTRA_ROLE_DISPLAYS: Record<string, string> = { '100002': 'Geestelijk verzorger', '100003': 'Tolk', '100004': 'Advocaat' };

/** The coding of a stored role code: COD472 (two digits) or an extra role (six digits). */
export function roleCoding(code: string): { system: string; code: string; display: string } | null {
  if (code in EXTRA_ROLE_DISPLAYS) return { system: MANTELZORGER.system, code, display: EXTRA_ROLE_DISPLAYS[code] as string };
  if (code in ROLE_DISPLAYS) return { system: ROLE_SYSTEM, code, display: ROLE_DISPLAYS[code as RoleCode] };
  return null;
}

/**
 * HL7 v3 RoleCode codes that are NOT in nl-core's RelatieCodelijst and that people reach for:
 * a neighbour or friend is expressed with role 19 Buur / 20 Vriend(in)/kennis instead.
 */
export const FORBIDDEN_RELATIONSHIP_CODES = ['NBOR', 'FRND'] as const;

/** The role code that a member kind implies (neighbours and friends have their own roles). */
export const ROLE_FOR_KIND: Partial<Record<string, RoleCode>> = { neighbour: '19', friend: '20' };

/** Roles that make a contact person the client's legal representative (curator, guardian, mentor, legal representative). */
export const REPRESENTATIVE_ROLES: readonly RoleCode[] = ['03', '11', '15', '24'];

/**
 * Nictiz OrganisatieTypeCodelijst code per sector, where one code of that ValueSet (not just
 * of its larger code system) fits the whole sector.
 */
export const SECTOR_ORGANIZATION_TYPE: Record<Sector, { code: string; display: string } | null> = {
  elderly_care: { code: 'X3', display: 'Verplegings- of verzorgingsinstelling' },
  mental_health: { code: 'G5', display: 'Geestelijke Gezondheidszorg' },
  home_care: { code: 'T2', display: 'Thuiszorg' },
  // These span several types or have none in the ValueSet (G6 is intellectual disability
  // only; hospital V4 or rehabilitation R8; GP Z3, but primary care is more): we give the
  // sector as text rather than guess a code.
  disability_care: null,
  hospital_rehabilitation: null,
  primary_care: null,
};

/** Dutch labels of organisation kinds (for `text` where no code fits); sectors use SECTOR_LABELS of common/codes.ts. */
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  care_provider: 'Zorgaanbieder',
  welfare: 'Welzijnsorganisatie',
  volunteer: 'Vrijwilligersorganisatie',
  municipality: 'Gemeente',
  programme_office: 'Programmabureau',
};

const COMMUNITY_GROUP = { code: 'cg', display: 'Community Group' } as const;

/** HL7 organization-type per organisation kind outside the nl-core profile (welfare and volunteer organisations are both community groups). */
export const KIND_HL7_ORGANIZATION_TYPE: Record<OrganisationKind, { code: string; display: string }> = {
  municipality: { code: 'govt', display: 'Government' },
  welfare: COMMUNITY_GROUP,
  volunteer: COMMUNITY_GROUP,
  programme_office: { code: 'other', display: 'Other' },
  care_provider: { code: 'prov', display: 'Healthcare Provider' },
};

/** Displays of our access-level codes (Consent.provision.code). */
export const ACCESS_LEVEL_DISPLAYS = {
  agenda: 'Agenda en berichten',
  full: 'De hele kring, met notities en kaart',
  manage: 'De hele kring, en leden en uitnodigingen beheren',
} as const;

/** Displays of our burden levels (MK.burdenLevel). */
export const BURDEN_LEVEL_DISPLAYS = {
  none: 'Geen belasting',
  light: 'Lichte belasting',
  moderate: 'Matige belasting',
  heavy: 'Zware belasting',
} as const;
