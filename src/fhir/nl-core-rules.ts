import { elfProef } from '../common/circle-schemas.ts';
import { BSN_SYSTEM, EN_QUALIFIER_URL, FORBIDDEN_RELATIONSHIP_CODES, MANTELZORGER, MK, NULLFLAVOR_SYSTEM, ORGANIZATION_TYPE_SYSTEM, PROFILES, RELATIONSHIP_SYSTEM, ROLE_SYSTEM } from './codes.ts';
import { careTeamFitsNlCore } from './resources.ts';
import type { CareTeam, CodeableConcept, ContactPoint, HumanName, Identifier, Organization, ResourceBase } from './types.ts';

/**
 * The nl-core rules an offline validator (Medplum) cannot check, as a pure function: required
 * ValueSet membership of the Dutch code lists, the two-digit COD472 role codes, no NBOR/FRND,
 * the BSN system, the name and telecom slices, and that a profile is claimed only where the
 * resource fits it. The ValueSets come from data/fhir/nl-core (callers load them).
 */

/** Codes per system of a ValueSet, from its `compose.include`. */
export type CodeList = Map<string, Map<string, string>>;

/** The Nictiz ValueSets these rules need, as code lists. */
export interface NlCoreTerminology {
  rolCodelijst: CodeList;
  relatieCodelijst: CodeList;
  organisatieTypeCodelijst: CodeList;
}

/** Reads a ValueSet resource (compose with enumerated concepts) into a code list. */
export function codeListOf(valueSet: { compose?: { include?: { system?: string; concept?: { code: string; display?: string }[] }[] } }): CodeList {
  const list: CodeList = new Map();
  for (const inc of valueSet.compose?.include ?? []) {
    if (!inc.system) continue;
    const codes = list.get(inc.system) ?? new Map<string, string>();
    for (const c of inc.concept ?? []) codes.set(c.code, c.display ?? '');
    list.set(inc.system, codes);
  }
  return list;
}

const claims = (r: ResourceBase, profile: string): boolean => (r.meta?.profile ?? []).includes(profile);

function checkOfficialNames(names: HumanName[] | undefined, path: string, out: string[]): void {
  const official = (names ?? []).filter((n) => n.use === 'official');
  if (official.length > 2) out.push(`${path}.name: more than 2 official names (nameInformation 0..2)`);
  (names ?? []).forEach((n, i) => {
    if (n.use === 'official') {
      (n.given ?? []).forEach((_, j) => {
        const ext = n._given?.[j]?.extension ?? [];
        if (!ext.some((e) => e.url === EN_QUALIFIER_URL && typeof e.valueCode === 'string')) out.push(`${path}.name[${i}].given[${j}]: no iso21090-EN-qualifier (required by nl-core-NameInformation)`);
      });
      if ((n.family || n.given?.length) && !n.text) out.push(`${path}.name[${i}]: text missing (nl-core-NameInformation-01)`);
    }
    if (n.use === 'usual' && !n.given?.length) out.push(`${path}.name[${i}]: a usual name needs a given name (nameInformation-GivenName)`);
  });
}

function checkTelecom(telecom: ContactPoint[] | undefined, path: string, out: string[]): void {
  (telecom ?? []).forEach((t, i) => {
    if (t.system === 'email' && t.use && !['home', 'work'].includes(t.use)) out.push(`${path}.telecom[${i}]: email use ${t.use} (nl-core: home|work)`);
    if (t.system === 'phone' && t.use && !['home', 'work', 'temp'].includes(t.use)) out.push(`${path}.telecom[${i}]: phone use ${t.use} (nl-core: home|work|temp)`);
    if (!t.system) out.push(`${path}.telecom[${i}]: system missing (1..1 in nl-core)`);
  });
}

function checkBsn(identifiers: Identifier[] | undefined, path: string, out: string[]): void {
  (identifiers ?? []).forEach((id, i) => {
    if (id.system === BSN_SYSTEM && !(id.value && elfProef(id.value))) out.push(`${path}.identifier[${i}]: BSN ${id.value ?? ''} is not 9 digits passing the elfproef`);
    if (id.system && /bsn/i.test(id.system) && id.system !== BSN_SYSTEM) out.push(`${path}.identifier[${i}]: BSN with system ${id.system}; use ${BSN_SYSTEM}`);
  });
}

