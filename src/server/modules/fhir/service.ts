import type { AuditEntry } from '../../platform/audit.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertClientAccess, clientPolicy, type ClientAccessFacts } from '../../platform/policy/client.ts';
import { requireMfaSatisfied } from '../../platform/policy/index.ts';
import { isInformal, memberReference, toCareTeam, toConsent, toOrganization, toPatient, toPractitioner, toPractitionerRole, toRelatedPerson } from '../../../fhir/resources.ts';
import { issue, FhirError } from '../../../fhir/outcome.ts';
import { parseCircleTransaction, transactionResponse } from '../../../fhir/transaction.ts';
import type { Bundle, CareTeam, Consent, Organization, Patient, Practitioner, PractitionerRole, RelatedPerson, ResourceBase } from '../../../fhir/types.ts';
import type { SearchHit } from '../../../fhir/bundle.ts';
import type { MemberFacts } from '../../../fhir/model.ts';
import { accessFacts, today } from '../circles/access.ts';
import { organisationPolicy, professionalOrgIds } from '../../platform/policy/organisation.ts';
import * as circles from '../circles/queries.ts';
import { findOrganisation, findOrganisations } from '../organisations/queries.ts';
import { clientFacts, consentFacts, memberFacts, organisationFacts } from './present.ts';
import * as q from './queries.ts';
import type { PatientQuery } from './search.ts';
import { listAgreements } from '../agreements/queries.ts';
import { agreementCarePlan } from '../agreements/present.ts';
import type { CarePlan } from '../../../fhir/care-plan.ts';
import { displayName } from '../../../fhir/names.ts';

/**
 * Use cases of the FHIR API. Every read and search needs 'full' access to the client
 * (agenda-only: 403, none: 404) and writes one access-log line; the first statement of each
 * is its access check.
 */

/** How many candidate circles a cross-circle lookup (Organization read, PractitionerRole by organisation) examines. */
const CANDIDATE_LIMIT = 100;

const hasFull = (f: ClientAccessFacts | null): f is ClientAccessFacts => clientPolicy.reaches(f, 'full');

/** The access-log line of a read or search of one client's data. */
function line(f: ClientAccessFacts, action: 'read' | 'search', resourceType: string, resourceId: string | null, detail?: Record<string, unknown>): AuditEntry {
  return { action, resourceType, resourceId, clientId: f.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f), detail };
}

/** Loads and checks the actor's access to a client: full level required. */
async function fullAccess(services: Services, actor: Actor, clientId: string): Promise<ClientAccessFacts> {
  const f = await accessFacts(services, actor, clientId);
  assertClientAccess(actor, f, 'full');
  return f;
}

/**
 * Access to one member's resource: the member must be active and of the right kind for the
 * resource type (informal → RelatedPerson, formal → Practitioner/PractitionerRole), else 404.
 */
async function memberAccess(services: Services, actor: Actor, memberId: string, informal: boolean): Promise<ClientAccessFacts> {
  requireMfaSatisfied(actor);
  const found = await q.findMemberClient(services.db, memberId);
  if (!found || isInformal(found.kind) !== informal) throw new AppError('not_found');
  return fullAccess(services, actor, found.client_id);
}

async function loadMember(services: Services, f: ClientAccessFacts, memberId: string) {
  const row = await circles.findMember(services.db, f.clientId, memberId, today(services));
  if (!row) throw new AppError('not_found');
  return memberFacts(row, (await q.memberCodes(services.db, [row.id])).get(row.id));
}

/** Member rows → MemberFacts with every role and relationship code. */
async function withCodes(services: Services, rows: circles.MemberRow[]): Promise<MemberFacts[]> {
  const codes = await q.memberCodes(services.db, rows.map((r) => r.id));
  return rows.map((r) => memberFacts(r, codes.get(r.id)));
}

