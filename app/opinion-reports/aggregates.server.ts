/**
 * Opinion aggregates: GROUP BY over coded, indexed columns of OpinionItem (never free text).
 * Both queries are answered from covering indexes (see opinion-reports.prisma):
 *   quarter:  ("quarterKey", "topicId", "direction", "areaUnitId")
 *   trend:    ("topicId", "quarterKey", "direction")
 * These are the functions the benchmark (issue 5) measures.
 */
import { db, type Db, type Tx } from "~/db/db.server";
import { quarterRange } from "~/periods/period-math";

export type TopicDirectionUnitCount = { topicId: number; direction: string; areaUnitId: number; count: number };
export type TrendPoint = { quarterKey: number; direction: string; count: number };

/** Counts of items by topic × direction × area unit for one quarter (whole province). */
export async function countItemsByTopicDirectionUnit(quarterKey: number, client: Db | Tx = db): Promise<TopicDirectionUnitCount[]> {
  const rows = await client.$queryRaw<{ topicId: number; direction: string; areaUnitId: number; n: bigint | number }[]>`
    SELECT "topicId", "direction", "areaUnitId", COUNT(*) AS "n"
    FROM "OpinionItem"
    WHERE "quarterKey" = ${quarterKey}
    GROUP BY "topicId", "direction", "areaUnitId"`;
  return rows.map((r) => ({ topicId: r.topicId, direction: r.direction, areaUnitId: r.areaUnitId, count: Number(r.n) }));
}

/** One topic's counts by direction for the `quarters` quarters ending with `lastQuarterKey`. */
export async function topicTrend(topicId: number, lastQuarterKey: number, quarters = 8, client: Db | Tx = db): Promise<TrendPoint[]> {
  const keys = quarterRange(lastQuarterKey, quarters);
  const rows = await client.$queryRaw<{ quarterKey: number; direction: string; n: bigint | number }[]>`
    SELECT "quarterKey", "direction", COUNT(*) AS "n"
    FROM "OpinionItem"
    WHERE "topicId" = ${topicId} AND "quarterKey" >= ${keys[0]!} AND "quarterKey" <= ${lastQuarterKey}
    GROUP BY "quarterKey", "direction"
    ORDER BY "quarterKey", "direction"`;
  return rows.map((r) => ({ quarterKey: r.quarterKey, direction: r.direction, count: Number(r.n) }));
}

/** Topic × direction counts for a quarter within a unit subtree (the viewer's scope). */
export async function countItemsByTopicDirection(quarterKey: number, scopePath: string, client: Db | Tx = db) {
  const upper = `${scopePath.slice(0, -1)}0`;
  const rows = await client.$queryRaw<{ topicId: number; direction: string; n: bigint | number }[]>`
    SELECT i."topicId", i."direction", COUNT(*) AS "n"
    FROM "OpinionItem" i JOIN "Unit" u ON u."id" = i."areaUnitId"
    WHERE i."quarterKey" = ${quarterKey} AND u."path" >= ${scopePath} AND u."path" < ${upper}
    GROUP BY i."topicId", i."direction"`;
  return rows.map((r) => ({ topicId: r.topicId, direction: r.direction, count: Number(r.n) }));
}

/** One topic's trend within a unit subtree (for viewers below the province). */
export async function topicTrendInScope(topicId: number, lastQuarterKey: number, quarters: number, scopePath: string, client: Db | Tx = db): Promise<TrendPoint[]> {
  const keys = quarterRange(lastQuarterKey, quarters);
  const upper = `${scopePath.slice(0, -1)}0`;
  const rows = await client.$queryRaw<{ quarterKey: number; direction: string; n: bigint | number }[]>`
    SELECT i."quarterKey", i."direction", COUNT(*) AS "n"
    FROM "OpinionItem" i JOIN "Unit" u ON u."id" = i."areaUnitId"
    WHERE i."topicId" = ${topicId} AND i."quarterKey" >= ${keys[0]!} AND i."quarterKey" <= ${lastQuarterKey}
      AND u."path" >= ${scopePath} AND u."path" < ${upper}
    GROUP BY i."quarterKey", i."direction"
    ORDER BY i."quarterKey", i."direction"`;
  return rows.map((r) => ({ quarterKey: r.quarterKey, direction: r.direction, count: Number(r.n) }));
}
