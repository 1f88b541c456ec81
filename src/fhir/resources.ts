import { MEMBER_KIND_LABELS, normaliseRoleCode, SECTOR_LABELS, type MemberKind } from '../common/codes.ts';
import {
  ACCESS_LEVEL_DISPLAYS,
  BSN_SYSTEM,
  CONSENT_ACTION_SYSTEM,
  CONSENT_SCOPE_SYSTEM,
  HL7_ORGANIZATION_TYPE_SYSTEM,
  KIND_HL7_ORGANIZATION_TYPE,
  LOINC_SYSTEM,
  MANTELZORGER,
  MK,
  ORGANISATION_KIND_LABELS,
  ORGANIZATION_TYPE_SYSTEM,
  PARTICIPATION_TYPE_SYSTEM,
  PROFILES,
  RELATIE_CODELIJST,
  relationshipSystem,
  REPRESENTATIVE_ROLES,
  ROLE_FOR_KIND,
  roleCoding,
  SECTOR_ORGANIZATION_TYPE,
  SNOMED_SYSTEM,
  V3_ACT_CODE_SYSTEM,
} from './codes.ts';
import type { ClientFacts, ConsentFacts, MemberFacts, OrganisationFacts } from './model.ts';
import { displayName, officialName } from './names.ts';
import type {
  CareTeam,
  CareTeamParticipant,
  CodeableConcept,
  Consent,
  ContactPoint,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  RelatedPerson,
} from './types.ts';

/**
 * Pure mapping from Mantelkring facts to FHIR R4 resources with the Dutch nl-core profiles.
 * A profile is claimed in `meta.profile` only where the resource conforms to it; see
 * data/fhir/README.md for each decision.
 */

/** Informal members are RelatedPersons; volunteers and professionals are Practitioners (R4 forbids Practitioner for relatives and friends). */
export const isInformal = (kind: MemberKind): boolean => kind !== 'professional' && kind !== 'volunteer';

/** The FHIR resource type and id a member is published as (PractitionerRole for formal members in a CareTeam). */
export function memberReference(m: { id: string; kind: MemberKind; name: string }, formalAs: 'Practitioner' | 'PractitionerRole' = 'Practitioner'): Reference {
  return { reference: `${isInformal(m.kind) ? 'RelatedPerson' : formalAs}/${m.id}`, display: m.name };
}

const iso = (d: Date): string => d.toISOString();

/** The client as nl-core-Patient. Only the municipality of the address is known; it is the Dutch `district`. */
export function toPatient(c: ClientFacts): Patient {
  const patient: Patient = {
    resourceType: 'Patient',
    id: c.id,
    meta: { lastUpdated: iso(c.updatedAt), profile: [PROFILES.patient] },
    active: true,
    name: [officialName(c.givenName, c.familyName)],
    address: [{ use: 'home', district: c.municipalityName, country: 'NL' }],
  };
  if (c.bsn) patient.identifier = [{ use: 'official', system: BSN_SYSTEM, value: c.bsn }];
  if (c.birthDate) patient.birthDate = c.birthDate;
  return reorder(patient, ['resourceType', 'id', 'meta', 'identifier', 'active', 'name', 'birthDate', 'address']);
}

/** A coding in its own CodeableConcept: nl-core slices `relationship` per concept. */
const concept = (system: string, code: string, display: string): CodeableConcept => ({ coding: [{ system, code, display }] });

/**
 * The `relationship` concepts of a contact person, one coding per concept: the Mantelzorger
 * role for caregivers; every stored role in its order (COD472 two digits, or an extra role);
 * the role a neighbour or friend implies (19/20: NBOR and FRND are not allowed by nl-core) and
 * 24 for a legal representative when not stored already; then every stored relationship code
 * (RelatieCodelijst, OTH in v3-NullFlavor). So what a record system pushed comes back as it was.
 */
