/**
 * The opinion summary of a quarter for one unit of the viewer's subtree (their own by default):
 * topic × direction with the previous quarter's totals, the counts per direct child unit (to drill
 * further), and one topic's 8-quarter trend. Items count by their area unit, within the unit's
 * subtree; every figure is a GROUP BY in aggregates.server.ts.
 */
import { assertUnitVisible, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { quarterProgress, quarterRange, shiftQuarter } from "~/periods/period-math";
import { listPeriodDates } from "~/periods/periods.server";
import { todayInVietnam } from "~/utils/dates";
import { listOpenUnits, pathIds, visibleAncestors } from "~/units/units.server";
import { countItemsByChildUnit, countItemsByTopic, countItemsByTopicDirection, topicTrend, topicTrendInScope } from "./aggregates.server";
import { DIRECTIONS } from "./report-vocab";

type ByDirection = Record<string, number>;
const byDirectionOf = (counts: { direction: string; count: number }[]): ByDirection =>
  Object.fromEntries(DIRECTIONS.map((d) => [d, counts.filter((c) => c.direction === d).reduce((a, c) => a + c.count, 0)]));
const sum = (byDirection: ByDirection) => Object.values(byDirection).reduce((a, b) => a + b, 0);

/** The unit a summary is drawn for: the viewer's own, or one of their subtree; otherwise 404. */
export async function summaryUnit(viewer: Viewer, unitId: number = viewer.unitId) {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, code: true, name: true, path: true, parentId: true, validTo: true } });
  assertUnitVisible(viewer, unit);
  return unit;
}

/**
 * What a quarter's figures cover on `today`. A closed quarter: all of it, compared with the whole
 * previous quarter. An unfinished one is provisional: the periods that have ended (N of 3 months,
 * up to the last one's end), compared with the same months of the previous quarter; before its
 * first month has ended, everything filed so far and no comparison.
 */
export async function summaryCoverage(quarterKey: number, today: Date) {
  const periods = await listPeriodDates();
  const progress = quarterProgress(quarterKey, periods, today);
  const previousQuarterKey = shiftQuarter(quarterKey, -1);
  const previous = quarterProgress(previousQuarterKey, periods, today).own;
  if (progress.closed) {
    return { provisional: null, periodIds: undefined, previousQuarterKey: previous.length > 0 ? previousQuarterKey : null, previousPeriodIds: undefined };
  }
  const ended = progress.ended;
  const last = ended.at(-1);
  const positions = new Set(ended.map((p) => (p.month - 1) % 3));
  const sameMonths = previous.filter((p) => positions.has((p.month - 1) % 3));
  const comparable = ended.length > 0 && sameMonths.length > 0;
  return {
    provisional: { asOf: last ? last.endsOn : today, months: ended.length, compared: comparable ? sameMonths.map((p) => p.month) : [] },
    periodIds: last ? ended.map((p) => p.id) : undefined,
    previousQuarterKey: comparable ? previousQuarterKey : null,
    previousPeriodIds: comparable ? sameMonths.map((p) => p.id) : undefined,
  };
}

