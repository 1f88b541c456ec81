import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit, auditMany } from '../../platform/audit.ts';
import { organisationPolicy } from '../../platform/policy/organisation.ts';
import { pageWindow, type PageInput } from '../../platform/paging.ts';
import { assertViaOrganisation, ClientAccessRefused } from '../../platform/policy/client.ts';
import { accessFacts, clientAccess, clientListReader, today, withRefusalsLogged } from '../circles/access.ts';
import { findMember, listMembers } from '../circles/queries.ts';
import { memberInviter } from '../circle-invitations/service.ts';
import { openMemberInvitations } from '../circle-invitations/queries.ts';
import * as q from './queries.ts';

/** The organisation's clients with "caregiver in view" indicators (professionals of that organisation). */
export async function caseloadLister(
  services: Services,
  actor: Actor,
  input: PageInput & { organisationId: string; q?: string; filters: q.CaseloadFilter[]; sort: q.CaseloadSort; descending: boolean },
  origin: Origin,
) {
  organisationPolicy.assertProfessional(actor, input.organisationId, 'caseload_professional_only');
  const result = await q.listCaseload(services.db, {
    organisationId: input.organisationId,
    today: today(services),
    search: input.q?.trim() ?? '',
    filters: input.filters,
    sort: input.sort,
    descending: input.descending,
    ...pageWindow(input),
    now: services.now(),
  });
  // NEN 7513: one line per client shown (with the client and its tenant), or one for a search that showed none.
  const detail = { q: input.q ?? null, filters: input.filters, page: input.page };
  await auditMany(
    services.db,
    { actor },
    origin,
    result.rows.length > 0
      ? result.rows.map((r) => ({ action: 'search', resourceType: 'client', resourceId: r.client_id, clientId: r.client_id, tenantKey: r.tenant_key, organisationId: input.organisationId, detail }))
      : [{ action: 'search', resourceType: 'client', organisationId: input.organisationId, detail: { ...detail, shown: 0 } }],
  );
  return result;
}

/**
 * Invites, for each chosen client, every person on the map who has an e-mail address, no
 * account yet and no open invitation. Clients the actor may not manage are skipped.
 */
export async function networkBulkInviter(services: Services, actor: Actor, input: { organisationId: string; clientIds: string[] }, origin: Origin): Promise<{ invited: number; skipped: number }> {
  organisationPolicy.assertProfessional(actor, input.organisationId, 'caseload_professional_only');
  let invited = 0;
  let skipped = 0;
  for (const clientId of input.clientIds) {
    try {
      await clientAccess(services, actor, origin, clientId, 'manage', { action: 'create', resourceType: 'circle_invitation' });
    } catch (error) {
      // Refused (and logged as such): this client is skipped.
      if (!(error instanceof ClientAccessRefused)) throw error;
      skipped++;
      continue;
    }
    const pending = new Set(await openMemberInvitations(services.db, clientId, services.now()));
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
  const facts = await accessFacts(services, actor, input.clientId);
  const [f, organisationId] = await withRefusalsLogged(services, actor, origin, input.clientId, { action: 'create', resourceType: 'caregiver_contact' }, () => {
    const via = assertViaOrganisation(actor, facts, 'full', 'contact_professional_only');
    return [facts as NonNullable<typeof facts>, via] as const;
  });
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
  return clientListReader(services, actor, origin, { clientId: input.clientId, need: 'full', resourceType: 'caregiver_contact' }, () => q.listContacts(services.db, input.clientId));
}