export function contactPersonRelationships(m: Pick<MemberFacts, 'kind' | 'roleCode' | 'relationshipCode' | 'isRepresentative'> & Partial<Pick<MemberFacts, 'roleCodes' | 'relationshipCodes'>>): CodeableConcept[] {
  const out: CodeableConcept[] = [];
  if (m.kind === 'caregiver') out.push(concept(MANTELZORGER.system, MANTELZORGER.code, MANTELZORGER.display));
  const roles: string[] = [];
  const addRole = (code: string | null | undefined, first = false) => {
    const c = code && /^\d{1,2}$/.test(code) ? normaliseRoleCode(code) : (code ?? null);
    if (!c || !roleCoding(c) || roles.includes(c)) return;
    if (first) roles.unshift(c);
    else roles.push(c);
  };
  for (const r of m.roleCodes ?? []) addRole(r);
  // The primary is one of roleCodes once they are stored; otherwise it is the only role.
  addRole(m.roleCode, true);
  addRole(ROLE_FOR_KIND[m.kind]);
  if (m.isRepresentative && !roles.some((r) => (REPRESENTATIVE_ROLES as readonly string[]).includes(r))) addRole('24');
  for (const role of roles) {
    const c = roleCoding(role);
    if (c) out.push(concept(c.system, c.code, c.display));
  }
  const relations: string[] = [];
  for (const r of [...(m.relationshipCodes ?? []), m.relationshipCode]) if (r && r in RELATIE_CODELIJST && !relations.includes(r)) relations.push(r);
  for (const code of relations) out.push(concept(relationshipSystem(code), code, RELATIE_CODELIJST[code] as string));
  return out;
}

function telecom(m: Pick<MemberFacts, 'email' | 'phone'>, use: 'home' | 'work'): ContactPoint[] {
  const out: ContactPoint[] = [];
  if (m.phone) out.push({ system: 'phone', value: m.phone, use });
  if (m.email) out.push({ system: 'email', value: m.email, use });
  return out;
}

/** An informal member as nl-core-ContactPerson. Contact details only for callers with full access. */
export function toRelatedPerson(m: MemberFacts, opts: { withTelecom: boolean }): RelatedPerson {
  if (!isInformal(m.kind)) throw new Error(`member ${m.id} is ${m.kind}, not a RelatedPerson`);
  const rp: RelatedPerson = {
    resourceType: 'RelatedPerson',
    id: m.id,
    meta: { profile: [PROFILES.contactPerson] },
    active: true,
    patient: { reference: `Patient/${m.clientId}` },
  };
  const relationship = contactPersonRelationships(m);
  if (relationship.length) rp.relationship = relationship;
  rp.name = [officialName(m.givenName, m.familyName)];
  const contact = opts.withTelecom ? telecom(m, 'home') : [];
  if (contact.length) rp.telecom = contact;
  if (m.since) rp.period = { start: m.since };
  return rp;
}

/**
 * A volunteer or professional as Practitioner. Only a professional claims
 * nl-core-HealthProfessional-Practitioner: the zib describes a person authorised to act in
 * healthcare, which an organisation's volunteer is not.
 */
export function toPractitioner(m: MemberFacts): Practitioner {
  if (isInformal(m.kind)) throw new Error(`member ${m.id} is ${m.kind}, not a Practitioner`);
  const p: Practitioner = { resourceType: 'Practitioner', id: m.id };
  if (m.kind === 'professional') p.meta = { profile: [PROFILES.practitioner] };
  p.active = true;
  p.name = [officialName(m.givenName, m.familyName)];
  return p;
}

/** A volunteer's or professional's place in the circle as PractitionerRole (work contact details here). */
export function toPractitionerRole(m: MemberFacts, opts: { withTelecom: boolean }): PractitionerRole {
  if (isInformal(m.kind)) throw new Error(`member ${m.id} is ${m.kind}, not a PractitionerRole`);
  const r: PractitionerRole = { resourceType: 'PractitionerRole', id: m.id };
  if (m.kind === 'professional') r.meta = { profile: [PROFILES.practitionerRole] };
  r.active = true;
  if (m.since) r.period = { start: m.since };
  r.practitioner = { reference: `Practitioner/${m.id}`, display: displayName(m.givenName, m.familyName) };
  if (m.organisationId) r.organization = { reference: `Organization/${m.organisationId}`, ...(m.organisationName ? { display: m.organisationName } : {}) };
  else if (m.organisationName) r.organization = { display: m.organisationName };
  r.code = [{ coding: [{ system: MK.memberKind, code: m.kind, display: MEMBER_KIND_LABELS[m.kind].nl }], text: m.jobTitle ?? MEMBER_KIND_LABELS[m.kind].nl }];
  const contact = opts.withTelecom ? telecom(m, 'work') : [];
  if (contact.length) r.telecom = contact;
  return r;
}

