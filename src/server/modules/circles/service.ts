import type { AccessLevel, ConsentDecision, Decider } from '../../../common/codes.ts';
import { PATHS } from '../../../common/paths.ts';
import type { Queryable } from '../../../db/types.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import {
  assertMayChangeClient,
  assertMayChangeRoles,
  assertMayReadAccessLog,
  CLIENT_FIELD_LEVEL,
  clientPolicy,
  roleChanges,
  type ClientAccessFacts,
  type ClientField,
  type RoleChange,
} from '../../platform/policy/client.ts';
import { requireMfaSatisfied } from '../../platform/policy/index.ts';
import { organisationPolicy } from '../../platform/policy/organisation.ts';
import { pageWindow, type PageInput } from '../../platform/paging.ts';
import { findOrganisation } from '../organisations/queries.ts';
import { assertMunicipality } from '../reference/service.ts';
import { accessFacts, clientAccess, clientAudit, clientListReader, today, withRefusalsLogged } from './access.ts';
import { roleChangedMail, type ToldRoleChange } from './mails.ts';
import * as q from './queries.ts';

type ClientFields = {
  givenName: string;
  familyName: string;
  birthDate?: string | null;
  municipalityCode: string;
  careSituation?: string | null;
  careNeeds?: string[];
};

/** The row for a new client; a BSN is recorded with the professional who entered it. */
function clientRecord(client: ClientFields & { bsn?: string | null }, actor: Actor, decider: Decider) {
  return {
    tenantKey: client.municipalityCode,
    givenName: client.givenName,
    familyName: client.familyName,
    birthDate: client.birthDate ?? null,
    careSituation: client.careSituation ?? null,
    careNeeds: client.careNeeds ?? [],
    bsn: client.bsn ?? null,
    bsnRecordedBy: client.bsn ? actor.userId : null,
    decider,
    createdBy: actor.userId,
  };
}

/**
 * A caregiver starts a circle for the person they care for and becomes its main caregiver.
 * When the client cannot decide for themselves, the main caregiver decides on access, and
 * that is recorded as such.
 */
export async function circleStarter(
  services: Services,
  actor: Actor,
  input: {
    /** The person cared for. */
    client: ClientFields;
    /** The caregiver's own place in the circle. */
    me: { relationshipCode?: string | null; roleCode?: string | null; helpKinds?: string[]; hoursPerWeek?: number | null; since?: string | null };
    /** False when the client cannot decide (dementia, coma, …): the main caregiver decides. */
    clientCanDecide: boolean;
  },
  origin: Origin,
): Promise<string> {
  requireMfaSatisfied(actor);
  await assertMunicipality(services.db, input.client.municipalityCode);
  const [givenName, ...rest] = actor.displayName.split(' ');
  return services.db.transaction(async (tx) => {
    const clientId = await q.insertClient(tx, clientRecord(input.client, actor, input.clientCanDecide ? 'client' : 'main_caregiver'));
    const memberId = await q.insertMember(tx, {
      clientId,
      tenantKey: input.client.municipalityCode,
      userId: actor.userId,
      kind: 'caregiver',
      isMainCaregiver: true,
      givenName: givenName ?? actor.displayName,
      familyName: rest.join(' '),
      roleCode: input.me.roleCode ?? '01',
      relationshipCode: input.me.relationshipCode ?? null,
      closeness: 'inner',
      tie: 'strong',
      helpKinds: input.me.helpKinds ?? [],
      hoursPerWeek: input.me.hoursPerWeek ?? null,
      since: input.me.since ?? null,
      email: actor.email,
      createdBy: actor.userId,
    });
    await q.insertConsent(tx, {
      clientId,
      tenantKey: input.client.municipalityCode,
      memberId,
      decision: 'permit',
      accessLevel: 'manage',
      validUntil: null,
      decidedAs: input.clientCanDecide ? 'client' : 'main_caregiver',
      recordedBy: actor.userId,
    });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'client', resourceId: clientId, clientId, tenantKey: input.client.municipalityCode });
    return clientId;
  });
}

/**
 * A professional registers a client of their organisation. The organisation is linked and
 * the client's consent for it is recorded by the professional (as told by the client).
 */