/** The client, members, linked organisations and the organisations members work for. */
async function loadCircle(services: Services, f: ClientAccessFacts) {
  const day = today(services);
  const client = await circles.findClient(services.db, f.clientId);
  if (!client) throw new AppError('not_found');
  const members = await withCodes(services, await circles.listMembers(services.db, f.clientId, day));
  const links = await circles.listLinks(services.db, f.clientId, day);
  const linkedIds = links.map((l) => l.organisation_id);
  const memberOrgIds = members.map((m) => m.organisationId).filter((id): id is string => id !== null);
  const organisations = (await findOrganisations(services.db, [...new Set([...linkedIds, ...memberOrgIds])])).map(organisationFacts);
  return {
    client: clientFacts(client, clientPolicy.canSeeBsn(f)),
    members,
    linked: organisations.filter((o) => linkedIds.includes(o.id)),
    organisations,
  };
}

const careTeamOf = (circle: Awaited<ReturnType<typeof loadCircle>>): CareTeam => toCareTeam({ client: circle.client, members: circle.members, organisations: circle.linked });

/** Patient/{id}: the client. The BSN only when present and the caller may see it. */
export async function fhirPatientReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin): Promise<Patient> {
  const f = await fullAccess(services, actor, input.clientId);
  const client = await circles.findClient(services.db, input.clientId);
  if (!client) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, line(f, 'read', 'Patient', input.clientId));
  return toPatient(clientFacts(client, clientPolicy.canSeeBsn(f)));
}

/** CareTeam/{id}: the circle of a client (the CareTeam id is the client id). */
export async function fhirCareTeamReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<CareTeam> {
  const f = await fullAccess(services, actor, input.id);
  const circle = await loadCircle(services, f);
  await audit(services.db, { actor }, origin, line(f, 'read', 'CareTeam', input.id));
  return careTeamOf(circle);
}

/**
 * CareTeam?patient= / ?subject=: the one circle of that client. With
 * `_include=CareTeam:participant` also every participant: the Patient, each RelatedPerson and
 * PractitionerRole, and the linked Organizations (search mode `include`).
 */
export async function fhirCareTeamSearcher(services: Services, actor: Actor, input: { clientId: string; params: Record<string, string>; includeParticipants?: boolean }, origin: Origin): Promise<SearchHit[]> {
  const f = await fullAccess(services, actor, input.clientId);
  const circle = await loadCircle(services, f);
  const hits: SearchHit[] = [{ resource: careTeamOf(circle), mode: 'match' }];
  if (input.includeParticipants) {
    hits.push({ resource: toPatient(circle.client), mode: 'include' });
    for (const m of circle.members) hits.push({ resource: isInformal(m.kind) ? toRelatedPerson(m, { withTelecom: true }) : toPractitionerRole(m, { withTelecom: true }), mode: 'include' });
    for (const o of circle.linked) hits.push({ resource: toOrganization(o), mode: 'include' });
  }
  await audit(services.db, { actor }, origin, line(f, 'search', 'CareTeam', null, { params: input.params, count: 1, included: hits.length - 1 }));
  return hits;
}

/** How many candidate clients a Patient search examines at most; more is a 400 (narrow it down). */
const PATIENT_SEARCH_LIMIT = 500;

/**
 * Patient?…: the clients the caller has full access to (the same policy as a read, per client)
 * that match, ordered by family and given name, one page of them. A search by BSN finds only
 * clients whose BSN the caller may see. One access-log line per client returned (one without a
 * client when none is).
 */
