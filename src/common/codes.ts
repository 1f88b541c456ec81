/**
 * The vocabulary of care circles and organisations: every code list once, with Dutch (B1) and
 * English labels where people pick from it. Shared by the Zod schemas (src/common), the server
 * (storage, FHIR export) and the web (pickers, labels). Sources: Nictiz nl-core 0.12.1-beta.1
 * (CC0) value sets RolCodelijst and RelatieCodelijst; HL7 v3 RoleCode. See data/fhir/README.md.
 */

/** nl-core ContactPerson role: the "Mantelzorger" extra role code. */
export const MANTELZORGER = { system: 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.23.1', code: '100001', display: 'Mantelzorger' } as const;

/** COD472 "Soort relatie cliënt" (two-digit codes; export as two digits, accept one digit on import). */
export const ROLE_SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.3.11.22.472';
export const ROLE_CODES = {
  '01': { nl: 'Eerste contactpersoon', en: 'First contact person' },
  '02': { nl: 'Tweede contactpersoon', en: 'Second contact person' },
  '03': { nl: 'Curator', en: 'Guardian (curator)' },
  '04': { nl: 'Financieel gemachtigd', en: 'Financial authorised' },
  '05': { nl: 'Financieel (toetsing)', en: 'Financial (assessment)' },
  '06': { nl: 'Leefeenheid (woont samen)', en: 'Household member' },
  '07': { nl: 'Hulpverlener', en: 'Care worker' },
  '09': { nl: 'Anders', en: 'Other' },
  '11': { nl: 'Voogd', en: 'Guardian' },
  '14': { nl: 'Bewindvoerder', en: 'Administrator' },
  '15': { nl: 'Mentor', en: 'Mentor' },
  '19': { nl: 'Buur', en: 'Neighbour' },
  '20': { nl: 'Vriend(in) of kennis', en: 'Friend or acquaintance' },
  '21': { nl: 'Cliëntondersteuner', en: 'Client supporter' },
  '23': { nl: 'Contactpersoon', en: 'Contact person' },
  '24': { nl: 'Wettelijk vertegenwoordiger', en: 'Legal representative' },
} as const;
export type RoleCode = keyof typeof ROLE_CODES;

/** Normalises an imported role code: '1' → '01'. Returns null for an unknown code. */
export function normaliseRoleCode(code: string): RoleCode | null {
  const two = code.trim().padStart(2, '0');
  return two in ROLE_CODES ? (two as RoleCode) : null;
}

/** Family relationship (HL7 v3 RoleCode; the RelatieCodelijst subset we offer) plus NullFlavor OTH. */
export const RELATIONSHIP_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const NULLFLAVOR_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';
export const RELATIONSHIP_CODES = {
  WIFE: { nl: 'Echtgenote', en: 'Wife', generation: 0 },
  HUSB: { nl: 'Echtgenoot', en: 'Husband', generation: 0 },
  DOMPART: { nl: 'Partner', en: 'Partner', generation: 0 },
  DAUC: { nl: 'Dochter', en: 'Daughter', generation: 1 },
  SONC: { nl: 'Zoon', en: 'Son', generation: 1 },
  DAUINLAW: { nl: 'Schoondochter', en: 'Daughter-in-law', generation: 1 },
  SONINLAW: { nl: 'Schoonzoon', en: 'Son-in-law', generation: 1 },
  GRNDDAU: { nl: 'Kleindochter', en: 'Granddaughter', generation: 2 },
  GRNDSON: { nl: 'Kleinzoon', en: 'Grandson', generation: 2 },
  MTH: { nl: 'Moeder', en: 'Mother', generation: -1 },
  FTH: { nl: 'Vader', en: 'Father', generation: -1 },
  SIS: { nl: 'Zus', en: 'Sister', generation: 0 },
  BRO: { nl: 'Broer', en: 'Brother', generation: 0 },
  NIECE: { nl: 'Nicht', en: 'Niece', generation: 1 },
  NEPHEW: { nl: 'Neef', en: 'Nephew', generation: 1 },
  AUNT: { nl: 'Tante', en: 'Aunt', generation: -1 },
  UNCLE: { nl: 'Oom', en: 'Uncle', generation: -1 },
  OTH: { nl: 'Anders / geen familie', en: 'Other / not family', generation: null },
} as const;
export type RelationshipCode = keyof typeof RELATIONSHIP_CODES;

/**
 * The kinds of member on the map. Informal: caregiver, relative, friend, neighbour, and
 * `other` (a contact person of whom nothing more is known, e.g. one read in through FHIR with
 * only the role "first contact person").
 */
export const MEMBER_KINDS = ['caregiver', 'relative', 'friend', 'neighbour', 'other', 'volunteer', 'professional'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, { nl: string; en: string }> = {
  caregiver: { nl: 'Mantelzorger', en: 'Caregiver' },
  relative: { nl: 'Familielid', en: 'Relative' },
  friend: { nl: 'Vriend(in)', en: 'Friend' },
  neighbour: { nl: 'Buur', en: 'Neighbour' },
  other: { nl: 'Iemand anders', en: 'Someone else' },
  volunteer: { nl: 'Vrijwilliger', en: 'Volunteer' },
  professional: { nl: 'Professional', en: 'Professional' },
};
/** Colour group on the ecomap. */
export const memberGroup = (kind: MemberKind): 'informal' | 'volunteer' | 'professional' =>
  kind === 'volunteer' ? 'volunteer' : kind === 'professional' ? 'professional' : 'informal';

export const CLOSENESS = ['inner', 'middle', 'outer'] as const;
export type Closeness = (typeof CLOSENESS)[number];
export const TIES = ['strong', 'weak', 'strained'] as const;
export type Tie = (typeof TIES)[number];

/** Kinds of help (SCP categories plus the ones the circle needs). */
export const HELP_KINDS = {
  emotional: { nl: 'Steun en gezelschap', en: 'Emotional support and company' },
  transport: { nl: 'Vervoer en begeleiding', en: 'Transport and accompanying' },
  household: { nl: 'Huishouden', en: 'Household' },
  personal_care: { nl: 'Persoonlijke verzorging', en: 'Personal care' },
  nursing: { nl: 'Verpleegkundige hulp', en: 'Nursing care' },
  administration: { nl: 'Geldzaken en papieren', en: 'Finances and paperwork' },
  supervision: { nl: 'Toezicht', en: 'Supervision' },
  coordination: { nl: 'Regelen en afstemmen', en: 'Arranging and coordinating' },
  other: { nl: 'Anders', en: 'Other' },
} as const;
export type HelpKind = keyof typeof HELP_KINDS;

/** Care-need categories of a client (kept coarse on purpose: data minimisation). */
export const CARE_NEEDS = {
  old_age: { nl: 'Ouderdom', en: 'Old age' },
  dementia: { nl: 'Geheugen (dementie)', en: 'Memory (dementia)' },
  physical: { nl: 'Lichamelijke beperking', en: 'Physical disability' },
  chronic_illness: { nl: 'Langdurige ziekte', en: 'Chronic illness' },
  mental_health: { nl: 'Psychische problemen', en: 'Mental health' },
  intellectual_disability: { nl: 'Verstandelijke beperking', en: 'Intellectual disability' },
  terminal: { nl: 'Laatste levensfase', en: 'End of life' },
  other: { nl: 'Anders', en: 'Other' },
} as const;
export type CareNeed = keyof typeof CARE_NEEDS;

/**
 * What a member may see (decided by the client, a representative, or the main caregiver when
 * the client cannot decide):
 * - agenda: agenda and messages only (no notes, no map details, no contact details);
 * - full: the whole circle including notes and the map;
 * - manage: full, and may add and change members and send invitations.
 */
export const ACCESS_LEVELS = ['agenda', 'full', 'manage'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Who made a consent decision. */
export const DECIDERS = ['client', 'representative', 'main_caregiver'] as const;
export type Decider = (typeof DECIDERS)[number];

/** A consent decision: access given (with a level) or refused. */
export const CONSENT_DECISIONS = ['permit', 'deny'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** Status of an invitation (staff or circle) as a person would describe it. */
export const INVITATION_STATUSES = ['open', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Kinds of organisation. Municipalities and the programme office never see individual clients. */
export const ORGANISATION_KINDS = ['care_provider', 'welfare', 'volunteer', 'municipality', 'programme_office'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Sectors of a care provider (only care providers have one). */
export const SECTORS = ['elderly_care', 'disability_care', 'mental_health', 'hospital_rehabilitation', 'home_care', 'primary_care'] as const;
export type Sector = (typeof SECTORS)[number];
/** Sector labels (Dutch B1 and English): the web's pickers and the `text` of the FHIR export. */
export const SECTOR_LABELS: Record<Sector, { nl: string; en: string }> = {
  elderly_care: { nl: 'Ouderenzorg', en: 'Elderly care' },
  disability_care: { nl: 'Gehandicaptenzorg', en: 'Disability care' },
  mental_health: { nl: 'Geestelijke gezondheidszorg (ggz)', en: 'Mental health care' },
  hospital_rehabilitation: { nl: 'Ziekenhuis en revalidatie', en: 'Hospital and rehabilitation' },
  home_care: { nl: 'Wijkverpleging en thuiszorg', en: 'District nursing and home care' },
  primary_care: { nl: 'Huisartsenzorg en eerste lijn', en: 'GP and primary care' },
};

/** Roles of a person in an organisation. */
export const MEMBERSHIP_ROLES = ['professional', 'coordinator', 'policy', 'org_admin', 'volunteer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** The roles that make someone staff of an organisation (every role but `volunteer`). */
export const STAFF_ROLES: readonly MembershipRole[] = ['professional', 'coordinator', 'policy', 'org_admin'];
