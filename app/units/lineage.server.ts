/**
 * Merged units roll their history into their successor (decision 0026). A unit closed
 * by a merger keeps its own row and its old figures (items, expectations point at it), and its
 * lineage names the unit that replaced it. Figures that must not break at the 2025 merger (the
 * quarterly report's per-unit breakdowns, its comparisons and its 8-quarter trend) count such a
 * unit's rows as its successor's: "rolled" maps every unit whose figures count for a scope to the
 * unit they count as.
 *
 * Only a unit with exactly one successor rolls forward (a merger); a unit split between several
 * cannot be apportioned and keeps its own figures. Chains roll to their end (A → B → C counts
 * under C). Portable SQL: WITH RECURSIVE … UNION runs on SQLite and PostgreSQL, and UNION (not
 * UNION ALL) ends even on a lineage cycle.
 */
import { inSubtreeSql, numberRows, underRowSql } from "~/db/sql-rules.server";
import { db, type Db, type Tx } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";

/**
 * A unit's subtree; with `lineage` also the units merged into it (their history counts as its).
 * `whole`: the unit is the root of the one tree, so every unit is in scope and a query needs no
 * unit filter at all (the province's report: the biggest scope reads the fewest rows).
 */
export type UnitScope = { id: number; path: string; lineage?: boolean; whole?: boolean };

/** `l` (a UnitLineage row) is its predecessor's only successor: a merger, not a split. */
const onlySuccessor = (l: string) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM "UnitLineage" o WHERE o."predecessorId" = ${Prisma.raw(`${l}."predecessorId"`)} AND o."successorId" <> ${Prisma.raw(`${l}."successorId"`)})`;

/**
 * The CTE `"rolled"("unitId", "asId")` for `scope`: the subtree's units that do not roll forward
 * (each as itself), then recursively every unit merged into one of them (as that one's `asId`).
 * The scope unit itself always counts as itself, even if it was merged since. Use after
 * `WITH RECURSIVE`.
 */
export function rolledUnitsCte(scope: { id: number; path: string }): Prisma.Sql {
  return Prisma.sql`"rolled"("unitId", "asId") AS (
      SELECT u."id", u."id" FROM "Unit" u
      WHERE ${inSubtreeSql(scope.path)}
        AND (u."id" = ${scope.id} OR NOT EXISTS (SELECT 1 FROM "UnitLineage" m WHERE m."predecessorId" = u."id" AND ${onlySuccessor("m")}))
      UNION
      SELECT l."predecessorId", r."asId" FROM "UnitLineage" l JOIN "rolled" r ON r."unitId" = l."successorId"
      WHERE ${onlySuccessor("l")} AND l."predecessorId" <> ${scope.id}
    )`;
}

/**
 * What a query over rows that carry a unit id needs for `scope`: `with`, to open the statement
 * (empty, or `WITH RECURSIVE "rolled" …`; `more` CTEs follow it), and `filter(column)`, the
 * condition `AND column IN (the unit ids that count)` — empty for a whole-tree scope.
 */
export function scopeSql(scope: string | UnitScope, more: Prisma.Sql[] = []) {
  const s = typeof scope === "string" ? { id: 0, path: scope } : scope;
  const rolled = Boolean(s.lineage) && !s.whole;
  const ctes = rolled ? [rolledUnitsCte(s), ...more] : more;
  const ids = rolled ? Prisma.sql`SELECT "unitId" FROM "rolled"` : Prisma.sql`SELECT "id" FROM "Unit" WHERE ${inSubtreeSql(s.path, "")}`;
  return {
    with: ctes.length === 0 ? Prisma.empty : rolled ? Prisma.sql`WITH RECURSIVE ${Prisma.join(ctes, ", ")}` : Prisma.sql`WITH ${Prisma.join(ctes, ", ")}`,
    filter: (column: string) => (s.whole ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} IN (${ids})`),
  };
}

/**
 * Rolls per-unit counts up to the direct children of `rootId`. `p` is a CTE of the statement with
 * the columns "unitId", `keys` and "n". Each child's row sums the units of its subtree: children
 * outermost, each one's subtree by a range seek on Unit(path) (CROSS JOIN keeps SQLite to that
 * order; elsewhere it is a plain inner join). The root's own units come apart with a NULL child.
 */
export function childRollupSql(rootId: number, keys: string[]): Prisma.Sql {
  const cols = Prisma.raw(keys.map((k) => `, p."${k}"`).join(""));
  const groupOwn = keys.length > 0 ? Prisma.raw(`GROUP BY ${keys.map((k) => `p."${k}"`).join(", ")}`) : Prisma.empty;
  return Prisma.sql`
    SELECT c."id" AS "childId"${cols}, SUM(p."n") AS "n"
    FROM "Unit" c CROSS JOIN "Unit" u CROSS JOIN p
    WHERE c."parentId" = ${rootId}
      AND ${underRowSql("u", "c")}
      AND p."unitId" = u."id"
    GROUP BY c."id"${cols}
    UNION ALL
    SELECT CAST(NULL AS INTEGER)${cols}, SUM(p."n") FROM p WHERE p."unitId" = ${rootId} ${groupOwn}`;
}

/**
 * Every unit whose figures count for `scope` (its subtree and the units merged into it) → the
 * path of the unit it counts as: for queries that group in the ORM (completeness) or filter by a
 * list (the urgent items). A few hundred rows at most (one per unit of the subtree).
 */
export async function rolledUnits(scope: { id: number; path: string }, client: Db | Tx = db): Promise<Map<number, string>> {
  const rows = numberRows(await client.$queryRaw<{ unitId: number | bigint; path: string }[]>`
    WITH RECURSIVE ${rolledUnitsCte(scope)}
    SELECT r."unitId", u."path" FROM "rolled" r JOIN "Unit" u ON u."id" = r."asId"`);
  return new Map(rows.map((r) => [r.unitId, r.path]));
}
