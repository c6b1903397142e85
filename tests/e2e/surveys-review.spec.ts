import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "./test";
import { queryOne, signInAs } from "./support";
import { FULL_DEFINITION, publishSurveyFromJson } from "./surveys-support";

const BANDS = { ageBand: "45-59", gender: "male", occupation: "farmer", area: "rural" };
const BASE = { Q2: ["Q2_1"], Q4: "Q4_4", Q6: 7, Q7: 3 };

async function submit(request: APIRequestContext, surveyId: number, uuid: string, answers: object) {
  const res = await request.post("/api/surveys/responses", { data: { uuid, surveyId, version: 1, bands: BANDS, answers: { ...BASE, ...answers } } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { responseId: number }).responseId;
}

test("return with a comment, fix and resubmit, accept; results and the XLSX export hold the right counts", async ({ browser }) => {
  test.slow(); // a whole review round trip through two roles
  const office = await browser.newPage();
  const id = await publishSurveyFromJson(office, "KS.E2E.REVIEW", FULL_DEFINITION, "SH.X001 10");

  const field = await browser.newPage();
  await signInAs(field, "ctv");
  await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_1" });
  await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_1" });
  await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_2" });
  const returned = await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_3", Q3: "khó" });

  // The secretariat returns it, with a general comment and one on question Q3.
  await office.goto(`/surveys/${id}/review?status=submitted`);
  await expect(office.getByRole("status")).toHaveText("4 phiếu");
  await office.getByRole("link", { name: `#${returned}` }).click();
  await office.getByLabel("Góp ý cho câu Q3").fill("Ghi rõ khó khăn cụ thể");
  await office.getByLabel("Lý do trả lại").fill("Câu 3 quá chung chung");
  await office.getByRole("button", { name: "Trả lại để sửa" }).click();
  await expect(office.locator(".page-header")).toContainText("Trả lại");

  // The collaborator sees it returned with the comments, fixes it and resubmits.
  await field.goto("/surveys");
  const row = field.getByRole("table", { name: "Phiếu tôi đã gửi" }).getByRole("row").filter({ hasText: `#${returned}` });
  await expect(row).toContainText("Trả lại");
  await row.getByRole("link", { name: `#${returned}` }).click();
  await expect(field.getByRole("region", { name: "Phiếu bị trả lại" })).toContainText("Câu 3 quá chung chung");
  await field.getByRole("link", { name: "Sửa và gửi lại" }).click();
  await expect(field.getByRole("note").filter({ hasText: "Ghi rõ khó khăn cụ thể" })).toBeVisible();
  await expect(field.getByLabel(/Q3\. Khó khăn lớn nhất/)).toHaveValue("khó");
  await field.getByLabel(/Q3\. Khó khăn lớn nhất/).fill("Giá phân bón tăng gấp đôi");
  await field.getByRole("button", { name: "Gửi lại phiếu đã sửa" }).click();
  await expect(field.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();

  // The secretariat accepts the corrected version; history keeps every step.
  await office.goto(`/surveys/responses/${returned}`);
  await expect(office.locator(".page-header")).toContainText("lần gửi 2");
  await expect(office.getByRole("table", { name: "Nội dung phiếu" })).toContainText("Giá phân bón tăng gấp đôi");
  await office.getByRole("button", { name: "Duyệt phiếu" }).click();
  await expect(office.locator(".page-header")).toContainText("Đã duyệt");
  const history = office.getByRole("region", { name: "Lịch sử phiếu" }).getByRole("listitem");
  await expect(history).toHaveCount(4);
  await expect(history.nth(1)).toContainText("Câu 3 quá chung chung");
  await expect(history.nth(1)).toContainText("Q3: Ghi rõ khó khăn cụ thể");
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "surveyId" = ?', id).n).toBe(4);

  // Results: 10 issued, 4 received; Q1 = 2 better (50%), 1 same (25%), 1 worse (25%).
  await office.goto(`/surveys/${id}/results`);
  const summary = office.getByRole("region", { name: "Tóm tắt" });
  await expect(summary).toContainText("10 phiếu phát ra, thu về 4, đạt 40,00%");
  await expect(summary).toContainText("Số liệu trong trang tính trên 4 phiếu: 1 phiếu đã duyệt và 3 phiếu đã gửi nhưng chưa duyệt.");
  const q1 = office.getByRole("table", { name: "Bảng số liệu câu 1", exact: true });
  await expect(q1.getByRole("row", { name: /Tốt hơn/ })).toContainText("250,00");
  await expect(q1.getByRole("row", { name: /Như cũ/ })).toContainText("125,00");
  await expect(office.getByRole("img", { name: "Biểu đồ tỷ lệ câu 1", exact: true })).toBeVisible();
  await expect(office.getByRole("table", { name: "Ý kiến trả lời câu 3 (gộp các ý kiến giống nhau)", exact: true })).toContainText("Giá phân bón tăng gấp đôi");

  // The XLSX export opens and holds the same numbers.
  const downloading = office.waitForEvent("download");
  await office.getByRole("link", { name: "Xuất Excel (XLSX)" }).click();
  const file = await (await downloading).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Kết quả")!;
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows[1]!.slice(1)).toEqual(["Phiếu phát ra", 10, "Thu về", 4, "Hợp lệ", 4]);
  const better = rows.find((r) => r[1] === "Q1" && r[3] === "Q1_1")!;
  expect(better.slice(5, 8)).toEqual([2, 4, 50]);
  const worse = rows.find((r) => r[1] === "Q1" && r[3] === "Q1_3")!;
  expect(worse.slice(5, 8)).toEqual([1, 4, 25]);
  expect(workbook.getWorksheet("Phiếu")!.rowCount).toBe(5);
});

test("a reviewer acting on a stale page is told the questionnaire was already reviewed", async ({ browser }) => {
  const office = await browser.newPage();
  const id = await publishSurveyFromJson(office, "KS.E2E.STALE", FULL_DEFINITION, "SH.X001 5");
  const field = await browser.newPage();
  await signInAs(field, "ctv");
  const responseId = await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_1" });

  // Two reviewers' pages on the same questionnaire: the first accepts it, the second is now stale.
  const stale = await browser.newPage();
  await signInAs(stale, "thuky");
  await stale.goto(`/surveys/responses/${responseId}`);
  await expect(stale.getByRole("rowheader", { name: "Thông tin người trả lời (ẩn danh)" })).toBeVisible();
  await office.goto(`/surveys/responses/${responseId}`);
  await office.getByRole("button", { name: "Duyệt phiếu" }).click();
  await expect(office.locator(".page-header")).toContainText("Đã duyệt");

  await stale.getByRole("button", { name: "Duyệt phiếu" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "Thao tác không phù hợp với trạng thái hiện tại." })).toBeVisible();
});

