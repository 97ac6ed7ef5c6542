import { z } from 'zod';

/** An RFC 3339 instant with offset in a query string, as a Date. */
export const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** `?page=&pageSize=` of every paged list (1-based pages, at most 200 rows). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** `LIMIT $n OFFSET $n+1` for a page, with its parameters. */
export const limitOffset = (p: PageQuery, nextParam: number) => ({
  sql: `LIMIT $${nextParam} OFFSET $${nextParam + 1}`,
  params: [p.pageSize, (p.page - 1) * p.pageSize],
});
