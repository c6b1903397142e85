/**
 * Offset paging for the short office lists (accounts, roster, the report inbox): one page and the
 * whole list's count, read together. Lists that grow without bound page by key instead (the audit
 * log, the review queue), so their deep pages cost what the first does.
 */

/** The rows a page skips and takes. */
export function pageWindow(page: number, pageSize: number): { skip: number; take: number } {
  return { skip: (Math.max(1, page) - 1) * pageSize, take: pageSize };
}

export type CountedPage<R> = { total: number; rows: R[]; page: number; pageSize: number };

/** Counts the list and reads one page of it at once; what a list page and its pager need. */
export async function countedPage<R>(
  page: number,
  pageSize: number,
  count: () => Promise<number>,
  read: (window: { skip: number; take: number }) => Promise<R[]>,
): Promise<CountedPage<R>> {
  const [total, rows] = await Promise.all([count(), read(pageWindow(page, pageSize))]);
  return { total, rows, page, pageSize };
}
