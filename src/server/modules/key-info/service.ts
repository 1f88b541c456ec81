import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { clientAccess, clientAudit } from '../circles/access.ts';
import * as q from './queries.ts';

/**
 * Key information of a client's circle (issue 16 part 6): key contacts, medication and the
 * emergency plan. Reading and changing both need `full` access: it is care information, not
 * for agenda-level helpers. Items are added and removed, never edited.
 */

const RESOURCE: Record<q.KeyInfoPart, string> = { contacts: 'key_contact', medications: 'key_medication', emergencyPlan: 'key_emergency_plan' };

/** All key information of a client, with one access-log line that counts what was shown. */
export async function keyInfoReader(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', { action: 'read', resourceType: 'key_info' });
  const [contacts, medications, emergencyPlan] = await Promise.all([q.listContacts(services.db, input.clientId), q.listMedications(services.db, input.clientId), q.listEmergencyPlan(services.db, input.clientId)]);
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'key_info', null, { contacts: contacts.length, medications: medications.length, emergencyPlan: emergencyPlan.length }));
  return { contacts, medications, emergencyPlan };
}

export async function contactAdder(
  services: Services,
  actor: Actor,
  input: { clientId: string; kind: q.KeyContactRow['kind']; name: string; phone: string | null; note: string | null },
  origin: Origin,
): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', { action: 'create', resourceType: RESOURCE.contacts });
  return services.db.transaction(async (tx) => {
    const id = await q.insertContact(tx, { tenantKey: f.tenantKey, clientId: input.clientId, kind: input.kind, name: input.name, phone: input.phone, note: input.note, createdBy: actor.userId });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', RESOURCE.contacts, id));
    return id;
  });
}

export async function medicationAdder(
  services: Services,
  actor: Actor,
  input: { clientId: string; name: string; dose: string | null; when: string | null; note: string | null },
  origin: Origin,
): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', { action: 'create', resourceType: RESOURCE.medications });
  return services.db.transaction(async (tx) => {
    const id = await q.insertMedication(tx, { tenantKey: f.tenantKey, clientId: input.clientId, name: input.name, dose: input.dose, when: input.when, note: input.note, createdBy: actor.userId });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', RESOURCE.medications, id));
    return id;
  });
}

/** A row of the emergency plan: a task and who takes it over (a member of this circle, or a name). */
export async function emergencyPlanAdder(
  services: Services,
  actor: Actor,
  input: { clientId: string; task: string; takeoverMemberId?: string | null; takeoverName: string | null; note: string | null },
  origin: Origin,
): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', { action: 'create', resourceType: RESOURCE.emergencyPlan });
  const memberId = input.takeoverMemberId ?? null;
  if (!memberId && !input.takeoverName) throw new AppError('validation_failed', 'key_info_takeover_missing', [{ path: '/takeoverName' }]);
  return services.db.transaction(async (tx) => {
    if (memberId && !(await q.isActiveCircleMember(tx, input.clientId, memberId))) throw new AppError('validation_failed', 'key_info_takeover_not_member', [{ path: '/takeoverMemberId' }]);
    const id = await q.insertEmergencyPlanRow(tx, {
      tenantKey: f.tenantKey,
      clientId: input.clientId,
      task: input.task,
      takeoverMemberId: memberId,
      // A chosen member is the one who takes over; a free-text name is kept only without one.
      takeoverName: memberId ? null : input.takeoverName,
      note: input.note,
      createdBy: actor.userId,
    });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', RESOURCE.emergencyPlan, id));
    return id;
  });
}

/** Removes one item of key information (a contact, a medicine or a plan row). */
export async function keyInfoRemover(services: Services, actor: Actor, input: { clientId: string; part: q.KeyInfoPart; id: string }, origin: Origin): Promise<void> {
  const resourceType = RESOURCE[input.part];
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', { action: 'delete', resourceType, resourceId: input.id });
  await services.db.transaction(async (tx) => {
    if (!(await q.deleteItem(tx, input.part, input.clientId, input.id))) throw new AppError('not_found', 'key_info_item_not_found');
    await audit(tx, { actor }, origin, clientAudit(f, 'delete', resourceType, input.id));
  });
}