function checkRelationships(relationship: CodeableConcept[] | undefined, path: string, t: NlCoreTerminology, out: string[]): void {
  (relationship ?? []).forEach((cc, i) => {
    (cc.coding ?? []).forEach((c, j) => {
      const at = `${path}.relationship[${i}].coding[${j}]`;
      if ((FORBIDDEN_RELATIONSHIP_CODES as readonly string[]).includes(c.code ?? '')) out.push(`${at}: ${c.code} is not allowed (use role 19/20)`);
      if (c.system === ROLE_SYSTEM || c.system === MANTELZORGER.system) {
        if (c.system === ROLE_SYSTEM && !/^\d{2}$/.test(c.code ?? '')) out.push(`${at}: role code '${c.code}' must have two digits`);
        const display = t.rolCodelijst.get(c.system)?.get(c.code ?? '');
        if (display === undefined) out.push(`${at}: ${c.code} not in RolCodelijst`);
        else if (c.display !== undefined && c.display !== display) out.push(`${at}: display '${c.display}' differs from RolCodelijst '${display}'`);
      }
      if (c.system === RELATIONSHIP_SYSTEM || c.system === NULLFLAVOR_SYSTEM) {
        const display = t.relatieCodelijst.get(c.system)?.get(c.code ?? '');
        if (display === undefined) out.push(`${at}: ${c.system}|${c.code} not in RelatieCodelijst`);
        else if (c.display !== undefined && c.display !== display) out.push(`${at}: display '${c.display}' differs from RelatieCodelijst '${display}'`);
      }
    });
    if ((cc.coding ?? []).length > 1) out.push(`${path}.relationship[${i}]: one coding per concept, so each falls in one slice`);
  });
}

function checkOrganization(o: Organization, path: string, t: NlCoreTerminology, out: string[]): void {
  const typed = (o.type ?? []).filter((cc) => (cc.coding ?? []).some((c) => c.system === ORGANIZATION_TYPE_SYSTEM));
  if (typed.length > 1) out.push(`${path}.type: more than one organizationType (0..1)`);
  for (const cc of typed) {
    for (const c of cc.coding ?? []) {
      if (c.system !== ORGANIZATION_TYPE_SYSTEM) continue;
      const display = t.organisatieTypeCodelijst.get(c.system)?.get(c.code ?? '');
      if (display === undefined) out.push(`${path}.type: ${c.code} not in OrganisatieTypeCodelijst`);
      else if (c.display !== undefined && c.display !== display) out.push(`${path}.type: display '${c.display}' differs from '${display}'`);
    }
  }
}

/**
 * Every nl-core rule a resource breaks (empty = none). Resources that claim no nl-core
 * profile are checked only for the rules that hold for all our output (no NBOR/FRND, BSN
 * system).
 */
export function nlCoreViolations(resource: ResourceBase, t: NlCoreTerminology, path: string = resource.resourceType): string[] {
  const out: string[] = [];
  const r = resource as ResourceBase & Record<string, unknown>;
  for (const p of resource.meta?.profile ?? []) {
    if (!(Object.values(PROFILES) as string[]).includes(p)) out.push(`${path}.meta.profile: unknown profile ${p}`);
  }
  switch (resource.resourceType) {
    case 'Patient':
      if (!claims(resource, PROFILES.patient)) out.push(`${path}: Patient does not claim nl-core-Patient`);
      checkBsn(r.identifier as Identifier[] | undefined, path, out);
      checkOfficialNames(r.name as HumanName[] | undefined, path, out);
      checkTelecom(r.telecom as ContactPoint[] | undefined, path, out);
      break;
    case 'RelatedPerson':
      if (!claims(resource, PROFILES.contactPerson)) out.push(`${path}: RelatedPerson does not claim nl-core-ContactPerson`);
      if (!r.patient) out.push(`${path}.patient: missing (1..1)`);
      checkRelationships(r.relationship as CodeableConcept[] | undefined, path, t, out);
      checkOfficialNames(r.name as HumanName[] | undefined, path, out);
      checkTelecom(r.telecom as ContactPoint[] | undefined, path, out);
      break;
    case 'Practitioner':
      checkOfficialNames(r.name as HumanName[] | undefined, path, out);
      checkTelecom(r.telecom as ContactPoint[] | undefined, path, out);
      break;
    case 'PractitionerRole':
      checkTelecom(r.telecom as ContactPoint[] | undefined, path, out);
      if (claims(resource, PROFILES.practitionerRole) && !(r.practitioner as { reference?: string } | undefined)?.reference?.startsWith('Practitioner/')) out.push(`${path}.practitioner: missing`);
      break;
    case 'Organization':
      checkOrganization(resource as Organization, path, t, out);
      if (claims(resource, PROFILES.healthcareProvider) && (resource as Organization).identifier?.some((i) => i.system === MK.cbsMunicipality)) out.push(`${path}: a municipality must not claim nl-core-HealthcareProvider-Organization`);
      break;
    case 'CareTeam': {
      const fits = careTeamFitsNlCore(resource as CareTeam);
      if (claims(resource, PROFILES.careTeam) && !fits) out.push(`${path}: claims nl-core-CareTeam with more participants than its 0..1 slices allow`);
      if (!claims(resource, PROFILES.careTeam) && fits) out.push(`${path}: fits nl-core-CareTeam but does not claim it`);
      break;
    }
    case 'Bundle': {
      const entries = (r.entry as { resource?: ResourceBase }[] | undefined) ?? [];
      entries.forEach((e, i) => {
        if (e.resource) out.push(...nlCoreViolations(e.resource, t, `Bundle.entry[${i}].resource`));
      });
      break;
    }
  }
  return out;
}
