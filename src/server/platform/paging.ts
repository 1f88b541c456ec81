import type { z } from 'zod';
import { PageQuery, paged, type Paged } from '../../common/paging.ts';

/**
 * Paging, one way for every list: the query string takes `page` (from 1) and `pageSize`
 * (`PageQuery`, extend it with a list's own filters), a query takes the `PageWindow`
 * (`pageWindow`) and counts the whole result in the same statement (`TOTAL_COLUMN`, read
 * back with `withTotal`), and the answer is `{ items, page, pageSize, total }` (`pageOf`,
 * described by `paged(item)`; the contract part lives in src/common/paging.ts, shared with the web).
 */

export { PageQuery, paged, type Paged };

/** What a caller asks for: a page number (from 1) and its size, as `PageQuery` parses them. */
export type PageInput = Pick<z.infer<typeof PageQuery>, 'page' | 'pageSize'>;

/** The rows of one page, for SQL `limit $n offset $m`. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** The rows of the requested page. */
export function pageWindow(input: PageInput): PageWindow {
  return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
}

/** The select-list column that counts all matching rows, not only those of the page: `select ${TOTAL_COLUMN}, …`. */
export const TOTAL_COLUMN = 'count(*) over ()::int as total';

/** A page of rows with the total read from `TOTAL_COLUMN` (0 when the page is empty). */
export function withTotal<R extends { total: number }>(rows: R[]): { rows: R[]; total: number } {
  return { rows, total: rows[0]?.total ?? 0 };
}

/** The answer of a paged list. */
export function pageOf<T>(input: PageInput, items: T[], total: number): Paged<T> {
  return { items, page: input.page, pageSize: input.pageSize, total };
}
