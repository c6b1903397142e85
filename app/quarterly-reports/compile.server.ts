/**
 * Compiles a quarterly report's figures for one scope unit's subtree and one quarter, from the
 * queries the dashboards already use (completeness, coverage, the opinion aggregates, the
 * proposals register) — never a scan of raw answers. The result is plain JSON (dates as ISO
 * strings, codes beside ids) because it is exactly what publishing freezes into the snapshot and
 * what the published page compares with the live figures.
 */
import crypto from "node:crypto";
import { assertUnitVisible, opinionItemsVisibleTo, subtreeRange, type Viewer } from "~/access/gate.server";
import { isProvinceLevel } from "~/accounts/roles";
import { collaboratorCoverage, completenessMatrix } from "~/completeness/completeness.server";
import { db, type Db, type Tx } from "~/db/db.server";
import { countItemsByChildUnit, countItemsBySocialGroup, countItemsByTopicDirection, countItemsByTopicWeight, itemIdsInQuarter, type SocialGroupCount } from "~/opinion-reports/aggregates.server";
import { DIRECTIONS, type Direction } from "~/opinion-reports/report-vocab";
import { calendarQuarter, periodBounds, shiftQuarter, splitQuarterKey } from "~/periods/period-math";
import { proposalsByAgency } from "~/proposals/proposals.server";
import { storedDefinitionSchema } from "~/surveys/definition";
import { buildQuestionResults, countAnswers, unitProgress, type CountRow } from "~/surveys/results.server";
import { MIN_CELL } from "~/surveys/stats";
import { rolledUnits, type UnitScope } from "~/units/lineage.server";
import { keyQuestionsOf, type KeyQuestions } from "./key-questions";
import { ALPHA, chiSquareHomogeneity, holmAdjust } from "./significance.server";
import { trendSection } from "./trend.server";
import { itemWeight } from "./weights";
import { byDirectionOf, total, type ByDirection } from "./directions";

export type { ByDirection } from "./directions";
type UnitRef = { id: number; code: string; name: string };
export type TopicRef = { id: number; code: string; nameVi: string; nameEn: string };

/** How many urgent items the report lists with their summaries (the count covers them all). */
export const URGENT_LISTED = 20;

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

export type ChangeRow = {
  topic: TopicRef;
  now: ByDirection;
  then: ByDirection;
  nNow: number;
  nThen: number;
  test: { statistic: number; df: number; pValue: number; pAdjusted: number } | { notTested: "no_data" | "one_category" | "too_few" };
  significant: boolean;
  /** Only when significant: the direction whose share moved most, in percentage points. */
  flag: { direction: Direction; points: number } | null;
};
export type Comparison = { quarterKey: number; available: boolean; rows: ChangeRow[] };

type Compiled = Awaited<ReturnType<typeof compileQuarter>>;
/**
 * The compiled figures as a reader meets them: a published snapshot keeps the shape of its day,
 * so the fields added after the first snapshots (the social groups and the
 * 8-quarter trend) may be missing, as `surveys` may (decision 0026).
 */
export type CompiledReport = Omit<Compiled, "flows" | "trend"> & {
  flows: Omit<Compiled["flows"], "socialGroups"> & Partial<Pick<Compiled["flows"], "socialGroups">>;
  trend?: Compiled["trend"];
};

export type CompileOptions = {
  /** Section 4's key questions (survey code → question codes); a survey absent: every single-choice question. */
  keyQuestions?: KeyQuestions;
};

/** Each quarter's topic × direction counts in the scope, asked once per compilation (flows, comparisons and trend share them). */
/** A survey wave's counts in the scope for some questions (the single-choice ones), asked once per compilation (section 4 and the trend share them). */
export type WaveCounts = (surveyId: number, questions: string[]) => Promise<CountRow[]>;
export type QuarterCounts = (quarterKey: number) => Promise<{ topicId: number; direction: string; count: number }[]>;

