import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { adminPolicy } from '../../platform/policy/admin.ts';
import { pageWindow, type PageInput } from '../../platform/paging.ts';
import * as q from './queries.ts';

/** The mail outbox, newest first (platform admin). */
export async function outboxReader(services: Services, actor: Actor, input: PageInput) {
  adminPolicy.assertReadOutbox(actor);
  return q.listOutbox(services.db, pageWindow(input));
}

/** All user accounts, searchable (platform admin). */
export async function userLister(services: Services, actor: Actor, input: PageInput & { q?: string }) {
  adminPolicy.assertManageUsers(actor);
  return q.listUsers(services.db, input.q?.trim() ?? '', pageWindow(input));
}

/**
 * The access log (NEN 7513), newest first. Reading it needs a platform admin who passed the
 * second factor in this session; the read itself is logged.
 */
export async function auditLogReader(
  services: Services,
  actor: Actor,
  input: PageInput & { userId?: string; clientId?: string; action?: string },
  origin: Origin,
) {
  adminPolicy.assertReadAuditLog(actor);
  const result = await q.listAudit(services.db, input, pageWindow(input));
  await audit(services.db, { actor }, origin, {
    action: 'search',
    resourceType: 'audit_log',
    clientId: input.clientId ?? null,
    detail: { userId: input.userId, clientId: input.clientId, action: input.action, page: input.page },
  });
  return result;
}