/**
 * An organisation. A care provider is nl-core-HealthcareProvider-Organization with its Nictiz
 * organisation type where one code fits its sector. A municipality, welfare, volunteer
 * organisation or programme office is a plain R4 Organization: nl-core's type list has no code
 * for them. A municipality carries its CBS code (GM + 4 digits) as identifier.
 */
export function toOrganization(o: OrganisationFacts): Organization {
  const org: Organization = { resourceType: 'Organization', id: o.id };
  if (o.kind === 'care_provider') {
    org.meta = { profile: [PROFILES.healthcareProvider] };
    const sectorText = o.sector ? SECTOR_LABELS[o.sector].nl : ORGANISATION_KIND_LABELS.care_provider;
    const type = o.sector ? SECTOR_ORGANIZATION_TYPE[o.sector] : null;
    org.type = [type ? { coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: type.code, display: type.display }], text: sectorText } : { text: sectorText }];
  } else {
    if (o.kind === 'municipality' && o.municipalityCode) org.identifier = [{ use: 'official', system: MK.cbsMunicipality, value: o.municipalityCode }];
    const type = KIND_HL7_ORGANIZATION_TYPE[o.kind];
    org.type = [{ coding: [{ system: HL7_ORGANIZATION_TYPE_SYSTEM, code: type.code, display: type.display }], text: ORGANISATION_KIND_LABELS[o.kind] }];
  }
  org.active = true;
  org.name = o.name;
  if (o.kind !== 'municipality' && o.municipalityName) org.address = [{ district: o.municipalityName, country: 'NL' }];
  return reorder(org, ['resourceType', 'id', 'meta', 'identifier', 'active', 'type', 'name', 'address']);
}

/** Care-team roles of informal members (SNOMED, as the Dutch Koppeltaal 2.0 care-team roles use them). */
function participantRoles(m: MemberFacts): CodeableConcept[] {
  const roles: CodeableConcept[] = [];
  if (m.kind === 'caregiver') roles.push({ coding: [{ system: SNOMED_SYSTEM, code: '407542009', display: 'Informal carer' }], text: m.isMainCaregiver ? 'Hoofdmantelzorger' : 'Mantelzorger' });
  else if (m.kind === 'relative') roles.push({ coding: [{ system: SNOMED_SYSTEM, code: '125677006', display: 'Relative' }], text: 'Familielid' });
  else if (m.kind === 'professional') roles.push({ text: m.jobTitle ?? MEMBER_KIND_LABELS.professional.nl });
  else if (m.kind === 'other') roles.push({ text: 'Contactpersoon' });
  else roles.push({ text: MEMBER_KIND_LABELS[m.kind].nl });
  if (m.isRepresentative) roles.push({ coding: [{ system: SNOMED_SYSTEM, code: '310391000146105' }], text: 'Wettelijk vertegenwoordiger' });
  return roles;
}

/**
 * Whether a CareTeam with these participants conforms to nl-core-CareTeam. The profile slices
 * `participant` by the profile of the resolved member, each slice 0..1: at most one patient,
 * one contact person (RelatedPerson) and one health professional (PractitionerRole). The
 * slicing is open, so Organization participants do not count.
 */
export function careTeamFitsNlCore(team: Pick<CareTeam, 'participant'>): boolean {
  const count = (type: string) => (team.participant ?? []).filter((p) => p.member?.reference?.startsWith(`${type}/`)).length;
  return count('Patient') <= 1 && count('RelatedPerson') <= 1 && count('PractitionerRole') <= 1;
}

/**
 * The circle as one CareTeam, with every member: the client, informal members as
 * RelatedPerson, volunteers and professionals as PractitionerRole, and the linked
 * organisations. The circle is one team, so we never split it or leave people out; the
 * nl-core-CareTeam profile is claimed only when the team fits its 0..1 slices.
 */
