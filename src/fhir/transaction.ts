import { elfProef } from '../common/circle-schemas.ts';
import { MANTELZORGER, normaliseRoleCode, NULLFLAVOR_SYSTEM, RELATIONSHIP_CODES, RELATIONSHIP_SYSTEM, ROLE_SYSTEM, type MemberKind, type RelationshipCode, type RoleCode } from '../common/codes.ts';
import { BSN_SYSTEM, EXTRA_ROLE_DISPLAYS, FORBIDDEN_RELATIONSHIP_CODES, RELATIE_CODELIJST, relationshipSystem, REPRESENTATIVE_ROLES, ROLE_FOR_KIND } from './codes.ts';
import { issue, operationOutcome } from './outcome.ts';
import type { Bundle, BundleEntry, OperationOutcomeIssue } from './types.ts';

/**
 * Reads a FHIR transaction Bundle that creates a circle (Patient, RelatedPersons, CareTeam,
 * linked by `urn:uuid` fullUrls) into a plan the server can store. Pure: no database; the
 * server still resolves the municipality and the organisation. Strict: every problem is
 * reported at once with a FHIRPath, and nothing is stored unless the whole Bundle is good.
 * Elements we deliberately do not store (data minimisation) are reported as warnings.
 */

/** The client to create. */
export interface ImportedClient {
  givenName: string;
  familyName: string;
  birthDate: string | null;
  bsn: string | null;
  /** From Patient.address.district: a CBS code (GM0546) or a municipality name; null = none given. */
  municipality: { code: string } | { name: string } | null;
}

/** One informal member to create. */
export interface ImportedMember {
  index: number;
  fullUrl: string;
  /** `other` when the codes say nothing more than a role such as 01 or 07. */
  kind: Extract<MemberKind, 'caregiver' | 'relative' | 'friend' | 'neighbour' | 'other'>;
  isRepresentative: boolean;
  givenName: string;
  familyName: string;
  /** The primary role (COD472) the app shows: the first one the kind does not already imply. */
  roleCode: RoleCode | null;
  /** The primary relationship, when it is one the app offers. */
  relationshipCode: RelationshipCode | null;
  /** Every role as pushed, in order (COD472, and the extra roles 100002–100004). */
  roleCodes: string[];
  /** Every relationship code as pushed, in order (RelatieCodelijst). */
  relationshipCodes: string[];
  email: string | null;
  phone: string | null;
  since: string | null;
}

/** What a valid Bundle asks to create, with the entry index of each resource. */
export interface TransactionPlan {
  patient: { index: number; fullUrl: string; client: ImportedClient };
  members: ImportedMember[];
  careTeam: { index: number; fullUrl: string; managingOrganizationId: string | null };
  /** Entry count, for the response Bundle (same order as the request). */
  entryCount: number;
  /** Per entry index: information about what was not stored. */
  warnings: Map<number, OperationOutcomeIssue[]>;
}

/** A plan, or the HTTP status (400 malformed, 422 unsupported or invalid) and every issue found. */
export type TransactionParse = { ok: true; plan: TransactionPlan } | { ok: false; status: 400 | 422; issues: OperationOutcomeIssue[] };

