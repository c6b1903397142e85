/**
 * Exports of results and answers: CSV (UTF-8 with BOM, so Excel shows Vietnamese) and XLSX
 * (app/exports/xlsx-stream.server.ts: rows are read as the download consumes them).
 * Every text cell that a spreadsheet would read as a formula is neutralised.
 */
import { Readable } from "node:stream";
import type { Viewer } from "~/access/gate.server";
import { inSubtreePositional, subtreeValues } from "~/db/sql-rules.server";
import { can } from "~/accounts/roles";
import { readSnapshot } from "~/db/read-pool.server";
import { auditWhenClosed, RowCounter, type ExportScope } from "~/exports/export-audit.server";
import { csvLine, inChunks, neutraliseFormula } from "~/exports/table-export.server";
import { streamXlsx, type XlsxCell } from "~/exports/xlsx-stream.server";
import { BAND_NAMES, resultRowsOf, specOf, type SurveyDefinition } from "./definition";
import { scopeFor, surveyResults, type ResultsFilter, type Scope } from "./results.server";
import { getSurvey } from "./surveys.server";
import { notFound } from "~/utils/http.server";
import type { TFunction } from "i18next";
import { textsFor } from "~/i18n/server-texts.server";

type Cell = XlsxCell;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The files speak the reader's language; Vietnamese when no request chose one (tests, scripts). */
const vietnamese = (): TFunction => textsFor("vi").t;

const RESULT_COLUMNS = ["questionCode", "question", "optionCode", "option", "count", "n", "pct", "ciLow", "ciHigh", "mean"] as const;
const ANSWER_COLUMNS = ["id", "unit", "status", "revision", "ageBand", "gender", "occupation", "area"] as const;

/** Result table rows: question, option, count, n, %, 95% CI. */
export async function resultTable(viewer: Viewer, surveyId: number, filter: ResultsFilter, t: TFunction = vietnamese()) {
  const results = await surveyResults(viewer, surveyId, filter, { answerDetails: false });
  const header: Cell[] = RESULT_COLUMNS.map((c) => t(`surveys.export.results.${c}`));
  const rows: Cell[][] = [];
  // Suppressed (fewer than 5 questionnaires in a narrowed scope): the file says so, with no numbers.
  if (results.suppressed) rows.push([t("surveys.export.results.suppressed", { min: results.suppressed.minCell })]);
  for (const q of results.questions) {
    if (q.options.length === 0) {
      rows.push([q.code, q.title, "", "", q.n, q.n, null, null, null, q.mean === null ? null : round(q.mean)]);
      continue;
    }
    for (const o of q.options) {
      rows.push([q.code, q.title, o.code, o.label, o.count, q.n, round(o.share * 100), round(o.ci[0] * 100), round(o.ci[1] * 100), q.mean === null ? null : round(q.mean)]);
    }
  }
  return { results, header, rows };
}

/** Answer columns: every code answers are stored under (a matrix's items under their own), numeric where the type's answer is a number. */
function answerColumns(def: SurveyDefinition) {
  return def.questions.flatMap((q) => resultRowsOf(q).map((r) => ({ code: r.code, numeric: Boolean(specOf(q.type).numeric) })));
}

/** Questionnaires per page: one read of ~10 ms on the pool, formatted between reads. */
const PAGE_SIZE = 500;

/**
 * The scope's next page of questionnaires after a given id, chosen by the (surveyId, id) index,
 * so a page costs the same at the start and the end of a 100,000-questionnaire wave.
 */
function responsePageSql(bands: Scope["bands"]) {
  const bandFilter = BAND_NAMES.filter((b) => bands[b]).map((b) => `AND r."${b}" = ?`).join(" ");
  return `SELECT r."id", u."code", r."status", r."revision", r."ageBand", r."gender", r."occupation", r."area"
    FROM "SurveyResponse" r JOIN "Unit" u ON u."id" = r."unitId"
    WHERE r."surveyId" = ? AND r."id" > ? AND ${inSubtreePositional("u")} ${bandFilter}
    ORDER BY r."id" LIMIT ?`;
}

/**
 * The answer rows of that same page, by the answer table's primary key (responseId, question, option);
 * within a question by `num`, so a ranking's options come in rank order (multiple choice has no num).
 */
function answerPageSql(bands: Scope["bands"]) {
  return `SELECT a."responseId", a."question", a."option", a."num", a."text" FROM "SurveyAnswer" a
    WHERE a."responseId" IN (SELECT p."id" FROM (${responsePageSql(bands)}) p)
    ORDER BY a."responseId", a."question", a."num", a."option"`;
}

type ResponseRow = [id: number, code: string, status: string, revision: number, ageBand: string, gender: string, occupation: string, area: string];
type AnswerRow = [responseId: number, question: string, option: string, num: number | null, text: string | null];

/**
 * Reads one page (questionnaires and their answers) on the read pool, both statements in one
 * read transaction (one snapshot, even while submissions commit), so the event loop and the app's
 * connection stay free while the page is read.
 */
async function readPage(surveyId: number, scope: Scope, after: number, pageSize: number) {
  const values = [surveyId, after, ...subtreeValues(scope.path), ...BAND_NAMES.filter((b) => scope.bands[b]).map((b) => scope.bands[b]), pageSize];
  const [responses, answers] = await readSnapshot([
    { sql: responsePageSql(scope.bands), values, raw: true },
    { sql: answerPageSql(scope.bands), values, raw: true },
  ]);
  return { responses: responses as ResponseRow[], answers: answers as AnswerRow[] };
}

