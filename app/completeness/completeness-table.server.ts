/**
 * The completeness matrix as the page and its CSV/XLSX exports show it: the
 * counts from completenessMatrix (SQL rollups), each period marked due or not on `now`, a merged
 * unit's row naming its successor, repeated names told apart, a summary (missing, share reported)
 * per row and for the total, in the chosen order. The quarterly report reads completenessMatrix
 * itself and is not affected by any of this.
 */
import type { Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { deadlinePassed, periodContaining, quarterKeyOf, quarterOfMonth } from "~/periods/period-math";
import { latestDuePeriod, listQuarterKeys, periodsOfQuarter } from "~/periods/periods.server";
import { parseId } from "~/utils/http.server";
import { unitNameContexts } from "~/units/unit-labels";
import { compareSiblings } from "~/units/unit-order";
import { completenessMatrix } from "./completeness.server";
import { readSort, sortRows, summarise, type Sort } from "./completeness-view";

type Period = { id: number; year: number; month: number; deadline: Date };

/**
 * What the page and its exports show, from the URL: the unit (the viewer's own by default), the
 * quarter (the running one by default) and its periods, the sort.
 */
export async function readCompletenessFilters(viewer: Viewer, params: URLSearchParams, now = new Date()) {
  const quarters = await listQuarterKeys();
  const current = periodContaining(now);
  const running = quarterKeyOf(current.year, quarterOfMonth(current.month));
  const requested = Number(params.get("quarter"));
  const quarterKey = quarters.includes(requested) ? requested : quarters.includes(running) ? running : (quarters[0] ?? running);
  return { unitId: parseId(params.get("unit")) ?? viewer.unitId, quarters, quarterKey, periods: await periodsOfQuarter(quarterKey), sort: readSort(params) };
}

/** Per closed unit, the names of the units it was merged into (several for a split). */
async function successorNames(unitIds: number[]): Promise<Map<number, string[]>> {
  if (unitIds.length === 0) return new Map();
  const links = await db.unitLineage.findMany({
    where: { predecessorId: { in: unitIds } },
    orderBy: { successor: { code: "asc" } },
    select: { predecessorId: true, successor: { select: { name: true } } },
  });
  const out = new Map<number, string[]>();
  for (const l of links) out.set(l.predecessorId, [...(out.get(l.predecessorId) ?? []), l.successor.name]);
  return out;
}

export async function completenessTable(viewer: Viewer, rootId: number, periods: Period[], sort: Sort, now = new Date()) {
  const shown = periods.map((p) => ({ id: p.id, year: p.year, month: p.month, deadline: p.deadline, due: deadlinePassed(p, now) }));
  const matrix = await completenessMatrix(viewer, rootId, shown.map((p) => p.id));
  const successors = await successorNames(matrix.rows.filter((r) => r.closed).map((r) => r.unit.id));
  // Every row's parent is the root: a repeated name is told apart by its code (contexts).
  const children = matrix.rows.filter((r) => !r.own);
  const contexts = unitNameContexts(children.map((r) => ({ ...r.unit, parentName: matrix.root.name })));
  const treeOrder = [...matrix.rows.filter((r) => r.own), ...[...children].sort((a, b) => compareSiblings({ ...a.unit, kind: a.kind }, { ...b.unit, kind: b.kind }))];
  const rows = treeOrder.map((r) => ({
    unit: r.unit,
    label: r.unit.name,
    context: r.own ? null : (contexts.get(r.unit.id) ?? null),
    own: r.own,
    drillable: r.drillable,
    closed: r.closed,
    mergedInto: r.closed ? (successors.get(r.unit.id) ?? []) : null,
    cells: r.cells,
    summary: summarise(r.cells, shown),
  }));
  return {
    root: matrix.root,
    periods: shown,
    rows: sortRows(rows, sort),
    totals: { cells: matrix.totals, summary: summarise(matrix.totals, shown) },
  };
}

export type CompletenessTable = Awaited<ReturnType<typeof completenessTable>>;

/**
 * The period the "not reported" list shows: the one asked for; else the latest of the quarter
 * shown whose deadline has passed; else the latest due one anywhere (a quarter that has just
 * begun); else the quarter's first. Never an old period while a later one is due.
 */
export async function nonReportersPeriod<P extends Period>(requested: number | undefined, all: P[], quarter: Period[], now = new Date()) {
  const asked = all.find((p) => p.id === requested);
  if (asked) return asked;
  const inQuarter = [...quarter].reverse().find((p) => deadlinePassed(p, now));
  const latest = inQuarter ?? (await latestDuePeriod(now)) ?? quarter[0];
  return latest ? all.find((p) => p.id === latest.id) : undefined;
}
