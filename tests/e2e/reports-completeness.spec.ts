import fs from "node:fs";
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
    .toHaveAccessibleName(/^\d+ trên \d+ đã nộp, chưa đến hạn$/);
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

test("a running quarter: the period not due yet is neutral, the share and the missing count sortable, the non-reporters on the latest due period", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.goto("/completeness");
  // Today (2 December) the running quarter is IV/2026: November's deadline has passed, December's not.
  const matrix = page.getByRole("table", { name: "Tình hình báo cáo theo đơn vị và kỳ · Quý IV/2026" });
  await expect(matrix.getByRole("columnheader", { name: /^Tháng 12\/2026 chưa đến hạn \(hạn 23\/12\/2026\)$/ })).toBeVisible();
  const total = matrix.getByRole("row", { name: /^Tổng/ });
  await expect(total.getByRole("cell").nth(2)).toHaveAccessibleName(/^\d+ trên \d+ đã nộp, chưa đến hạn$/);
  await expect(total.getByRole("cell").nth(2).locator(".miss")).toHaveCount(0);
  // The share reported over the periods due (October and November), as the database has it.
  const due = queryOne<{ reported: number; expected: number; missing: number }>(
    `SELECT SUM(e.outcome <> 'missing') AS reported, COUNT(*) AS expected, SUM(e.outcome = 'missing') AS missing
     FROM "ReportExpectation" e JOIN "ReportingPeriod" p ON p.id = e."periodId" WHERE p.year = 2026 AND p.month IN (10, 11)`,
  );
  await expect(total.getByRole("cell").nth(3)).toHaveText(due.missing.toLocaleString("vi-VN"));
  await expect(total.getByRole("cell").nth(4)).toHaveText(`${((due.reported / due.expected) * 100).toFixed(1).replace(".", ",")}%`);

  // Sorting by the share: a link that keeps the unit and the quarter, the header says how it is sorted.
  await page.getByLabel("Quý").selectOption({ label: "Quý III/2026" });
  await page.getByRole("button", { name: "Lọc" }).click();
  const third = page.getByRole("table", { name: "Tình hình báo cáo theo đơn vị và kỳ · Quý III/2026" });
  await third.getByRole("link", { name: "Đã báo cáo (%)" }).click();
  await expect(page).toHaveURL(/quarter=20263.*sort=rate&dir=asc|sort=rate&dir=asc.*quarter=20263/);
  await expect(third.getByRole("columnheader", { name: "Đã báo cáo (%)" })).toHaveAttribute("aria-sort", "ascending");
  const shares = async () =>
    (await third.locator("tbody tr:not(.total-row) td:last-child").allInnerTexts()).filter((text) => text.endsWith("%")).map((text) => Number(text.replace("%", "").replace(",", ".")));
  const ascending = await shares();
  expect(ascending.length).toBeGreaterThan(10);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await third.getByRole("link", { name: "Đã báo cáo (%)" }).click();
  await expect(third.getByRole("columnheader", { name: "Đã báo cáo (%)" })).toHaveAttribute("aria-sort", "descending");
  await expect.poll(shares).toEqual([...ascending].sort((a, b) => b - a));
  await third.getByRole("link", { name: "Chưa báo cáo" }).click();
  await expect(third.getByRole("columnheader", { name: "Chưa báo cáo" })).toHaveAttribute("aria-sort", "descending");
  await expect(third.getByRole("columnheader", { name: "Đã báo cáo (%)" })).not.toHaveAttribute("aria-sort", /./);
  await expect(page.getByRole("combobox", { name: "Quý", exact: true })).toHaveValue("20263");

  // The non-reporters list opens on the latest due period (not an old one) and can show another.
  await page.goto("/completeness");
  const november = queryOne<{ id: number }>(`SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 11`).id;
  const list = page.getByRole("region", { name: "Chưa báo cáo kỳ Tháng 11/2026" });
  await expect(list.getByRole("combobox", { name: "Kỳ" })).toHaveValue(String(november));
  await expect(list.getByText("Hạn nộp 23/11/2026 đã qua")).toBeVisible();
  await list.getByRole("combobox", { name: "Kỳ" }).selectOption({ label: "Tháng 12/2026" });
  await list.getByRole("button", { name: "Xem" }).click();
  const notFiled = page.getByRole("region", { name: "Chưa nộp kỳ Tháng 12/2026" });
  await expect(notFiled.getByText("Chưa đến hạn nộp (23/12/2026)")).toBeVisible();
});

test("the matrix downloads as CSV and XLSX with the page's filters, each download audited", async ({ page }) => {
  await signInAs(page, "lanhdao");
  await page.goto(`/completeness?unit=${unitId("SH")}&quarter=20263&sort=missing`);
  const audited = () => queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE action = 'completeness.export'`).n;
  const before = audited();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("tien-do-bao-cao-SH-20263.csv");
  const lines = fs.readFileSync(await csv.path()).toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
  const months = [7, 8, 9].flatMap((m) => [`Tháng ${m}/2026: đúng hạn`, `Tháng ${m}/2026: trễ`, `Tháng ${m}/2026: chưa báo cáo`]);
  expect(lines[0]).toBe(["Đơn vị", "Mã đơn vị", "Ghi chú", ...months, "Chưa báo cáo", "Đã báo cáo (%)"].join(","));
  // Sorted as on the page: the most missing first; the last line the total.
  const missing = lines.slice(1, -2).map((line) => Number(line.split(",").at(-2)));
  expect(missing).toEqual([...missing].sort((a, b) => b - a));
  expect(lines.at(-2)!.startsWith("Tổng,SH,")).toBe(true);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("tien-do-bao-cao-SH-20263.xlsx");
  expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString("latin1")).toBe("PK");
  await expect.poll(audited).toBe(before + 2);
});

test("a collaborator's own page marks a period past its deadline overdue, and says when the next one is due", async ({ page }) => {
  // ctv.x001.2 has filed neither November (deadline 23/11, passed) nor December (23/12); no other test files for them.
  await signInAs(page, "ctv.x001.2");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Báo cáo của tôi" }).click();
  const toFile = page.getByRole("region", { name: "Kỳ cần báo cáo" });
  const november = toFile.getByRole("listitem").filter({ hasText: "Lập báo cáo Tháng 11/2026" });
  await expect(november.getByText("Quá hạn", { exact: true })).toBeVisible();
  await expect(november).toContainText("hạn 23/11/2026");
  const december = toFile.getByRole("listitem").filter({ hasText: "Lập báo cáo Tháng 12/2026" });
  await expect(december).toContainText("đến hạn 23/12/2026");
  await expect(december.getByText("Quá hạn", { exact: true })).toHaveCount(0);
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
