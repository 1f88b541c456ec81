import type { AccessLevel } from '../../../common/codes.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { assertCanDecide, assertClientAccess, clientPolicy, type ClientAccessFacts } from '../../platform/policy/client.ts';
import { requireMfaSatisfied, authorize } from '../../platform/policy/index.ts';
import { accessFacts, today } from './access.ts';
import * as q from './queries.ts';

type ClientFields = {
  givenName: string;
  familyName: string;
  birthDate?: string | null;
  municipalityCode: string;
  careSituation?: string | null;
  careNeeds?: string[];
};

async function assertMunicipality(services: Services, code: string): Promise<void> {
  const { rowCount } = await services.db.query('select 1 from municipalities where code = $1', [code]);
  if (rowCount === 0) throw new AppError('validation_failed', 'municipality_unknown', [{ path: '/municipalityCode' }]);
}

/** The row for a new client; a BSN is recorded with the professional who entered it. */
function clientRecord(client: ClientFields & { bsn?: string | null }, actor: Actor, decider: 'client' | 'representative' | 'main_caregiver') {
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

/** Log line facts for a read or change of one client's record. */
function clientAudit(f: ClientAccessFacts, action: string, resourceType: string, resourceId: string | null, detail?: Record<string, unknown>) {
  return { action, resourceType, resourceId, clientId: f.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f), detail };
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
  await assertMunicipality(services, input.client.municipalityCode);
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
  requireMfaSatisfied(actor);
  authorize(actor.memberships.some((m) => m.organisationId === input.organisationId && m.role === 'professional'), 'register_professional_only');
  await assertMunicipality(services, input.client.municipalityCode);
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

/** The circles the actor is part of (as client or member). */
export async function myCirclesLister(services: Services, actor: Actor) {
  requireMfaSatisfied(actor);
  return q.listMyCircles(services.db, actor.userId);
}

/** Reads a client with what the actor may see of the circle; the read is logged. */
export async function circleReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'agenda');
  const level = clientPolicy.level(f);
  const [client, members, links] = await Promise.all([
    q.findClient(services.db, input.clientId),
    q.listMembers(services.db, input.clientId, today(services)),
    level === 'agenda' ? Promise.resolve([]) : q.listLinks(services.db, input.clientId, today(services)),
  ]);
  if (!client) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'client', input.clientId, { level }));
  return { client, members, links, level, facts: f, canDecide: clientPolicy.canDecide(f), canSeeBsn: clientPolicy.canSeeBsn(f) };
}

/** Changes the client's own data (manage level); a BSN only by a professional of a linked organisation. */
export async function clientUpdater(
  services: Services,
  actor: Actor,
  input: { clientId: string; givenName?: string; familyName?: string; birthDate?: string | null; careSituation?: string | null; careNeeds?: string[]; bsn?: string | null },
  origin: Origin,
): Promise<void> {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, input.bsn !== undefined ? 'full' : 'manage');
  if (input.bsn !== undefined) authorize(f.organisations.length > 0, 'bsn_professional_only');
  const { clientId, ...fields } = input;
  await services.db.transaction(async (tx) => {
    await q.updateClient(tx, clientId, { ...fields, bsnRecordedBy: input.bsn ? actor.userId : null });
    await audit(tx, { actor }, origin, clientAudit(f, 'update', 'client', clientId, { fields: Object.keys(fields) }));
  });
}

/** Records who decides on access for the client (decider only). */
export async function deciderSetter(services: Services, actor: Actor, input: { clientId: string; decider: 'client' | 'representative' | 'main_caregiver' }, origin: Origin): Promise<void> {
  const f = await accessFacts(services, actor, input.clientId);
  assertCanDecide(actor, f);
  await services.db.transaction(async (tx) => {
    await q.updateClient(tx, input.clientId, { decider: input.decider });
    await audit(tx, { actor }, origin, clientAudit(f, 'update', 'client', input.clientId, { decider: input.decider }));
  });
}

/** Adds a person to the circle (manage level). People without an account can be on the map. */
export async function memberAdder(
  services: Services,
  actor: Actor,
  input: q.MemberFields & { clientId: string; accessLevel?: AccessLevel },
  origin: Origin,
): Promise<string> {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'manage');
  const { clientId, accessLevel, ...fields } = input;
  return services.db.transaction(async (tx) => {
    if (fields.isMainCaregiver) await tx.query('update circle_members set is_main_caregiver = false where client_id = $1 and is_main_caregiver', [clientId]);
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
    return id;
  });
}

