/**
 * Bulk loading: rows → PostgreSQL's CSV COPY format, for `Db.copyRows` (the scale generator
 * loads a million caregivers with it). Both engines read the same text: PostgreSQL through
 * `COPY … FROM STDIN`, PGlite through `COPY … FROM '/dev/blob'`.
 */

/** A value COPY can take: null becomes SQL NULL; arrays become array literals. */
export type CopyValue = string | number | boolean | Date | null | readonly (string | number)[] | Record<string, unknown>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The COPY statement for a table and its columns; identifiers are checked, never quoted in. */
export function copyStatement(table: string, columns: readonly string[], source: 'stdin' | 'blob'): string {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  if (columns.length === 0) throw new Error('COPY needs at least one column.');
  const from = source === 'stdin' ? 'stdin' : "'/dev/blob'";
  return `copy ${table} (${columns.join(', ')}) from ${from} with (format csv)`;
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

function arrayLiteral(values: readonly (string | number)[]): string {
  const items = values.map((v) => (typeof v === 'number' ? String(v) : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`));
  return `{${items.join(',')}}`;
}

/** One value as a CSV field: NULL is an empty unquoted field, every text is quoted. */
export function csvField(value: CopyValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot copy the number ${value}.`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return quote(arrayLiteral(value));
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return quote(value as string);
}

/** Rows as CSV text, one line per row (a field may hold a line break inside its quotes). */
export function toCsv(rows: readonly (readonly CopyValue[])[], width: number): string {
  let out = '';
  for (const row of rows) {
    if (row.length !== width) throw new Error(`A row has ${row.length} values for ${width} columns.`);
    out += row.map(csvField).join(',') + '\n';
  }
  return out;
}