export async function opinionSummary(viewer: Viewer, quarterKey: number, trendTopicId?: number, unitId?: number, today: Date = todayInVietnam()) {
  const unit = await summaryUnit(viewer, unitId);
  const coverage = await summaryCoverage(quarterKey, today);
  const { previousQuarterKey, periodIds } = coverage;
  // The counts run on the read pool, side by side (aggregates.server.ts).
  const [topics, counts, previousCounts, children] = await Promise.all([
    db.topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameVi: true, nameEn: true } }),
    countItemsByTopicDirection(quarterKey, unit.path, undefined, periodIds),
    // A quarter before the first reporting period (or a provisional one with no like months) has nothing to compare with ("—", not 0).
    previousQuarterKey !== null ? countItemsByTopic(previousQuarterKey, unit.path, undefined, coverage.previousPeriodIds) : null,
    childRows(quarterKey, unit, periodIds),
  ]);
  const previous = previousCounts ? new Map(previousCounts.map((p) => [p.topicId, p.count])) : null;
  const rows = topics
    .map((topic) => {
      const byDirection = byDirectionOf(counts.filter((c) => c.topicId === topic.id));
      const total = sum(byDirection);
      const previousTotal = previous ? (previous.get(topic.id) ?? 0) : null;
      return { topic, byDirection, total, previousTotal, change: previousTotal === null ? null : total - previousTotal };
    })
    // A topic that disappeared since last quarter is news too.
    .filter((r) => r.total > 0 || (r.previousTotal ?? 0) > 0)
    .sort((a, b) => b.total - a.total || (b.previousTotal ?? 0) - (a.previousTotal ?? 0));
  const totalByDirection = byDirectionOf(counts);
  const total = sum(totalByDirection);
  const previousTotal = previous ? [...previous.values()].reduce((a, b) => a + b, 0) : null;
  const totals = { byDirection: totalByDirection, total, previousTotal, change: previousTotal === null ? null : total - previousTotal };

  const topicId = trendTopicId ?? rows[0]?.topic.id;
  // The province-wide trend uses the covering index directly; narrower scopes filter by unit path.
  const keys = quarterRange(quarterKey, 8);
  let trend: { quarterKey: number; byDirection: ByDirection }[] = [];
  if (topicId) {
    const points = unit.parentId === null ? await topicTrend(topicId, quarterKey, 8) : await topicTrendInScope(topicId, quarterKey, 8, unit.path);
    trend = keys.map((k) => ({ quarterKey: k, byDirection: byDirectionOf(points.filter((p) => p.quarterKey === k)) }));
    // A provisional quarter's point counts what its table counts (the ended months).
    const row = rows.find((r) => r.topic.id === topicId);
    if (coverage.provisional && trend.length > 0) trend[trend.length - 1] = { quarterKey, byDirection: row?.byDirection ?? byDirectionOf([]) };
  }

  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    ...(await unitNavigation(viewer, unit)),
    children,
    rows,
    totals,
    previousQuarterKey,
    provisional: coverage.provisional,
    trendTopic: topics.find((t) => t.id === topicId) ?? null,
    trend,
    topics,
  };
}

/** The quarter's counts per direct child of `unit` (closed children only if they have items), and the unit's own; none for a leaf. */
async function childRows(quarterKey: number, unit: { id: number; code: string; name: string; path: string }, periodIds?: number[]) {
  const counts = await countItemsByChildUnit(quarterKey, unit, undefined, periodIds);
  const children = await db.unit.findMany({ where: { parentId: unit.id }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true, validTo: true } });
  const row = (u: { id: number; code: string; name: string }, own: boolean) => {
    const byDirection = byDirectionOf(counts.filter((c) => c.unitId === u.id));
    return { unit: { id: u.id, code: u.code, name: u.name }, own, byDirection, total: sum(byDirection) };
  };
  const own = row(unit, true);
  const rows = children
    .map((c) => ({ ...row(c, false), closed: c.validTo !== null }))
    .filter((r) => !r.closed || r.total > 0)
    .sort((a, b) => b.total - a.total || a.unit.code.localeCompare(b.unit.code))
    .map(({ closed: _closed, ...r }) => r);
  // A unit without (current) children has nothing to drill into: its own row would repeat the total.
  if (rows.length === 0) return [];
  return own.total > 0 ? [own, ...rows] : rows;
}

/** Breadcrumbs from the viewer's own unit down to `unit`, the unit above it, and the unit picker. */
async function unitNavigation(viewer: Viewer, unit: { id: number; code: string; name: string; path: string; parentId: number | null; validTo: Date | null }) {
  const ancestors = await visibleAncestors(viewer, unit.path);
  const open = await listOpenUnits(viewer);
  const unitOptions = open.some((u) => u.id === unit.id) ? open : [...open, { id: unit.id, code: unit.code, name: unit.name, depth: pathIds(unit.path).length - 1 }];
  const top = Math.min(...unitOptions.map((u) => u.depth));
  return {
    ancestors,
    // Up stops at the viewer's own unit: above it is not theirs to open.
    upUnitId: unit.id !== viewer.unitId ? unit.parentId : null,
    unitOptions: unitOptions.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.depth - top })),
  };
}