export async function fhirPatientSearcher(services: Services, actor: Actor, input: { query: PatientQuery; params: Record<string, string | string[]> }, origin: Origin): Promise<{ hits: SearchHit[]; total: number }> {
  requireMfaSatisfied(actor);
  const { query } = input;
  const candidates = query.empty
    ? []
    : await q.searchClientCandidates(services.db, { userId: actor.userId, professionalOrgIds: professionalOrgIds(actor), criteria: query.criteria, limit: PATIENT_SEARCH_LIMIT + 1 });
  if (candidates.length > PATIENT_SEARCH_LIMIT) throw new AppError('validation_failed', { key: 'fhir_search_too_broad', params: { max: PATIENT_SEARCH_LIMIT } });
  const visible: ClientAccessFacts[] = [];
  for (const clientId of candidates) {
    const f = await accessFacts(services, actor, clientId);
    if (!hasFull(f)) continue;
    if (query.byBsn && !clientPolicy.canSeeBsn(f)) continue;
    visible.push(f);
  }
  const page = visible.slice(query.offset, query.offset + query.count);
  const hits: SearchHit[] = [];
  for (const f of page) {
    const row = await circles.findClient(services.db, f.clientId);
    if (row) hits.push({ resource: toPatient(clientFacts(row, clientPolicy.canSeeBsn(f))), mode: 'match' });
  }
  for (const f of page) await audit(services.db, { actor }, origin, line(f, 'search', 'Patient', f.clientId, { params: input.params, total: visible.length }));
  if (page.length === 0) await audit(services.db, { actor }, origin, { action: 'search', resourceType: 'Patient', detail: { params: input.params, count: 0, total: visible.length } });
  return { hits, total: visible.length };
}

/** RelatedPerson/{id}: an informal member. */
export async function fhirRelatedPersonReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<RelatedPerson> {
  const f = await memberAccess(services, actor, input.id, true);
  const member = await loadMember(services, f, input.id);
  await audit(services.db, { actor }, origin, line(f, 'read', 'RelatedPerson', input.id));
  return toRelatedPerson(member, { withTelecom: hasFull(f) });
}

/** RelatedPerson?patient=: the informal members of a circle. */
export async function fhirRelatedPersonSearcher(services: Services, actor: Actor, input: { clientId: string; params: Record<string, string> }, origin: Origin): Promise<SearchHit[]> {
  const f = await fullAccess(services, actor, input.clientId);
  const members = (await withCodes(services, await circles.listMembers(services.db, input.clientId, today(services)))).filter((m) => isInformal(m.kind));
  await audit(services.db, { actor }, origin, line(f, 'search', 'RelatedPerson', null, { params: input.params, count: members.length }));
  return members.map((m) => ({ resource: toRelatedPerson(m, { withTelecom: hasFull(f) }), mode: 'match' }));
}

/** Practitioner/{id}: a volunteer or professional member. */
export async function fhirPractitionerReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<Practitioner> {
  const f = await memberAccess(services, actor, input.id, false);
  const member = await loadMember(services, f, input.id);
  await audit(services.db, { actor }, origin, line(f, 'read', 'Practitioner', input.id));
  return toPractitioner(member);
}

/** PractitionerRole/{id}: a volunteer's or professional's place in one circle. */
export async function fhirPractitionerRoleReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<PractitionerRole> {
  const f = await memberAccess(services, actor, input.id, false);
  const member = await loadMember(services, f, input.id);
  await audit(services.db, { actor }, origin, line(f, 'read', 'PractitionerRole', input.id));
  return toPractitionerRole(member, { withTelecom: hasFull(f) });
}

/** What a PractitionerRole search is by: exactly one of these. */
export type PractitionerRoleQuery = { practitioner: string } | { organization: string } | { patient: string };

/**
 * PractitionerRole?practitioner= (that member's role), ?patient= (the formal members of that
 * circle), ?organization= (members of that organisation in the circles where the caller has
 * full access; circles without it are left out, as a search does not reveal them).
 */
