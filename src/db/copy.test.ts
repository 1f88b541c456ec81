import { describe, expect, it } from 'vitest';
import { copyStatement, csvField, toCsv } from './copy.ts';

describe('COPY text', () => {
  it('writes NULL apart from the empty string', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
  });

  it('quotes texts with quotes, commas and line breaks', () => {
    expect(csvField('Jansen, "Piet"\nregel 2')).toBe('"Jansen, ""Piet""\nregel 2"');
  });

  it('writes arrays, booleans, dates, numbers and JSON the way PostgreSQL reads them', () => {
    expect(csvField(['a"b', 'c\\d'])).toBe('"{""a\\""b"",""c\\\\d""}"');
    expect(csvField([1, 2])).toBe('"{1,2}"');
    expect(csvField(true)).toBe('t');
    expect(csvField(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField({ q1: 'ja' })).toBe('"{""q1"":""ja""}"');
    expect(() => csvField(Number.NaN)).toThrow(/NaN/);
  });

  it('refuses a row of the wrong width and names that are not plain identifiers', () => {
    expect(toCsv([['a', 1]], 2)).toBe('"a",1\n');
    expect(() => toCsv([['a']], 2)).toThrow(/1 values for 2 columns/);
    expect(() => copyStatement('users; drop table users', ['id'], 'stdin')).toThrow(/identifier/);
    expect(copyStatement('users', ['id', 'email'], 'blob')).toBe("copy users (id, email) from '/dev/blob' with (format csv)");
  });
});
