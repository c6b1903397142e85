/**
 * Survey results, computed in SQL; nothing loads questionnaires into JavaScript to count them.
 * Where each figure comes from (docs/decisions/0011-survey-storage.md, 0028-band-tallies.md):
 *  - no respondent band filter: the exact per-unit tallies (SurveyTally, SurveyUnitTally);
 *  - band filters or breakdowns over the whole province: the exact per-band-cell tallies
 *    (SurveyBandTally), a few tens of thousands of rows a wave, whatever its size;
 *  - band filters below the province (a commune, a committee): that scope's answer rows only,
 *    reached from its units, so a commune's page costs a commune's data.
 * Reads run on the read pool (app/db/read-pool.server.ts) unless a transaction's client is given.
 */
import { assertUnitVisible, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { isProvinceLevel } from "~/accounts/roles";
import { db, type Db, type Tx } from "~/db/db.server";
import { analyticalRead } from "~/db/read-pool.server";
import { COUNTED_STATUSES_SQL, inSubtreeSql, numberRows } from "~/db/sql-rules.server";
import { Prisma } from "~/generated/prisma/client";
import { BAND_NAMES, BANDS, resultRowsOf, specOf, storedDefinitionSchema, type BandName, type Question, type SurveyDefinition } from "./definition";
import { listQuestions } from "./question-types";
import type { Bins } from "./question-types/spec";
import { groupAnswers, type AnswerGroup } from "./open-answers";
import type { QuestionResult } from "./result-sections";
import { MIN_CELL, wilson } from "./stats";
import { getSurvey } from "./surveys.server";
import { parseId } from "~/utils/http.server";

export type Scope = { path: string; bands: Partial<Record<BandName, string>> };
export type CountRow = { question: string; option: string; count: number; numSum: number };

/** `AND <alias>."<band>" = ?` for each band the scope filters on (responses or band tallies). */
export function bandWhere(bands: Scope["bands"], alias = "r") {
  const parts = BAND_NAMES.filter((b) => bands[b]).map((b) => Prisma.sql`AND ${Prisma.raw(`${alias}."${b}"`)} = ${bands[b]}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

const hasBands = (scope: Scope) => BAND_NAMES.some((b) => scope.bands[b]);

/**
 * The province's scope holds every unit, so the survey-wide band tallies are exactly its figures.
 * (A single province per installation: every unit lies under its root.)
 */
const wholeSurvey = (scope: Scope) => isProvinceLevel(scope.path);

/**
 * The scope's counted answer rows (of one question, or all), materialised once so the counts and
 * each question's n are two small aggregates over it rather than two walks over the answers.
 * Reached from the scope's units (CROSS JOIN fixes that order in SQLite: the subtree's units,
 * then their questionnaires by the covering (surveyId, unitId, status, bands…) index, then each
 * one's answers by primary key), so the walk is the scope's data, never the wave's.
 */
function scopedAnswers(surveyId: number, scope: Scope, question?: string, materialized = true) {
  // Not materialised, each reader walks the rows itself with its own filter pushed into the walk.
  return Prisma.sql`WITH "rows" AS ${Prisma.raw(materialized ? "MATERIALIZED" : "NOT MATERIALIZED")} (
    SELECT r."id" AS "responseId", r."unitId", r."ageBand", r."gender", r."occupation", r."area", a."question", a."option", a."num"
    FROM "Unit" u CROSS JOIN "SurveyResponse" r CROSS JOIN "SurveyAnswer" a
    WHERE ${inSubtreeSql(scope.path)}
      AND r."surveyId" = ${surveyId} AND r."status" IN ${COUNTED_STATUSES_SQL} AND r."unitId" = u."id" ${bandWhere(scope.bands)}
      AND a."responseId" = r."id" ${question === undefined ? Prisma.empty : Prisma.sql`AND a."question" = ${question}`}
  )`;
}

/**
 * One row per questionnaire × question answered with options (over "rows"), with "question" and,
 * if given, a `key` column (a unit id or a band): counted, they are the questions' n. Its numSum
 * is the one option's num when exactly one was chosen, as the tallies keep it (app/surveys/rows.ts:
 * tallyRows). Rows with option "" (numbers, texts) are their own n and are left out.
 */
function answeredQuestions(key?: Prisma.Sql, only?: Prisma.Sql) {
  const keyColumn = key ? Prisma.sql`, ${key} AS "key"` : Prisma.empty;
  const keyGroup = key ? Prisma.sql`, ${key}` : Prisma.empty;
  const onlyThese = only ? Prisma.sql`AND "question" IN (${only})` : Prisma.empty;
  return Prisma.sql`
    SELECT "question"${keyColumn}, CASE WHEN COUNT(*) = 1 THEN COALESCE(MAX("num"), 0) ELSE 0 END AS "numSum"
    FROM "rows" WHERE "option" <> '' ${onlyThese} GROUP BY "responseId", "question"${keyGroup}`;
}

/**
 * Every question × option count of a survey within a unit subtree (option "" = the question's n).
 * The benchmark's "quarterly results" path. `manyRows` (the codes whose answer may be several rows:
 * multiple choice, ranking: `listQuestions`) lets a band-filtered scope below the province count
 * in one pass (below); without it every question's n is counted questionnaire by questionnaire.
 */
export async function countAnswers(surveyId: number, scope: Scope, client?: Db | Tx, questions?: string[], manyRows?: readonly string[]): Promise<CountRow[]> {
  let rows: CountRow[];
  if (!hasBands(scope)) {
    // `questions` (tallies only) keeps to those questions: the quarterly report's trend reads a few
    // questions of each earlier wave.
    const only = questions ? Prisma.sql`AND t."question" IN (${questions.length > 0 ? Prisma.join(questions) : Prisma.sql`NULL`})` : Prisma.empty;
    rows = await analyticalRead<CountRow>(
      Prisma.sql`
        SELECT t."question", t."option", SUM(t."count") AS "count", SUM(t."numSum") AS "numSum"
        FROM "SurveyTally" t JOIN "Unit" u ON u."id" = t."unitId"
        WHERE t."surveyId" = ${surveyId} AND ${inSubtreeSql(scope.path)} ${only}
        GROUP BY t."question", t."option"`,
      client,
    );
  } else if (wholeSurvey(scope)) {
    rows = await analyticalRead<CountRow>(
      Prisma.sql`
        SELECT t."question", t."option", SUM(t."count") AS "count", SUM(t."numSum") AS "numSum"
        FROM "SurveyBandTally" t
        WHERE t."surveyId" = ${surveyId} AND t."question" <> '' ${bandWhere(scope.bands, "t")}
        GROUP BY t."question", t."option"`,
      client,
    );
  } else {
    rows = await analyticalRead<CountRow>(manyRows ? scopedCountsSql(surveyId, scope, manyRows) : scopedCountsByResponseSql(surveyId, scope), client);
  }
  return numberRows(rows).filter((r) => r.count > 0);
}

/**
 * The scope's counts in one GROUP BY over its answer rows (no materialised copy): a question
 * answered with one row per questionnaire has its n and numSum in its option cells already, so
 * only the `manyRows` questions are grouped questionnaire by questionnaire (half the time of
 * `scopedCountsByResponseSql` on a commune's 75,000 rows; the walk itself is a tenth of it).
 * Rows with option "" (numbers, texts, dates) are their own n.
 */
function scopedCountsSql(surveyId: number, scope: Scope, manyRows: readonly string[]) {
  // Without list questions there is no third part (and no `NOT IN (NULL)`, which is never true).
  const several = manyRows.length > 0 ? Prisma.join([...manyRows]) : null;
  return Prisma.sql`${scopedAnswers(surveyId, scope, undefined, false)},
    "cells" AS MATERIALIZED (SELECT "question", "option", COUNT(*) AS "count", COALESCE(SUM("num"), 0) AS "numSum" FROM "rows" GROUP BY "question", "option")
    SELECT "question", "option", "count", "numSum" FROM "cells"
    UNION ALL
    SELECT "question", '', SUM("count"), SUM("numSum") FROM "cells"
    WHERE "option" <> '' ${several ? Prisma.sql`AND "question" NOT IN (${several})` : Prisma.empty} GROUP BY "question"
    ${several ? Prisma.sql`UNION ALL SELECT "question", '', COUNT(*), SUM("numSum") FROM (${answeredQuestions(undefined, several)}) q GROUP BY "question"` : Prisma.empty}`;
}

/** The same counts when which questions have several rows is not known: every n questionnaire by questionnaire. */
function scopedCountsByResponseSql(surveyId: number, scope: Scope) {
  return Prisma.sql`${scopedAnswers(surveyId, scope)}
    SELECT "question", "option", COUNT(*) AS "count", COALESCE(SUM("num"), 0) AS "numSum" FROM "rows"
    GROUP BY "question", "option"
    UNION ALL
    SELECT "question", '', COUNT(*), SUM("numSum") FROM (${answeredQuestions()}) q
    GROUP BY "question"`;
}

/** Counted questionnaires of the scope: from the unit tallies, the band tallies, or the scope's questionnaires. */
export async function countQuestionnaires(surveyId: number, scope: Scope): Promise<number> {
  const query = !hasBands(scope)
    ? Prisma.sql`
        SELECT COALESCE(SUM(t."counted"), 0) AS "n" FROM "SurveyUnitTally" t JOIN "Unit" u ON u."id" = t."unitId"
        WHERE t."surveyId" = ${surveyId} AND ${inSubtreeSql(scope.path)}`
    : wholeSurvey(scope)
      ? Prisma.sql`
        SELECT COALESCE(SUM(t."count"), 0) AS "n" FROM "SurveyBandTally" t
        WHERE t."surveyId" = ${surveyId} AND t."question" = '' ${bandWhere(scope.bands, "t")}`
      : Prisma.sql`
        SELECT COUNT(*) AS "n" FROM "Unit" u CROSS JOIN "SurveyResponse" r
        WHERE ${inSubtreeSql(scope.path)}
          AND r."surveyId" = ${surveyId} AND r."status" IN ${COUNTED_STATUSES_SQL} AND r."unitId" = u."id" ${bandWhere(scope.bands)}`;
  const [row] = await analyticalRead<{ n: number | bigint }>(query);
  return Number(row?.n ?? 0);
}

/**
 * Small-cell suppression for whole results: a result narrower than the whole
 * province — one unit's subtree (chosen by filter, or the viewer's own unit below the province) or
 * any respondent band — is shown only when at least MIN_CELL counted questionnaires match.
 * Otherwise no breakdown number is shown or exported, whoever asks.
 */
export async function isSuppressed(surveyId: number, scope: Scope): Promise<boolean> {
  const matching = await narrowedCount(surveyId, scope);
  return matching !== null && matching < MIN_CELL;
}

/** The counted questionnaires of a scope narrower than the province (null for the province unfiltered). */
async function narrowedCount(surveyId: number, scope: Scope): Promise<number | null> {
  const narrowed = hasBands(scope) || !isProvinceLevel(scope.path);
  return narrowed ? countQuestionnaires(surveyId, scope) : null;
}

export type CrossRow = { key: string; label: string; option: string; count: number };

/**
 * One question broken down by unit or by a respondent band: by unit without band filters from the
 * unit tallies; by a band over the whole province from the band tallies; otherwise from the
 * scope's answer rows of that one question (grouped by unit id, labelled after grouping).
 */
export async function crossTab(surveyId: number, question: string, by: "unit" | BandName, scope: Scope, listAnswer?: boolean): Promise<CrossRow[]> {
  let query: Prisma.Sql;
  if (by === "unit" && !hasBands(scope)) {
    query = Prisma.sql`
      SELECT u."code" AS "key", u."name" AS "label", t."option", SUM(t."count") AS "count"
      FROM "SurveyTally" t JOIN "Unit" u ON u."id" = t."unitId"
      WHERE t."surveyId" = ${surveyId} AND t."question" = ${question} AND ${inSubtreeSql(scope.path)}
      GROUP BY u."code", u."name", t."option"`;
  } else if (by !== "unit" && wholeSurvey(scope)) {
    const band = Prisma.raw(`t."${by}"`);
    query = Prisma.sql`
      SELECT ${band} AS "key", ${band} AS "label", t."option", SUM(t."count") AS "count"
      FROM "SurveyBandTally" t
      WHERE t."surveyId" = ${surveyId} AND t."question" = ${question} ${bandWhere(scope.bands, "t")}
      GROUP BY ${band}, t."option"`;
  } else {
    const key = Prisma.raw(by === "unit" ? `"unitId"` : `"${by}"`);
    // A question answered with one option per questionnaire has its n in its option cells: one
    // GROUP BY over the rows (as countAnswers). A list answer's n counts questionnaires.
    const grouped =
      listAnswer === false
        ? Prisma.sql`${scopedAnswers(surveyId, scope, question, false)},
      "options" AS MATERIALIZED (SELECT ${key} AS "key", "option", COUNT(*) AS "count" FROM "rows" GROUP BY ${key}, "option"),
      "cells" AS (
        SELECT "key", "option", "count" FROM "options"
        UNION ALL
        SELECT "key", '', SUM("count") FROM "options" WHERE "option" <> '' GROUP BY "key"
      )`
        : Prisma.sql`${scopedAnswers(surveyId, scope, question)},
      "cells" AS (
        SELECT ${key} AS "key", "option", COUNT(*) AS "count" FROM "rows" GROUP BY ${key}, "option"
        UNION ALL
        SELECT "key", '', COUNT(*) FROM (${answeredQuestions(key)}) q GROUP BY "key"
      )`;
    query =
      by === "unit"
        ? Prisma.sql`${grouped} SELECT u."code" AS "key", u."name" AS "label", c."option", c."count" FROM "cells" c JOIN "Unit" u ON u."id" = c."key"`
        : Prisma.sql`${grouped} SELECT c."key", c."key" AS "label", c."option", c."count" FROM "cells" c`;
  }
  const rows = await analyticalRead<CrossRow>(query);
  return numberRows(rows).filter((r) => r.count > 0);
}

/**
 * Targeted / received / counted / accepted / returned per target unit in the scope. Received is
 * every stored questionnaire; counted (in every figure) = accepted + submitted and not yet
 * reviewed; returned ones wait for their collaborator and count again once resubmitted.
 */
export async function unitProgress(surveyId: number, scope: Scope, client?: Db | Tx) {
  const rows = await analyticalRead<{ unitId: number; code: string; name: string; quota: number; received: number; counted: number; accepted: number; returned: number }>(
    Prisma.sql`
      SELECT u."id" AS "unitId", u."code", u."name", t."quota",
        COALESCE(ut."received", 0) AS "received", COALESCE(ut."counted", 0) AS "counted", COALESCE(ut."accepted", 0) AS "accepted",
        COALESCE(ut."returned", 0) AS "returned"
      FROM "SurveyTarget" t
      JOIN "Unit" u ON u."id" = t."unitId"
      LEFT JOIN "SurveyUnitTally" ut ON ut."surveyId" = t."surveyId" AND ut."unitId" = t."unitId"
      WHERE t."surveyId" = ${surveyId} AND ${inSubtreeSql(scope.path)}
      ORDER BY u."code"`,
    client,
  );
  return numberRows(rows);
}

/**
 * A number question's values and their counts: value by value (the first 60), or in ranges of
 * `bins` (a slider's 0–100 as ten ranges), grouped in SQL either way. Band tallies for the
 * province, else the scope's answers.
 */
async function numberDistribution(surveyId: number, question: string, scope: Scope, bins?: Bins) {
  const column = Prisma.raw(wholeSurvey(scope) ? `t."value"` : `"num"`);
  // With bins the key is the range's index: the value's whole number of steps from the start
  // (ROUND: 0.3 / 0.1 is 2.999… in floating point), then whole ranges of steps. FLOOR and ROUND
  // are SQL standard (PostgreSQL, SQLite's math functions); GROUP BY 1 groups by that expression
  // once (written twice, each copy would get its own parameters and PostgreSQL would refuse it).
  const key = bins ? Prisma.sql`FLOOR(ROUND((${column} - ${bins.start}) / ${bins.step}) / ${stepsPerRange(bins)})` : column;
  const limit = bins ? Prisma.empty : Prisma.sql`LIMIT 60`;
  const query = wholeSurvey(scope)
    ? Prisma.sql`
        SELECT ${key} AS "value", SUM(t."count") AS "count" FROM "SurveyBandTally" t
        WHERE t."surveyId" = ${surveyId} AND t."question" = ${question} AND t."option" = '' ${bandWhere(scope.bands, "t")}
        GROUP BY 1 HAVING SUM(t."count") > 0 ORDER BY 1 ${limit}`
    : Prisma.sql`${scopedAnswers(surveyId, scope, question)}
        SELECT ${key} AS "value", COUNT(*) AS "count" FROM "rows" WHERE "option" = ''
        GROUP BY 1 ORDER BY 1 ${limit}`;
  const rows = numberRows(await analyticalRead<{ value: number; count: number }>(query));
  return bins ? everyRange(bins, rows) : rows;
}

const stepsPerRange = (bins: Bins) => Math.round(bins.width / bins.step);

/** Every range of the bins by its index, empty ones too (a slider's shape shows its gaps), with its first and last value. */
function everyRange(bins: Bins, rows: { value: number; count: number }[]) {
  const counted = new Map(rows.map((r) => [r.value, r.count]));
  const perRange = stepsPerRange(bins);
  // The k-th step's value, rounded to the step's decimals (0 + 3 × 0.1 is 0.30000000000000004).
  const decimals = Math.max(decimalsOf(bins.start), decimalsOf(bins.step));
  const atStep = (k: number) => Number((bins.start + k * bins.step).toFixed(decimals));
  const out: { value: number; upTo: number; count: number }[] = [];
  for (let i = 0; atStep(i * perRange) <= bins.last; i++) {
    out.push({ value: atStep(i * perRange), upTo: Math.min(atStep((i + 1) * perRange - 1), bins.last), count: counted.get(i) ?? 0 });
  }
  return out;
}

const decimalsOf = (x: number) => (String(x).split(".")[1] ?? "").length;

/** How many groups of identical answers the database hands over (the page shows at most 100). */
const ANSWER_GROUPS_READ = 1000;

/**
 * A text question's answers grouped: the database groups them on the trimmed text (TRIM and
 * GROUP BY are portable; SQLite's LOWER folds only ASCII, so "Đường xấu" and "đường xấu" would
 * stay apart), then groupAnswers folds case and inner whitespace over those already-grouped rows —
 * at most a thousand, not one per answer (docs/decisions/0033). The 1,000 most frequent trimmed
 * texts are read: a spelling variant beyond them (given once or twice) is not merged in.
 * The province is read from the answer index (surveyId, question, option); a smaller scope from
 * its own units' questionnaires, so a commune's page costs a commune's data.
 */
async function answerGroups(surveyId: number, question: string, scope: Scope): Promise<AnswerGroup[]> {
  const from = wholeSurvey(scope)
    ? Prisma.sql`
      FROM "SurveyAnswer" a CROSS JOIN "SurveyResponse" r
      WHERE a."surveyId" = ${surveyId} AND a."question" = ${question} AND a."option" = ''
        AND r."id" = a."responseId" AND r."status" IN ${COUNTED_STATUSES_SQL} ${bandWhere(scope.bands)}`
    : Prisma.sql`
      FROM "Unit" u CROSS JOIN "SurveyResponse" r CROSS JOIN "SurveyAnswer" a
      WHERE ${inSubtreeSql(scope.path)}
        AND r."surveyId" = ${surveyId} AND r."status" IN ${COUNTED_STATUSES_SQL} AND r."unitId" = u."id" ${bandWhere(scope.bands)}
        AND a."responseId" = r."id" AND a."question" = ${question} AND a."option" = ''`;
  const rows = await analyticalRead<{ text: string; count: number }>(Prisma.sql`
    SELECT TRIM(a."text") AS "text", COUNT(*) AS "count" ${from} AND TRIM(a."text") <> ''
    GROUP BY TRIM(a."text") ORDER BY COUNT(*) DESC, TRIM(a."text") LIMIT ${ANSWER_GROUPS_READ}`);
  return groupAnswers(rows.map((r) => ({ text: String(r.text), count: Number(r.count) })));
}

export type { OptionResult, QuestionResult } from "./result-sections";

/** Question results from count rows; `previous` (counts of the previous wave) adds comparisons. */
export function buildQuestionResults(def: SurveyDefinition, counts: CountRow[], previous: CountRow[] | null) {
  const index = (rows: CountRow[]) => new Map(rows.map((r) => [`${r.question}\u0000${r.option}`, r]));
  const now = index(counts);
  const before = previous ? index(previous) : null;
  const out: QuestionResult[] = [];
  for (const q of def.questions) {
    const meanable = specOf(q.type).results.meanable;
    for (const unit of resultRowsOf(q)) {
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
      const mean = meanable && n ? (total?.numSum ?? 0) / n : null;
      out.push({ code: unit.code, title: unit.title, type: q.type, n, mean, options, numbers: [], answers: [] });
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
 * adds what only the page shows (number distributions, grouped text answers): each reads answer
 * rows, not tallies, so exports of the counts skip them.
 */
export async function surveyResults(viewer: Viewer, surveyId: number, filter: ResultsFilter, { answerDetails = true } = {}) {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const matching = await narrowedCount(surveyId, scope);
  const suppressed = matching !== null && matching < MIN_CELL;
  const previousWaveId = survey.previousWaveId;
  const [counts, units, previous] = await Promise.all([
    suppressed ? Promise.resolve([]) : countAnswers(surveyId, scope, undefined, undefined, listQuestions(survey.definition)),
    unitProgress(surveyId, scope),
    previousWaveId && !suppressed ? previousWaveCounts(previousWaveId, scope) : Promise.resolve(null),
  ]);
  // Suppressed: no question results at all (no counts, shares, means, distributions or answers).
  const questions = suppressed ? [] : buildQuestionResults(survey.definition, counts, previous);
  // Independent reads: the read pool runs them side by side.
  const asked = new Map(survey.definition.questions.map((q) => [q.code, q]));
  await Promise.all((answerDetails ? questions : []).map((result) => readDetails(surveyId, scope, result, asked.get(result.code))));
  const totals = units.reduce(
    (t, u) => ({
      quota: t.quota + u.quota,
      received: t.received + u.received,
      counted: t.counted + u.counted,
      accepted: t.accepted + u.accepted,
      returned: t.returned + u.returned,
    }),
    { quota: 0, received: 0, counted: 0, accepted: 0, returned: 0 },
  );
  return {
    survey: { id: survey.id, code: survey.code, title: survey.title, period: survey.period, status: survey.status, version: survey.version },
    previousWave: survey.previousWave,
    definition: survey.definition,
    scope: { unitName: scope.unitName },
    suppressed: suppressed ? { minCell: MIN_CELL } : null,
    // The questionnaires the respondent filters leave (the figures' base), never below MIN_CELL.
    matching: hasBands(scope) && !suppressed ? matching : null,
    units,
    totals,
    questions,
  };
}

/** What the page shows beyond the counts, by the question's results view: its numbers, or its grouped answers. */
async function readDetails(surveyId: number, scope: Scope, result: QuestionResult, q: Question | undefined) {
  if (!q) return;
  const { view, bins } = specOf(q.type).results;
  if (view === "numbers") result.numbers = await numberDistribution(surveyId, q.code, scope, bins?.(q));
  if (view === "answers") result.answers = await answerGroups(surveyId, q.code, scope);
}

/**
 * The previous wave's counts in the same scope, counted with its own list-answered codes (an
 * earlier wave's may differ from this one's). Its id comes from the survey the gate let through.
 */
async function previousWaveCounts(surveyId: number, scope: Scope) {
  const stored = await db.survey.findUnique({ where: { id: surveyId }, select: { definition: true } });
  const listCodes = stored ? listQuestions(storedDefinitionSchema.parse(JSON.parse(stored.definition))) : [];
  return countAnswers(surveyId, scope, undefined, undefined, listCodes);
}

export type CrossCell = { count: number | null; share: number | null };

/** A cross-tab table: one row per unit or band value, cells with n < 5 suppressed. */
export async function crossTable(viewer: Viewer, surveyId: number, question: string, by: "unit" | BandName, filter: ResultsFilter) {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const q = survey.definition.questions.find((x) => x.code === question) ??
    survey.definition.questions.find((x) => x.items?.some((i) => i.code === question));
  // Only counted options break down (not numbers, texts or dates).
  if (!q || !["choices", "matrix"].includes(specOf(q.type).results.view)) return null;
  const options = resultRowsOf(q).find((u) => u.code === question)?.options ?? [];
  if (await isSuppressed(surveyId, scope)) return { question, options, rows: [] };
  const rows = await crossTab(surveyId, question, by, scope, Boolean(specOf(q.type).listAnswer));
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