export async function clientRegistrar(
  services: Services,
  actor: Actor,
  input: { organisationId: string; client: ClientFields & { bsn?: string | null }; clientCanDecide: boolean },
  origin: Origin,
): Promise<string> {
  organisationPolicy.assertProfessional(actor, input.organisationId, 'register_professional_only');
  await assertMunicipality(services.db, input.client.municipalityCode);
  return services.db.transaction(async (tx) => {
    const clientId = await q.insertClient(tx, clientRecord(input.client, actor, input.clientCanDecide ? 'client' : 'representative'));
    await q.insertLink(tx, { clientId, tenantKey: input.client.municipalityCode, organisationId: input.organisationId, createdBy: actor.userId });
    await q.insertConsent(tx, {
      clientId,
      tenantKey: input.client.municipalityCode,
      organisationId: input.organisationId,
      decision: 'permit',
      // The organisation keeps the circle of its own client up to date until the client (or
      // a representative) decides otherwise.
      accessLevel: 'manage',
      validUntil: null,
      decidedAs: input.clientCanDecide ? 'client' : 'representative',
      recordedBy: actor.userId,
    });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'client', resourceId: clientId, clientId, tenantKey: input.client.municipalityCode, organisationId: input.organisationId });
    return clientId;
  });
}

/** The circles the actor is part of (as client or member); one access-log line per client shown. */
export async function myCirclesLister(services: Services, actor: Actor, origin: Origin) {
  requireMfaSatisfied(actor);
  const rows = await q.listMyCircles(services.db, actor.userId);
  await auditMany(
    services.db,
    { actor },
    origin,
    rows.map((r) => ({ action: 'read', resourceType: 'client', resourceId: r.client_id, clientId: r.client_id, tenantKey: r.tenant_key, detail: { list: 'my_circles' } })),
  );
  return rows;
}

/** Reads a client with what the actor may see of the circle; the read is logged. */
export async function circleReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: 'client', resourceId: input.clientId });
  const level = clientPolicy.level(f);
  const [client, members, links] = await Promise.all([
    q.findClient(services.db, input.clientId),
    q.listMembers(services.db, input.clientId, today(services)),
    // Agenda-only members see no organisations.
    clientPolicy.reaches(f, 'full') ? q.listLinks(services.db, input.clientId, today(services)) : Promise.resolve([]),
  ]);
  if (!client) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'client', input.clientId, { level }));
  return { client, members, links, level, facts: f, canDecide: clientPolicy.canDecide(f), canSeeBsn: clientPolicy.canSeeBsn(f) };
}

/**
 * Changes the client's own data. Each field needs its own level (CLIENT_FIELD_LEVEL in the
 * policy), and a change needs the highest among the fields it holds; a BSN only by a
 * professional of an organisation that manages the circle.
 */
export async function clientUpdater(
  services: Services,
  actor: Actor,
  input: { clientId: string; givenName?: string; familyName?: string; birthDate?: string | null; careSituation?: string | null; careNeeds?: string[]; bsn?: string | null },
  origin: Origin,
): Promise<void> {
  const { clientId, ...fields } = input;
  const present = (Object.keys(CLIENT_FIELD_LEVEL) as ClientField[]).filter((k) => fields[k] !== undefined);
  const facts = await accessFacts(services, actor, clientId);
  const f = await withRefusalsLogged(services, actor, origin, clientId, { action: 'update', resourceType: 'client', resourceId: clientId }, () => {
    assertMayChangeClient(actor, facts, present);
    return facts;
  });
  await services.db.transaction(async (tx) => {
    await q.updateClient(tx, clientId, { ...fields, bsnRecordedBy: input.bsn ? actor.userId : null });
    await audit(tx, { actor }, origin, clientAudit(f, 'update', 'client', clientId, { fields: present }));
  });
}

/** Records who decides on access for the client (decider only). */
export async function deciderSetter(services: Services, actor: Actor, input: { clientId: string; decider: Decider }, origin: Origin): Promise<void> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'decide', { action: 'update', resourceType: 'client', resourceId: input.clientId });
  await services.db.transaction(async (tx) => {
    await q.updateClient(tx, input.clientId, { decider: input.decider });
    await audit(tx, { actor }, origin, clientAudit(f, 'update', 'client', input.clientId, { decider: input.decider }));
  });
}

/**
 * Writes what a change of deciding roles needs besides the change itself, in its transaction:
 * an access-log line per role changed, and a mail to everyone who decided before (collected
 * by `before`, ahead of the change).
 */
