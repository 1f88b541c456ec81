import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { authorize, requireMfaSatisfied } from '../../platform/policy/index.ts';
import { assertClientAccess, clientPolicy } from '../../platform/policy/client.ts';
import { accessFacts, today } from '../circles/access.ts';
import { findMember, listMembers } from '../circles/queries.ts';
import { memberInviter } from '../circle-invitations/service.ts';
import * as q from './queries.ts';

/** Throws unless the actor works as professional in the organisation (2FA passed). */
function assertProfessionalOf(actor: Actor, organisationId: string): void {
  requireMfaSatisfied(actor);
  authorize(actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'professional'), 'caseload_professional_only');
}

/** The organisation's clients with "caregiver in view" indicators (professionals of that organisation). */
export async function caseloadLister(
  services: Services,
  actor: Actor,
  input: { organisationId: string; page: number; pageSize: number; q?: string; filters: q.CaseloadFilter[]; sort: q.CaseloadSort; descending: boolean },
  origin: Origin,
) {
  assertProfessionalOf(actor, input.organisationId);
  const result = await q.listCaseload(services.db, {
    organisationId: input.organisationId,
    today: today(services),
    search: input.q?.trim() ?? '',
    filters: input.filters,
    sort: input.sort,
    descending: input.descending,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize,
    now: services.now(),
  });
  await audit(services.db, { actor }, origin, {
    action: 'search',
    resourceType: 'client',
    organisationId: input.organisationId,
    detail: { q: input.q ?? null, filters: input.filters, page: input.page, shown: result.rows.map((r) => r.client_id) },
  });
  return result;
}

/**
 * Invites, for each chosen client, every person on the map who has an e-mail address, no
 * account yet and no open invitation. Clients the actor may not manage are skipped.
 */
export async function networkBulkInviter(services: Services, actor: Actor, input: { organisationId: string; clientIds: string[] }, origin: Origin): Promise<{ invited: number; skipped: number }> {
  assertProfessionalOf(actor, input.organisationId);
  let invited = 0;
  let skipped = 0;
  for (const clientId of input.clientIds) {
    const f = await accessFacts(services, actor, clientId);
    if (!f || clientPolicy.level(f) !== 'manage') {
      skipped++;
      continue;
    }
    const { rows: open } = await services.db.query<{ member_id: string }>(
      'select member_id from circle_invitations where client_id = $1 and member_id is not null and accepted_at is null and revoked_at is null and expires_at > $2',
      [clientId, services.now()],
    );
    const pending = new Set(open.map((r) => r.member_id));
    for (const m of await listMembers(services.db, clientId, today(services))) {
      if (m.has_account || !m.email || pending.has(m.id)) continue;
      await memberInviter(services, actor, { clientId, memberId: m.id }, origin);
      invited++;
    }
  }
  return { invited, skipped };
}

/** Records a contact moment with a caregiver, e.g. a "Hoe gaat het met u?" conversation. */
export async function contactRecorder(
  services: Services,
  actor: Actor,
  input: { clientId: string; memberId: string; kind: 'how_are_you' | 'conversation'; note?: string | null; occurredAt?: string | null },
  origin: Origin,
): Promise<string> {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const organisationId = clientPolicy.viaOrganisation(f);
  authorize(organisationId !== null, 'contact_professional_only');
  if (!(await findMember(services.db, input.clientId, input.memberId, today(services)))) throw new AppError('not_found');
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : services.now();
  if (occurredAt.getTime() > services.now().getTime() + 60_000) throw new AppError('validation_failed', 'contact_in_future', [{ path: '/occurredAt' }]);
  return services.db.transaction(async (tx) => {
    const id = await q.insertContact(tx, { clientId: input.clientId, tenantKey: f.tenantKey, memberId: input.memberId, professionalUserId: actor.userId, organisationId, kind: input.kind, note: input.note ?? null, occurredAt });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'caregiver_contact', resourceId: id, clientId: input.clientId, tenantKey: f.tenantKey, organisationId });
    return id;
  });
}

/** Contact moments of a circle (full level). */
export async function contactLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await accessFacts(services, actor, input.clientId);
  assertClientAccess(actor, f, 'full');
  const rows = await q.listContacts(services.db, input.clientId);
  await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'caregiver_contact', clientId: input.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f) });
  return rows;
}