export async function fhirPractitionerRoleSearcher(services: Services, actor: Actor, input: { query: PractitionerRoleQuery; params: Record<string, string> }, origin: Origin): Promise<SearchHit[]> {
  requireMfaSatisfied(actor);
  const day = today(services);
  const formal = (rows: circles.MemberRow[]) => rows.map((r) => memberFacts(r)).filter((m) => !isInformal(m.kind));
  if ('practitioner' in input.query) {
    const f = await memberAccess(services, actor, input.query.practitioner, false);
    const member = await loadMember(services, f, input.query.practitioner);
    await audit(services.db, { actor }, origin, line(f, 'search', 'PractitionerRole', null, { params: input.params, count: 1 }));
    return [{ resource: toPractitionerRole(member, { withTelecom: true }), mode: 'match' }];
  }
  if ('patient' in input.query) {
    const f = await fullAccess(services, actor, input.query.patient);
    const members = formal(await circles.listMembers(services.db, f.clientId, day));
    await audit(services.db, { actor }, origin, line(f, 'search', 'PractitionerRole', null, { params: input.params, count: members.length }));
    return members.map((m) => ({ resource: toPractitionerRole(m, { withTelecom: true }), mode: 'match' }));
  }
  const organisationId = input.query.organization;
  const candidates = await q.clientsWithFormalMembersOf(services.db, { organisationId, userId: actor.userId, professionalOrgIds: professionalOrgIds(actor), limit: CANDIDATE_LIMIT });
  const hits: SearchHit[] = [];
  let logged = false;
  for (const clientId of candidates) {
    const f = await accessFacts(services, actor, clientId);
    if (!hasFull(f)) continue;
    const members = formal(await circles.listMembers(services.db, clientId, day)).filter((m) => m.organisationId === organisationId);
    // One log line per client whose data the search returned (NEN 7513 logs per client).
    await audit(services.db, { actor }, origin, line(f, 'search', 'PractitionerRole', null, { params: input.params, count: members.length }));
    logged = true;
    hits.push(...members.map((m) => ({ resource: toPractitionerRole(m, { withTelecom: true }), mode: 'match' as const })));
  }
  if (!logged) await audit(services.db, { actor }, origin, { action: 'search', resourceType: 'PractitionerRole', detail: { params: input.params, count: 0 } });
  return hits;
}

/**
 * Organization/{id}: for its own members and platform admins, and for whoever has full access
 * to a client it is linked to or whose member works there. Anyone else gets 404.
 */
export async function fhirOrganizationReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<Organization> {
  const via = await organisationReadReason(services, actor, input.id);
  const row = await findOrganisation(services.db, input.id);
  if (!row) throw new AppError('not_found');
  const entry: AuditEntry = via ? line(via, 'read', 'Organization', input.id) : { action: 'read', resourceType: 'Organization', resourceId: input.id, organisationId: input.id };
  await audit(services.db, { actor }, origin, entry);
  return toOrganization(organisationFacts(row));
}

/** The access check of an Organization read: null when the actor may see it directly, else the client that gives the reason; throws 404. */
async function organisationReadReason(services: Services, actor: Actor, organisationId: string): Promise<ClientAccessFacts | null> {
  requireMfaSatisfied(actor);
  if (organisationPolicy.canRead(actor, organisationId)) return null;
  const candidates = await q.clientsConnectingOrganisation(services.db, { organisationId, userId: actor.userId, professionalOrgIds: professionalOrgIds(actor), limit: CANDIDATE_LIMIT });
  for (const clientId of candidates) {
    const f = await accessFacts(services, actor, clientId);
    if (hasFull(f)) return f;
  }
  throw new AppError('not_found');
}

/** Consent/{id}: one consent decision. */
export async function fhirConsentReader(services: Services, actor: Actor, input: { id: string }, origin: Origin): Promise<Consent> {
  const f = await consentAccess(services, actor, input.id);
  const row = await q.findConsentDecision(services.db, input.id);
  if (!row) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, line(f, 'read', 'Consent', input.id));
  return toConsent(consentFacts(row), { today: today(services) });
}

async function consentAccess(services: Services, actor: Actor, consentId: string): Promise<ClientAccessFacts> {
  requireMfaSatisfied(actor);
  const clientId = await q.findConsentClient(services.db, consentId);
  if (!clientId) throw new AppError('not_found');
  return fullAccess(services, actor, clientId);
}

