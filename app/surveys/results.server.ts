/**
 * Survey results, computed in SQL. Without band filters the counts come from the exact tallies
 * (SurveyTally, SurveyUnitTally); band filters need the answer rows and use a GROUP BY over them.
 * Nothing loads questionnaires into JavaScript to count them.
 */
import { assertUnitVisible, subtreeRange, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { isProvinceLevel } from "~/accounts/roles";
import { db, type Db, type Tx } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";
import { BAND_NAMES, BANDS, type BandName, type Question, type SurveyDefinition } from "./definition";
import { MIN_CELL, wilson } from "./stats";
import { getSurvey } from "./surveys.server";
import { parseId } from "~/utils/http.server";

export type Scope = { path: string; bands: Partial<Record<BandName, string>> };
export type CountRow = { question: string; option: string; count: number; numSum: number };

const COUNTED = Prisma.sql`('submitted', 'accepted')`;

export function bandWhere(bands: Scope["bands"]) {
  const parts = BAND_NAMES.filter((b) => bands[b]).map((b) => Prisma.sql`AND r.${Prisma.raw(`"${b}"`)} = ${bands[b]}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

const hasBands = (scope: Scope) => BAND_NAMES.some((b) => scope.bands[b]);

/**
 * The answer rows of the scope's counted questionnaires, for filters the tallies cannot answer
 * (respondent bands). Driven from the questionnaires (the surveyId index, then each one's answers
 * by primary key), never from the answer table's survey index: a band keeps a share of a wave's
 * questionnaires, and walking all of its answers to join each back cost ~4× more (5.1 s against
 * 1.4 s for half of a 100,000-questionnaire wave). Continue with `AND …` conditions on `a`.
 */
function filteredAnswers(surveyId: number, scope: Scope) {
  const range = subtreeRange(scope.path);
  return Prisma.sql`"SurveyResponse" r
    JOIN "Unit" u ON u."id" = r."unitId"
    JOIN "SurveyAnswer" a ON a."responseId" = r."id"
    WHERE r."surveyId" = ${surveyId} AND r."status" IN ${COUNTED}
      AND u."path" >= ${range.gte} AND u."path" < ${range.lt} ${bandWhere(scope.bands)}`;
}

/**
 * Every question × option count of a survey within a unit subtree (option "" = the question's n).
 * The benchmark's "quarterly results" path: from the tallies, or from the answer rows when
 * respondent bands filter. `questions` (tallies only) keeps to those questions: the quarterly
 * report's trend reads a few questions of each earlier wave.
 */
export async function countAnswers(surveyId: number, scope: Scope, client: Db | Tx = db, questions?: string[]): Promise<CountRow[]> {
  const range = subtreeRange(scope.path);
  if (!hasBands(scope)) {
    const only = questions ? Prisma.sql`AND t."question" IN (${questions.length > 0 ? Prisma.join(questions) : Prisma.sql`NULL`})` : Prisma.empty;
    // The province is the whole tree: no join to Unit (it doubled the time of the biggest scope).
    const inScope = isProvinceLevel(scope.path) ? Prisma.empty : Prisma.sql`AND t."unitId" IN (SELECT "id" FROM "Unit" WHERE "path" >= ${range.gte} AND "path" < ${range.lt})`;
    const rows = await client.$queryRaw<CountRow[]>`
      SELECT t."question", t."option", SUM(t."count") AS "count", SUM(t."numSum") AS "numSum"
      FROM "SurveyTally" t
      WHERE t."surveyId" = ${surveyId} ${only} ${inScope}
      GROUP BY t."question", t."option"`;
    return rows.map(numeric).filter((r) => r.count > 0);
  }
  const [options, totals] = await Promise.all([
    db.$queryRaw<CountRow[]>`
      SELECT a."question", a."option", COUNT(*) AS "count", COALESCE(SUM(a."num"), 0) AS "numSum"
      FROM ${filteredAnswers(surveyId, scope)}
      GROUP BY a."question", a."option"`,
    db.$queryRaw<CountRow[]>`
      SELECT a."question", '' AS "option", COUNT(DISTINCT a."responseId") AS "count", COALESCE(SUM(a."num"), 0) AS "numSum"
      FROM ${filteredAnswers(surveyId, scope)} AND a."option" <> ''
      GROUP BY a."question"`,
  ]);
  return [...options, ...totals].map(numeric);
}

function numeric(r: CountRow): CountRow {
  return { question: r.question, option: r.option, count: Number(r.count), numSum: Number(r.numSum) };
}

/** Counted questionnaires of the scope: from the unit tallies, or the questionnaires when bands filter. */
export async function countQuestionnaires(surveyId: number, scope: Scope): Promise<number> {
  const range = subtreeRange(scope.path);
  const [row] = hasBands(scope)
    ? await db.$queryRaw<{ n: number | bigint }[]>`
        SELECT COUNT(*) AS "n" FROM "SurveyResponse" r JOIN "Unit" u ON u."id" = r."unitId"
        WHERE r."surveyId" = ${surveyId} AND r."status" IN ${COUNTED}
          AND u."path" >= ${range.gte} AND u."path" < ${range.lt} ${bandWhere(scope.bands)}`
    : await db.$queryRaw<{ n: number | bigint }[]>`
        SELECT COALESCE(SUM(t."counted"), 0) AS "n" FROM "SurveyUnitTally" t JOIN "Unit" u ON u."id" = t."unitId"
        WHERE t."surveyId" = ${surveyId} AND u."path" >= ${range.gte} AND u."path" < ${range.lt}`;
  return Number(row?.n ?? 0);
}

/**
 * Small-cell suppression for whole results (issue 10, defect 7): a result narrower than the whole
 * province — one unit's subtree (chosen by filter, or the viewer's own unit below the province) or
 * any respondent band — is shown only when at least MIN_CELL counted questionnaires match.
 * Otherwise no breakdown number is shown or exported, whoever asks.
 */
export async function isSuppressed(surveyId: number, scope: Scope): Promise<boolean> {
  const narrowed = hasBands(scope) || !isProvinceLevel(scope.path);
  return narrowed && (await countQuestionnaires(surveyId, scope)) < MIN_CELL;
}

export type CrossRow = { key: string; label: string; option: string; count: number };

/** One question broken down by unit (tallies) or by a respondent band (answer rows). */
export async function crossTab(surveyId: number, question: string, by: "unit" | BandName, scope: Scope): Promise<CrossRow[]> {
  const range = subtreeRange(scope.path);
  let rows: CrossRow[];
  if (by === "unit" && !hasBands(scope)) {
    rows = await db.$queryRaw<CrossRow[]>`
      SELECT u."code" AS "key", u."name" AS "label", t."option", SUM(t."count") AS "count"
      FROM "SurveyTally" t JOIN "Unit" u ON u."id" = t."unitId"
      WHERE t."surveyId" = ${surveyId} AND t."question" = ${question} AND u."path" >= ${range.gte} AND u."path" < ${range.lt}
      GROUP BY u."code", u."name", t."option"`;
  } else {
    const keyCol = by === "unit" ? Prisma.sql`u."code"` : Prisma.sql`r.${Prisma.raw(`"${by}"`)}`;
    const labelCol = by === "unit" ? Prisma.sql`u."name"` : keyCol;
    rows = await db.$queryRaw<CrossRow[]>`
      SELECT ${keyCol} AS "key", ${labelCol} AS "label", a."option", COUNT(*) AS "count"
      FROM ${filteredAnswers(surveyId, scope)} AND a."question" = ${question}
      GROUP BY 1, 2, a."option"
      UNION ALL
      SELECT ${keyCol}, ${labelCol}, '', COUNT(DISTINCT a."responseId")
      FROM ${filteredAnswers(surveyId, scope)} AND a."question" = ${question} AND a."option" <> ''
      GROUP BY 1, 2`;
  }
  return rows.map((r) => ({ key: String(r.key), label: String(r.label), option: r.option, count: Number(r.count) })).filter((r) => r.count > 0);
}

/** Targeted / received / counted / accepted per target unit in the scope. */
export async function unitProgress(surveyId: number, scope: Scope, client: Db | Tx = db) {
  const range = subtreeRange(scope.path);
  const rows = await client.$queryRaw<{ unitId: number; code: string; name: string; quota: number; received: number; counted: number; accepted: number }[]>`
    SELECT u."id" AS "unitId", u."code", u."name", t."quota",
      COALESCE(ut."received", 0) AS "received", COALESCE(ut."counted", 0) AS "counted", COALESCE(ut."accepted", 0) AS "accepted"
    FROM "SurveyTarget" t
    JOIN "Unit" u ON u."id" = t."unitId"
    LEFT JOIN "SurveyUnitTally" ut ON ut."surveyId" = t."surveyId" AND ut."unitId" = t."unitId"
    WHERE t."surveyId" = ${surveyId} AND u."path" >= ${range.gte} AND u."path" < ${range.lt}
    ORDER BY u."code"`;
  return rows.map((r) => ({ ...r, unitId: Number(r.unitId), quota: Number(r.quota), received: Number(r.received), counted: Number(r.counted), accepted: Number(r.accepted) }));
}

async function numberDistribution(surveyId: number, question: string, scope: Scope) {
  const range = subtreeRange(scope.path);
  const rows = await db.$queryRaw<{ value: number; count: number }[]>`
    SELECT a."num" AS "value", COUNT(*) AS "count"
    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId" JOIN "Unit" u ON u."id" = r."unitId"
    WHERE a."surveyId" = ${surveyId} AND a."question" = ${question} AND a."option" = '' AND r."status" IN ${COUNTED}
      AND u."path" >= ${range.gte} AND u."path" < ${range.lt} ${bandWhere(scope.bands)}
    GROUP BY a."num" ORDER BY a."num" LIMIT 60`;
  return rows.map((r) => ({ value: Number(r.value), count: Number(r.count) }));
}

async function textAnswers(surveyId: number, question: string, scope: Scope) {
  const range = subtreeRange(scope.path);
  const rows = await db.$queryRaw<{ text: string }[]>`
    SELECT a."text" FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId" JOIN "Unit" u ON u."id" = r."unitId"
    WHERE a."surveyId" = ${surveyId} AND a."question" = ${question} AND a."option" = '' AND r."status" IN ${COUNTED}
      AND u."path" >= ${range.gte} AND u."path" < ${range.lt} ${bandWhere(scope.bands)}
    ORDER BY a."responseId" DESC LIMIT 100`;
  return rows.map((r) => r.text);
}

export type OptionResult = { code: string; label: string; count: number; share: number; ci: [number, number]; previousShare: number | null };
export type QuestionResult = {
  code: string;
  title: string;
  type: Question["type"];
  n: number;
  mean: number | null;
  options: OptionResult[];
  numbers: { value: number; count: number }[];
  texts: string[];
};

/** The rows a question is shown as: its own code, or (matrix) one row per item. */
function resultUnits(q: Question): { code: string; title: string; options: { code: string; label: string }[] }[] {
  if (q.type === "matrix") return (q.items ?? []).map((item) => ({ code: item.code, title: `${q.title} — ${item.label}`, options: q.options ?? [] }));
  if (q.type === "rating") {
    return [{ code: q.code, title: q.title, options: Array.from({ length: 11 }, (_, i) => ({ code: String(i), label: String(i) })) }];
  }
  return [{ code: q.code, title: q.title, options: q.options ?? [] }];
}

/** Question results from count rows; `previous` (counts of the previous wave) adds comparisons. */
export function buildQuestionResults(def: SurveyDefinition, counts: CountRow[], previous: CountRow[] | null) {
  const index = (rows: CountRow[]) => new Map(rows.map((r) => [`${r.question}\u0000${r.option}`, r]));
  const now = index(counts);
  const before = previous ? index(previous) : null;
  const out: QuestionResult[] = [];
  for (const q of def.questions) {
    for (const unit of resultUnits(q)) {
      const total = now.get(`${unit.code}\u0000`);
      const n = total?.count ?? 0;
      const prevN = before?.get(`${unit.code}\u0000`)?.count ?? 0;
      const options = unit.options.map((o) => {
        const count = now.get(`${unit.code}\u0000${o.code}`)?.count ?? 0;
        const prevCount = before?.get(`${unit.code}\u0000${o.code}`)?.count;
        return {
          code: o.code,
          label: o.label,
          count,
          share: n ? count / n : 0,
          ci: wilson(count, n),
          previousShare: before && prevN && prevCount !== undefined ? prevCount / prevN : before && prevN ? 0 : null,
        };
      });
      const meanable = ["rating", "number", "likert", "matrix"].includes(q.type);
      const sum = q.type === "number" ? (total?.numSum ?? 0) : (total?.numSum ?? 0);
      out.push({ code: unit.code, title: unit.title, type: q.type, n, mean: meanable && n ? sum / n : null, options, numbers: [], texts: [] });
    }
  }
  return out;
}

export type ResultsFilter = { unitId?: number; bands: Partial<Record<BandName, string>> };

/** Reads filters from a URL's query, keeping only known band values. */
export function readFilter(url: URL): ResultsFilter {
  const bands: ResultsFilter["bands"] = {};
  for (const b of BAND_NAMES) {
    const v = url.searchParams.get(b);
    if (v && (BANDS[b] as readonly string[]).includes(v)) bands[b] = v;
  }
  return { unitId: parseId(url.searchParams.get("unit")), bands };
}

export type UnitChoice = { id: number; code: string; name: string; level: number };

/**
 * The units a results page can be filtered to: the survey's target units in the viewer's subtree
 * and every unit between them and the viewer's own (a party committee above its cells), in tree
 * order with their depth below the viewer's unit. The viewer's own unit is "all", so it is left out.
 * Independent of the current filter, so a filtered page can switch to another unit.
 */
export async function unitChoices(viewer: Viewer, surveyId: number): Promise<UnitChoice[]> {
  const targets = await db.surveyTarget.findMany({ where: { surveyId, unit: unitsVisibleTo(viewer) }, select: { unit: { select: { path: true } } } });
  const ids = new Set(targets.flatMap((t) => t.unit.path.split("/").filter(Boolean).map(Number)));
  const units = await db.unit.findMany({
    where: { id: { in: [...ids] }, ...unitsVisibleTo(viewer), NOT: { path: viewer.unitPath } },
    select: { id: true, code: true, name: true, depth: true },
    orderBy: { path: "asc" },
  });
  const rootDepth = viewer.unitPath.split("/").filter(Boolean).length - 1;
  return units.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.depth - rootDepth - 1 }));
}

export async function scopeFor(viewer: Viewer, filter: ResultsFilter): Promise<Scope & { unitName: string }> {
  if (!filter.unitId) return { path: viewer.unitPath, bands: filter.bands, unitName: viewer.unitName };
  const unit = await db.unit.findUnique({ where: { id: filter.unitId }, select: { path: true, name: true } });
  assertUnitVisible(viewer, unit);
  return { path: unit.path, bands: filter.bands, unitName: unit.name };
}

/**
 * The whole results page of one survey for the viewer's scope and filters. `answerDetails`
 * adds what only the page shows (number distributions, latest text answers): each reads answer
 * rows, not tallies, so exports of the counts skip them.
 */
export async function surveyResults(viewer: Viewer, surveyId: number, filter: ResultsFilter, { answerDetails = true } = {}) {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const suppressed = await isSuppressed(surveyId, scope);
  const [counts, units, previous] = await Promise.all([
    suppressed ? Promise.resolve([]) : countAnswers(surveyId, scope),
    unitProgress(surveyId, scope),
    survey.previousWaveId && !suppressed ? countAnswers(survey.previousWaveId, scope) : Promise.resolve(null),
  ]);
  // Suppressed: no question results at all (no counts, shares, means, distributions or texts).
  const questions = suppressed ? [] : buildQuestionResults(survey.definition, counts, previous);
  for (const q of answerDetails ? questions : []) {
    if (q.type === "number") q.numbers = await numberDistribution(surveyId, q.code, scope);
    if (q.type === "shortText" || q.type === "longText") q.texts = await textAnswers(surveyId, q.code, scope);
  }
  const totals = units.reduce(
    (t, u) => ({ quota: t.quota + u.quota, received: t.received + u.received, counted: t.counted + u.counted, accepted: t.accepted + u.accepted }),
    { quota: 0, received: 0, counted: 0, accepted: 0 },
  );
  return {
    survey: { id: survey.id, code: survey.code, title: survey.title, period: survey.period, status: survey.status, version: survey.version },
    previousWave: survey.previousWave,
    definition: survey.definition,
    scope: { unitName: scope.unitName },
    suppressed: suppressed ? { minCell: MIN_CELL } : null,
    units,
    totals,
    questions,
  };
}

export type CrossCell = { count: number | null; share: number | null };

/** A cross-tab table: one row per unit or band value, cells with n < 5 suppressed. */
export async function crossTable(viewer: Viewer, surveyId: number, question: string, by: "unit" | BandName, filter: ResultsFilter) {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const q = survey.definition.questions.find((x) => x.code === question) ??
    survey.definition.questions.find((x) => x.items?.some((i) => i.code === question));
  if (!q || !["single", "multiple", "likert", "matrix", "rating", "ranking"].includes(q.type)) return null;
  const options = resultUnits(q).find((u) => u.code === question)?.options ?? [];
  if (await isSuppressed(surveyId, scope)) return { question, options, rows: [] };
  const rows = await crossTab(surveyId, question, by, scope);
  const groups = new Map<string, { key: string; label: string; n: number; counts: Map<string, number> }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { key: r.key, label: r.label, n: 0, counts: new Map() };
    if (r.option === "") g.n = r.count;
    else g.counts.set(r.option, r.count);
    groups.set(r.key, g);
  }
  return {
    question,
    options,
    rows: [...groups.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((g) => ({
        key: g.key,
        label: g.label,
        n: g.n,
        suppressed: g.n < MIN_CELL,
        cells: options.map((o): CrossCell => {
          if (g.n < MIN_CELL) return { count: null, share: null };
          const count = g.counts.get(o.code) ?? 0;
          return { count, share: count / g.n };
        }),
      })),
  };
}