test("review at volume: accept the ticked questionnaires, then all the filter shows with the count confirmed, or accept and open the next", async ({ browser }) => {
  const office = await browser.newPage();
  const id = await publishSurveyFromJson(office, "KS.E2E.BULK", FULL_DEFINITION, "SH.X001 20");
  const field = await browser.newPage();
  await signInAs(field, "ctv");
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) ids.push(await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_1" }));
  const statusOf = (responseId: number) => queryOne<{ status: string }>('SELECT status FROM "SurveyResponse" WHERE id = ?', responseId).status;
  const audited = (responseId: number) => queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE action = 'survey.response.accept' AND "entityId" = ?`, String(responseId)).n;

  // Accept and open the next: the newest waiting one leads to the next newest.
  await office.goto(`/surveys/responses/${ids[5]}`);
  await office.getByRole("button", { name: "Duyệt và mở phiếu tiếp theo" }).click();
  await expect(office.getByRole("heading", { level: 1, name: new RegExp(`${ids[4]}`) })).toBeVisible();
  expect(statusOf(ids[5]!)).toBe("accepted");

  // Ticked ones.
  await office.goto(`/surveys/${id}/review?status=submitted`);
  await office.getByRole("checkbox", { name: `Chọn phiếu số ${ids[4]}` }).check();
  await office.getByRole("checkbox", { name: `Chọn phiếu số ${ids[3]}` }).check();
  await office.getByRole("button", { name: "Duyệt 2 phiếu đã chọn" }).click();
  await expect(office.getByRole("status")).toContainText("đã duyệt 2 phiếu");
  expect([statusOf(ids[4]!), statusOf(ids[3]!), statusOf(ids[2]!)]).toEqual(["accepted", "accepted", "submitted"]);
  expect(audited(ids[4]!)).toBe(1);

  // All the filter shows: 3 waiting. Another questionnaire arrives before the reviewer confirms:
  // nothing is accepted and the new count is asked for.
  await expect(office.getByRole("button", { name: "Duyệt tất cả 3 phiếu đang chờ" })).toBeVisible();
  const late = await submit(field.request, id, crypto.randomUUID(), { Q1: "Q1_2" });
  await office.getByRole("button", { name: "Duyệt tất cả 3 phiếu đang chờ" }).click();
  const dialog = office.getByRole("dialog", { name: "Duyệt hàng loạt" });
  await expect(dialog).toContainText("Duyệt 3 phiếu đang chờ duyệt");
  await dialog.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(office.getByRole("alert")).toContainText("Số phiếu đang chờ đã thay đổi");
  expect(statusOf(ids[0]!)).toBe("submitted");

  await office.goto(`/surveys/${id}/review?status=submitted`);
  await office.getByRole("button", { name: "Duyệt tất cả 4 phiếu đang chờ" }).click();
  await dialog.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(office.getByRole("status")).toContainText("đã duyệt 4 phiếu");
  for (const r of [ids[0]!, ids[1]!, ids[2]!, late]) {
    expect(statusOf(r)).toBe("accepted");
    expect(audited(r)).toBe(1);
  }
  const tally = queryOne<{ accepted: number }>('SELECT accepted FROM "SurveyUnitTally" WHERE "surveyId" = ?', id);
  expect(tally.accepted).toBe(7);
});
