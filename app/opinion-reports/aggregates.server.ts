/**
 * Opinion aggregates: GROUP BY over coded, indexed columns of OpinionItem (never free text).
 * Both queries are answered from covering indexes (see opinion-reports.prisma):
 *   quarter:  ("quarterKey", "topicId", "direction", "areaUnitId")
 *   trend:    ("topicId", "quarterKey", "direction")
 * The first two are the functions the benchmark measures. The scoped variants below
 * (the opinion summary's drill-down) restrict the area unit to a subtree, a range on Unit(path);
 * given a `UnitScope` with `lineage` (the quarterly report), the units merged into the subtree
 * count too, rolled into their successors (app/units/lineage.server.ts, decision 0026).
 */
import type { Db, Tx } from "~/db/db.server";
import { analyticalRead } from "~/db/read-pool.server";
import { inSubtreeSql, numberRows } from "~/db/sql-rules.server";
import { Prisma } from "~/generated/prisma/client";
import { quarterRange } from "~/periods/period-math";
import { childRollupSql, rolledUnitsCte, scopeSql, type UnitScope } from "~/units/lineage.server";

/** Grouped rows with their COUNT(*) "n" as a number named `count`. */
function counts<R extends { n: bigint | number }>(rows: R[]) {
  return numberRows(rows).map(({ n, ...r }) => ({ ...r, count: n as number }));
}

export type TopicDirectionUnitCount = { topicId: number; direction: string; areaUnitId: number; count: number };
export type TrendPoint = { quarterKey: number; direction: string; count: number };

/** Counts of items by topic × direction × area unit for one quarter (whole province). */
export async function countItemsByTopicDirectionUnit(quarterKey: number, client?: Db | Tx): Promise<TopicDirectionUnitCount[]> {
  const rows = await analyticalRead<{ topicId: number; direction: string; areaUnitId: number; n: bigint | number }>(Prisma.sql`
    SELECT "topicId", "direction", "areaUnitId", COUNT(*) AS "n"
    FROM "OpinionItem"
    WHERE "quarterKey" = ${quarterKey}
    GROUP BY "topicId", "direction", "areaUnitId"`, client);
  return counts(rows);
}

/** One topic's counts by direction for the `quarters` quarters ending with `lastQuarterKey`. */
export async function topicTrend(topicId: number, lastQuarterKey: number, quarters = 8, client?: Db | Tx): Promise<TrendPoint[]> {
  const keys = quarterRange(lastQuarterKey, quarters);
  const rows = await analyticalRead<{ quarterKey: number; direction: string; n: bigint | number }>(Prisma.sql`
    SELECT "quarterKey", "direction", COUNT(*) AS "n"
    FROM "OpinionItem"
    WHERE "topicId" = ${topicId} AND "quarterKey" >= ${keys[0]!} AND "quarterKey" <= ${lastQuarterKey}
    GROUP BY "quarterKey", "direction"
    ORDER BY "quarterKey", "direction"`, client);
  return counts(rows);
}

/** Only the items of these periods (a provisional quarter's ended months), or all of the quarter's. */
function inPeriods(periodIds?: number[]) {
  return periodIds ? Prisma.sql`AND i."periodId" IN (${periodIds.length > 0 ? Prisma.join(periodIds) : Prisma.sql`NULL`})` : Prisma.empty;
}

/** Topic × direction counts for a quarter within a unit subtree (the viewer's scope), optionally of some of its periods only. */
export async function countItemsByTopicDirection(quarterKey: number, scope: string | UnitScope, client?: Db | Tx, periodIds?: number[]) {
  const s = scopeSql(scope);
  const rows = await analyticalRead<{ topicId: number; direction: string; n: bigint | number }>(Prisma.sql`
    ${s.with}
    SELECT i."topicId", i."direction", COUNT(*) AS "n"
    FROM "OpinionItem" i
    WHERE i."quarterKey" = ${quarterKey} ${s.filter('i."areaUnitId"')} ${inPeriods(periodIds)}
    GROUP BY i."topicId", i."direction"`, client);
  return counts(rows);
}