/** Upper bound on entries: a circle, not a bulk import. */
export const MAX_ENTRIES = 201;
const NAME_MAX = 100;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^[+0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects issues; structural ones (wrong JSON shape) make the answer 400, the rest 422. */
class Issues {
  readonly list: OperationOutcomeIssue[] = [];
  structural = false;
  readonly warnings = new Map<number, OperationOutcomeIssue[]>();

  structure(path: string, message: string): void {
    this.structural = true;
    this.list.push(issue('error', 'structure', message, path));
  }
  error(code: Parameters<typeof issue>[1], path: string, message: string): void {
    this.list.push(issue('error', code, message, path));
  }
  warn(index: number, path: string, message: string): void {
    const list = this.warnings.get(index) ?? [];
    list.push(issue('warning', 'informational', message, path));
    this.warnings.set(index, list);
  }
}

/** A valid calendar date YYYY-MM-DD. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function stringAt(obj: Json, key: string, path: string, issues: Issues): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    issues.structure(`${path}.${key}`, `${key} moet tekst zijn.`);
    return undefined;
  }
  return v;
}

function arrayAt(obj: Json, key: string, path: string, issues: Issues): unknown[] {
  const v = obj[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    issues.structure(`${path}.${key}`, `${key} moet een lijst zijn.`);
    return [];
  }
  return v;
}

/** Rejects what FHIR says a receiver must not ignore: modifier extensions and implicit rules. */
function checkModifiers(resource: Json, path: string, issues: Issues): void {
  if (resource.modifierExtension !== undefined) issues.error('not-supported', `${path}.modifierExtension`, 'Modifier-extensies worden niet ondersteund; de Bundle is daarom geweigerd.');
  if (resource.implicitRules !== undefined) issues.error('not-supported', `${path}.implicitRules`, 'implicitRules worden niet ondersteund.');
  if (resource.active === false) issues.error('not-supported', `${path}.active`, 'Een inactief record kan geen kring starten.');
}

/** Warns about top-level elements we do not store. */
function warnUnstored(resource: Json, used: string[], index: number, path: string, issues: Issues): void {
  const ignorable = ['resourceType', 'id', 'meta', 'text', 'language', 'active', ...used];
  for (const key of Object.keys(resource)) {
    if (!ignorable.includes(key) && !key.startsWith('_')) issues.warn(index, `${path}.${key}`, `${key} wordt niet opgeslagen in Mantelkring.`);
  }
}

/** Given and family name from the official name (or the only name), the given name preferring the usual (call) name. */
function readName(resource: Json, path: string, issues: Issues, opts: { familyRequired: boolean; givenRequired: boolean }): { givenName: string; familyName: string } | null {
  const names = arrayAt(resource, 'name', path, issues);
  const valid: { name: Json; i: number }[] = [];
  names.forEach((n, i) => {
    if (isObject(n)) valid.push({ name: n, i });
    else issues.structure(`${path}.name[${i}]`, 'Een naam moet een object zijn.');
  });
  if (valid.length === 0) {
    issues.error('required', `${path}.name`, 'Een naam is verplicht.');
    return null;
  }
  const official = valid.find((v) => v.name.use === 'official') ?? valid.find((v) => v.name.use === undefined) ?? valid[0];
  const usual = valid.find((v) => v.name.use === 'usual');
  if (!official) return null;
  const firstGiven = (v: { name: Json; i: number } | undefined): string | undefined => {
    if (!v) return undefined;
    const given = arrayAt(v.name, 'given', `${path}.name[${v.i}]`, issues);
    const first = given[0];
    if (first !== undefined && typeof first !== 'string') issues.structure(`${path}.name[${v.i}].given[0]`, 'Een voornaam moet tekst zijn.');
    return typeof first === 'string' ? first.trim() : undefined;
  };
  const givenName = firstGiven(usual) || firstGiven(official) || '';
  const familyName = (stringAt(official.name, 'family', `${path}.name[${official.i}]`, issues) ?? '').trim().replace(/\s+/g, ' ');
  if (opts.givenRequired && !givenName) issues.error('required', `${path}.name[${official.i}].given`, 'Een voornaam is verplicht.');
  if (opts.familyRequired && !familyName) issues.error('required', `${path}.name[${official.i}].family`, 'Een achternaam is verplicht.');
  if (!givenName && !familyName) issues.error('required', `${path}.name[${official.i}]`, 'Geef een voornaam of een achternaam.');
  if (givenName.length > NAME_MAX || familyName.length > NAME_MAX) issues.error('value', `${path}.name[${official.i}]`, `Een naam is hoogstens ${NAME_MAX} tekens.`);
  return { givenName, familyName };
}

function readReference(value: unknown, path: string, issues: Issues): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    issues.structure(path, 'Een verwijzing moet een object zijn.');
    return undefined;
  }
  return stringAt(value, 'reference', path, issues);
}

