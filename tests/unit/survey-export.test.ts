import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { inChunks } from "~/exports/table-export.server";
import { columnName, streamXlsx, type XlsxCell } from "~/exports/xlsx-stream.server";
import { answerSheetRows, csvExport, xlsxExport } from "~/surveys/export.server";
import { storeSubmission } from "~/surveys/storage.server";
import { db } from "~/db/db.server";
import { textsFor } from "~/i18n/server-texts.server";
import { catchError } from "./fixtures";
import { body, publishedSurvey, SAMPLE } from "./surveys-fixtures";

async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of values (ExcelJS's 1-based rows, without the leading hole). */
function sheetRows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("streaming XLSX writer", () => {
  it("writes every row of every sheet so Excel's reader gets the same values back", async () => {
    const many: XlsxCell[][] = Array.from({ length: 1_234 }, (_, i) => [i, `dòng ${i}`, i % 3 === 0 ? null : i / 4]);
    const tricky: XlsxCell[][] = [
      ["<b>Giá & phí</b>", 'trích "dẫn"', "  khoảng trắng  "],
      ["ký tự\u0001điều khiển", null, 0],
      [null, null, "cột C"],
    ];
    async function* slowly() {
      for (const row of many) yield row;
    }
    const bytes = await buffer(streamXlsx([{ name: "Số liệu: quý I/2026", rows: slowly() }, { name: "Khó", rows: tricky }]));
    const workbook = await readWorkbook(bytes);

    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Số liệu  quý I 2026", "Khó"]);
    const rows = sheetRows(workbook, "Số liệu  quý I 2026");
    expect(rows).toHaveLength(1_234);
    expect(rows[0]).toEqual([0, "dòng 0"]);
    expect(rows[1_232]).toEqual([1_232, "dòng 1232", 1_232 / 4]);
    expect(rows[1_233]).toEqual([1_233, "dòng 1233"]);
    expect(sheetRows(workbook, "Khó")).toEqual([
      ["<b>Giá & phí</b>", 'trích "dẫn"', "  khoảng trắng  "],
      ["ký tựđiều khiển", undefined, 0],
      [undefined, undefined, "cột C"],
    ]);
  });

  it("keeps text that looks like SpreadsheetML's own escapes, and gives long repeated sheet names unique ones", async () => {
    const long = "Kết quả khảo sát quý III năm 2026 theo đơn vị";
    const bytes = await buffer(streamXlsx([
      { name: long, rows: [["_x0041_ giữ nguyên", "dòng 1\r\ndòng 2"]] },
      { name: long, rows: [] },
      { name: long, rows: [] },
    ]));
    const workbook = await readWorkbook(bytes);
    const names = workbook.worksheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(3);
    expect(names.every((n) => n.length <= 31)).toBe(true);
    // As written: Excel (and SheetJS) decode _x005F_ to "_" and _x000D_ to CR, giving back the
    // original text; exceljs's reader shows the escapes as they are.
    expect(sheetRows(workbook, names[0]!)).toEqual([["_x005F_x0041_ giữ nguyên", "dòng 1_x000D_\ndòng 2"]]);
  });

  it("names columns past Z the way spreadsheets do", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("fails the download instead of ending it short when a row source fails", async () => {
    async function* broken(): AsyncGenerator<XlsxCell[]> {
      yield ["một"];
      throw new Error("database gone");
    }
    const error = await catchError(buffer(streamXlsx([{ name: "A", rows: broken() }])));
    expect(String(error)).toContain("database gone");
  });
});

describe("survey answer export", () => {
  async function surveyWithAnswers() {
    const world = await publishedSurvey();
    const { survey, ctv1, ctv2 } = world;
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q2: ["Q2_3", "Q2_1"], Q4: 8, Q5: 4, Q6: { Q6_A: "T", Q6_B: "K" } }));
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_3", Q3: "=giá <cao> & đắt", Q4: 0 }));
    await storeSubmission(ctv2, body(survey.id, { Q1: "Q1_2", Q4: 10 }));
    return world;
  }
  const answerColumns = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6_A", "Q6_B"];

  it("puts one row per questionnaire in the XLSX, multiple choices joined, numbers as numbers, formulas neutralised", async () => {
    const { survey, secretary, x2 } = await surveyWithAnswers();
    const response = await xlsxExport(secretary, survey.id, { bands: {} });
    const workbook = await readWorkbook(Buffer.from(await response.arrayBuffer()));

    const [header, ...rows] = sheetRows(workbook, "Phiếu");
    expect(header!.slice(8)).toEqual(answerColumns);
    expect(rows.map((r) => r.slice(8))).toEqual([
      ["Q1_1", "Q2_1;Q2_3", undefined, 8, 4, "T", "K"],
      ["Q1_3", undefined, "'=giá <cao> & đắt", 0],
      ["Q1_2", undefined, undefined, 10],
    ]);
    expect(rows.map((r) => r[1])).toEqual(["P.X1", "P.X1", "P.X2"]);
    const summary = sheetRows(workbook, "Kết quả");
    expect(summary[0]).toEqual([SAMPLE.title]);
    expect(summary[1]).toEqual(["Phiếu phát ra", 30, "Thu về", 3, "Hợp lệ", 3]);

    // The unit filter narrows the answer sheet to that unit's questionnaires.
    const narrowed = await readWorkbook(Buffer.from(await (await xlsxExport(secretary, survey.id, { unitId: x2.id, bands: {} })).arrayBuffer()));
    expect(sheetRows(narrowed, "Phiếu").slice(1).map((r) => r[1])).toEqual(["P.X2"]);
  });

  it("reads page after page without skipping or repeating a questionnaire", async () => {
    const { survey, province } = await surveyWithAnswers();
    const rows: unknown[][] = [];
    for await (const row of answerSheetRows(survey.id, SAMPLE, { path: province.path, bands: {} }, 2)) rows.push(row);
    expect(rows.map((r) => r[8])).toEqual(["Q1_1", "Q1_3", "Q1_2"]);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3);
    const none: unknown[] = [];
    for await (const row of answerSheetRows(survey.id, SAMPLE, { path: province.path, bands: { gender: "male" } }, 2)) none.push(row);
    expect(none).toEqual([]);
  });

  it("writes a ranking's options in rank order, not code order", async () => {
    const ranked = { ...SAMPLE, questions: [...SAMPLE.questions, { code: "Q7", type: "ranking" as const, title: "Xếp hạng ưu tiên", required: false,
      options: [{ code: "A", label: "Giá cả" }, { code: "B", label: "Việc làm" }, { code: "C", label: "Môi trường" }] }] };
    const { survey, ctv1, province } = await publishedSurvey(ranked);
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5, Q7: ["C", "A", "B"] }));
    const rows: unknown[][] = [];
    for await (const row of answerSheetRows(survey.id, ranked, { path: province.path, bands: {} })) rows.push(row);
    expect(rows.map((r) => r.at(-1))).toEqual(["C;A;B"]);
  });

  it("writes a slider's value as a number, on half steps too", async () => {
    const withSlider = { ...SAMPLE, questions: [...SAMPLE.questions, { code: "Q7", type: "slider" as const, title: "Mức độ tin tưởng", required: false, min: 0, max: 10, step: 0.5 }] };
    const { survey, ctv1, province } = await publishedSurvey(withSlider);
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5, Q7: 7.5 }));
    const rows: unknown[][] = [];
    for await (const row of answerSheetRows(survey.id, withSlider, { path: province.path, bands: {} })) rows.push(row);
    expect(rows.map((r) => r.at(-1))).toEqual([7.5]);
  });

  it("gives the CSV the same rows as the XLSX", async () => {
    const { survey, secretary } = await surveyWithAnswers();
    const csv = await (await csvExport(secretary, survey.id, { bands: {} }, "answers")).text();
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]!.split(",").slice(8)).toEqual(["Q1_1", "Q2_1;Q2_3", "", "8", "4", "T", "K"].map((v) => (v.includes(";") ? `"${v}"` : v)));
    expect(lines[2]).toContain(",'=giá <cao> & đắt,");
  });

  it("writes its headers in the reader's language (Vietnamese unless told)", async () => {
    const { survey, secretary } = await surveyWithAnswers();
    const header = async (csv: Response) => (await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(await header(await csvExport(secretary, survey.id, { bands: {} }, "results"))).toMatch(/^Mã câu,Câu hỏi,/);
    const english = textsFor("en").t;
    expect(await header(await csvExport(secretary, survey.id, { bands: {} }, "results", english))).toMatch(/^Question code,Question,/);
    expect(await header(await csvExport(secretary, survey.id, { bands: {} }, "answers", english))).toMatch(/^ID,Unit,Status,Revision,Age band,/);
    const workbook = await readWorkbook(Buffer.from(await (await xlsxExport(secretary, survey.id, { bands: {} }, english)).arrayBuffer()));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Results", "Questionnaires"]);
    expect(sheetRows(workbook, "Results")[1]).toEqual(["Forms issued", 30, "Received", 3, "Valid", 3]);
  });

  it("reads its pages without the app's connection: the export ends while a transaction holds it", async () => {
    const { survey, secretary, ctv1 } = await surveyWithAnswers();
    for (let i = 0; i < 12; i++) await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: i % 11 }));
    // A long analytical read used to wait for the one connection (and every request behind it).
    const rows = await db.$transaction(async (tx) => {
      await tx.account.count();
      const out: unknown[] = [];
      for await (const row of answerSheetRows(survey.id, SAMPLE, { path: secretary.unitPath, bands: {} }, 3)) out.push(row);
      return out;
    });
    expect(rows).toHaveLength(15);
  });

  it("sends the CSV in large chunks, not a chunk (and a gzip flush) per line", async () => {
    async function* lines() {
      for (let i = 0; i < 3000; i++) yield `${String(i).padStart(99, "x")}\n`;
    }
    const chunks: string[] = [];
    for await (const chunk of inChunks(lines())) chunks.push(chunk);
    expect(chunks.join("")).toBe(Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(99, "x")}\n`).join(""));
    // The first line at once (the download starts), then ~64 KB chunks: 300 KB in 6 chunks.
    expect(chunks[0]).toHaveLength(100);
    expect(chunks.length).toBe(6);
    expect(chunks.slice(1, -1).every((c) => c.length >= 64 * 1024)).toBe(true);
  });

  it("streams from a Response body like the route sends it", async () => {
    const { survey, secretary } = await surveyWithAnswers();
    const response = await xlsxExport(secretary, survey.id, { bands: {} });
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="KS1.xlsx"');
    const bytes = await buffer(Readable.fromWeb(response.body! as never));
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });
});
