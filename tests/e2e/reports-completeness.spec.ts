import { expect, test } from "./test";
import { queryOne, rewriteNextPost, signInAs, unitId } from "./support";

type Counts = { on_time: number; late: number; missing: number };

function countsUnder(code: string, year: number, month: number): Counts {
  return queryOne<Counts>(
    `SELECT SUM(e.outcome = 'on_time') AS on_time, SUM(e.outcome = 'late') AS late, SUM(e.outcome = 'missing') AS missing
     FROM "ReportExpectation" e JOIN "Unit" u ON u.id = e."unitId" JOIN "ReportingPeriod" p ON p.id = e."periodId"
     WHERE p.year = ? AND p.month = ? AND u.path >= (SELECT path FROM "Unit" WHERE code = ?) AND u.path < (SELECT substr(path, 1, length(path) - 1) || '0' FROM "Unit" WHERE code = ?)`,
    year,
    month,
    code,
    code,
  );
}

const rate = (c: Counts) => `${(((c.on_time + c.late) / (c.on_time + c.late + c.missing)) * 100).toFixed(1).replace(".", ",")}%`;
const label = (c: Counts) => `${c.on_time} đúng hạn, ${c.late} trễ, ${c.missing} chưa báo cáo; đã báo cáo ${rate(c)}`;

test("the completeness matrix shows the seeded on-time/late/missing counts and drills down the unit tree", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.getByRole("link", { name: "Tiến độ báo cáo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tiến độ báo cáo" })).toBeVisible();
  await page.getByLabel("Quý").selectOption({ label: "Quý III/2026" });
  await page.getByRole("button", { name: "Lọc" }).click();
  const matrix = page.getByRole("table", { name: /Tình hình báo cáo theo đơn vị và kỳ/ });
  const total = matrix.getByRole("row", { name: /^Tổng/ });
  for (const [i, month] of [7, 8, 9].entries()) {
    const expected = countsUnder("SH", 2026, month);
    expect(expected.late).toBeGreaterThan(0);
    expect(expected.missing).toBeGreaterThan(0);
    await expect(total.getByRole("cell").nth(i)).toHaveAccessibleName(label(expected));
  }

  // The running quarter: December's deadline has not passed, so nobody is "missing" there yet.
  await page.getByLabel("Quý").selectOption({ label: "Quý IV/2026" });
  await page.getByRole("button", { name: "Lọc" }).click();
  // (Other tests file December reports meanwhile: the count is whatever is in, the label is fixed.)
  await expect(page.getByRole("table", { name: /Tình hình báo cáo theo đơn vị và kỳ/ }).getByRole("row", { name: /^Tổng/ }).getByRole("cell").nth(2))
    .toHaveAccessibleName(/^\d+ đã báo cáo, chưa đến hạn$/);
  await page.getByLabel("Quý").selectOption({ label: "Quý III/2026" });
  await page.getByRole("button", { name: "Lọc" }).click();
  // The drill below must follow the third quarter's links, not the page still on screen.
  await expect(page.getByRole("table", { name: /Tình hình báo cáo theo đơn vị và kỳ.*Quý III\/2026/ })).toBeVisible();

  // Drill into an affiliated party committee: its own rows and totals.
  await matrix.getByRole("link", { name: "Đảng ủy Ủy ban nhân dân tỉnh" }).click();
  await expect(page.getByText("Đơn vị: Đảng ủy Ủy ban nhân dân tỉnh")).toBeVisible();
  await expect(page.getByRole("table", { name: /Tình hình báo cáo/ }).getByRole("row", { name: /^Tổng/ }).getByRole("cell").nth(2)).toHaveAccessibleName(
    label(countsUnder("SH.DU02", 2026, 9)),
  );

  // Who has not reported in September, for the whole province.
  await page.goto(`/completeness?unit=${unitId("SH")}&quarter=20263`);
  const missing = queryOne<{ username: string }>(
    `SELECT a.username FROM "ReportExpectation" e JOIN "Account" a ON a.id = e."collaboratorId" JOIN "ReportingPeriod" p ON p.id = e."periodId"
     WHERE p.year = 2026 AND p.month = 9 AND e.outcome = 'missing' ORDER BY a.username LIMIT 1`,
  );
  await expect(page.getByRole("region", { name: "Chưa báo cáo kỳ Tháng 9/2026" })).toContainText(missing.username);
  // Thin units stand out in the coverage table.
  await expect(page.getByRole("table", { name: "Mạng lưới cộng tác viên theo đơn vị" }).getByText("Thiếu").first()).toBeVisible();
});

test("the opinion summary counts a quarter's items by topic and direction, with an 8-quarter trend", async ({ page }) => {
  await signInAs(page, "lanhdao");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng hợp dư luận" }).click();
  // Exact: the charts' names mention the quarter too. It opens on the last closed quarter, III/2026.
  await expect(page.getByRole("combobox", { name: "Quý", exact: true })).toHaveValue("20263");
  await page.getByRole("combobox", { name: "Diễn biến chủ đề", exact: true }).selectOption({ label: "Đất đai, giải phóng mặt bằng" });
  await page.getByRole("button", { name: "Lọc" }).click();
  const expected = queryOne<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "OpinionItem" i JOIN "Topic" t ON t.id = i."topicId" WHERE i."quarterKey" = 20263 AND t.code = 'LAND' AND i.direction = 'worried'`,
  ).n;
  expect(expected).toBeGreaterThan(0);
  const row = page.getByRole("table", { name: /Số ý kiến theo chủ đề và chiều hướng, Quý III\/2026/ }).getByRole("row", { name: /^Đất đai, giải phóng mặt bằng/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText(String(expected));
  const trend = page.getByRole("table", { name: "Diễn biến 8 quý: Đất đai, giải phóng mặt bằng" });
  await expect(trend.getByRole("row")).toHaveCount(9);
  await expect(trend.getByRole("row", { name: /^Quý III\/2026/ }).getByRole("cell").nth(2)).toHaveText(String(expected));
});

test("excusing a collaborator who has reported meanwhile is refused with a visible message", async ({ page }) => {
  // Quarter II/2026 (June is its latest closed period); other tests read quarter III.
  const reported = queryOne<{ id: number }>(
    `SELECT e."collaboratorId" AS id FROM "ReportExpectation" e JOIN "ReportingPeriod" p ON p.id = e."periodId"
     WHERE p.year = 2026 AND p.month = 6 AND e.outcome = 'on_time' ORDER BY e."collaboratorId" LIMIT 1`,
  );
  const expectations = () => queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "ReportExpectation" e JOIN "ReportingPeriod" p ON p.id = e."periodId" WHERE p.year = 2026 AND p.month = 6').n;
  const before = expectations();
  await signInAs(page, "thuky");
  await page.goto(`/completeness?unit=${unitId("SH")}&quarter=20262`);
  const missing = page.getByRole("region", { name: "Chưa báo cáo kỳ Tháng 6/2026" });
  const excuse = missing.getByRole("button", { name: /^Miễn kỳ này cho / }).first();
  // The collaborator files in between: the server finds a report where the page showed none.
  await rewriteNextPost(page, "collaboratorId", String(reported.id));
  await excuse.click();
  await expect(missing.getByRole("alert")).toHaveText("Cộng tác viên đã báo cáo kỳ này.");
  expect(expectations()).toBe(before);
});