function readPatient(resource: Json, index: number, path: string, issues: Issues): ImportedClient | null {
  checkModifiers(resource, path, issues);
  warnUnstored(resource, ['name', 'birthDate', 'identifier', 'address'], index, path, issues);
  const name = readName(resource, path, issues, { familyRequired: true, givenRequired: true });
  const birthDate = stringAt(resource, 'birthDate', path, issues) ?? null;
  if (birthDate !== null && !isCalendarDate(birthDate)) issues.error('value', `${path}.birthDate`, 'Gebruik een volledige geboortedatum als 1941-03-12.');

  let bsn: string | null = null;
  arrayAt(resource, 'identifier', path, issues).forEach((id, i) => {
    const at = `${path}.identifier[${i}]`;
    if (!isObject(id)) return issues.structure(at, 'Een identifier moet een object zijn.');
    const system = stringAt(id, 'system', at, issues);
    if (system !== BSN_SYSTEM) return issues.warn(index, at, `Identifier met systeem ${system ?? '(geen)'} wordt niet opgeslagen; alleen het BSN.`);
    const value = (stringAt(id, 'value', at, issues) ?? '').trim();
    if (bsn !== null) return issues.error('invalid', at, 'Er mag maar één BSN zijn.');
    if (!/^\d{9}$/.test(value)) return issues.error('value', `${at}.value`, 'Een BSN heeft 9 cijfers.');
    if (!elfProef(value)) return issues.error('value', `${at}.value`, 'Dit BSN klopt niet (elfproef).');
    bsn = value;
  });

  let municipality: ImportedClient['municipality'] = null;
  const addresses = arrayAt(resource, 'address', path, issues)
    .map((a, i) => ({ a, i }))
    .filter((x): x is { a: Json; i: number } => {
      if (!isObject(x.a)) issues.structure(`${path}.address[${x.i}]`, 'Een adres moet een object zijn.');
      return isObject(x.a);
    });
  const home = addresses.find((x) => x.a.use === 'home' && typeof x.a.district === 'string') ?? addresses.find((x) => typeof x.a.district === 'string');
  if (home) {
    const district = (home.a.district as string).trim();
    municipality = /^GM\d{4}$/.test(district) ? { code: district } : { name: district };
  }
  for (const x of addresses) {
    const other = Object.keys(x.a).filter((k) => !['district', 'use', 'type', 'country'].includes(k));
    if (other.length) issues.warn(index, `${path}.address[${x.i}]`, `Van het adres wordt alleen de gemeente (district) opgeslagen, niet ${other.join(', ')}.`);
  }
  if (!name) return null;
  return { ...name, birthDate, bsn, municipality };
}

interface RelationshipFacts {
  caregiver: boolean;
  /** COD472 roles and extra roles (100002–100004), in the order given. */
  roles: string[];
  /** RelatieCodelijst codes, in the order given. */
  relationships: string[];
}

function readRelationships(resource: Json, index: number, path: string, issues: Issues): RelationshipFacts {
  const facts: RelationshipFacts = { caregiver: false, roles: [], relationships: [] };
  arrayAt(resource, 'relationship', path, issues).forEach((cc, i) => {
    const at = `${path}.relationship[${i}]`;
    if (!isObject(cc)) return issues.structure(at, 'Een relatie moet een CodeableConcept zijn.');
    arrayAt(cc, 'coding', at, issues).forEach((coding, j) => {
      const cat = `${at}.coding[${j}]`;
      if (!isObject(coding)) return issues.structure(cat, 'Een coding moet een object zijn.');
      const system = stringAt(coding, 'system', cat, issues);
      const code = (stringAt(coding, 'code', cat, issues) ?? '').trim();
      if (system === ROLE_SYSTEM) {
        // COD472 codes are two digits; older systems send '1' for '01'.
        const role = normaliseRoleCode(code);
        if (!role) return issues.error('code-invalid', cat, `Onbekende rolcode '${code}' (COD472, ${ROLE_SYSTEM}).`);
        if (!facts.roles.includes(role)) facts.roles.push(role);
      } else if (system === MANTELZORGER.system) {
        if (code === MANTELZORGER.code) facts.caregiver = true;
        else if (code in EXTRA_ROLE_DISPLAYS) {
          if (!facts.roles.includes(code)) facts.roles.push(code);
        } else return issues.error('code-invalid', cat, `Onbekende rolcode '${code}' van ${MANTELZORGER.system} (RolCodelijst: 100001–100004).`);
      } else if (system === RELATIONSHIP_SYSTEM || system === NULLFLAVOR_SYSTEM) {
        if ((FORBIDDEN_RELATIONSHIP_CODES as readonly string[]).includes(code)) {
          return issues.error('code-invalid', cat, `${code} staat niet in de nl-core RelatieCodelijst: gebruik rol 19 (Buur) of 20 (Vriend(in)/kennis) van ${ROLE_SYSTEM}.`);
        }
        if (!(code in RELATIE_CODELIJST) || relationshipSystem(code) !== system) {
          return issues.error('code-invalid', cat, `Relatiecode '${code}' van ${system} staat niet in de nl-core RelatieCodelijst: gebruik een familierelatie uit ${RELATIONSHIP_SYSTEM} of OTH uit ${NULLFLAVOR_SYSTEM}.`);
        }
        if (!facts.relationships.includes(code)) facts.relationships.push(code);
      } else {
        issues.warn(index, cat, `Code uit ${system ?? '(geen systeem)'} wordt niet opgeslagen.`);
      }
    });
  });
  return facts;
}

