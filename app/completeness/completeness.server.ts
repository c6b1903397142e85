/**
 * Completeness: who was expected to report, who did on time, late, or not at all; and the
 * collaborator network's coverage against per-unit targets. GROUP BYs over ReportExpectation
 * (covering index periodId, unitId, outcome), over active collaborators and over the targets,
 * each rolled up in SQL to the rows (the unit's own, one per child subtree: childRollupSql).
 */
import { assertUnitVisible, expectationsVisibleTo, subtreeRange, type Viewer } from "~/access/gate.server";
import { db, type Db, type Tx } from "~/db/db.server";
import { numberRows } from "~/db/sql-rules.server";
import { Prisma } from "~/generated/prisma/client";
import type { Outcome } from "~/opinion-reports/report-vocab";
import { childRollupSql, rolledUnitsCte, scopeSql } from "~/units/lineage.server";
import { unitNameContexts } from "~/units/unit-labels";
import type { Counts } from "./completeness-view";

export type { Counts };
const zero = (): Counts => ({ on_time: 0, late: 0, missing: 0 });

// Each function takes an optional client so the quarterly report can compile inside its publishing
// transaction (on the one serialized connection, a query on `db` there would wait for that very
// transaction to end).
async function rowUnits(viewer: Viewer, rootId: number, client: Db | Tx = db) {
  const root = await client.unit.findUnique({ where: { id: rootId }, select: { id: true, code: true, name: true, path: true, parentId: true } });
  assertUnitVisible(viewer, root);
  // One statement (Prisma's relation count cost more than everything else on the page).
  const children = numberRows(await client.$queryRaw<{ id: number; code: string; name: string; kind: string; path: string; drillable: number | bigint | boolean; closed: number | bigint | boolean }[]>`
    SELECT c."id", c."code", c."name", c."kind", c."path", EXISTS (SELECT 1 FROM "Unit" k WHERE k."parentId" = c."id") AS "drillable",
      CASE WHEN c."validTo" IS NULL THEN 0 ELSE 1 END AS "closed"
    FROM "Unit" c WHERE c."parentId" = ${root.id} ORDER BY c."code"`);
  return { root, children: children.map((c) => ({ ...c, drillable: Boolean(c.drillable), closed: Boolean(c.closed) })) };
}

/** Rolled-up rows of childRollupSql: per child (null: the root's own) and keys, a count. */
type RollupRow = { childId: number | null; n: number | bigint };

/**
 * The units × periods matrix under `rootId`: one row for the root's own collaborators, one per
 * child subtree. With `lineage` (the quarterly report), a merged unit's expectations count in its
 * successor's row (app/units/lineage.server.ts, decision 0026).
 */
export async function completenessMatrix(viewer: Viewer, rootId: number, periodIds: number[], client: Db | Tx = db, { lineage = false } = {}) {
  const { root, children } = await rowUnits(viewer, rootId, client);
  const periods = periodIds.length > 0 ? Prisma.join(periodIds) : Prisma.sql`NULL`;
  // The root was checked visible above: its subtree (and, with lineage, the units merged into it)
  // is inside the viewer's; the gate's own filter applies where it is narrower (a collaborator's).
  const gate = viewer.role === "collaborator" ? Prisma.sql`AND e."collaboratorId" = ${viewer.id}` : Prisma.empty;
  const perUnit = lineage
    ? Prisma.sql`WITH RECURSIVE ${rolledUnitsCte(root)}, p AS (
        SELECT r."asId" AS "unitId", e."periodId", e."outcome", COUNT(*) AS "n"
        FROM "ReportExpectation" e JOIN "rolled" r ON r."unitId" = e."unitId"
        WHERE e."periodId" IN (${periods}) ${gate}
        GROUP BY r."asId", e."periodId", e."outcome")`
    : Prisma.sql`WITH p AS (
        SELECT e."unitId", e."periodId", e."outcome", COUNT(*) AS "n"
        FROM "ReportExpectation" e
        WHERE e."periodId" IN (${periods}) ${scopeSql(root.path).filter('e."unitId"')} ${gate}
        GROUP BY e."unitId", e."periodId", e."outcome")`;
  const grouped = numberRows(await client.$queryRaw<(RollupRow & { periodId: number; outcome: string })[]>`${perUnit} ${childRollupSql(root.id, ["periodId", "outcome"])}`);
  const rows = [
    { unit: { id: root.id, code: root.code, name: root.name }, own: true, drillable: false, kind: "", closed: false },
    ...children.map((c) => ({ unit: { id: c.id, code: c.code, name: c.name }, own: false, drillable: c.drillable, kind: c.kind, closed: c.closed })),
  ].map((row) => {
    const cells: Record<number, Counts> = Object.fromEntries(periodIds.map((id) => [id, zero()]));
    for (const g of grouped) {
      if ((g.childId ?? root.id) === row.unit.id) cells[g.periodId]![g.outcome as Outcome] += g.n;
    }
    return { ...row, cells };
  });
  const totals: Record<number, Counts> = Object.fromEntries(periodIds.map((id) => [id, zero()]));
  for (const g of grouped) totals[g.periodId]![g.outcome as Outcome] += g.n;
  return {
    root: { id: root.id, name: root.name, code: root.code, parentId: root.parentId },
    // The root's own row, and a closed (merged) unit's, only where someone was expected of them:
    // a unit merged away before these periods would only be a row of zeros.
    rows: rows.filter((r) => !(r.own || r.closed) || periodIds.some((id) => Object.values(r.cells[id]!).some((n) => n > 0))),
    totals,
  };
}

