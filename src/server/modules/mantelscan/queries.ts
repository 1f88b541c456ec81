import type { Queryable } from '../../../db/types.ts';
import type { SnapshotMember } from '../../../domain/mantelscan.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface ScanRow {
  id: string;
  client_id: string;
  tenant_key: string;
  caregiver_member_id: string | null;
  caregiver_name: string | null;
  conducted_by_name: string | null;
  organisation_name: string | null;
  status: 'draft' | 'completed';
  step: string;
  answers: Record<string, string>;
  advice: string | null;
  agreements: { text: string; owner: string | null; due: string | null }[];
  network_snapshot: { members: SnapshotMember[] } | null;
  started_at: Date;
  completed_at: Date | null;
}

const SELECT = `select s.id, s.client_id, s.tenant_key, s.caregiver_member_id, trim(m.given_name || ' ' || m.family_name) as caregiver_name,
  u.display_name as conducted_by_name, o.name as organisation_name, s.status, s.step, s.answers, s.advice, s.agreements,
  s.network_snapshot, s.started_at, s.completed_at
  from mantelscans s left join circle_members m on m.id = s.caregiver_member_id
  left join users u on u.id = s.conducted_by left join organisations o on o.id = s.organisation_id`;

export async function insertScan(db: Queryable, s: { clientId: string; tenantKey: string; caregiverMemberId: string; conductedBy: string; organisationId: string | null }): Promise<string> {
  return insertedId(
    db,
    'insert into mantelscans (client_id, tenant_key, caregiver_member_id, conducted_by, organisation_id) values ($1, $2, $3, $4, $5) returning id',
    [s.clientId, s.tenantKey, s.caregiverMemberId, s.conductedBy, s.organisationId],
  );
}

export async function findScan(db: Queryable, clientId: string, scanId: string): Promise<ScanRow | null> {
  const { rows } = await db.query<ScanRow>(`${SELECT} where s.client_id = $1 and s.id = $2`, [clientId, scanId]);
  return rows[0] ?? null;
}

export async function listScans(db: Queryable, clientId: string): Promise<ScanRow[]> {
  const { rows } = await db.query<ScanRow>(`${SELECT} where s.client_id = $1 order by s.started_at desc limit 100`, [clientId]);
  return rows;
}

export async function updateDraft(
  db: Queryable,
  clientId: string,
  scanId: string,
  s: { step?: string; answers?: Record<string, string>; advice?: string | null; agreements?: unknown[] },
): Promise<boolean> {
  return anyRow(
    db,
    `update mantelscans set step = coalesce($3, step), answers = answers || coalesce($4::jsonb, '{}'::jsonb),
       advice = case when $5::boolean then $6 else advice end, agreements = coalesce($7::jsonb, agreements)
     where client_id = $1 and id = $2 and status = 'draft'`,
    [
      clientId,
      scanId,
      s.step ?? null,
      s.answers ? JSON.stringify(s.answers) : null,
      s.advice !== undefined,
      s.advice ?? null,
      s.agreements ? JSON.stringify(s.agreements) : null,
    ],
  );
}

/** Completes a draft scan at `now` with the network as it is; false when it is no draft (any more). */
export async function completeScan(db: Queryable, c: { clientId: string; scanId: string; snapshot: { members: SnapshotMember[] }; now: Date }): Promise<boolean> {
  return anyRow(
    db,
    "update mantelscans set status = 'completed', completed_at = $4, network_snapshot = $3 where client_id = $1 and id = $2 and status = 'draft'",
    [c.clientId, c.scanId, JSON.stringify(c.snapshot), c.now],
  );
}