/**
 * The member kind a contact person's codes imply, in order of precedence; `other` when they
 * say nothing more (only roles such as 01 Eerste relatie or 07 Hulpverlener, or OTH).
 */
function kindOf(f: RelationshipFacts): ImportedMember['kind'] {
  if (f.caregiver) return 'caregiver';
  if (f.roles.includes('19')) return 'neighbour';
  if (f.roles.includes('20')) return 'friend';
  if (f.relationships.some((r) => r !== 'OTH')) return 'relative';
  return 'other';
}

function readRelatedPerson(resource: Json, index: number, fullUrl: string, patientUrl: string | undefined, path: string, issues: Issues): ImportedMember | null {
  checkModifiers(resource, path, issues);
  warnUnstored(resource, ['patient', 'relationship', 'name', 'telecom', 'period'], index, path, issues);
  const patientRef = readReference(resource.patient, `${path}.patient`, issues);
  if (!patientRef) issues.error('required', `${path}.patient`, 'RelatedPerson.patient is verplicht en moet naar de Patient in deze Bundle verwijzen.');
  else if (patientRef !== patientUrl) issues.error('invalid', `${path}.patient`, `RelatedPerson.patient verwijst naar ${patientRef}, niet naar de Patient in deze Bundle (${patientUrl ?? 'ontbreekt'}).`);
  const name = readName(resource, path, issues, { familyRequired: false, givenRequired: false });
  const rel = readRelationships(resource, index, path, issues);
  const kind = kindOf(rel);
  // Every role is stored as pushed; the primary one (what the app shows) is the first COD472 role
  // that the kind does not already imply, else the implied one.
  const implied = ROLE_FOR_KIND[kind];
  const cod472 = rel.roles.filter((r): r is RoleCode => /^\d{2}$/.test(r));
  const roleCode = cod472.find((r) => r !== implied) ?? (implied && cod472.includes(implied) ? implied : null);
  const relationshipCode = (rel.relationships.find((r) => r in RELATIONSHIP_CODES) as RelationshipCode | undefined) ?? null;

  let email: string | null = null;
  let phone: string | null = null;
  arrayAt(resource, 'telecom', path, issues).forEach((t, i) => {
    const at = `${path}.telecom[${i}]`;
    if (!isObject(t)) return issues.structure(at, 'Een telecom-gegeven moet een object zijn.');
    const system = stringAt(t, 'system', at, issues);
    const value = (stringAt(t, 'value', at, issues) ?? '').trim();
    if (system === 'email') {
      if (!EMAIL.test(value) || value.length > 254) return issues.error('value', `${at}.value`, 'Geen geldig e-mailadres.');
      if (email) return issues.warn(index, at, 'Alleen het eerste e-mailadres wordt opgeslagen.');
      email = value.toLowerCase();
    } else if (system === 'phone') {
      if (!PHONE.test(value)) return issues.error('value', `${at}.value`, 'Geen geldig telefoonnummer.');
      if (phone) return issues.warn(index, at, 'Alleen het eerste telefoonnummer wordt opgeslagen.');
      phone = value;
    } else {
      issues.warn(index, at, `Telecom met systeem ${system ?? '(geen)'} wordt niet opgeslagen.`);
    }
  });

  let since: string | null = null;
  if (resource.period !== undefined) {
    if (!isObject(resource.period)) issues.structure(`${path}.period`, 'period moet een object zijn.');
    else {
      const start = stringAt(resource.period, 'start', `${path}.period`, issues);
      if (start !== undefined) {
        const day = start.slice(0, 10);
        if (!isCalendarDate(day)) issues.error('value', `${path}.period.start`, 'Geen geldige datum.');
        else since = day;
      }
    }
  }
  if (!name) return null;
  return {
    index,
    fullUrl,
    kind,
    isRepresentative: rel.roles.some((r) => (REPRESENTATIVE_ROLES as readonly string[]).includes(r)),
    givenName: name.givenName,
    familyName: name.familyName,
    roleCode,
    relationshipCode,
    roleCodes: rel.roles,
    relationshipCodes: rel.relationships,
    email,
    phone,
    since,
  };
}