/** One topic's trend within a unit subtree (for viewers below the province). */
export async function topicTrendInScope(topicId: number, lastQuarterKey: number, quarters: number, scopePath: string, client?: Db | Tx): Promise<TrendPoint[]> {
  const keys = quarterRange(lastQuarterKey, quarters);
  const rows = await analyticalRead<{ quarterKey: number; direction: string; n: bigint | number }>(Prisma.sql`
    SELECT i."quarterKey", i."direction", COUNT(*) AS "n"
    FROM "OpinionItem" i JOIN "Unit" u ON u."id" = i."areaUnitId"
    WHERE i."topicId" = ${topicId} AND i."quarterKey" >= ${keys[0]!} AND i."quarterKey" <= ${lastQuarterKey}
      AND ${inSubtreeSql(scopePath)}
    GROUP BY i."quarterKey", i."direction"
    ORDER BY i."quarterKey", i."direction"`, client);
  return counts(rows);
}

/** Only the items of a subtree's units: an IN list from one range seek on the covering Unit(path) index. */
const inSubtree = (path: string) => scopeSql(path).filter('i."areaUnitId"');

/** The SQL of countItemsByTopic (exported for the query-plan test). */
export function itemsByTopicSql(quarterKey: number, scopePath: string, periodIds?: number[]) {
  return Prisma.sql`
    SELECT i."topicId", COUNT(*) AS "n"
    FROM "OpinionItem" i
    WHERE i."quarterKey" = ${quarterKey} ${inSubtree(scopePath)} ${inPeriods(periodIds)}
    GROUP BY i."topicId"`;
}

/** Total items per topic for a quarter within a unit subtree (the previous-quarter comparison). */
export async function countItemsByTopic(quarterKey: number, scopePath: string, client?: Db | Tx, periodIds?: number[]): Promise<{ topicId: number; count: number }[]> {
  const rows = await analyticalRead<{ topicId: number; n: bigint | number }>(itemsByTopicSql(quarterKey, scopePath, periodIds), client);
  return counts(rows);
}

export type ChildUnitCount = { unitId: number; direction: string; count: number };

/** The SQL of countItemsByChildUnit (exported for the query-plan test). */
export function itemsByChildUnitSql(quarterKey: number, unit: UnitScope, periodIds?: number[]) {
  // Per area unit first (covering quarter index: a few rows per unit), then rolled up to the
  // children (childRollupSql). With lineage, a merged unit's items count as its successor's —
  // even in a whole-tree scope, where old units sit beside their successors: the quarter's
  // counts per area unit are mapped through "rolled" after grouping (a few hundred rows joined,
  // not every item: a third faster at scale 1), which also keeps only the scope's units.
  if (unit.lineage) {
    return Prisma.sql`
      WITH RECURSIVE ${rolledUnitsCte(unit)}, a AS (
        SELECT i."areaUnitId", i."direction", COUNT(*) AS "n"
        FROM "OpinionItem" i
        WHERE i."quarterKey" = ${quarterKey} ${inPeriods(periodIds)}
        GROUP BY i."areaUnitId", i."direction"
      ), p AS (
        SELECT r."asId" AS "unitId", a."direction", SUM(a."n") AS "n"
        FROM a JOIN "rolled" r ON r."unitId" = a."areaUnitId"
        GROUP BY r."asId", a."direction"
      )
      ${childRollupSql(unit.id, ["direction"])}`;
  }
  return Prisma.sql`
    WITH p AS (
      SELECT i."areaUnitId" AS "unitId", i."direction", COUNT(*) AS "n"
      FROM "OpinionItem" i
      WHERE i."quarterKey" = ${quarterKey} ${inSubtree(unit.path)} ${inPeriods(periodIds)}
      GROUP BY i."areaUnitId", i."direction"
    )
    ${childRollupSql(unit.id, ["direction"])}`;
}

