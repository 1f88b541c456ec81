import type { Queryable } from '../../db/types.ts';

/**
 * The writes to the `audit_log` table (append-only: a trigger refuses UPDATE and DELETE).
 * Its readers are in the admin and circles queries.
 */

/** One access-log line as stored. */
export interface AuditLine {
  action: string;
  resourceType: string;
  resourceId: string | null;
  clientId: string | null;
  tenantKey: string | null;
  userId: string | null;
  userDisplay: string | null;
  onBehalfOfUserId: string | null;
  organisationId: string | null;
  accessPoint: string | null;
  sourceSystem: string;
  outcome: 'success' | 'denied' | 'error';
  emergency: boolean;
  detail: Record<string, unknown>;
}

const COLUMNS = 14;
/** Lines per statement: PostgreSQL takes at most 65,535 parameters per statement. */
const BATCH = 1000;

/** Inserts the lines, in as few statements as the parameter limit allows. */
export async function insertAuditLines(db: Queryable, lines: readonly AuditLine[]): Promise<void> {
  for (let start = 0; start < lines.length; start += BATCH) {
    const batch = lines.slice(start, start + BATCH);
    const params: unknown[] = [];
    const rows = batch.map((line, i) => {
      params.push(
        line.action,
        line.resourceType,
        line.resourceId,
        line.clientId,
        line.tenantKey,
        line.userId,
        line.userDisplay,
        line.onBehalfOfUserId,
        line.organisationId,
        line.accessPoint,
        line.sourceSystem,
        line.outcome,
        line.emergency,
        JSON.stringify(line.detail),
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