function memo<A extends unknown[], V>(load: (...args: A) => Promise<V>): (...args: A) => Promise<V> {
  const cache = new Map<string, Promise<V>>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!cache.has(key)) cache.set(key, load(...args));
    return cache.get(key)!;
  };
}

/**
 * Where a compilation's analytical reads go: the read pool (no client) outside a transaction,
 * loads side by side; the transaction's client inside one, one load at a time.
 */
type Reading = { client: Tx | Db | undefined; turn: <T>(load: () => Promise<T>) => Promise<T> };

type Loaders = Record<string, () => Promise<unknown>>;
type Loaded<L extends Loaders> = { [K in keyof L]: Awaited<ReturnType<L[K]>> };

async function inParallel<L extends Loaders>(loaders: L): Promise<Loaded<L>> {
  const keys = Object.keys(loaders);
  const values = await Promise.all(keys.map((k) => loaders[k]!()));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Loaded<L>;
}

async function inSequence<L extends Loaders>(loaders: L): Promise<Loaded<L>> {
  const out: Record<string, unknown> = {};
  for (const [k, load] of Object.entries(loaders)) out[k] = await load();
  return out as Loaded<L>;
}

/** Runs the loads it is given one after another, in the order asked (shared loaders inside a transaction). */
function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(load: () => Promise<T>): Promise<T> => {
    const run = tail.then(load, load);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The reporting periods of a quarter and its date span ([from, before)); calendar dates without periods. */
async function quarterSpan(quarterKey: number, client: Db | Tx) {
  const periods = await client.reportingPeriod.findMany({ where: { quarterKey }, orderBy: [{ year: "asc" }, { month: "asc" }], select: { id: true, startsOn: true, endsOn: true, status: true } });
  const { year, quarter } = splitQuarterKey(quarterKey);
  const first = periods[0]?.startsOn ?? periodBounds(year, quarter * 3 - 2).startsOn;
  const last = periods.at(-1)?.endsOn ?? periodBounds(year, quarter * 3).endsOn;
  return { periods, from: first, before: new Date(last.getTime() + 86_400_000) };
}

/**
 * Every section's live figures for `scopeUnitId`'s subtree in `quarterKey`. A scope outside the
 * viewer's subtree answers 404. A quarter without data compiles to zeros and empty lists.
 */
export async function compileQuarter(viewer: Viewer, scopeUnitId: number, quarterKey: number, client: Db | Tx = db, options: CompileOptions = {}) {
  const scope = await client.unit.findUnique({ where: { id: scopeUnitId }, select: { id: true, code: true, name: true, path: true, parentId: true } });
  assertUnitVisible(viewer, scope);
  // The scope's subtree with the units merged into it: a merged unit's figures count as its
  // successor's throughout, so per-unit rows and trends do not break at the 2025 merger (0026).
  // The province is the whole tree: its queries need no unit filter.
  const unitScope: UnitScope = { id: scope.id, path: scope.path, lineage: true, whole: scope.parentId === null };
  // Outside a transaction (a draft's live page, the comparison after publication) the analytical
  // reads go to the read pool and the sections load side by side; inside the publishing
  // transaction everything stays on it, one read after another (its snapshot, its connection).
  const inTransaction = client !== db;
  const reads: Reading = inTransaction ? { client, turn: oneAtATime() } : { client: undefined, turn: (load) => load() };
  const [span, topics] = await Promise.all([
    quarterSpan(quarterKey, client),
    client.topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameVi: true, nameEn: true } }) as Promise<TopicRef[]>,
  ]);
  // One GROUP BY per quarter (an equality on the covering index's first column: faster than one
  // range over the 8 quarters, measured), shared by the flows, both comparisons and the trend.
  const counts: QuarterCounts = memo((key: number) => reads.turn(() => countItemsByTopicDirection(key, unitScope, reads.client)));
  // Only the questions the report can show (single-choice): a third of a wave's tally rows.
  const answers: WaveCounts = memo((surveyId: number, questions: string[]) => reads.turn(() => countAnswers(surveyId, { path: scope.path, bands: {} }, reads.client, questions)));
  const sections = {
    network: () => networkSection(viewer, scope.id, span.periods.map((p) => p.id), client),
    flows: () => flowsSection(viewer, scope, unitScope, quarterKey, topics, counts, client, reads),
    previous: () => comparison(counts, quarterKey, shiftQuarter(quarterKey, -1), topics, client),
    lastYear: () => comparison(counts, quarterKey, shiftQuarter(quarterKey, -4), topics, client),
    proposals: () => proposalsSection(viewer, scope.path, span, client),
    followUp: () => followUpSection(scope.id, quarterKey, client),
    closedSurveys: () => surveysClosedIn(scope.path, quarterKey, client),
    itemIds: () => reads.turn(() => itemIdsInQuarter(quarterKey, unitScope, reads.client)),
  };
  const loaded = inTransaction ? await inSequence(sections) : await inParallel(sections);
  const { network, flows, proposals, followUp, closedSurveys, itemIds } = loaded;
  const change = { previous: loaded.previous, lastYear: loaded.lastYear };
  const surveys = await surveysSection(scope.path, closedSurveys, options.keyQuestions ?? {}, answers, reads);
  const trend = await trendSection({ quarterKey, topics, ranked: flows.byTopic.map((r) => r.topic.id), counts, surveys: closedSurveys, answers, client });

  // Provenance: which items and proposals were counted, as content hashes of their sorted ids
  // (no personal data, yet any returned-and-fixed report or late filing changes the hash).
  const proposalIds = proposals.byAgency.flatMap((a) => a.proposals.map((p) => p.id)).sort((a, b) => a - b);

  return {
    quarterKey,
    scope: { id: scope.id, code: scope.code, name: scope.name },
    periods: { count: span.periods.length, open: span.periods.filter((p) => p.status === "open").length, from: span.from.toISOString(), before: span.before.toISOString() },
    empty: flows.total === 0 && network.reports.expected === 0 && proposals.totals.forwarded === 0,
    network,
    flows,
    change,
    proposals,
    surveys,
    followUp,
    trend,
    provenance: {
      itemCount: itemIds.length,
      itemIdsSha256: sha256(itemIds.join(",")),
      proposalCount: proposalIds.length,
      proposalIdsSha256: sha256(proposalIds.join(",")),
    },
  };
}

