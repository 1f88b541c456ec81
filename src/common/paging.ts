import { z } from 'zod';

/**
 * The shape of every list answer, shared by server and web. A short list is `{ items }`
 * (`listOf`); a paged one takes `page` (from 1) and `pageSize` in the query string (`PageQuery`)
 * and answers `{ items, page, pageSize, total }` (`paged`). The server's SQL side of paging is
 * in src/server/platform/paging.ts.
 */

/** A whole list: `{ items }`. */
export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

/** A whole list of `T` as the API sends it (`listOf(item)`). */
export type List<T> = z.infer<ReturnType<typeof listOf<z.ZodType<T>>>>;

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** A page of results: the list plus what a pager needs. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });

/** A page of `T` as the API sends it (`paged(item)`). */
export type Paged<T> = z.infer<ReturnType<typeof paged<z.ZodType<T>>>>;
