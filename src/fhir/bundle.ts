import type { Bundle, BundleEntry, ResourceBase } from './types.ts';

/** A resource with its place in a search result: a match, or included because a match refers to it. */
export interface SearchHit {
  resource: ResourceBase & { id?: string };
  mode: 'match' | 'include';
}

/** The absolute URL of a resource on our server. */
export const resourceUrl = (baseUrl: string, r: { resourceType: string; id?: string }): string => `${baseUrl}/${r.resourceType}/${r.id ?? ''}`;

/**
 * A searchset Bundle. `total` counts the matches only (FHIR: included resources do not
 * count), or is the total over all pages when given; `self` is the search as understood, so a
 * client sees which parameters were used; `next` the following page, when there is one.
 */
export function searchset(baseUrl: string, selfUrl: string, hits: SearchHit[], paging?: { total: number; next?: string }): Bundle {
  const entry: BundleEntry[] = hits.map((h) => ({ fullUrl: resourceUrl(baseUrl, h.resource), resource: h.resource, search: { mode: h.mode } }));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: paging?.total ?? hits.filter((h) => h.mode === 'match').length,
    link: [{ relation: 'self', url: selfUrl }, ...(paging?.next ? [{ relation: 'next', url: paging.next }] : [])],
    ...(entry.length ? { entry } : {}),
  };
}

/** The search URL as we understood it: the parameters we used (a repeated one once per value), in a stable order. */
export function selfLink(baseUrl: string, path: string, params: Record<string, string | readonly string[] | undefined>): string {
  const used = Object.entries(params)
    .flatMap(([k, v]): [string, string][] => (v === undefined ? [] : typeof v === 'string' ? [[k, v]] : v.map((x): [string, string] => [k, x])))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = new URLSearchParams(used).toString();
  return `${baseUrl}/${path}${query ? `?${query}` : ''}`;
}
