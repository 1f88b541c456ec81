import type { Queryable } from '../../../db/types.ts';
import { anyRow } from '../../platform/rows.ts';

export interface MunicipalityRow {
  code: string;
  name: string;
  province_code: string;
  province_name: string;
}

/** True when the CBS municipality code exists in the reference data. */
export async function municipalityExists(db: Queryable, code: string): Promise<boolean> {
  return anyRow(db, 'select 1 from municipalities where code = $1', [code]);
}

/** Municipalities whose name contains `search` or whose code is `search` (all for ''), by name. */
export async function searchMunicipalities(db: Queryable, search: string): Promise<MunicipalityRow[]> {
  const { rows } = await db.query<MunicipalityRow>(
    `select m.code, m.name, m.province_code, p.name as province_name
     from municipalities m join provinces p on p.code = m.province_code
     where $1 = '' or m.name ilike '%' || $1 || '%' or m.code = upper($1)
     order by m.name collate "C"`,
    [search],
  );
  return rows;
}