/** Section 1: collaborators active vs target, and who reported (on time, late, not at all), per child unit. */
async function networkSection(viewer: Viewer, scopeId: number, periodIds: number[], client: Db | Tx) {
  const coverage = await collaboratorCoverage(viewer, scopeId, client);
  const matrix = await completenessMatrix(viewer, scopeId, periodIds, client, { lineage: true });
  const sumCells = (cells: Record<number, { on_time: number; late: number; missing: number }>) => {
    const out = { expected: 0, onTime: 0, late: 0, missing: 0 };
    for (const id of periodIds) {
      const c = cells[id]!;
      out.onTime += c.on_time;
      out.late += c.late;
      out.missing += c.missing;
    }
    out.expected = out.onTime + out.late + out.missing;
    return out;
  };
  const byUnit = matrix.rows.map((r) => ({ unit: r.unit as UnitRef, own: r.own, ...sumCells(r.cells) })).filter((r) => r.expected > 0);
  return {
    collaborators: { active: coverage.reduce((s, r) => s + r.active, 0), target: coverage.reduce((s, r) => s + r.target, 0) },
    coverage: coverage.map((r) => ({ unit: r.unit as UnitRef, active: r.active, target: r.target })),
    reports: sumCells(matrix.totals),
    byUnit,
    // Units (rows) where someone was expected and nobody filed in the whole quarter: named in the report.
    unitsNotReporting: byUnit.filter((r) => r.onTime + r.late === 0).map((r) => r.unit),
  };
}