/** Consent?patient=: every consent decision of a client, current and superseded. */
export async function fhirConsentSearcher(services: Services, actor: Actor, input: { clientId: string; params: Record<string, string> }, origin: Origin): Promise<SearchHit[]> {
  const f = await fullAccess(services, actor, input.clientId);
  const rows = await q.listConsentDecisions(services.db, input.clientId);
  await audit(services.db, { actor }, origin, line(f, 'search', 'Consent', null, { params: input.params, count: rows.length }));
  const day = today(services);
  return rows.map((r) => ({ resource: toConsent(consentFacts(r), { today: day }), mode: 'match' }));
}

/** The client's agreements as CarePlan, each performer a reference to their circle member resource. */
async function carePlansOf(services: Services, clientId: string): Promise<CarePlan[]> {
  const day = today(services);
  const members = new Map<string, { reference: string; display: string }>();
  for (const m of await circles.listMembers(services.db, clientId, day)) {
    if (!m.user_id) continue;
    const ref = memberReference({ id: m.id, kind: m.kind as MemberFacts['kind'], name: displayName(m.given_name, m.family_name) }, 'PractitionerRole');
    members.set(m.user_id, { reference: ref.reference ?? '', display: ref.display ?? '' });
  }
  return (await listAgreements(services.db, clientId, null)).map((r) => agreementCarePlan(r, day, members));
}

/** CarePlan?patient=: the agreements "who does what" of a circle (nl-core-HelpFromOthers style). */
export async function fhirCarePlanSearcher(services: Services, actor: Actor, input: { clientId: string; params: Record<string, string> }, origin: Origin): Promise<SearchHit[]> {
  const f = await fullAccess(services, actor, input.clientId);
  const plans = await carePlansOf(services, input.clientId);
  await audit(services.db, { actor }, origin, line(f, 'search', 'CarePlan', null, { params: input.params, count: plans.length }));
  return plans.map((resource) => ({ resource, mode: 'match' }));
}

/**
 * Patient/{id}/$everything: the client, the circle as CareTeam, every member (RelatedPerson,
 * or Practitioner + PractitionerRole), the organisations they refer to, and every consent
 * decision. All of it needs full access, so there is nothing less to show to others.
 */
export async function fhirEverythingReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin): Promise<SearchHit[]> {
  const f = await fullAccess(services, actor, input.clientId);
  const circle = await loadCircle(services, f);
  const consents = await q.listConsentDecisions(services.db, input.clientId);
  const day = today(services);
  const resources: ResourceBase[] = [toPatient(circle.client), careTeamOf(circle)];
  for (const m of circle.members) {
    if (isInformal(m.kind)) resources.push(toRelatedPerson(m, { withTelecom: true }));
    else resources.push(toPractitioner(m), toPractitionerRole(m, { withTelecom: true }));
  }
  resources.push(...circle.organisations.map(toOrganization));
  resources.push(...consents.map((r) => toConsent(consentFacts(r), { today: day })));
  resources.push(...(await carePlansOf(services, input.clientId)));
  await audit(services.db, { actor }, origin, line(f, 'read', 'Patient', input.clientId, { operation: '$everything', count: resources.length }));
  return resources.map((resource) => ({ resource, mode: 'match' }));
}

/**
 * POST /fhir with a transaction Bundle (Patient, RelatedPersons, CareTeam) from a care
 * organisation's record system: creates the circle in one transaction, links the
 * organisation and records the client's consent for it (as the professional registering a
 * client does), and gives each member the lowest access level until the client decides.
 * Only a professional of a care provider who passed two-step login.
 */
