/**
 * Exports of results and answers: CSV (UTF-8 with BOM, so Excel shows Vietnamese) and XLSX
 * (exceljs's streaming WorkbookWriter: rows leave as they are written, memory stays flat).
 * Every text cell that a spreadsheet would read as a formula is neutralised.
 */
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { subtreeRange, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import type { SurveyDefinition } from "./definition";
import { bandWhere, scopeFor, surveyResults, type ResultsFilter, type Scope } from "./results.server";
import { getSurvey } from "./surveys.server";

type Cell = string | number | null;

/** A text starting with = + - @ tab or CR is prefixed with ' so no spreadsheet runs it. */
export function safeCell(value: Cell): Cell {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvLine(cells: Cell[]): string {
  return (
    cells
      .map((c) => {
        const v = safeCell(c);
        if (v === null) return "";
        const text = String(v);
        return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Result table rows: question, option, count, n, %, 95% CI. */
export async function resultTable(viewer: Viewer, surveyId: number, filter: ResultsFilter) {
  const results = await surveyResults(viewer, surveyId, filter);
  const header: Cell[] = ["Mã câu", "Câu hỏi", "Mã phương án", "Phương án", "Số phiếu", "n", "Tỷ lệ (%)", "KTC 95% thấp (%)", "KTC 95% cao (%)", "Trung bình"];
  const rows: Cell[][] = [];
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

type AnswerRowDb = { responseId: number; question: string; option: string; num: number | null; text: string | null };

/** Answer columns: every question code, matrix items under their own codes. */
function answerColumns(def: SurveyDefinition) {
  return def.questions.flatMap((q) => (q.type === "matrix" ? (q.items ?? []).map((i) => ({ code: i.code, type: q.type })) : [{ code: q.code, type: q.type }]));
}

/** One row per questionnaire of the scope, read in pages by id (never the whole survey at once). */
async function* answerSheetRows(surveyId: number, def: SurveyDefinition, scope: Scope): AsyncGenerator<Cell[]> {
  const columns = answerColumns(def);
  const range = subtreeRange(scope.path);
  let after = 0;
  for (;;) {
    const responses = await db.$queryRaw<{ id: number; code: string; status: string; revision: number; ageBand: string; gender: string; occupation: string; area: string }[]>`
      SELECT r."id", u."code", r."status", r."revision", r."ageBand", r."gender", r."occupation", r."area"
      FROM "SurveyResponse" r JOIN "Unit" u ON u."id" = r."unitId"
      WHERE r."surveyId" = ${surveyId} AND r."id" > ${after} AND u."path" >= ${range.gte} AND u."path" < ${range.lt}
      ${bandWhere(scope.bands)}
      ORDER BY r."id" LIMIT 2000`;
    if (responses.length === 0) return;
    const first = Number(responses[0]!.id);
    const last = Number(responses[responses.length - 1]!.id);
    const answers = await db.$queryRaw<AnswerRowDb[]>`
      SELECT "responseId", "question", "option", "num", "text" FROM "SurveyAnswer"
      WHERE "responseId" >= ${first} AND "responseId" <= ${last} AND "surveyId" = ${surveyId}
      ORDER BY "responseId", "question", "num"`;
    const byResponse = new Map<number, AnswerRowDb[]>();
    for (const a of answers) {
      const id = Number(a.responseId);
      let list = byResponse.get(id);
      if (!list) byResponse.set(id, (list = []));
      list.push(a);
    }
    for (const r of responses) {
      const values = new Map<string, string[]>();
      for (const a of byResponse.get(Number(r.id)) ?? []) {
        const v = a.option !== "" ? a.option : a.text ?? (a.num === null ? "" : String(a.num));
        values.set(a.question, [...(values.get(a.question) ?? []), v]);
      }
      yield [Number(r.id), r.code, r.status, Number(r.revision), r.ageBand, r.gender, r.occupation, r.area,
        ...columns.map((c) => {
          const v = values.get(c.code);
          if (!v) return null;
          if ((c.type === "number" || c.type === "rating") && v.length === 1) return Number(v[0]);
          return v.join(";");
        })];
    }
    after = last;
  }
}

function answerHeader(def: SurveyDefinition): Cell[] {
  return ["ID", "Đơn vị", "Trạng thái", "Lần gửi", "Nhóm tuổi", "Giới tính", "Nghề nghiệp", "Khu vực", ...answerColumns(def).map((c) => c.code)];
}

function fileName(code: string, ext: string) {
  return `${code.replace(/[^A-Za-z0-9._-]/g, "_")}.${ext}`;
}

/** CSV of the results (kind=results) or of the answers (kind=answers), streamed. */
export async function csvExport(viewer: Viewer, surveyId: number, filter: ResultsFilter, kind: "results" | "answers") {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  async function* lines() {
    yield "\uFEFF";
    if (kind === "results") {
      const { header, rows } = await resultTable(viewer, surveyId, filter);
      yield csvLine(header);
      for (const row of rows) yield csvLine(row);
    } else {
      yield csvLine(answerHeader(survey.definition));
      for await (const row of answerSheetRows(surveyId, survey.definition, scope)) yield csvLine(row);
    }
  }
  const stream = Readable.from(lines());
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(`${survey.code}-${kind}`, "csv")}"`,
    },
  });
}

/** XLSX with a results sheet and an answers sheet, written by the streaming WorkbookWriter. */
export async function xlsxExport(viewer: Viewer, surveyId: number, filter: ResultsFilter) {
  const survey = await getSurvey(viewer, surveyId);
  const scope = await scopeFor(viewer, filter);
  const { results, header, rows } = await resultTable(viewer, surveyId, filter);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const write = async () => {
    const summary = workbook.addWorksheet("Kết quả");
    summary.addRow([safeCell(results.survey.title)]).commit();
    summary.addRow(["Phiếu phát ra", results.totals.quota, "Thu về", results.totals.received, "Hợp lệ", results.totals.counted]).commit();
    summary.addRow(header).commit();
    for (const row of rows) summary.addRow(row.map(safeCell)).commit();
    summary.commit();
    const sheet = workbook.addWorksheet("Phiếu");
    sheet.addRow(answerHeader(survey.definition)).commit();
    for await (const row of answerSheetRows(surveyId, survey.definition, scope)) sheet.addRow(row.map(safeCell)).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName(survey.code, "xlsx")}"`,
    },
  });
}
