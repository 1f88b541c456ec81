import type { Queryable } from '../../db/types.ts';

/** The clean-up statements of maintenance.ts; each returns how many rows it removed. */

export async function deleteFailuresBefore(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query('delete from login_failures where occurred_at < $1', [before]);
  return rowCount;
}

/** Sessions that ended, or expired, before `before`. */
export async function deleteSessionsEndedBefore(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query('delete from sessions where coalesce(ended_at, expires_at) < $1', [before]);
  return rowCount;
}

/** E-mail tokens that were used, or expired, before `before`. */
export async function deleteEmailTokensEndedBefore(db: Queryable, before: Date): Promise<number> {
  const { rowCount } = await db.query('delete from email_tokens where coalesce(used_at, expires_at) < $1', [before]);
  return rowCount;
}