export async function fhirTransactionProcessor(services: Services, actor: Actor, input: { bundle: unknown }, origin: Origin): Promise<Bundle> {
  const mine = organisationPolicy.assertMayImport(actor);

  const parsed = parseCircleTransaction(input.bundle);
  if (!parsed.ok) throw new FhirError(parsed.status, parsed.issues);
  const { plan } = parsed;
  const teamPath = `Bundle.entry[${plan.careTeam.index}].resource.managingOrganization`;
  const organisation = organisationPolicy.importingOrganisation(mine, plan.careTeam.managingOrganizationId);
  if (!organisation) {
    throw new FhirError(422, [issue('error', 'required', 'U werkt bij meer dan één zorgaanbieder: geef de organisatie in CareTeam.managingOrganization (Organization/{id}).', teamPath)]);
  }
  const organisationId = organisation.organisationId;

  const client = plan.patient.client;
  const patientPath = `Bundle.entry[${plan.patient.index}].resource`;
  const municipality = client.municipality
    ? await q.findMunicipality(services.db, client.municipality)
    : organisation.municipalityCode
      ? await q.findMunicipality(services.db, { code: organisation.municipalityCode })
      : null;
  if (!municipality) {
    const given = client.municipality ? ('code' in client.municipality ? client.municipality.code : client.municipality.name) : null;
    throw new FhirError(422, [issue('error', given ? 'code-invalid' : 'required', given ? `Onbekende gemeente '${given}': gebruik de CBS-naam of -code (GM + 4 cijfers).` : 'De gemeente van de cliënt is nodig (Patient.address.district).', `${patientPath}.address`)]);
  }
  if (client.bsn && (await q.findLinkedClientByBsn(services.db, client.bsn, organisationId))) {
    throw new FhirError(409, [issue('error', 'duplicate', 'Een cliënt met dit BSN is al gekoppeld aan uw organisatie.', `${patientPath}.identifier`)]);
  }

  const tenantKey = municipality.code;
  const at = services.now();
  const created = await services.db.transaction(async (tx) => {
    const clientId = await circles.insertClient(tx, {
      tenantKey,
      givenName: client.givenName,
      familyName: client.familyName,
      birthDate: client.birthDate,
      careSituation: null,
      careNeeds: [],
      bsn: client.bsn,
      bsnRecordedBy: client.bsn ? actor.userId : null,
      decider: 'client',
      createdBy: actor.userId,
    });
    await circles.insertLink(tx, { clientId, tenantKey, organisationId, createdBy: actor.userId });
    await circles.insertConsent(tx, { clientId, tenantKey, organisationId, decision: 'permit', accessLevel: 'full', validUntil: null, decidedAs: 'client', recordedBy: actor.userId });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'Patient', resourceId: clientId, clientId, tenantKey, organisationId, detail: { via: 'transaction', members: plan.members.length } });
    const memberIds = new Map<string, string>();
    for (const m of plan.members) {
      const id = await circles.insertMember(tx, {
        clientId,
        tenantKey,
        kind: m.kind,
        isRepresentative: m.isRepresentative,
        givenName: m.givenName,
        familyName: m.familyName,
        roleCode: m.roleCode,
        relationshipCode: m.relationshipCode,
        email: m.email,
        phone: m.phone,
        since: m.since,
        createdBy: actor.userId,
      });
      // As when a non-decider adds someone: the lowest level until the client decides.
      await circles.insertConsent(tx, { clientId, tenantKey, memberId: id, decision: 'permit', accessLevel: 'agenda', validUntil: null, decidedAs: 'client', recordedBy: actor.userId });
      await audit(tx, { actor }, origin, { action: 'create', resourceType: 'RelatedPerson', resourceId: id, clientId, tenantKey, organisationId, detail: { kind: m.kind, roles: m.roleCodes, relationships: m.relationshipCodes } });
      await q.setMemberCodes(tx, id, { roleCodes: m.roleCodes, relationshipCodes: m.relationshipCodes });
      memberIds.set(m.fullUrl, id);
    }
    return { patientId: clientId, careTeamId: clientId, memberIds, at };
  });
  return transactionResponse(plan, created);
}