async function recordRoleChanges(
  services: Services,
  tx: Queryable,
  actor: Actor,
  origin: Origin,
  done: { f: ClientAccessFacts; before: Awaited<ReturnType<typeof q.listDeciderContacts>>; changes: (ToldRoleChange & { memberId: string })[] },
): Promise<void> {
  const { f, before, changes } = done;
  if (changes.length === 0) return;
  for (const c of changes) {
    await audit(tx, { actor }, origin, clientAudit(f, 'update', 'circle_role', c.memberId, { role: c.role === 'isMainCaregiver' ? 'main_caregiver' : 'representative', from: c.from, to: c.to }));
  }
  const told = new Set<string>();
  for (const d of before) {
    if (told.has(d.email.toLowerCase())) continue;
    told.add(d.email.toLowerCase());
    await services.mailer.enqueue(
      tx,
      roleChangedMail({
        to: d.email,
        name: d.given_name,
        clientGivenName: d.client_given_name,
        actorName: actor.displayName,
        byRecipient: d.email.toLowerCase() === actor.email.toLowerCase(),
        changes,
        link: `${services.config.publicUrl}${PATHS.circlePeople(f.clientId)}`,
      }),
    );
  }
}

/** The role changes to tell, with the main caregiver who loses the role when it moves to someone else. */
async function withMovedMainCaregiver(tx: Queryable, clientId: string, memberId: string | null, holderName: string, changes: RoleChange[]): Promise<(ToldRoleChange & { memberId: string | null })[]> {
  const told: (ToldRoleChange & { memberId: string | null })[] = changes.map((c) => ({ ...c, holderName, memberId }));
  if (changes.some((c) => c.role === 'isMainCaregiver' && c.to)) {
    const previous = await q.lockOtherMainCaregiver(tx, clientId, memberId);
    if (previous) told.unshift({ role: 'isMainCaregiver', from: true, to: false, holderName: previous.given_name, memberId: previous.id });
  }
  return told;
}

/**
 * Adds a person to the circle (manage level). People without an account can be on the map.
 * Only the decider makes someone main caregiver or representative.
 */
export async function memberAdder(
  services: Services,
  actor: Actor,
  input: q.MemberFields & { clientId: string; accessLevel?: AccessLevel },
  origin: Origin,
): Promise<string> {
  const attempt = { action: 'create', resourceType: 'circle_member' };
  const f = await clientAccess(services, actor, origin, input.clientId, 'manage', attempt);
  const { clientId, accessLevel, ...fields } = input;
  const changes = roleChanges(null, fields);
  await withRefusalsLogged(services, actor, origin, clientId, attempt, () => assertMayChangeRoles(actor, f, changes));
  return services.db.transaction(async (tx) => {
    const before = changes.length > 0 ? await q.listDeciderContacts(tx, clientId) : [];
    const told = await withMovedMainCaregiver(tx, clientId, null, fields.givenName, changes);
    if (fields.isMainCaregiver) await q.clearMainCaregiver(tx, clientId);
    const id = await q.insertMember(tx, { ...fields, clientId, tenantKey: f.tenantKey, createdBy: actor.userId });
    // The decider's choice counts at once; anyone else's proposal starts at the lowest level.
    const decides = clientPolicy.canDecide(f);
    await q.insertConsent(tx, {
      clientId,
      tenantKey: f.tenantKey,
      memberId: id,
      decision: 'permit',
      accessLevel: decides ? (accessLevel ?? 'agenda') : 'agenda',
      validUntil: null,
      decidedAs: f.isClient ? 'client' : f.decider,
      recordedBy: actor.userId,
    });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'circle_member', id, { kind: fields.kind }));
    await recordRoleChanges(services, tx, actor, origin, { f, before, changes: told.map((c) => ({ ...c, memberId: c.memberId ?? id })) });
    return id;
  });
}

/**
 * Changes a member's place and details on the map (manage level). Giving, moving or taking
 * the main-caregiver or representative role is for the decider only; it is logged, and who
 * decided before is told by mail.
 */
