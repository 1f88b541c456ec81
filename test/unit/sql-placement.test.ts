import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * House rule: SQL lives only in query files, `queries.ts` (a feature's) or
 * `<concern>.queries.ts` (the platform's, one per concern). This test walks src/ and fails
 * when any other file sends SQL written in place to the database.
 */

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

/** Files that may run SQL of their own: the database layer itself (connect, migrations, reference data). */
const DATABASE_LAYER = new Set(['src/db/connect.ts', 'src/db/migrate.ts', 'src/db/reference.ts']);

/** True for the files where SQL belongs (or that are not production code). */
function mayHoldSql(file: string): boolean {
  const base = path.posix.basename(file);
  if (base === 'queries.ts' || base.endsWith('.queries.ts')) return true;
  if (/\.test\.tsx?$/.test(base)) return true;
  if (DATABASE_LAYER.has(file)) return true;
  return false;
}

/**
 * A call `.query(` or `.exec(` (with or without a type argument) whose first argument is a
 * string or template that starts with an SQL statement, or a template that starts with an
 * interpolated fragment (SQL put together from constants).
 */
const SQL_CALL = /\.(query|exec)\s*(?:<[\s\S]*?>)?\s*\(\s*(?:(['"`])\s*(?:select|insert|update|delete|with)\b|`\$\{)/gi;

/** The line numbers of SQL calls in a source text. */
export function sqlCallLines(text: string): number[] {
  const lines: number[] = [];
  for (const match of text.matchAll(SQL_CALL)) lines.push(text.slice(0, match.index).split('\n').length);
  return lines;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

describe('SQL placement', () => {
  it('recognises SQL calls, and not other calls', () => {
    expect(sqlCallLines("await db.query('select 1')")).toEqual([1]);
    expect(sqlCallLines('await tx.query<{ id: string; n: Record<string, number> }>(\n  `\n  insert into x values ($1)`, [1])')).toEqual([1]);
    expect(sqlCallLines('x;\nawait db.query(`${SELECT} where id = $1`, [id]);')).toEqual([2]);
    expect(sqlCallLines("await services.db.query(\n  'UPDATE users set a = 1')")).toEqual([1]);
    expect(sqlCallLines("await tx.exec('delete from t')")).toEqual([1]);
    expect(sqlCallLines("const m = /^(\\d{4})$/.exec(value); q.query(input); t('With a code')")).toEqual([]);
    expect(sqlCallLines("await q.listMembers(db, 'select')")).toEqual([]);
  });

  it('finds SQL only in queries.ts and <concern>.queries.ts files (and the database layer)', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(100);
    const offenders: string[] = [];
    for (const file of files) {
      if (mayHoldSql(file)) continue;
      for (const line of sqlCallLines(fs.readFileSync(path.join(root, file), 'utf8'))) offenders.push(`${file}:${line}`);
    }
    expect(offenders, 'SQL outside a query file: move each statement into a named function in the feature\'s queries.ts (or the platform\'s <concern>.queries.ts)').toEqual([]);
  });
});
