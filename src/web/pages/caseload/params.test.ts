import { describe, expect, it } from 'vitest';
import { apiQuery, DEFAULT_QUERY, isFiltered, readQuery, writeQuery } from './params.ts';

describe('caseload address parameters', () => {
  it('reads Dutch address parameters into the list settings', () => {
    const q = readQuery(new URLSearchParams('zoek=de%20Vries&filter=zonder-kaart&filter=geen-recent-contact&sorteer=contact&volgorde=aflopend&per=50'));
    expect(q).toEqual({ q: 'de Vries', filters: ['no_map', 'no_recent_contact'], sort: 'last_contact', order: 'desc', pageSize: 50 });
  });

  it('falls back to the defaults for unknown or hostile values', () => {
    expect(readQuery(new URLSearchParams('filter=alles&sorteer=%00&volgorde=raar&per=100000'))).toEqual(DEFAULT_QUERY);
    expect(readQuery(new URLSearchParams(`zoek=${'a'.repeat(500)}`)).q).toHaveLength(100);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(writeQuery(DEFAULT_QUERY).toString()).toBe('');
    const q = { q: ' Jansen ', filters: ['no_caregiver' as const], sort: 'members' as const, order: 'desc' as const, pageSize: 100 };
    const written = writeQuery(q);
    expect(written.toString()).toBe('zoek=Jansen&filter=zonder-mantelzorger&sorteer=netwerk&volgorde=aflopend&per=100');
    expect(readQuery(written)).toEqual({ ...q, q: 'Jansen' });
  });

  it('builds the API query with English names and the page', () => {
    const query = apiQuery({ ...DEFAULT_QUERY, q: 'Piet', filters: ['no_recent_scan'] }, 3);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ q: 'Piet', filter: 'no_recent_scan', sort: 'name', order: 'asc', page: '3', pageSize: '25' });
  });

  it('knows when a list is filtered', () => {
    expect(isFiltered(DEFAULT_QUERY)).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, q: '  ' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, filters: ['no_map'] })).toBe(true);
  });
});