export async function memberUpdater(services: Services, actor: Actor, input: Partial<q.MemberFields> & { clientId: string; memberId: string }, origin: Origin): Promise<void> {
  const attempt = { action: 'update', resourceType: 'circle_member', resourceId: input.memberId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'manage', attempt);
  const { clientId, memberId, ...fields } = input;
  // The check runs on the locked row inside the transaction; a refusal is logged after its rollback.
  await withRefusalsLogged(services, actor, origin, clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      const current = await q.lockMemberRoles(tx, clientId, memberId);
      if (!current) throw new AppError('not_found');
      const changes = roleChanges({ isMainCaregiver: current.is_main_caregiver, isRepresentative: current.is_representative }, fields);
      assertMayChangeRoles(actor, f, changes);
      if ((fields.isMainCaregiver ?? current.is_main_caregiver) && (fields.kind ?? current.kind) !== 'caregiver') {
        throw new AppError('validation_failed', 'main_caregiver_must_be_caregiver', [{ path: fields.isMainCaregiver ? '/isMainCaregiver' : '/kind' }]);
      }
      const before = changes.length > 0 ? await q.listDeciderContacts(tx, clientId) : [];
      const told = await withMovedMainCaregiver(tx, clientId, memberId, fields.givenName ?? current.given_name, changes);
      if (changes.some((c) => c.role === 'isMainCaregiver' && c.to)) await q.clearMainCaregiver(tx, clientId);
      if (!(await q.updateMember(tx, clientId, memberId, fields))) throw new AppError('not_found');
      await audit(tx, { actor }, origin, clientAudit(f, 'update', 'circle_member', memberId, { fields: Object.keys(fields) }));
      await recordRoleChanges(services, tx, actor, origin, { f, before, changes: told.map((c) => ({ ...c, memberId: c.memberId ?? memberId })) });
    }),
  );
}

/**
 * Removes a member from the circle (manage level), or a member leaves by themselves. Removing
 * someone who holds a deciding role takes that role away, so that is for the decider only.
 */
export async function memberRemover(services: Services, actor: Actor, input: { clientId: string; memberId: string }, origin: Origin): Promise<void> {
  const attempt = { action: 'delete', resourceType: 'circle_member', resourceId: input.memberId };
  const f = await clientAccess(services, actor, origin, input.clientId, (facts) => (facts?.member?.id === input.memberId ? 'agenda' : 'manage'), attempt);
  const self = f.member?.id === input.memberId;
  await withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      const current = await q.lockMemberRoles(tx, input.clientId, input.memberId);
      if (!current) throw new AppError('not_found');
      const changes = roleChanges({ isMainCaregiver: current.is_main_caregiver, isRepresentative: current.is_representative }, { isMainCaregiver: false, isRepresentative: false });
      // Anyone may leave, and so give up their own role.
      if (!self) assertMayChangeRoles(actor, f, changes);
      const before = changes.length > 0 ? await q.listDeciderContacts(tx, input.clientId) : [];
      if (!(await q.markMemberLeft(tx, input.clientId, input.memberId))) throw new AppError('not_found');
      await audit(tx, { actor }, origin, clientAudit(f, self ? 'leave' : 'delete', 'circle_member', input.memberId));
      await recordRoleChanges(services, tx, actor, origin, { f, before, changes: changes.map((c) => ({ ...c, holderName: current.given_name, memberId: input.memberId })) });
    }),
  );
}

/** Notes in the circle: full level. */
export async function notesLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  return clientListReader(services, actor, origin, { clientId: input.clientId, need: 'full', resourceType: 'circle_note' }, () => q.listNotes(services.db, input.clientId));
}

export async function noteAdder(services: Services, actor: Actor, input: { clientId: string; body: string }, origin: Origin): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', { action: 'create', resourceType: 'circle_note' });
  return services.db.transaction(async (tx) => {
    const id = await q.insertNote(tx, { clientId: input.clientId, tenantKey: f.tenantKey, authorUserId: actor.userId, body: input.body });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'circle_note', id));
    return id;
  });
}

/**
 * Records a consent decision for a member or an organisation (decider only): the level of
 * access, an optional end date, or a denial. Every decision is kept.
 */
