import type { Queryable } from '../../db/types.ts';
import type { Actor, Origin } from './context.ts';

/**
 * The access log (NEN 7513). This platform module is its own queries layer: every write to
 * the `audit_log` table is here (its readers are in the admin and circles queries).
 */

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
  await auditMany(db, who, origin, [entry]);
}

/**
 * Appends several lines in one statement (e.g. one per client shown in a list or search),
 * all by the same user from the same access point.
 */
export async function auditMany(
  db: Queryable,
  who: { actor?: Actor | null; userId?: string | null; userDisplay?: string | null },
  origin: Origin,
  entries: readonly AuditEntry[],
): Promise<void> {
  const COLUMNS = 14;
  // PostgreSQL takes at most 65,535 parameters per statement.
  for (let start = 0; start < entries.length; start += 1000) {
    const batch = entries.slice(start, start + 1000);
    const params: unknown[] = [];
    const rows = batch.map((entry, i) => {
      params.push(
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
      );
      const p = (n: number) => `$${i * COLUMNS + n}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}::uuid, ${p(5)}, ${p(6)}::uuid, ${p(7)}, ${p(8)}::uuid, ${p(9)}::uuid, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}::boolean, ${p(14)}::jsonb)`;
    });
    await db.query(
      `insert into audit_log (action, resource_type, resource_id, client_id, tenant_key, user_id, user_display,
         on_behalf_of_user_id, organisation_id, access_point, source_system, outcome, emergency, detail)
       values ${rows.join(', ')}`,
      params,
    );
  }
}