/** Changes a member's place and details on the map (manage level). */
export async function memberUpdater(services: Services, actor: Actor, input: Partial<q.MemberFields> & { clientId: string; memberId: string }, origin: Origin): Promise<void> {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'manage');
  const { clientId, memberId, ...fields } = input;
  await services.db.transaction(async (tx) => {
    if (fields.isMainCaregiver) await tx.query('update circle_members set is_main_caregiver = false where client_id = $1 and is_main_caregiver and id <> $2', [clientId, memberId]);
    if (!(await q.updateMember(tx, clientId, memberId, fields))) throw new AppError('not_found');
    await audit(tx, { actor }, origin, clientAudit(f, 'update', 'circle_member', memberId, { fields: Object.keys(fields) }));
  });
}

/** Removes a member from the circle (manage level), or a member leaves by themselves. */
export async function memberRemover(services: Services, actor: Actor, input: { clientId: string; memberId: string }, origin: Origin): Promise<void> {
  const f = await accessFacts(services, actor, input.clientId);
  const self = f?.member?.id === input.memberId;
  assertClientAccess(actor, f, self ? 'agenda' : 'manage');
  await services.db.transaction(async (tx) => {
    if (!(await q.markMemberLeft(tx, input.clientId, input.memberId))) throw new AppError('not_found');
    await audit(tx, { actor }, origin, clientAudit(f, self ? 'leave' : 'delete', 'circle_member', input.memberId));
  });
}

/** Notes in the circle: full level. */
export async function notesLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const rows = await q.listNotes(services.db, input.clientId);
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'circle_note', null, { count: rows.length }));
  return rows;
}

export async function noteAdder(services: Services, actor: Actor, input: { clientId: string; body: string }, origin: Origin): Promise<string> {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
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
  input: { clientId: string; memberId?: string; organisationId?: string; decision: 'permit' | 'deny'; accessLevel?: AccessLevel; validUntil?: string | null },
  origin: Origin,
): Promise<string> {
  const f = await accessFacts(services, actor, input.clientId);
  assertCanDecide(actor, f);
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
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const rows = await q.listConsents(services.db, input.clientId);
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'consent', null, { count: rows.length }));
  return rows;
}

/** Links a care or welfare organisation to the circle with the client's consent (decider only). */
export async function organisationLinker(services: Services, actor: Actor, input: { clientId: string; organisationId: string; accessLevel: AccessLevel; validUntil?: string | null }, origin: Origin): Promise<void> {
  const f = await accessFacts(services, actor, input.clientId);
  assertCanDecide(actor, f);
  const { rows } = await services.db.query<{ kind: string }>('select kind from organisations where id = $1', [input.organisationId]);
  if (!rows[0]) throw new AppError('not_found');
  if (rows[0].kind === 'municipality' || rows[0].kind === 'programme_office') throw new AppError('validation_failed', 'organisation_kind_sees_no_clients');
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
  const f = await accessFacts(services, actor, input.clientId);
  assertCanDecide(actor, f);
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
export async function clientAccessLogReader(services: Services, actor: Actor, input: { clientId: string; page: number; pageSize: number }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'agenda');
  authorize(f.isClient || clientPolicy.canDecide(f), 'access_log_decider_only');
  if (!actor.mfaVerified) throw new AppError('mfa_required', 'access_log_needs_mfa');
  const { rows } = await services.db.query<{ occurred_at: Date; action: string; resource_type: string; user_display: string | null; organisation_name: string | null; source_system: string; outcome: string; total: number }>(
    `select count(*) over ()::int as total, a.occurred_at, a.action, a.resource_type, a.user_display, o.name as organisation_name, a.source_system, a.outcome
     from audit_log a left join organisations o on o.id = a.organisation_id
     where a.client_id = $1 order by a.occurred_at desc, a.id desc limit $2 offset $3`,
    [input.clientId, input.pageSize, (input.page - 1) * input.pageSize],
  );
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'audit_log', null, { page: input.page }));
  return { rows, total: rows[0]?.total ?? 0 };
}

