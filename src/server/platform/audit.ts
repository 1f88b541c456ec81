import type { Queryable } from '../../db/types.ts';
import type { Actor, Origin } from './context.ts';

/** One NEN 7513 access-log line, as a use case describes it. */
export interface AuditEntry {
  /** What happened: read, search, create, update, delete, login, login_failed, … */
  action: string;
  /** The kind of record: user, organisation, client, audit_log, … */
  resourceType: string;
  resourceId?: string | null;
  /** The client whose record was touched, when there is one. */
  clientId?: string | null;
  /** The client's tenant key (municipality code). */
  tenantKey?: string | null;
  /** The responsible user the actor worked for, when not themselves. */
  onBehalfOfUserId?: string | null;
  organisationId?: string | null;
  outcome?: 'success' | 'denied' | 'error';
  /** Break-glass access. */
  emergency?: boolean;
  /** Extra facts; never health data itself, only identifiers and search terms. */
  detail?: Record<string, unknown>;
}

/**
 * Appends a line to the access log. Call it inside the use case's transaction for changes,
 * so a change and its log line commit together.
 */
export async function audit(
  db: Queryable,
  who: { actor?: Actor | null; userId?: string | null; userDisplay?: string | null },
  origin: Origin,
  entry: AuditEntry,
): Promise<void> {
  await db.query(
    `insert into audit_log (action, resource_type, resource_id, client_id, tenant_key, user_id, user_display,
       on_behalf_of_user_id, organisation_id, access_point, source_system, outcome, emergency, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      entry.action,
      entry.resourceType,
      entry.resourceId ?? null,
      entry.clientId ?? null,
      entry.tenantKey ?? null,
      who.actor?.userId ?? who.userId ?? null,
      who.actor?.displayName ?? who.userDisplay ?? null,
      entry.onBehalfOfUserId ?? null,
      entry.organisationId ?? null,
      origin.ip,
      origin.sourceSystem,
      entry.outcome ?? 'success',
      entry.emergency ?? false,
      JSON.stringify(entry.detail ?? {}),
    ],
  );
}