export function toCareTeam(input: { client: ClientFacts; members: MemberFacts[]; organisations: OrganisationFacts[] }): CareTeam {
  const { client } = input;
  const clientName = displayName(client.givenName, client.familyName);
  const participant: CareTeamParticipant[] = [{ role: [{ text: 'Cliënt' }], member: { reference: `Patient/${client.id}`, display: clientName } }];
  for (const m of input.members) {
    const p: CareTeamParticipant = { role: participantRoles(m), member: memberReference({ id: m.id, kind: m.kind, name: displayName(m.givenName, m.familyName) }, 'PractitionerRole') };
    if (m.since) p.period = { start: m.since };
    participant.push(p);
  }
  for (const o of input.organisations) participant.push({ role: [{ text: ORGANISATION_KIND_LABELS[o.kind] }], member: { reference: `Organization/${o.id}`, display: o.name } });
  const team: CareTeam = {
    resourceType: 'CareTeam',
    id: client.id,
    status: 'active',
    name: `Mantelkring van ${clientName}`,
    subject: { reference: `Patient/${client.id}`, display: clientName },
    period: { start: iso(client.createdAt) },
    participant,
  };
  if (careTeamFitsNlCore(team)) team.meta = { profile: [PROFILES.careTeam] };
  return reorder(team, ['resourceType', 'id', 'meta', 'status', 'name', 'subject', 'period', 'participant']);
}

const DECIDER_LABELS = { client: 'Cliënt', representative: 'Wettelijk vertegenwoordiger', main_caregiver: 'Hoofdmantelzorger' } as const;

/** True when a permit has passed its (inclusive) end date. */
export const consentExpired = (c: Pick<ConsentFacts, 'decision' | 'validUntil'>, today: string): boolean => c.decision === 'permit' && c.validUntil !== null && c.validUntil < today;

/**
 * A consent decision as R4 Consent (scope patient-privacy). Encoding:
 * - status `active` for the decision that counts now, `inactive` for a superseded one or a
 *   permit whose end date has passed;
 * - policyRule v3-ActCode OPTIN: nobody sees anything until the client permits it;
 * - provision.type permit/deny, provision.actor = the member (RelatedPerson or Practitioner)
 *   or the Organization, role IRCP (information recipient);
 * - provision.action `access` (and `correct` for the level that may change the circle);
 * - provision.code = the access level in our own code system (agenda | full | manage);
 * - provision.period.end = the inclusive end date.
 */
export function toConsent(c: ConsentFacts, opts: { today: string }): Consent {
  const active = c.current && !consentExpired(c, opts.today);
  let actorRef: Reference;
  if (c.member) actorRef = c.member.active ? memberReference(c.member) : { display: c.member.name };
  else if (c.organisation) actorRef = { reference: `Organization/${c.organisation.id}`, display: c.organisation.name };
  else throw new Error(`consent ${c.id} has neither member nor organisation`);

  let performer: Reference;
  if (c.decidedAs === 'client') performer = { reference: `Patient/${c.clientId}`, display: DECIDER_LABELS.client };
  else if (c.recordedByMember) performer = memberReference(c.recordedByMember);
  else performer = { display: DECIDER_LABELS[c.decidedAs] };

  const action: CodeableConcept[] = [{ coding: [{ system: CONSENT_ACTION_SYSTEM, code: 'access', display: 'Access' }] }];
  if (c.decision === 'permit' && c.accessLevel === 'manage') action.push({ coding: [{ system: CONSENT_ACTION_SYSTEM, code: 'correct', display: 'Access and Correct' }] });

  const consent: Consent = {
    resourceType: 'Consent',
    id: c.id,
    status: active ? 'active' : 'inactive',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: LOINC_SYSTEM, code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${c.clientId}` },
    dateTime: iso(c.createdAt),
    performer: [performer],
    policyRule: { coding: [{ system: V3_ACT_CODE_SYSTEM, code: 'OPTIN', display: 'opt-in' }] },
    provision: {
      type: c.decision,
      actor: [{ role: { coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: 'IRCP', display: 'information recipient' }] }, reference: actorRef }],
      action,
    },
  };
  if (c.decision === 'permit' && c.validUntil && consent.provision) consent.provision.period = { end: c.validUntil };
  if (c.decision === 'permit' && c.accessLevel && consent.provision) {
    consent.provision.code = [{ coding: [{ system: MK.accessLevel, code: c.accessLevel, display: ACCESS_LEVEL_DISPLAYS[c.accessLevel] }] }];
  }
  return consent;
}

/** Puts the keys in FHIR's element order (readability only; JSON order has no meaning). */
function reorder<T extends object>(obj: T, order: string[]): T {
  const out: Record<string, unknown> = {};
  const src = obj as Record<string, unknown>;
  for (const key of order) if (src[key] !== undefined) out[key] = src[key];
  for (const [key, value] of Object.entries(src)) if (!(key in out) && value !== undefined) out[key] = value;
  return out as T;
}