/** One spreadsheet row per questionnaire of the scope, read in pages by id (never the whole survey at once). */
export async function* answerSheetRows(surveyId: number, def: SurveyDefinition, scope: Scope, pageSize = PAGE_SIZE): AsyncGenerator<Cell[]> {
  const columns = answerColumns(def);
  const fixed = ANSWER_COLUMNS.length;
  const columnOf = new Map(columns.map((c, i) => [c.code, { index: fixed + i, numeric: c.numeric }]));
  let after = 0;
  for (;;) {
    const { responses, answers } = await readPage(surveyId, scope, after, pageSize);
    if (responses.length === 0) return;
    let next = 0;
    for (const response of responses) {
      const row: Cell[] = [...response, ...Array<Cell>(columns.length).fill(null)];
      // Answers come in response order, so each response's rows are the next run of the list.
      while (next < answers.length && answers[next]![0] < response[0]) next++;
      for (; next < answers.length && answers[next]![0] === response[0]; next++) {
        const [, question, option, num, text] = answers[next]!;
        const column = columnOf.get(question);
        if (!column) continue;
        const value = option !== "" ? option : text ?? (num === null ? "" : String(num));
        const previous = row[column.index];
        // Several options of one question (multiple choice) share the cell: "A;C".
        row[column.index] = previous !== null ? `${previous};${value}` : column.numeric ? Number(value) : value;
      }
      yield row;
    }
    after = responses[responses.length - 1]![0];
  }
}

function answerHeader(def: SurveyDefinition, t: TFunction): Cell[] {
  return [...ANSWER_COLUMNS.map((c) => t(`surveys.export.answers.${c}`)), ...answerColumns(def).map((c) => c.code)];
}

function fileName(code: string, ext: string) {
  return `${code.replace(/[^A-Za-z0-9._-]/g, "_")}.${ext}`;
}

/** What the audit entry of a survey export says was taken. */
function exportScope(surveyId: number, format: "csv" | "xlsx", kind: string, filter: ResultsFilter): ExportScope {
  return { action: "survey.export", entityType: "Survey", entityId: surveyId, scope: { format, kind, unitId: filter.unitId ?? null, bands: filter.bands } };
}

/** CSV of the results (kind=results) or of the answers (kind=answers), streamed. */
export async function csvExport(viewer: Viewer, surveyId: number, filter: ResultsFilter, kind: "results" | "answers", t: TFunction = vietnamese()) {
  // Answer-level files: province-level admin and secretariat only (decision 0016); others 404.
  if (kind === "answers" && !can(viewer, "downloadAnswers")) notFound();
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const counter = new RowCounter();
  async function* lines() {
    yield "\uFEFF";
    if (kind === "results") {
      const { header, rows } = await resultTable(viewer, surveyId, filter, t);
      yield csvLine(header);
      for await (const row of counter.count("results", rows)) yield csvLine(row);
    } else {
      yield csvLine(answerHeader(survey.definition, t));
      for await (const row of counter.count("questionnaires", answerSheetRows(surveyId, survey.definition, scope))) yield csvLine(row);
    }
  }
  // Byte mode: the strings leave as UTF-8 bytes, which is what a web stream's readers expect.
  const stream = auditWhenClosed(Readable.from(inChunks(lines()), { objectMode: false }), viewer, exportScope(surveyId, "csv", kind, filter), counter);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(`${survey.code}-${kind}`, "csv")}"`,
    },
  });
}

/**
 * XLSX with a results sheet and, for those who may download answer-level files (decision 0016),
 * an answers sheet; streamed: memory stays flat at any size.
 */
export async function xlsxExport(viewer: Viewer, surveyId: number, filter: ResultsFilter, t: TFunction = vietnamese()) {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const { results, header, rows } = await resultTable(viewer, surveyId, filter, t);
  const summary: Cell[][] = [
    [results.survey.title],
    [
      t("surveys.export.forms.issued"), results.totals.quota,
      t("surveys.export.forms.received"), results.totals.received,
      t("surveys.export.forms.valid"), results.totals.counted,
    ],
    header,
    ...rows,
  ];
  const counter = new RowCounter();
  async function* answerSheet() {
    yield answerHeader(survey.definition, t);
    yield* counter.count("questionnaires", answerSheetRows(surveyId, survey.definition, scope));
  }
  const neutralised = async function* (source: AsyncIterable<Cell[]> | Iterable<Cell[]>) {
    for await (const row of source) yield row.map(neutraliseFormula);
  };
  counter.counts.results = rows.length;
  const withAnswers = can(viewer, "downloadAnswers");
  const body = auditWhenClosed(
    streamXlsx([
      { name: t("surveys.export.resultsSheet"), rows: neutralised(summary) },
      ...(withAnswers ? [{ name: t("surveys.export.answersSheet"), rows: neutralised(answerSheet()) }] : []),
    ]),
    viewer,
    exportScope(surveyId, "xlsx", withAnswers ? "results+answers" : "results", filter),
    counter,
  );
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName(survey.code, "xlsx")}"`,
    },
  });
}
