/** The opinion summary of a quarter within the viewer's scope: topic × direction, and one topic's trend. */
import type { Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { quarterRange } from "~/periods/period-math";
import { countItemsByTopicDirection, topicTrend, topicTrendInScope } from "./aggregates.server";
import { DIRECTIONS } from "./report-vocab";

export async function opinionSummary(viewer: Viewer, quarterKey: number, trendTopicId?: number) {
  const topics = await db.topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameVi: true, nameEn: true } });
  const counts = await countItemsByTopicDirection(quarterKey, viewer.unitPath);
  const rows = topics
    .map((topic) => {
      const byDirection = Object.fromEntries(DIRECTIONS.map((d) => [d, counts.find((c) => c.topicId === topic.id && c.direction === d)?.count ?? 0]));
      return { topic, byDirection, total: Object.values(byDirection).reduce((a, b) => a + b, 0) };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total);
  const topicId = trendTopicId ?? rows[0]?.topic.id;
  // The province-wide trend uses the covering index directly; narrower scopes filter by unit path.
  const isRoot = !(await db.unit.findFirst({ where: { path: viewer.unitPath }, select: { parentId: true } }))?.parentId;
  const keys = quarterRange(quarterKey, 8);
  let trend: { quarterKey: number; byDirection: Record<string, number> }[] = [];
  if (topicId) {
    const points = isRoot ? await topicTrend(topicId, quarterKey, 8) : await topicTrendInScope(topicId, quarterKey, 8, viewer.unitPath);
    trend = keys.map((k) => ({
      quarterKey: k,
      byDirection: Object.fromEntries(DIRECTIONS.map((d) => [d, points.find((p) => p.quarterKey === k && p.direction === d)?.count ?? 0])),
    }));
  }
  return { rows, trendTopic: topics.find((t) => t.id === topicId) ?? null, trend, topics };
}