export async function consentDecider(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId?: string; organisationId?: string; decision: ConsentDecision; accessLevel?: AccessLevel; validUntil?: string | null },
  origin: Origin,
): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'decide', { action: 'create', resourceType: 'consent' });
  if (input.decision === 'permit' && !input.accessLevel) throw new AppError('validation_failed', 'consent_level_needed', [{ path: '/accessLevel' }]);
  if (input.validUntil && input.validUntil < today(services)) throw new AppError('validation_failed', 'end_date_in_past', [{ path: '/validUntil' }]);
  return services.db.transaction(async (tx) => {
    if (input.memberId && !(await q.findMember(tx, input.clientId, input.memberId, today(services)))) throw new AppError('not_found');
    if (input.organisationId) {
      const links = await q.listLinks(tx, input.clientId, today(services));
      if (!links.some((l) => l.organisation_id === input.organisationId)) throw new AppError('not_found');
    }
    const decidedAs = f.isClient ? 'client' : f.decider;
    const id = await q.insertConsent(tx, {
      clientId: input.clientId,
      tenantKey: f.tenantKey,
      memberId: input.memberId ?? null,
      organisationId: input.organisationId ?? null,
      decision: input.decision,
      accessLevel: input.decision === 'permit' ? (input.accessLevel ?? null) : null,
      validUntil: input.decision === 'permit' ? (input.validUntil ?? null) : null,
      decidedAs,
      recordedBy: actor.userId,
    });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'consent', id, { decision: input.decision, level: input.accessLevel, memberId: input.memberId, organisationId: input.organisationId }));
    return id;
  });
}

/** All consent decisions (history), for the decider and full-level members. */
export async function consentHistoryReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  return clientListReader(services, actor, origin, { clientId: input.clientId, need: 'full', resourceType: 'consent' }, () => q.listConsents(services.db, input.clientId));
}

/** Links a care or welfare organisation to the circle with the client's consent (decider only). */
export async function organisationLinker(services: Services, actor: Actor, input: { clientId: string; organisationId: string; accessLevel: AccessLevel; validUntil?: string | null }, origin: Origin): Promise<void> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'decide', { action: 'create', resourceType: 'organisation_link', resourceId: input.organisationId });
  const organisation = await findOrganisation(services.db, input.organisationId);
  if (!organisation) throw new AppError('not_found');
  if (organisation.kind === 'municipality' || organisation.kind === 'programme_office') throw new AppError('validation_failed', 'organisation_kind_sees_no_clients');
  await services.db.transaction(async (tx) => {
    await q.insertLink(tx, { clientId: input.clientId, tenantKey: f.tenantKey, organisationId: input.organisationId, createdBy: actor.userId });
    await q.insertConsent(tx, {
      clientId: input.clientId,
      tenantKey: f.tenantKey,
      organisationId: input.organisationId,
      decision: 'permit',
      accessLevel: input.accessLevel,
      validUntil: input.validUntil ?? null,
      decidedAs: f.isClient ? 'client' : f.decider,
      recordedBy: actor.userId,
    });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'organisation_link', input.organisationId));
  });
}

/** Ends an organisation's link (decider only): from then on it sees nothing of the client. */
export async function organisationUnlinker(services: Services, actor: Actor, input: { clientId: string; organisationId: string }, origin: Origin): Promise<void> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'decide', { action: 'delete', resourceType: 'organisation_link', resourceId: input.organisationId });
  await services.db.transaction(async (tx) => {
    if (!(await q.endLink(tx, input.clientId, input.organisationId))) throw new AppError('not_found');
    await q.insertConsent(tx, { clientId: input.clientId, tenantKey: f.tenantKey, organisationId: input.organisationId, decision: 'deny', accessLevel: null, validUntil: null, decidedAs: f.isClient ? 'client' : f.decider, recordedBy: actor.userId });
    await audit(tx, { actor }, origin, clientAudit(f, 'delete', 'organisation_link', input.organisationId));
  });
}

/**
 * Who looked at the client's data: the access log lines about this client. For the client
 * and the decider; like every read of the log it needs the second factor (NEN 7513).
 */
export async function clientAccessLogReader(services: Services, actor: Actor, input: PageInput & { clientId: string }, origin: Origin) {
  const attempt = { action: 'read', resourceType: 'audit_log' };
  const facts = await accessFacts(services, actor, input.clientId);
  const f = await withRefusalsLogged(services, actor, origin, input.clientId, attempt, () => {
    assertMayReadAccessLog(actor, facts);
    return facts;
  });
  const page = await q.listClientAccessLog(services.db, input.clientId, pageWindow(input));
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'audit_log', null, { page: input.page }));
  return page;
}

