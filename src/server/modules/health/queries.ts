import type { Queryable } from '../../../db/types.ts';

/** True when the database answers. */
export async function databaseAnswers(db: Queryable): Promise<boolean> {
  return db
    .query('select 1')
    .then(() => true)
    .catch(() => false);
}