/** Section 2: topic × direction, topics by weight, per child unit (small rows suppressed), urgent items, social groups. */
async function flowsSection(viewer: Viewer, scope: UnitRef & { path: string }, unitScope: UnitScope, quarterKey: number, topics: TopicRef[], quarterCounts: QuarterCounts, client: Db | Tx, reads: Reading) {
  // The section's aggregates asked together (side by side on the read pool outside a transaction).
  const [counts, weights, childCounts, groupCounts] = await Promise.all([
    quarterCounts(quarterKey),
    reads.turn(() => countItemsByTopicWeight(quarterKey, unitScope, reads.client)),
    reads.turn(() => countItemsByChildUnit(quarterKey, unitScope, reads.client)),
    reads.turn(() => countItemsBySocialGroup(quarterKey, unitScope, reads.client)),
  ]);
  const byTopic = topics
    .map((topic) => {
      const byDirection = byDirectionOf(counts.filter((c) => c.topicId === topic.id));
      const weight = weights.filter((w) => w.topicId === topic.id).reduce((s, w) => s + itemWeight(w.prevalence, w.strength, w.count), 0);
      return { topic, byDirection, total: total(byDirection), weight };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.weight - a.weight || b.total - a.total || a.topic.code.localeCompare(b.topic.code))
    .map((r, i) => ({ ...r, rank: i + 1 }));

  const childIds = [...new Set(childCounts.map((c) => c.unitId))];
  const units = await client.unit.findMany({ where: { id: { in: childIds } }, select: { id: true, code: true, name: true } });
  const byUnit = units
    .map((u) => {
      const byDirection = byDirectionOf(childCounts.filter((c) => c.unitId === u.id));
      const n = total(byDirection);
      // As in the survey breakdowns: a row with fewer than MIN_CELL items shows no split.
      return { unit: u, own: u.id === scope.id, total: n, byDirection: n < MIN_CELL ? null : byDirection };
    })
    .sort((a, b) => b.total - a.total || a.unit.code.localeCompare(b.unit.code));

  // Titles and summaries are records, not counts: the list keeps to items the gate shows the viewer.
  const area = unitScope.whole ? {} : { areaUnitId: { in: [...(await rolledUnits(scope, client)).keys()] } };
  const urgentWhere = { AND: [opinionItemsVisibleTo(viewer), { quarterKey, urgent: true, ...area }] };
  const urgentCount = await client.opinionItem.count({ where: urgentWhere });
  const urgent = await client.opinionItem.findMany({
    where: urgentWhere,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: URGENT_LISTED,
    select: { id: true, title: true, summary: true, direction: true, topic: { select: { code: true, nameVi: true, nameEn: true } }, areaUnit: { select: { id: true, code: true, name: true } } },
  });
  const byDirection = byDirectionOf(counts);
  const socialGroups = await socialGroupRows(groupCounts, client);
  return { total: total(byDirection), byDirection, byTopic, byUnit, urgentCount, urgent, socialGroups };
}

/**
 * Section 2, the social groups most concerned: the quarter's items naming each group, most first
 * (an item naming two groups counts for both, so the rows add up to more than the items). As the
 * unit rows, a group with fewer than MIN_CELL items shows no split by direction.
 */
async function socialGroupRows(counts: SocialGroupCount[], client: Db | Tx) {
  const groups = await client.socialGroup.findMany({ where: { id: { in: [...new Set(counts.map((c) => c.groupId))] } }, select: { id: true, code: true, nameVi: true, nameEn: true } });
  return groups
    .map((group) => {
      const byDirection = byDirectionOf(counts.filter((c) => c.groupId === group.id));
      const n = total(byDirection);
      return { group, total: n, byDirection: n < MIN_CELL ? null : byDirection };
    })
    .sort((a, b) => b.total - a.total || a.group.code.localeCompare(b.group.code))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Section 3: per topic, the direction distribution now vs `otherKey`, chi-square with Holm's correction. */
async function comparison(counts: QuarterCounts, quarterKey: number, otherKey: number, topics: TopicRef[], client: Db | Tx): Promise<Comparison> {
  // A quarter before the first reporting period has nothing to compare with (not "zero items").
  const available = (await client.reportingPeriod.count({ where: { quarterKey: otherKey } })) > 0;
  if (!available) return { quarterKey: otherKey, available, rows: [] };
  const nowCounts = await counts(quarterKey);
  const thenCounts = await counts(otherKey);
  const base = topics
    .map((topic) => {
      const now = byDirectionOf(nowCounts.filter((c) => c.topicId === topic.id));
      const then = byDirectionOf(thenCounts.filter((c) => c.topicId === topic.id));
      return { topic, now, then, nNow: total(now), nThen: total(then), result: chiSquareHomogeneity(DIRECTIONS.map((d) => now[d]), DIRECTIONS.map((d) => then[d])) };
    })
    .filter((r) => r.nNow + r.nThen > 0);
  const adjusted = holmAdjust(base.map((r) => (r.result.tested ? r.result.pValue : null)));
  const rows = base.map((r, i): ChangeRow => {
    const { result, ...rest } = r;
    if (!result.tested) return { ...rest, test: { notTested: result.reason }, significant: false, flag: null };
    const pAdjusted = adjusted[i]!;
    const significant = pAdjusted < ALPHA;
    return { ...rest, test: { statistic: result.statistic, df: result.df, pValue: result.pValue, pAdjusted }, significant, flag: significant ? largestShift(r.now, r.then, r.nNow, r.nThen) : null };
  });
  return { quarterKey: otherKey, available, rows };
}

/** The direction whose share moved most (ties: the vocabulary's order), in whole percentage points. */
export function largestShift(now: ByDirection, then: ByDirection, nNow: number, nThen: number) {
  let best: { direction: Direction; points: number } = { direction: DIRECTIONS[0], points: 0 };
  for (const d of DIRECTIONS) {
    const points = Math.round((100 * now[d]) / nNow - (100 * then[d]) / nThen);
    if (Math.abs(points) > Math.abs(best.points)) best = { direction: d, points };
  }
  return best;
}

/** Section 5: proposals about the scope forwarded in the quarter, by agency (Decision 238). */
async function proposalsSection(viewer: Viewer, scopePath: string, span: { from: Date; before: Date }, client: Db | Tx) {
  const groups = await proposalsByAgency(viewer, { unitPath: scopePath, forwardedFrom: span.from, forwardedBefore: span.before }, client);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const byAgency = groups.map((g) => {
    const proposals = g.proposals.map((p) => ({
      id: p.id,
      title: p.title,
      unit: p.unit,
      status: p.status,
      forwardedOn: day(p.forwardedOn)!,
      dueOn: day(p.dueOn)!,
      answeredOn: day(p.answeredOn),
      answerText: p.answerText,
      overdue: p.overdue,
      // Overdue (unanswered past the due date) is as of today, so it can change after
      // publication: that is news the published page should show, not noise.
      // Answered, but after the due date: Decision 238 cares about late answers too.
      answeredLate: p.answeredOn !== null && p.answeredOn.getTime() > p.dueOn.getTime(),
    }));
    return {
      agency: { code: g.agency.code, name: g.agency.name },
      forwarded: proposals.length,
      answered: proposals.filter((p) => p.answeredOn !== null).length,
      answeredLate: proposals.filter((p) => p.answeredLate).length,
      overdue: proposals.filter((p) => p.overdue).length,
      proposals,
    };
  });
  const sumOf = (k: "forwarded" | "answered" | "answeredLate" | "overdue") => byAgency.reduce((s, a) => s + a[k], 0);
  return { totals: { forwarded: sumOf("forwarded"), answered: sumOf("answered"), answeredLate: sumOf("answeredLate"), overdue: sumOf("overdue") }, byAgency };
}

/** Section 6: the tasks set at the previous quarter's meeting, entered on this report by the secretariat. */
export async function followUpSection(scopeId: number, quarterKey: number, client: Db | Tx) {
  const tasks = await client.followUpTask.findMany({
    where: { report: { scopeUnitId: scopeId, quarterKey } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: { id: true, task: true, dueOn: true, status: true, note: true, responsibleUnit: { select: { id: true, code: true, name: true, path: true } } },
  });
  return tasks.map(({ responsibleUnit: { path: _path, ...unit }, dueOn, ...t }) => ({ ...t, dueOn: dueOn.toISOString().slice(0, 10), responsibleUnit: unit }));
}

/**
 * The surveys (published waves) whose close date falls in the quarter — the calendar quarter, as
 * a wave's period reads ("Quý III/2026" closes on 30/09), not the reporting periods' cut-off
 * span — and that target a unit of the scope's subtree. Section 4 shows them, the 8-quarter
 * trend follows their earlier waves, and the key-question form lists their questions.
 */
export async function surveysClosedIn(scopePath: string, quarterKey: number, client: Db | Tx = db) {
  const range = subtreeRange(scopePath);
  const quarter = calendarQuarter(quarterKey);
  const surveys = await client.survey.findMany({
    where: { status: { not: "draft" }, closesOn: { gte: quarter.from, lt: quarter.before }, targets: { some: { unit: { path: range } } } },
    orderBy: [{ closesOn: "asc" }, { code: "asc" }],
    select: { id: true, code: true, title: true, period: true, closesOn: true, definition: true, previousWaveId: true, previousWave: { select: { code: true, period: true } } },
  });
  return surveys.map(({ definition, ...survey }) => {
    const parsed = storedDefinitionSchema.parse(JSON.parse(definition));
    return { ...survey, closesOn: survey.closesOn!, definition: parsed, singleChoice: parsed.questions.filter((q) => q.type === "single").map((q) => ({ code: q.code, title: q.title })) };
  });
}
export type ClosedSurvey = Awaited<ReturnType<typeof surveysClosedIn>>[number];

/**
 * Section 4: the surveys closed in the quarter. From the survey tallies only (unitProgress,
 * countAnswers — the results page's own queries): forms issued (the targets' quotas) and valid
 * (counted), and for each key question (chosen by the secretariat; by default every single-choice
 * question) n, each option's count, share and 95% Wilson interval, and the share in the previous
 * wave where the question and option codes match. As on the results page, a scope below the
 * province with fewer than MIN_CELL counted forms shows no question results, and a question
 * answered by fewer than MIN_CELL shows no split.
 */
async function surveysSection(scopePath: string, surveys: ClosedSurvey[], keyQuestions: KeyQuestions, answers: WaveCounts, reads: Reading) {
  const scope = { path: scopePath, bands: {} };
  const out = [];
  for (const survey of surveys) {
    const units = await reads.turn(() => unitProgress(survey.id, scope, reads.client));
    const issued = units.reduce((s, u) => s + u.quota, 0);
    const valid = units.reduce((s, u) => s + u.counted, 0);
    const suppressed = !isProvinceLevel(scopePath) && valid < MIN_CELL;
    const key = new Set(keyQuestionsOf(keyQuestions, survey.code, survey.singleChoice.map((q) => q.code)));
    let questions: { code: string; title: string; n: number; options: { code: string; label: string; count: number; share: number; ci: [number, number]; previousShare: number | null }[] | null }[] = [];
    if (!suppressed && key.size > 0) {
      const single = survey.singleChoice.map((q) => q.code);
      const [counts, previous] = await Promise.all([answers(survey.id, single), survey.previousWaveId ? answers(survey.previousWaveId, single) : null]);
      questions = buildQuestionResults(survey.definition, counts, previous)
        .filter((q) => key.has(q.code))
        .map((q) => ({ code: q.code, title: q.title, n: q.n, options: q.n < MIN_CELL ? null : q.options }));
    }
    out.push({
      survey: { code: survey.code, title: survey.title, period: survey.period, closesOn: survey.closesOn.toISOString().slice(0, 10) },
      previousWave: survey.previousWave,
      issued,
      valid,
      rate: issued > 0 ? valid / issued : null,
      suppressed,
      questions,
    });
  }
  return out;
}
