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

/**
 * Inserts the lines in one statement whose text never changes: one array per column, unnested
 * (a VALUES list with 14 parameters a line was parsed and planned anew for every length; a
 * client list page writes 50 lines, NEN 7513: one per client shown).
 */
export async function insertAuditLines(db: Queryable, lines: readonly AuditLine[]): Promise<void> {
  if (lines.length === 0) return;
  const column = <K extends keyof AuditLine>(key: K) => lines.map((line) => line[key]);
  await db.query(
    `insert into audit_log (action, resource_type, resource_id, client_id, tenant_key, user_id, user_display,
       on_behalf_of_user_id, organisation_id, access_point, source_system, outcome, emergency, detail)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::text[],
       $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::jsonb[])`,
    [
      column('action'),
      column('resourceType'),
      column('resourceId'),
      column('clientId'),
      column('tenantKey'),
      column('userId'),
      column('userDisplay'),
      column('onBehalfOfUserId'),
      column('organisationId'),
      column('accessPoint'),
      column('sourceSystem'),
      column('outcome'),
      column('emergency'),
      lines.map((line) => JSON.stringify(line.detail)),
    ],
  );
}
