import type { Queryable } from '../../db/types.ts';

/**
 * Runs one statement that creates a row and returns its `id` (an insert ending in
 * `returning id`, written in a query file), and gives that id.
 */
export async function insertedId(db: Queryable, sql: string, params: readonly unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  return (rows[0] as { id: string }).id;
}

/**
 * Runs one statement and tells whether it found or changed a row: a `select 1 …` that
 * checks something exists, or an update or insert guarded by its `where`.
 */
export async function anyRow(db: Queryable, sql: string, params?: readonly unknown[]): Promise<boolean> {
  const { rowCount } = await db.query(sql, params);
  return rowCount > 0;
}
