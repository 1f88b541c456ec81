import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../server/platform/paths.ts';
import type { Db } from './types.ts';

/**
 * Loads the shipped reference data (CBS provinces and municipalities, data/*.csv, "Bron: CBS")
 * into the database. Idempotent: inserts what is missing and updates changed names, so a
 * January refresh of the CSV reaches existing installations at their next start.
 */
export async function syncReferenceData(db: Db): Promise<void> {
  const provinces = parse(fs.readFileSync(dataFile('provinces.csv')), { columns: true }) as { code: string; name: string }[];
  const municipalities = parse(fs.readFileSync(dataFile('municipalities.csv')), { columns: true }) as {
    code: string;
    name: string;
    province_code: string;
  }[];
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into provinces (code, name) select * from unnest($1::text[], $2::text[])
       on conflict (code) do update set name = excluded.name where provinces.name <> excluded.name`,
      [provinces.map((p) => p.code), provinces.map((p) => p.name)],
    );
    await tx.query(
      `insert into municipalities (code, name, province_code) select * from unnest($1::text[], $2::text[], $3::text[])
       on conflict (code) do update set name = excluded.name, province_code = excluded.province_code
       where municipalities.name <> excluded.name or municipalities.province_code <> excluded.province_code`,
      [municipalities.map((m) => m.code), municipalities.map((m) => m.name), municipalities.map((m) => m.province_code)],
    );
  });
}
