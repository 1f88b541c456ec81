import { BSN_SYSTEM } from '../../../fhir/codes.ts';
import { AppError } from '../../platform/errors.ts';
import type { ClientCriteria } from './queries.ts';

/** Parsing of the Patient search parameters (the route has already refused unknown ones). */

/** Page size without `_count`, and the largest one. */
const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Patient search: the SQL criteria, the page, and whether it is by BSN (then only callers who may see the BSN find anything). */
export interface PatientQuery {
  criteria: ClientCriteria;
  /** The search cannot match anything (an identifier of another system). */
  empty: boolean;
  byBsn: boolean;
  count: number;
  offset: number;
}

const invalid = (key: Parameters<typeof msg>[0], path: string, params?: Record<string, string | number>) => new AppError('validation_failed', msg(key, params), [{ path }]);
function msg(key: 'fhir_search_count_invalid' | 'fhir_search_offset_invalid' | 'fhir_search_date_invalid' | 'fhir_search_date_repeated' | 'fhir_search_name_invalid' | 'fhir_search_identifier_invalid' | 'fhir_search_id_invalid', params?: Record<string, string | number>) {
  return params ? { key, params } : key;
}

function wholeNumber(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** The last day of a month. */
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A FHIR date search value (`[prefix]YYYY[-MM[-DD]]`) as an operator and the range the value stands for. */
function parseDateParam(value: string): ClientCriteria['birth'][number] | null {
  const m = /^(eq|ge|gt|le|lt)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const op = (m[1] ?? 'eq') as ClientCriteria['birth'][number]['op'];
  const year = Number(m[2]);
  const month = m[3] ? Number(m[3]) : null;
  const day = m[4] ? Number(m[4]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && month !== null && (day < 1 || day > lastDay(year, month))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = `${m[2]}-${pad(month ?? 1)}-${pad(day ?? 1)}`;
  const end = `${m[2]}-${pad(month ?? 12)}-${pad(day ?? lastDay(year, month ?? 12))}`;
  return { op, start, end };
}

/**
 * Patient?_id, identifier (BSN), name (starts with; `name:contains`), birthdate (eq, ge, le,
 * gt, lt; twice for a range), _count, _offset. Invalid values are a 400.
 */
export function parsePatientSearch(params: Record<string, string | string[]>): PatientQuery {
  const one = (key: string): string | undefined => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const criteria: ClientCriteria = { names: [], birth: [] };
  let empty = false;
  let byBsn = false;

  const id = one('_id');
  if (id !== undefined) {
    if (!UUID.test(id)) throw invalid('fhir_search_id_invalid', '_id');
    criteria.id = id.toLowerCase();
  }

  const identifier = one('identifier');
  if (identifier !== undefined) {
    const bar = identifier.lastIndexOf('|');
    const system = bar >= 0 ? identifier.slice(0, bar) : null;
    const value = (bar >= 0 ? identifier.slice(bar + 1) : identifier).trim();
    if (!value) throw invalid('fhir_search_identifier_invalid', 'identifier');
    byBsn = true;
    // We keep no identifiers other than the BSN: another system (or `|value`, "no system") matches nothing.
    if (system !== null && system !== BSN_SYSTEM) empty = true;
    else if (!/^\d{9}$/.test(value)) empty = true;
    else criteria.bsn = value;
  }

  for (const [key, mode] of [['name', 'starts'], ['name:contains', 'contains']] as const) {
    const value = one(key);
    if (value === undefined) continue;
    const v = value.trim();
    if (!/\p{L}/u.test(v) || v.length > 100) throw invalid('fhir_search_name_invalid', key);
    criteria.names.push({ mode, value: v });
  }

  const birth = params.birthdate;
  const dates = birth === undefined ? [] : Array.isArray(birth) ? birth : [birth];
  if (dates.length > 2) throw invalid('fhir_search_date_repeated', 'birthdate');
  for (const d of dates) {
    const parsed = parseDateParam(d);
    if (!parsed) throw invalid('fhir_search_date_invalid', 'birthdate');
    criteria.birth.push(parsed);
  }

  const count = wholeNumber(one('_count'), DEFAULT_COUNT);
  if (count === null || count > MAX_COUNT) throw invalid('fhir_search_count_invalid', '_count', { max: MAX_COUNT });
  const offset = wholeNumber(one('_offset'), 0);
  if (offset === null) throw invalid('fhir_search_offset_invalid', '_offset');
  return { criteria, empty, byBsn, count, offset };
}
