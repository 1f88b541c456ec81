import type { Queryable } from '../../../db/types.ts';

/** A main caregiver with an account, as the demo seed gives checks to. */
export interface SeedCaregiverRow {
  member_id: string;
  client_id: string;
  tenant_key: string;
  user_id: string | null;
}

/** The demo caregiver's member row (main caregiver, still in the circle). */
export async function demoCaregiver(db: Queryable, email: string): Promise<SeedCaregiverRow | null> {
  const { rows } = await db.query<SeedCaregiverRow>(
    `select m.id as member_id, m.client_id, m.tenant_key, m.user_id from circle_members m join users u on u.id = m.user_id
     where u.email = $1 and m.is_main_caregiver and m.left_at is null limit 1`,
    [email],
  );
  return rows[0] ?? null;
}

/** Every other main caregiver with an account. */
export async function otherMainCaregivers(db: Queryable, exceptEmail: string): Promise<SeedCaregiverRow[]> {
  const { rows } = await db.query<SeedCaregiverRow>(
    `select m.id as member_id, m.client_id, m.tenant_key, m.user_id from circle_members m join users u on u.id = m.user_id
     where m.is_main_caregiver and m.left_at is null and u.email <> $1 order by m.id`,
    [exceptEmail],
  );
  return rows;
}

/** The caregiver's last completed MantelScan. */
export async function lastCompletedScan(db: Queryable, memberId: string): Promise<{ id: string; conducted_by: string | null; organisation_id: string | null; completed_at: Date } | null> {
  const { rows } = await db.query<{ id: string; conducted_by: string | null; organisation_id: string | null; completed_at: Date }>(
    `select id, conducted_by, organisation_id, completed_at from mantelscans where caregiver_member_id = $1 and status = 'completed' order by completed_at desc limit 1`,
    [memberId],
  );
  return rows[0] ?? null;
}

/** An older demo signal, followed up and closed. */
export async function closeSignalAsFollowedUp(db: Queryable, s: { id: string; followUpAt: Date; closedAt: Date }): Promise<void> {
  await db.query(`update burden_signals set status = 'closed', first_follow_up_at = $2, closed_at = $3, updated_at = $3 where id = $1`, [s.id, s.followUpAt, s.closedAt]);
}
