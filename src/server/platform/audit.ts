import type { Queryable } from '../../db/types.ts';
import type { Actor, Origin } from './context.ts';
import { insertAuditLines } from './audit.queries.ts';

/**
 * The access log (NEN 7513): what a use case logs, and who and where from. Every write to the
 * `audit_log` table goes through auditMany to audit.queries.ts.
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
  await insertAuditLines(
    db,
    entries.map((entry) => ({
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      clientId: entry.clientId ?? null,
      tenantKey: entry.tenantKey ?? null,
      userId: who.actor?.userId ?? who.userId ?? null,
      userDisplay: who.actor?.displayName ?? who.userDisplay ?? null,
      onBehalfOfUserId: entry.onBehalfOfUserId ?? null,
      organisationId: entry.organisationId ?? null,
      accessPoint: origin.ip,
      sourceSystem: origin.sourceSystem,
      outcome: entry.outcome ?? 'success',
      emergency: entry.emergency ?? false,
      detail: entry.detail ?? {},
    })),
  );
}
