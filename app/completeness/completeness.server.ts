/**
 * Completeness: who was expected to report, who did on time, late, or not at all; and the
 * collaborator network's coverage against per-unit targets. One GROUP BY over ReportExpectation
 * (covering index periodId, unitId, outcome), rolled up to the rows (a unit and its children).
 */
import { assertUnitVisible, expectationsVisibleTo, isInSubtree, subtreeRange, type Viewer } from "~/access/gate.server";
import { db, type Db, type Tx } from "~/db/db.server";
import type { Outcome } from "~/opinion-reports/report-vocab";

export type Counts = Record<Outcome, number>;
const zero = (): Counts => ({ on_time: 0, late: 0, missing: 0 });

// Each function takes an optional client so the quarterly report can compile inside its publishing
// transaction (on the one serialized connection, a query on `db` there would wait for that very
// transaction to end).
async function rowUnits(viewer: Viewer, rootId: number, client: Db | Tx = db) {
  const root = await client.unit.findUnique({ where: { id: rootId }, select: { id: true, code: true, name: true, path: true, parentId: true } });
  assertUnitVisible(viewer, root);
  const children = await client.unit.findMany({
    where: { parentId: root.id },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, path: true, _count: { select: { children: true } } },
  });
  return { root, children };
}

/**
 * The units × periods matrix under `rootId`: one row for the root's own collaborators, one per
 * child subtree. `rolled` (the quarterly report: app/units/lineage.server.ts `rolledUnits` of the
 * root) counts the units it lists, each under the unit whose path it maps to: a merged unit's
 * expectations fall in its successor's row (decision 0026).
 */
export async function completenessMatrix(viewer: Viewer, rootId: number, periodIds: number[], client: Db | Tx = db, rolled?: Map<number, string>) {
  const { root, children } = await rowUnits(viewer, rootId, client);
  // The root was checked visible above; its lineage (units merged into its subtree) is its history.
  const inScope = rolled ? { unitId: { in: [...rolled.keys()] } } : { AND: [expectationsVisibleTo(viewer), { unit: { path: subtreeRange(root.path) } }] };
  const grouped = await client.reportExpectation.groupBy({
    by: ["unitId", "periodId", "outcome"],
    where: { AND: [inScope, { periodId: { in: periodIds } }] },
    _count: { _all: true },
  });
  const unitIds = [...new Set(grouped.map((g) => g.unitId))];
  const paths = rolled ?? new Map(
    (await client.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, path: true } })).map((u) => [u.id, u.path]),
  );
  const rows = [
    { unit: { id: root.id, code: root.code, name: root.name }, own: true, drillable: false, match: (p: string) => p === root.path },
    ...children.map((c) => ({
      unit: { id: c.id, code: c.code, name: c.name },
      own: false,
      drillable: c._count.children > 0,
      match: (p: string) => isInSubtree(c.path, p),
    })),
  ].map((row) => {
    const cells: Record<number, Counts> = Object.fromEntries(periodIds.map((id) => [id, zero()]));
    for (const g of grouped) {
      const path = paths.get(g.unitId);
      if (path && row.match(path)) cells[g.periodId]![g.outcome as Outcome] += g._count._all;
    }
    return { unit: row.unit, own: row.own, drillable: row.drillable, cells };
  });
  const totals: Record<number, Counts> = Object.fromEntries(periodIds.map((id) => [id, zero()]));
  for (const g of grouped) totals[g.periodId]![g.outcome as Outcome] += g._count._all;
  return {
    root: { id: root.id, name: root.name, code: root.code, parentId: root.parentId },
    rows: rows.filter((r) => !r.own || periodIds.some((id) => Object.values(r.cells[id]!).some((n) => n > 0))),
    totals,
  };
}

/** Collaborators under `rootId` expected in the period who have not reported. */
export async function missingReporters(viewer: Viewer, rootId: number, periodId: number) {
  const { root } = await rowUnits(viewer, rootId);
  return db.reportExpectation.findMany({
    where: { AND: [expectationsVisibleTo(viewer), { periodId, outcome: "missing" }, { unit: { path: subtreeRange(root.path) } }] },
    orderBy: [{ unit: { path: "asc" } }, { collaborator: { username: "asc" } }],
    take: 500,
    select: { collaborator: { select: { id: true, username: true, displayName: true } }, unit: { select: { code: true, name: true } } },
  });
}

/** Active collaborators vs the target, per child subtree of `rootId`: thin units stand out. */
export async function collaboratorCoverage(viewer: Viewer, rootId: number, client: Db | Tx = db) {
  const { children } = await rowUnits(viewer, rootId, client);
  const active = await client.account.findMany({
    where: { role: "collaborator", active: true, collaborator: { status: "active" }, unit: { path: subtreeRange(viewer.unitPath) } },
    select: { unit: { select: { path: true } } },
  });
  const targets = await client.unitCollaboratorTarget.findMany({ select: { target: true, unit: { select: { path: true } } } });
  return children
    .map((c) => {
      const count = active.filter((a) => isInSubtree(c.path, a.unit.path)).length;
      const target = targets.filter((t) => isInSubtree(c.path, t.unit.path)).reduce((sum, t) => sum + t.target, 0);
      return { unit: { id: c.id, code: c.code, name: c.name }, active: count, target, thin: count < target };
    })
    .filter((r) => r.target > 0 || r.active > 0)
    .sort((a, b) => Number(b.thin) - Number(a.thin) || a.active - a.target - (b.active - b.target));
}