/**
 * Collaborators under `rootId` expected in the period who have not reported (overdue once the
 * period's deadline has passed, not filed yet before it). A unit whose name repeats in the list
 * carries what tells it apart (its parent, or its code).
 */
export async function missingReporters(viewer: Viewer, rootId: number, periodId: number) {
  const { root } = await rowUnits(viewer, rootId);
  const rows = await db.reportExpectation.findMany({
    where: { AND: [expectationsVisibleTo(viewer), { periodId, outcome: "missing" }, { unit: { path: subtreeRange(root.path) } }] },
    orderBy: [{ unit: { path: "asc" } }, { collaborator: { username: "asc" } }],
    take: 500,
    select: {
      collaborator: { select: { id: true, username: true, displayName: true } },
      unit: { select: { id: true, code: true, name: true, parent: { select: { name: true } } } },
    },
  });
  const contexts = unitNameContexts(rows.map((r) => ({ ...r.unit, parentName: r.unit.parent?.name })));
  return rows.map((r) => ({ collaborator: r.collaborator, unit: { code: r.unit.code, name: r.unit.name, context: contexts.get(r.unit.id) ?? null } }));
}

/** Active collaborators vs the target, per child subtree of `rootId`: thin units stand out. */
export async function collaboratorCoverage(viewer: Viewer, rootId: number, client: Db | Tx = db) {
  const { root, children } = await rowUnits(viewer, rootId, client);
  const inRoot = scopeSql(root.path).filter('"unitId"');
  const count = (rows: RollupRow[]) => new Map(numberRows(rows).filter((r) => r.childId !== null).map((r) => [r.childId!, r.n]));
  const active = count(await client.$queryRaw<RollupRow[]>`
    WITH p AS (
      SELECT a."unitId", COUNT(*) AS "n"
      FROM "Account" a JOIN "CollaboratorProfile" cp ON cp."accountId" = a."id"
      WHERE a."role" = 'collaborator' AND a."active" = true AND cp."status" = 'active' ${scopeSql(root.path).filter('a."unitId"')}
      GROUP BY a."unitId")
    ${childRollupSql(root.id, [])}`);
  const targets = count(await client.$queryRaw<RollupRow[]>`
    WITH p AS (SELECT "unitId", SUM("target") AS "n" FROM "UnitCollaboratorTarget" WHERE 1 = 1 ${inRoot} GROUP BY "unitId")
    ${childRollupSql(root.id, [])}`);
  return children
    .map((c) => {
      const n = active.get(c.id) ?? 0;
      const target = targets.get(c.id) ?? 0;
      return { unit: { id: c.id, code: c.code, name: c.name }, active: n, target, thin: n < target };
    })
    .filter((r) => r.target > 0 || r.active > 0)
    .sort((a, b) => Number(b.thin) - Number(a.thin) || a.active - a.target - (b.active - b.target));
}
