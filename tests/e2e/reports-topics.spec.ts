import { expect, test } from "./test";
import { addTopic, queryOne, rewriteNextPost, signInAs } from "./support";

test("the secretariat manages topics, agencies and opens a period with its own cut-off day", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.getByRole("link", { name: "Chủ đề, kỳ báo cáo" }).click();

  const add = await addTopic(page, { code: "E2E_TOPIC", vi: "Chủ đề thử nghiệm", en: "Test topic" });
  await expect(page.getByRole("cell", { name: "Chủ đề thử nghiệm" })).toBeVisible();
  await page.getByRole("button", { name: "Ngừng dùng E2E_TOPIC" }).click();
  await expect(page.getByRole("button", { name: "Dùng lại E2E_TOPIC" })).toBeVisible();
  expect(queryOne<{ active: number }>('SELECT active FROM "Topic" WHERE code = ?', "E2E_TOPIC").active).toBe(0);
  // A taken code is refused on its field.
  await add.getByLabel("Mã").fill("PRICES");
  await add.getByLabel("Tên tiếng Việt").fill("Trùng");
  await add.getByLabel("Tên tiếng Anh").fill("Dup");
  await add.getByRole("button", { name: "Thêm chủ đề" }).click();
  await expect(add.getByText("Mã chủ đề đã có.")).toBeVisible();

  const agency = page.getByRole("form", { name: "Thêm cơ quan" });
  await agency.getByLabel("Mã").fill("SO.E2E");
  await agency.getByLabel("Tên cơ quan").fill("Sở Thử nghiệm");
  await agency.getByRole("button", { name: "Thêm cơ quan" }).click();
  await expect(page.getByRole("cell", { name: "Sở Thử nghiệm" })).toBeVisible();

  const open = page.getByRole("form", { name: "Mở kỳ báo cáo" });
  await open.getByLabel("Năm").fill("2027");
  await open.getByLabel("Tháng").fill("1");
  await open.getByLabel("Ngày chốt số liệu").fill("25");
  await open.getByRole("button", { name: "Mở kỳ" }).click();
  const row = page.getByRole("row", { name: /^Tháng 1\/2027/ });
  await expect(row).toContainText("Quý I/2027");
  await expect(row).toContainText("26/12/2026 – 25/01/2027");
  const expected = queryOne<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "ReportExpectation" e JOIN "ReportingPeriod" p ON p.id = e."periodId" WHERE p.year = 2027 AND p.month = 1`,
  ).n;
  expect(expected).toBeGreaterThan(200);
});

test("refused switches of topics and periods show why", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.goto("/topics");
  // A topic the page lists but the server no longer knows.
  const row = page.getByRole("row", { name: /^HOLIDAYS/ });
  await rewriteNextPost(page, "code", "E2E_GONE");
  await row.getByRole("button", { name: "Ngừng dùng HOLIDAYS" }).click();
  await expect(row.getByRole("alert")).toHaveText("Không có chủ đề này.");
  expect(queryOne<{ active: number }>('SELECT active FROM "Topic" WHERE code = ?', "HOLIDAYS").active).toBe(1);

  // A period switch the server cannot read.
  const period = page.getByRole("row", { name: /^Tháng 1\/2025/ });
  await rewriteNextPost(page, "status", "archived");
  await period.getByRole("button", { name: "Mở lại Tháng 1/2025" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /không hợp lệ|trong danh sách/ })).toBeVisible();
  expect(queryOne<{ status: string }>('SELECT status FROM "ReportingPeriod" WHERE year = 2025 AND month = 1').status).toBe("closed");
});