/**
 * A quarter's items by direction under `unit`, rolled up to its direct children: each item counts
 * for the child whose subtree holds its area unit; items in the unit itself count under `unit.id`.
 */
export async function countItemsByChildUnit(quarterKey: number, unit: UnitScope, client?: Db | Tx, periodIds?: number[]): Promise<ChildUnitCount[]> {
  const rows = await analyticalRead<{ childId: number | null; direction: string; n: bigint | number }>(itemsByChildUnitSql(quarterKey, unit, periodIds), client);
  return counts(rows).map(({ childId, ...r }) => ({ unitId: childId ?? unit.id, ...r }));
}

export type TopicWeightCount = { topicId: number; prevalence: string; strength: string; count: number };

/**
 * A quarter's items by topic × prevalence × strength within a subtree: what the quarterly report
 * weighs topics by (app/quarterly-reports/weights.ts). Covering index
 * ("quarterKey", "topicId", "prevalence", "strength", "areaUnitId").
 */
export async function countItemsByTopicWeight(quarterKey: number, scope: string | UnitScope, client?: Db | Tx): Promise<TopicWeightCount[]> {
  const s = scopeSql(scope);
  const rows = await analyticalRead<{ topicId: number; prevalence: string; strength: string; n: bigint | number }>(Prisma.sql`
    ${s.with}
    SELECT i."topicId", i."prevalence", i."strength", COUNT(*) AS "n"
    FROM "OpinionItem" i
    WHERE i."quarterKey" = ${quarterKey} ${s.filter('i."areaUnitId"')}
    GROUP BY i."topicId", i."prevalence", i."strength"`, client);
  return counts(rows);
}

/**
 * The ids of a quarter's items within a scope, ascending: the quarterly report's provenance hashes
 * them (which items were counted). Read as one comma-separated string (`string_agg`, SQLite ≥ 3.44
 * and PostgreSQL) and sorted here: 30,000 rows handed to JavaScript one by one cost three times as
 * much, and the aggregate's own ORDER BY eight times as much as a sort of the numbers. Index-only
 * on the quarter index (SQLite keeps the rowid in every index).
 */
export async function itemIdsInQuarter(quarterKey: number, scope: string | UnitScope, client?: Db | Tx): Promise<number[]> {
  const s = scopeSql(scope);
  const [row] = await analyticalRead<{ ids: string | null }>(Prisma.sql`
    ${s.with}
    SELECT string_agg(CAST(i."id" AS TEXT), ',') AS "ids"
    FROM "OpinionItem" i
    WHERE i."quarterKey" = ${quarterKey} ${s.filter('i."areaUnitId"')}`, client);
  return row?.ids ? row.ids.split(",").map(Number).sort((a, b) => a - b) : [];
}

export type SocialGroupCount = { groupId: number; direction: string; count: number };

/**
 * A quarter's items by social group concerned × direction within a scope (section 2 of the
 * quarterly report: the groups most concerned). An item names one or more groups, so it counts
 * once under each. The items come from the covering quarter index (their rowid is the item id),
 * each one's groups from OpinionItemGroup's primary key (itemId, groupId): no table row is read.
 */
export async function countItemsBySocialGroup(quarterKey: number, scope: string | UnitScope, client?: Db | Tx): Promise<SocialGroupCount[]> {
  const s = scopeSql(scope);
  const rows = await analyticalRead<{ groupId: number; direction: string; n: bigint | number }>(Prisma.sql`
    ${s.with}
    SELECT g."groupId", i."direction", COUNT(*) AS "n"
    FROM "OpinionItem" i JOIN "OpinionItemGroup" g ON g."itemId" = i."id"
    WHERE i."quarterKey" = ${quarterKey} ${s.filter('i."areaUnitId"')}
    GROUP BY g."groupId", i."direction"`, client);
  return counts(rows);
}