function readCareTeam(resource: Json, index: number, patientUrl: string | undefined, memberUrls: Set<string>, path: string, issues: Issues): { managingOrganizationId: string | null } {
  checkModifiers(resource, path, issues);
  warnUnstored(resource, ['status', 'name', 'subject', 'participant', 'managingOrganization'], index, path, issues);
  const status = stringAt(resource, 'status', path, issues);
  if (status !== undefined && status !== 'active' && status !== 'proposed') issues.error('not-supported', `${path}.status`, `Een CareTeam met status ${status} kan geen kring starten.`);
  const subject = readReference(resource.subject, `${path}.subject`, issues);
  if (subject !== patientUrl) issues.error('invalid', `${path}.subject`, `CareTeam.subject moet naar de Patient in deze Bundle verwijzen (${patientUrl ?? 'ontbreekt'}).`);
  const seen = new Set<string>();
  arrayAt(resource, 'participant', path, issues).forEach((p, i) => {
    const at = `${path}.participant[${i}]`;
    if (!isObject(p)) return issues.structure(at, 'Een participant moet een object zijn.');
    const ref = readReference(p.member, `${at}.member`, issues);
    if (!ref) return issues.error('required', `${at}.member`, 'participant.member is verplicht.');
    if (ref !== patientUrl && !memberUrls.has(ref)) return issues.error('invalid', `${at}.member`, `${ref} is geen Patient of RelatedPerson in deze Bundle. Alleen de cliënt en contactpersonen kunnen zo worden ingelezen.`);
    seen.add(ref);
  });
  for (const url of memberUrls) if (!seen.has(url)) issues.error('invalid', `${path}.participant`, `RelatedPerson ${url} staat niet in het CareTeam.`);
  const orgs = arrayAt(resource, 'managingOrganization', path, issues);
  if (orgs.length > 1) issues.error('not-supported', `${path}.managingOrganization`, 'Geef hoogstens één organisatie.');
  let managingOrganizationId: string | null = null;
  const orgRef = readReference(orgs[0], `${path}.managingOrganization[0]`, issues);
  if (orgRef !== undefined) {
    const id = orgRef.startsWith('Organization/') ? orgRef.slice('Organization/'.length) : '';
    if (!UUID.test(id)) issues.error('invalid', `${path}.managingOrganization[0]`, 'managingOrganization moet verwijzen naar een bestaande organisatie: Organization/{id}.');
    else managingOrganizationId = id.toLowerCase();
  }
  return { managingOrganizationId };
}

