// Small-cell suppression of every narrowed result, and answer-level downloads
// for province-level admin and secretariat only (docs/decisions/0016-answer-level-downloads.md).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { can, ROLES } from "~/accounts/roles";
import { csvExport, resultTable, xlsxExport } from "~/surveys/export.server";
import { crossTable, surveyResults } from "~/surveys/results.server";
import { storeSubmission } from "~/surveys/storage.server";
import { catchError, thrownStatus, viewerAt } from "./fixtures";
import { body, publishedSurvey } from "./surveys-fixtures";

const MALE = { ageBand: "18-29", gender: "male", occupation: "worker", area: "urban" };

/** Five questionnaires from commune X1 (one band set), one from X2 (another). */
async function world() {
  const w = await publishedSurvey();
  for (let i = 0; i < 5; i++) await storeSubmission(w.ctv1, body(w.survey.id, { Q1: "Q1_1", Q4: 7, Q5: 3 }));
  await storeSubmission(w.ctv2, body(w.survey.id, { Q1: "Q1_3", Q3: "đường hỏng trước nhà", Q4: 2, Q5: 4 }, undefined, { bands: MALE }));
  return w;
}

describe("small-cell suppression of filtered results", () => {
  it("shows no breakdown when a unit or band filter leaves fewer than 5 questionnaires", async () => {
    const w = await world();
    const whole = await surveyResults(w.secretary, w.survey.id, { bands: {} });
    expect([whole.suppressed, whole.questions.find((q) => q.code === "Q1")?.n]).toEqual([null, 6]);
    // Five questionnaires: shown.
    const x1 = await surveyResults(w.secretary, w.survey.id, { unitId: w.x1.id, bands: {} });
    expect([x1.suppressed, x1.questions.find((q) => q.code === "Q1")?.n]).toEqual([null, 5]);
    // One questionnaire left by a unit filter, by a band filter, by both: nothing but the notice.
    for (const filter of [{ unitId: w.x2.id, bands: {} }, { bands: { gender: "male" } }, { unitId: w.x1.id, bands: { area: "urban" } }]) {
      const r = await surveyResults(w.secretary, w.survey.id, filter);
      expect(r.suppressed).toEqual({ minCell: 5 });
      expect(r.questions).toEqual([]);
      expect(await crossTable(w.secretary, w.survey.id, "Q1", "unit", filter)).toMatchObject({ rows: [] });
    }
  });

  it("applies to a commune official's own scope and to the exports of the counts", async () => {
    const w = await world();
    const official = viewerAt(w.x2, "official", w.secretary.id);
    const own = await surveyResults(official, w.survey.id, { bands: {} });
    expect([own.suppressed, own.questions]).toEqual([{ minCell: 5 }, []]);
    const { rows } = await resultTable(official, w.survey.id, { bands: {} });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.some((c) => typeof c === "number")).toBe(false);
    const csv = await (await csvExport(w.secretary, w.survey.id, { bands: { gender: "male" } }, "results")).text();
    expect(csv).not.toContain("Q1_3");
    expect(csv).toContain("Ít hơn 5 phiếu");
  });
});

describe("answer-level downloads", () => {
  it("are held by province-level admin and secretariat only", () => {
    const province = "/1/";
    const commune = "/1/7/";
    expect(ROLES.map((role) => [role, can({ role, unitPath: province }, "downloadAnswers"), can({ role, unitPath: commune }, "downloadAnswers")])).toEqual([
      ["admin", true, false],
      ["secretariat", true, false],
      ["official", false, false],
      ["collaborator", false, false],
    ]);
  });

  it("answer 404 to a commune official and a commune secretariat; their XLSX has no questionnaire sheet", async () => {
    const w = await world();
    for (const viewer of [viewerAt(w.x1, "official", w.secretary.id), viewerAt(w.x1, "secretariat", w.secretary.id), viewerAt(w.province, "official", w.secretary.id)]) {
      expect(thrownStatus(await catchError(csvExport(viewer, w.survey.id, { bands: {} }, "answers")))).toBe(404);
    }
    const sheets = async (viewer: Parameters<typeof xlsxExport>[0]) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await xlsxExport(viewer, w.survey.id, { bands: {} })).arrayBuffer());
      return workbook.worksheets.map((s) => s.name);
    };
    expect(await sheets(viewerAt(w.x1, "official", w.secretary.id))).toEqual(["Kết quả"]);
    expect(await sheets(w.secretary)).toEqual(["Kết quả", "Phiếu"]);
    const csv = await (await csvExport(w.secretary, w.survey.id, { bands: {} }, "answers")).text();
    expect(csv.trim().split("\r\n")).toHaveLength(7);
  });
});
