/**
 * The completeness matrix as the page and its exports show it, pure and shared
 * by server and browser: each row's summary over the periods shown, and the sort orders.
 *
 * A period counts only once its deadline has passed (deadlinePassed): before that, an expected
 * report that is not in is "not filed yet", not missing, and the period stays out of the share
 * reported — otherwise the running month would show everyone in red.
 */
import type { Outcome } from "~/opinion-reports/report-vocab";

export type Counts = Record<Outcome, number>;
export type ShownPeriod = { id: number; due: boolean };

export type Summary = {
  /** Expected reports in the periods whose deadline has passed. */
  expected: number;
  /** Of those, in (on time or late). */
  reported: number;
  /** Of those, never filed: overdue. */
  missing: number;
  /** reported / expected, or null when nothing was due. */
  rate: number | null;
};

export function summarise(cells: Record<number, Counts>, periods: ShownPeriod[]): Summary {
  let reported = 0;
  let missing = 0;
  for (const p of periods) {
    if (!p.due) continue;
    const c = cells[p.id]!;
    reported += c.on_time + c.late;
    missing += c.missing;
  }
  const expected = reported + missing;
  return { expected, reported, missing, rate: expected > 0 ? reported / expected : null };
}

export const SORT_KEYS = ["name", "rate", "missing"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
/** No key: the unit tree's own order (kind, then Vietnamese name), as the unit pickers list units. */
export type Sort = { key: SortKey | null; dir: SortDir };

/** The direction a column sorts in first: names A→Z, the lowest share first, the most missing first. */
export const FIRST_DIR: Record<SortKey, SortDir> = { name: "asc", rate: "asc", missing: "desc" };

export function readSort(params: URLSearchParams): Sort {
  const key = params.get("sort");
  if (!SORT_KEYS.includes(key as SortKey)) return { key: null, dir: "asc" };
  const dir = params.get("dir");
  return { key: key as SortKey, dir: dir === "asc" || dir === "desc" ? dir : FIRST_DIR[key as SortKey] };
}

/** Where a column's header link goes: its first direction, or the other one if it is the sort now. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, dir: FIRST_DIR[key] };
  return { key, dir: current.dir === "asc" ? "desc" : "asc" };
}

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

type Sortable = { label: string; summary: Summary };

/**
 * The rows in `sort`'s order (stable: equal rows keep the order they came in, the tree's). Rows
 * with nothing due have no share: they go last whichever way the share is sorted.
 */
export function sortRows<R extends Sortable>(rows: R[], sort: Sort): R[] {
  if (!sort.key) return rows;
  const sign = sort.dir === "asc" ? 1 : -1;
  const byName = (a: R, b: R) => collator.compare(a.label, b.label);
  const compare: Record<SortKey, (a: R, b: R) => number> = {
    name: (a, b) => sign * byName(a, b),
    rate: (a, b) => {
      if (a.summary.rate === null || b.summary.rate === null) return Number(a.summary.rate === null) - Number(b.summary.rate === null);
      return sign * (a.summary.rate - b.summary.rate);
    },
    missing: (a, b) => sign * (a.summary.missing - b.summary.missing),
  };
  return rows.map((row, index) => ({ row, index })).sort((a, b) => compare[sort.key!](a.row, b.row) || a.index - b.index).map((x) => x.row);
}
