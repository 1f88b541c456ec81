import { compareSnapshots, type SnapshotMember } from '../../../domain/mantelscan.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { assertClientAccess, assertProfessionalWork, clientPolicy, type ClientAccessFacts } from '../../platform/policy/client.ts';
import { accessFacts, today } from '../circles/access.ts';
import { findMember, listMembers, type MemberRow } from '../circles/queries.ts';
import { insertContact } from '../caseload/queries.ts';
import * as q from './queries.ts';

/** The network as it is now, in the form a scan keeps. */
export function snapshotOf(members: MemberRow[]): { members: SnapshotMember[] } {
  return {
    members: members.map((m) => ({
      id: m.id,
      name: `${m.given_name} ${m.family_name}`.trim(),
      kind: m.kind,
      closeness: m.closeness,
      tie: m.tie,
      hoursPerWeek: m.hours_per_week === null ? null : Number(m.hours_per_week),
      helpKinds: m.help_kinds,
      relationshipCode: m.relationship_code,
    })),
  };
}

async function professionalAccess(services: Services, actor: Actor, clientId: string) {
  const f = await accessFacts(services, actor, clientId);
  const organisationId = assertProfessionalWork(actor, f, 'full', 'scan_needs_professional');
  return { f: f as ClientAccessFacts, organisationId };
}

/** Starts a MantelScan conversation with one caregiver of the circle (professional). */
export async function scanStarter(services: Services, actor: Actor, input: { clientId: string; caregiverMemberId: string }, origin: Origin): Promise<string> {
  const { f, organisationId } = await professionalAccess(services, actor, input.clientId);
  const member = await findMember(services.db, input.clientId, input.caregiverMemberId, today(services));
  if (!member) throw new AppError('not_found');
  if (member.kind !== 'caregiver') throw new AppError('validation_failed', 'scan_needs_caregiver', [{ path: '/caregiverMemberId' }]);
  return services.db.transaction(async (tx) => {
    const id = await q.insertScan(tx, { clientId: input.clientId, tenantKey: f.tenantKey, caregiverMemberId: input.caregiverMemberId, conductedBy: actor.userId, organisationId });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'mantelscan', resourceId: id, clientId: input.clientId, tenantKey: f.tenantKey, organisationId });
    return id;
  });
}

/** Saves progress of a draft scan: the step reached, answers, advice, agreements. */
export async function scanUpdater(
  services: Services,
  actor: Actor,
  input: { clientId: string; scanId: string; step?: string; answers?: Record<string, string>; advice?: string | null; agreements?: { text: string; owner: string | null; due: string | null }[] },
  origin: Origin,
): Promise<void> {
  const { f, organisationId } = await professionalAccess(services, actor, input.clientId);
  const { clientId, scanId, ...fields } = input;
  await services.db.transaction(async (tx) => {
    if (!(await q.updateDraft(tx, clientId, scanId, fields))) {
      const existing = await q.findScan(tx, clientId, scanId);
      throw existing ? new AppError('conflict', 'scan_completed_locked') : new AppError('not_found');
    }
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'mantelscan', resourceId: scanId, clientId, tenantKey: f.tenantKey, organisationId, detail: { fields: Object.keys(fields) } });
  });
}

/** Completes a scan: keeps a snapshot of the network and records the contact moment. */
export async function scanCompleter(services: Services, actor: Actor, input: { clientId: string; scanId: string }, origin: Origin): Promise<void> {
  const { f, organisationId } = await professionalAccess(services, actor, input.clientId);
  const members = await listMembers(services.db, input.clientId, today(services));
  await services.db.transaction(async (tx) => {
    const scan = await q.findScan(tx, input.clientId, input.scanId);
    if (!scan) throw new AppError('not_found');
    if (!(await q.completeScan(tx, { clientId: input.clientId, scanId: input.scanId, snapshot: snapshotOf(members), now: services.now() }))) throw new AppError('conflict', 'scan_completed');
    await insertContact(tx, { clientId: input.clientId, tenantKey: f.tenantKey, memberId: scan.caregiver_member_id, professionalUserId: actor.userId, organisationId, kind: 'scan', note: null, occurredAt: services.now() });
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'mantelscan', resourceId: input.scanId, clientId: input.clientId, tenantKey: f.tenantKey, organisationId, detail: { completed: true } });
  });
}

/** Scans of a circle (full level), newest first. */
export async function scanLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const rows = await q.listScans(services.db, input.clientId);
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'mantelscan', clientId: input.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f) });
  return rows;
}

/** One scan (full level). */
export async function scanReader(services: Services, actor: Actor, input: { clientId: string; scanId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const scan = await q.findScan(services.db, input.clientId, input.scanId);
  if (!scan) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'mantelscan', resourceId: input.scanId, clientId: input.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f) });
  return scan;
}

/** Compares two completed scans of the same circle: who joined, who left, load change. */
export async function scanComparer(services: Services, actor: Actor, input: { clientId: string; beforeId: string; afterId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const [a, b] = await Promise.all([q.findScan(services.db, input.clientId, input.beforeId), q.findScan(services.db, input.clientId, input.afterId)]);
  if (!a || !b) throw new AppError('not_found');
  if (!a.network_snapshot || !b.network_snapshot) throw new AppError('validation_failed', 'scan_compare_completed_only');
  const [before, after] = (a.completed_at as Date) <= (b.completed_at as Date) ? [a, b] : [b, a];
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'mantelscan', clientId: input.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f), detail: { compare: [a.id, b.id] } });
  return {
    before,
    after,
    comparison: compareSnapshots(
      { members: before.network_snapshot?.members ?? [], caregiverMemberId: before.caregiver_member_id },
      { members: after.network_snapshot?.members ?? [], caregiverMemberId: after.caregiver_member_id },
    ),
  };
}
