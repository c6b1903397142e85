import { expect, test, type Page } from "./test";
import { queryOne, signInAs, unitId } from "./support";

async function createUnit(page: Page, parent: string, code: string, name: string) {
  await page.goto(`/units/new?parent=${parent}`);
  await page.getByLabel("Mã", { exact: true }).fill(code);
  await page.getByLabel("Tên", { exact: true }).fill(name);
  await page.getByLabel("Hiệu lực từ").fill("2025-07-01");
  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("merging a unit closes it, records lineage both ways and hands over sub-units and accounts", async ({ page }) => {
  await signInAs(page, "admin");
  await createUnit(page, "SH", "SH.E2E01", "Xã Thử Nghiệm");
  await createUnit(page, "SH.E2E01", "SH.E2E01.A", "Chi hội Thử Nghiệm");
  const successor = "SH.X010";
  const successorName = queryOne<{ name: string }>('SELECT name FROM "Unit" WHERE code = ?', successor).name;

  await page.goto(`/units/${unitId("SH.E2E01")}`);
  const merge = page.getByRole("form", { name: "Đóng / sáp nhập" });
  await merge.getByLabel("Mã đơn vị tiếp nhận").fill(successor);
  await merge.getByLabel("Ngày hiệu lực").fill("2026-10-01");
  await merge.getByRole("button", { name: "Sáp nhập" }).click();
  const confirmMerge = page.getByRole("dialog", { name: "Đóng / sáp nhập" });
  await expect(confirmMerge).toContainText(`Đóng “Xã Thử Nghiệm” và sáp nhập vào đơn vị ${successor} từ ngày 01/10/2026?`);
  await confirmMerge.getByRole("button", { name: "Sáp nhập" }).click();

  await expect(page.getByText("Đã đóng 01/10/2026")).toBeVisible();
  const lineage = page.getByRole("region", { name: "Lịch sử sáp nhập" });
  await expect(lineage).toContainText(`Ngày 01/10/2026 sáp nhập vào ${successorName}`);
  await lineage.getByRole("link", { name: successorName }).click();

  await expect(page.getByRole("heading", { level: 1, name: successorName })).toBeVisible();
  await expect(page.getByRole("region", { name: "Lịch sử sáp nhập" })).toContainText("Ngày 01/10/2026 tiếp nhận Xã Thử Nghiệm");
  // The sub-unit moved under the successor, with its materialised path rewritten.
  await expect(page.getByRole("table", { name: `Đơn vị trực thuộc ${successorName}` })).toContainText("Chi hội Thử Nghiệm");
  const child = queryOne<{ path: string; depth: number }>('SELECT path, depth FROM "Unit" WHERE code = ?', "SH.E2E01.A");
  expect(child.path).toBe(`/${unitId("SH")}/${unitId(successor)}/${unitId("SH.E2E01.A")}/`);
  expect(child.depth).toBe(2);

  // A closed unit offers no more admin forms, and the audit log holds the merge.
  await page.goto(`/units/${unitId("SH.E2E01")}`);
  await expect(page.getByRole("form", { name: "Đóng / sáp nhập" })).toHaveCount(0);
  await page.goto(`/admin/audit?action=unit.merge&entityId=${unitId("SH.E2E01")}`);
  await expect(page.getByRole("status")).toHaveText("1 mục");
  await expect(page.locator("table.audit-table > tbody")).toContainText("Đơn vị: sáp nhập");
  await expect(page.locator("table.audit-table > tbody")).toContainText(successor);
});

test("the seeded 2025 merger shows its predecessors, whose names repeat", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.goto("/units?q=phuong+1&closed=1");
  const results = page.getByRole("table", { name: "Kết quả tìm “phuong 1”" });
  await expect(results.getByRole("row", { name: /Phường 1/ }).first()).toBeVisible();
  expect(await results.getByRole("row", { name: /Phường 1/ }).count()).toBeGreaterThan(1);
  const successorPredecessors = queryOne<{ n: number }>(
    'SELECT COUNT(*) AS n FROM "UnitLineage" WHERE "successorId" = ?',
    unitId("SH.X001"),
  ).n;
  await page.goto(`/units/${unitId("SH.X001")}`);
  await expect(page.getByRole("region", { name: "Lịch sử sáp nhập" }).getByRole("listitem")).toHaveCount(successorPredecessors);
});

