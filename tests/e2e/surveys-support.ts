import { expect, type Page } from "@playwright/test";
import { queryOne, signInAs } from "./support";

export { FULL_DEFINITION } from "../fixtures/survey-definitions";

export function surveyId(code: string): number {
  return queryOne<{ id: number }>('SELECT id FROM "Survey" WHERE code = ?', code).id;
}

/** Creates a draft survey through the form and lands in its builder (the secretariat signed in). */
export async function createDraft(page: Page, code: string, title = `Khảo sát ${code}`) {
  await page.goto("/surveys/new");
  await page.getByLabel("Mã đợt khảo sát").fill(code);
  await page.getByLabel("Mã bộ khảo sát").fill(`${code}.S`);
  await page.getByLabel("Tên khảo sát").fill(title);
  await page.getByLabel("Đợt", { exact: true }).fill("Quý IV/2026");
  await page.getByRole("button", { name: "Tạo và soạn phiếu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Soạn phiếu khảo sát" })).toBeVisible();
}

/** Creates a survey through the pages: new → builder (JSON import) → assignment → publish. */
export async function publishSurveyFromJson(page: Page, code: string, definition: object, targets = "SH.X001 10") {
  await signInAs(page, "thuky");
  await createDraft(page, code);
  await page.getByText("Nhập từ JSON").click();
  await page.getByLabel("Nội dung JSON").fill(JSON.stringify(definition));
  await page.getByRole("button", { name: "Nạp JSON vào phiếu" }).click();
  await page.getByRole("button", { name: "Lưu phiếu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu" })).toBeVisible();
  await assignAndPublish(page, surveyId(code), targets);
  return surveyId(code);
}

export async function assignAndPublish(page: Page, id: number, targets: string) {
  await page.goto(`/surveys/${id}`);
  const assign = page.getByRole("form", { name: "Giao chỉ tiêu" });
  await assign.getByLabel("Ngày bắt đầu").fill("2026-01-01");
  await assign.getByLabel("Ngày kết thúc").fill("2027-12-31");
  await assign.getByLabel("Đơn vị và chỉ tiêu").fill(targets);
  await assign.getByRole("button", { name: "Lưu giao chỉ tiêu" }).click();
  await expect(page.getByRole("table", { name: /đơn vị được giao/ })).toContainText(targets.split(/\s/)[0]!);
  await page.getByRole("button", { name: "Phát hành" }).click();
  await expect(page.getByText("Đang phát hành")).toBeVisible();
}

/** Fills the required questions of FULL_DEFINITION (Q1 = "Tốt hơn", so Q3 stays hidden). */
export async function fillBasics(page: Page) {
  await page.getByLabel("Nhóm tuổi").selectOption("30-44");
  await page.getByLabel("Giới tính").selectOption("female");
  await page.getByLabel("Nghề nghiệp").selectOption("farmer");
  await page.getByLabel("Khu vực").selectOption("rural");
  await page.getByRole("group", { name: /Q1\./ }).getByLabel("Tốt hơn").check();
  await page.getByRole("group", { name: /Q2\./ }).getByLabel("Giá cả").check();
  await page.getByRole("group", { name: /Q4\./ }).getByLabel("Hài lòng", { exact: true }).check();
  await page.getByRole("group", { name: /Q6\./ }).getByLabel("8", { exact: true }).check();
  await page.getByLabel(/Q7\. Số người trong hộ/).fill("4");
}