/** Parses and checks a transaction Bundle that creates a circle. */
export function parseCircleTransaction(body: unknown): TransactionParse {
  const issues = new Issues();
  const fail = (): TransactionParse => ({ ok: false, status: issues.structural ? 400 : 422, issues: issues.list });
  if (!isObject(body) || body.resourceType !== 'Bundle') {
    issues.structure('Bundle', 'Stuur een FHIR Bundle (resourceType Bundle).');
    return fail();
  }
  if (body.type !== 'transaction') {
    if (body.type === 'batch') issues.error('not-supported', 'Bundle.type', 'Alleen een transaction Bundle wordt ondersteund, geen batch.');
    else issues.structure('Bundle.type', 'Bundle.type moet transaction zijn.');
    return fail();
  }
  const entries = arrayAt(body, 'entry', 'Bundle', issues);
  if (entries.length === 0) issues.error('required', 'Bundle.entry', 'De Bundle is leeg.');
  if (entries.length > MAX_ENTRIES) issues.error('too-costly', 'Bundle.entry', `Hoogstens ${MAX_ENTRIES} entries per Bundle.`);
  if (issues.list.length) return fail();

  // First pass: shape, fullUrls, request lines and resource types.
  const typed: { index: number; fullUrl: string; type: string; resource: Json; path: string }[] = [];
  const fullUrls = new Set<string>();
  entries.forEach((entry, index) => {
    const at = `Bundle.entry[${index}]`;
    if (!isObject(entry)) return issues.structure(at, 'Een entry moet een object zijn.');
    const fullUrl = stringAt(entry, 'fullUrl', at, issues);
    if (!fullUrl || !URN_UUID.test(fullUrl)) issues.error('invalid', `${at}.fullUrl`, 'fullUrl moet een urn:uuid zijn (urn:uuid:…): nieuwe resources krijgen hun id van Mantelkring.');
    else if (fullUrls.has(fullUrl.toLowerCase())) issues.error('duplicate', `${at}.fullUrl`, `fullUrl ${fullUrl} komt twee keer voor.`);
    else fullUrls.add(fullUrl.toLowerCase());
    const resource = entry.resource;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') return issues.structure(`${at}.resource`, 'Elke entry heeft een resource met resourceType.');
    const type = resource.resourceType;
    if (!['Patient', 'RelatedPerson', 'CareTeam'].includes(type)) return issues.error('not-supported', `${at}.resource`, `${type} kan niet worden ingelezen; alleen Patient, RelatedPerson en CareTeam.`);
    const request = entry.request;
    if (!isObject(request)) issues.structure(`${at}.request`, 'Elke entry in een transaction heeft een request.');
    else {
      if (request.method !== 'POST') issues.error('not-supported', `${at}.request.method`, 'Alleen POST (aanmaken) wordt ondersteund.');
      if (request.url !== type) issues.error('invalid', `${at}.request.url`, `request.url moet '${type}' zijn.`);
      for (const key of ['ifNoneExist', 'ifMatch', 'ifNoneMatch', 'ifModifiedSince']) {
        if (request[key] !== undefined) issues.error('not-supported', `${at}.request.${key}`, `Voorwaardelijke verzoeken (${key}) worden niet ondersteund.`);
      }
    }
    if (fullUrl) typed.push({ index, fullUrl, type, resource, path: `${at}.resource` });
  });

  const ofType = (t: string) => typed.filter((e) => e.type === t);
  const patients = ofType('Patient');
  const careTeams = ofType('CareTeam');
  if (patients.length !== 1) issues.error('invalid', 'Bundle.entry', `Precies één Patient is nodig (gevonden: ${patients.length}).`);
  if (careTeams.length !== 1) issues.error('invalid', 'Bundle.entry', `Precies één CareTeam is nodig (gevonden: ${careTeams.length}).`);
  if (issues.list.length) return fail();
  const patientEntry = patients[0];
  const careTeamEntry = careTeams[0];
  if (!patientEntry || !careTeamEntry) return fail();

  const client = readPatient(patientEntry.resource, patientEntry.index, patientEntry.path, issues);
  const members: ImportedMember[] = [];
  for (const e of ofType('RelatedPerson')) {
    const m = readRelatedPerson(e.resource, e.index, e.fullUrl, patientEntry.fullUrl, e.path, issues);
    if (m) members.push(m);
  }
  const team = readCareTeam(careTeamEntry.resource, careTeamEntry.index, patientEntry.fullUrl, new Set(ofType('RelatedPerson').map((e) => e.fullUrl)), careTeamEntry.path, issues);
  if (issues.list.length || !client) return fail();
  return {
    ok: true,
    plan: {
      patient: { index: patientEntry.index, fullUrl: patientEntry.fullUrl, client },
      members,
      careTeam: { index: careTeamEntry.index, fullUrl: careTeamEntry.fullUrl, managingOrganizationId: team.managingOrganizationId },
      entryCount: entries.length,
      warnings: issues.warnings,
    },
  };
}

/**
 * The transaction-response Bundle: one entry per request entry, in the same order, each
 * `201 Created` with the new resource's location, and warnings about what was not stored.
 */
export function transactionResponse(plan: TransactionPlan, created: { patientId: string; memberIds: Map<string, string>; careTeamId: string; at: Date }): Bundle {
  const location = new Map<number, string>();
  location.set(plan.patient.index, `Patient/${created.patientId}`);
  location.set(plan.careTeam.index, `CareTeam/${created.careTeamId}`);
  for (const m of plan.members) {
    const id = created.memberIds.get(m.fullUrl);
    if (id) location.set(m.index, `RelatedPerson/${id}`);
  }
  const entry: BundleEntry[] = [];
  for (let i = 0; i < plan.entryCount; i++) {
    const warnings = plan.warnings.get(i);
    entry.push({
      response: {
        status: '201 Created',
        location: location.get(i) ?? '',
        lastModified: created.at.toISOString(),
        ...(warnings?.length ? { outcome: operationOutcome(warnings) } : {}),
      },
    });
  }
  return { resourceType: 'Bundle', type: 'transaction-response', timestamp: created.at.toISOString(), entry };
}