test("bad unit input gets field messages and keeps what was typed", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/units/new?parent=SH");
  await page.getByLabel("Mã", { exact: true }).fill("SH.X001");
  await page.getByLabel("Tên", { exact: true }).fill("Xã Trùng Mã");
  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(page.getByText("Mã này đã được dùng.")).toBeVisible();
  await expect(page.getByLabel("Tên", { exact: true })).toHaveValue("Xã Trùng Mã");

  await page.getByLabel("Mã", { exact: true }).fill("có dấu!");
  await page.getByLabel("Tên", { exact: true }).click();
  await expect(page.getByText("Mã chỉ gồm chữ in hoa, số và các dấu . - _")).toBeVisible();

  // Moving a unit under its own sub-unit is refused.
  await createUnit(page, "SH", "SH.E2E02", "Xã Vòng Lặp");
  await createUnit(page, "SH.E2E02", "SH.E2E02.A", "Tổ Vòng Lặp");
  await page.goto(`/units/${unitId("SH.E2E02")}`);
  const move = page.getByRole("form", { name: "Chuyển đơn vị cấp trên" });
  await move.getByLabel("Mã đơn vị cấp trên mới").fill("SH.E2E02.A");
  await move.getByRole("button", { name: "Chuyển" }).click();
  await page.getByRole("dialog", { name: "Chuyển đơn vị cấp trên" }).getByRole("button", { name: "Chuyển" }).click();
  await expect(move.getByRole("alert")).toHaveText("Không thể chuyển một đơn vị vào chính nó hoặc đơn vị trực thuộc nó.");

  // Rename works and the search finds the new name without accents.
  const rename = page.getByRole("form", { name: "Đổi tên" });
  await rename.getByLabel("Tên mới").fill("Xã Vòng Tròn");
  await rename.getByRole("button", { name: "Đổi tên" }).click();
  // Asked first; cancelling changes nothing.
  const confirmRename = page.getByRole("dialog", { name: "Đổi tên" });
  await expect(confirmRename).toContainText("Đổi tên đơn vị “Xã Vòng Lặp” thành “Xã Vòng Tròn”?");
  await confirmRename.getByRole("button", { name: "Hủy" }).click();
  await expect(confirmRename).toBeHidden();
  expect(queryOne<{ name: string }>('SELECT name FROM "Unit" WHERE code = ?', "SH.E2E02").name).toBe("Xã Vòng Lặp");
  await rename.getByRole("button", { name: "Đổi tên" }).click();
  await confirmRename.getByRole("button", { name: "Đổi tên" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Xã Vòng Tròn" })).toBeVisible();
  await page.goto("/units?q=vong+tron");
  await expect(page.getByRole("link", { name: "Xã Vòng Tròn" })).toBeVisible();

  // The audit log reads as words: the action, the record as a link, the changed field.
  await page.goto("/admin/audit");
  const filters = page.getByRole("search", { name: "Lọc nhật ký" });
  await filters.getByLabel("Thao tác").selectOption({ label: "Đơn vị: đổi tên" });
  await filters.getByLabel("Loại đối tượng").selectOption({ label: "Đơn vị" });
  await filters.getByLabel("Mã đối tượng").fill(String(unitId("SH.E2E02")));
  await filters.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("status")).toHaveText("1 mục");
  const row = page.locator("table.audit-table > tbody > tr");
  await expect(row.getByRole("cell", { name: "Đơn vị: đổi tên", exact: true })).toBeVisible();
  const diff = row.getByRole("table");
  await expect(diff.getByRole("row", { name: "name Xã Vòng Lặp Xã Vòng Tròn" })).toBeVisible();
  await row.getByRole("link", { name: `Đơn vị #${unitId("SH.E2E02")}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Xã Vòng Tròn" })).toBeVisible();
});

test("a unit's admin forms hold that unit's values after navigating from another unit inside the app", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto(`/units/${unitId("SH")}`);
  const rename = page.getByRole("form", { name: "Đổi tên" });
  await expect(rename.getByLabel("Tên mới")).toHaveValue("Tỉnh Sơn Hà");
  const ward = queryOne<{ name: string }>('SELECT name FROM "Unit" WHERE code = ?', "SH.X001").name;
  await page.getByRole("table", { name: "Đơn vị trực thuộc Tỉnh Sơn Hà" }).getByRole("link", { name: ward, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ward })).toBeVisible();
  await expect(rename.getByLabel("Tên mới")).toHaveValue(ward);
});
