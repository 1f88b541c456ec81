/**
 * The caseload's search, filters, sorting and page size live in the address (?zoek=…&filter=…),
 * so a link can be shared and the back button brings the previous list back.
 */

import { CASELOAD_FILTERS, CASELOAD_SORTS, type CaseloadFilter, type CaseloadSort } from '../../../common/caseload-schemas.ts';

export type FilterKey = CaseloadFilter;
export type SortKey = CaseloadSort;

/** The Dutch word in the address for each API value (the API's own list fixes the values and their order). */
const FILTER_PARAMS: Record<FilterKey, string> = {
  no_caregiver: 'zonder-mantelzorger',
  no_map: 'zonder-kaart',
  no_recent_scan: 'geen-recente-scan',
  no_recent_contact: 'geen-recent-contact',
};
const SORT_PARAMS: Record<SortKey, string> = { name: 'naam', last_contact: 'contact', last_scan: 'scan', members: 'netwerk' };

export const FILTERS = CASELOAD_FILTERS.map((api) => ({ param: FILTER_PARAMS[api], api }));
export const SORTS = CASELOAD_SORTS.map((api) => ({ param: SORT_PARAMS[api], api }));

export const PAGE_SIZES = [25, 50, 100] as const;

export interface CaseloadQuery {
  q: string;
  filters: FilterKey[];
  sort: SortKey;
  order: 'asc' | 'desc';
  pageSize: number;
}

export const DEFAULT_QUERY: CaseloadQuery = { q: '', filters: [], sort: 'name', order: 'asc', pageSize: 25 };

/** Reads the list settings from the address; unknown values fall back to the defaults. */
export function readQuery(params: URLSearchParams): CaseloadQuery {
  const filterParams = params.getAll('filter');
  const sort = SORTS.find((s) => s.param === params.get('sorteer'))?.api ?? DEFAULT_QUERY.sort;
  const size = Number(params.get('per'));
  return {
    q: (params.get('zoek') ?? '').slice(0, 100),
    filters: FILTERS.filter((f) => filterParams.includes(f.param)).map((f) => f.api),
    sort,
    order: params.get('volgorde') === 'aflopend' ? 'desc' : 'asc',
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_QUERY.pageSize,
  };
}

/** The address for these settings (page 1: new settings start at the top). */
export function writeQuery(query: CaseloadQuery): URLSearchParams {
  const next = new URLSearchParams();
  if (query.q.trim()) next.set('zoek', query.q.trim());
  for (const f of FILTERS) if (query.filters.includes(f.api)) next.append('filter', f.param);
  if (query.sort !== DEFAULT_QUERY.sort) next.set('sorteer', SORTS.find((s) => s.api === query.sort)?.param ?? 'naam');
  if (query.order === 'desc') next.set('volgorde', 'aflopend');
  if (query.pageSize !== DEFAULT_QUERY.pageSize) next.set('per', String(query.pageSize));
  return next;
}

/** The query string for GET /api/organisations/:id/clients. */
export function apiQuery(query: CaseloadQuery, page: number): string {
  const search = new URLSearchParams();
  if (query.q.trim()) search.set('q', query.q.trim());
  for (const f of query.filters) search.append('filter', f);
  search.set('sort', query.sort);
  search.set('order', query.order);
  search.set('page', String(page));
  search.set('pageSize', String(query.pageSize));
  return search.toString();
}

export const isFiltered = (query: CaseloadQuery): boolean => query.q.trim() !== '' || query.filters.length > 0;
