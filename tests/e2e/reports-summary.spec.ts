import { expect, test, type Locator } from "./test";
import { queryAll, queryOne, signInAs, statusOf, unitId } from "./support";

const DIRECTIONS = ["approve", "oppose", "worried", "unclear"] as const;
type Counts = Record<(typeof DIRECTIONS)[number] | "total", number>;

/** A quarter's items whose area unit lies under the unit with this code, straight from the e2e database. */
function countsUnder(code: string, quarterKey: number, topicCode?: string): Counts {
  return queryOne<Counts>(
    `SELECT COUNT(*) AS total, ${DIRECTIONS.map((d) => `COALESCE(SUM(i.direction = '${d}'), 0) AS ${d}`).join(", ")}
     FROM "OpinionItem" i JOIN "Unit" u ON u.id = i."areaUnitId" JOIN "Topic" t ON t.id = i."topicId"
     WHERE i."quarterKey" = ? AND u.path LIKE (SELECT path FROM "Unit" WHERE code = ?) || '%' AND (? IS NULL OR t.code = ?)`,
    quarterKey,
    code,
    topicCode ?? null,
    topicCode ?? null,
  );
}

const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const change = (now: number, before: number) => (now > before ? `+${vi(now - before)}` : now < before ? `−${vi(before - now)}` : "0");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The direction cells of a table row (and the total after them, unless the table has none). */
async function expectCounts(row: Locator, counts: Counts, withTotal = true) {
  for (const [i, d] of DIRECTIONS.entries()) await expect(row.getByRole("cell").nth(i)).toHaveText(vi(counts[d]));
  if (withTotal) await expect(row.getByRole("cell").nth(DIRECTIONS.length)).toHaveText(vi(counts.total));
}

test("an official drills from the province into a commune, with charts and the previous quarter", async ({ page }) => {
  await signInAs(page, "lanhdao");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng hợp dư luận" }).click();
  // It opens on the last closed quarter (the seed's quarter IV/2026 runs until 20/12/2026), not the running one.
  await expect(page.getByRole("combobox", { name: "Quý", exact: true })).toHaveValue("20263");
  await expect(page.getByRole("note")).toHaveCount(0);

  // The province: every item of the quarter, compared with quarter II.
  const province = countsUnder("SH", 20263);
  expect(province.total).toBeGreaterThan(0);
  const byTopic = page.getByRole("table", { name: "Số ý kiến theo chủ đề và chiều hướng, Quý III/2026 · Tỉnh Sơn Hà" });
  const provinceTotal = byTopic.getByRole("row", { name: /^Tổng/ });
  await expectCounts(provinceTotal, province);
  await expect(provinceTotal.getByRole("cell").nth(5)).toHaveText("100,0%");
  await expect(provinceTotal.getByRole("cell").nth(6)).toHaveText(vi(countsUnder("SH", 20262).total));
  await expect(byTopic.getByRole("columnheader", { name: "Quý trước (Quý II/2026)" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ cột chồng: số ý kiến theo chủ đề và chiều hướng, Quý III/2026 · Tỉnh Sơn Hà" })).toBeVisible();

  // Each direct child unit with its counts; the commune's row links further down.
  const byUnit = page.getByRole("table", { name: "Số ý kiến theo đơn vị trực thuộc, Quý III/2026 · Tỉnh Sơn Hà" });
  const communeRow = byUnit.getByRole("row", { name: /^Xã Mỹ Thịnh SH\.X001 / });
  const commune = countsUnder("SH.X001", 20263);
  expect(commune.total).toBeGreaterThan(0);
  await expectCounts(communeRow, commune);
  await communeRow.getByRole("link", { name: "Xã Mỹ Thịnh" }).click();

  // Inside the commune: its own figures, the way back, the charts named for it.
  await expect(page).toHaveURL(new RegExp(`unit=${unitId("SH.X001")}&quarter=20263`));
  const crumbs = page.getByRole("navigation", { name: "Vị trí đơn vị đang xem" });
  await expect(crumbs.getByRole("link", { name: "Tỉnh Sơn Hà" })).toBeVisible();
  await expect(crumbs.getByText("Xã Mỹ Thịnh")).toHaveAttribute("aria-current", "page");
  const communeTopics = page.getByRole("table", { name: "Số ý kiến theo chủ đề và chiều hướng, Quý III/2026 · Xã Mỹ Thịnh" });
  const communeTotal = communeTopics.getByRole("row", { name: /^Tổng/ });
  await expectCounts(communeTotal, commune);
  const before = countsUnder("SH.X001", 20262);
  await expect(communeTotal.getByRole("cell").nth(6)).toHaveText(vi(before.total));
  await expect(communeTotal.getByRole("cell").nth(7)).toHaveText(change(commune.total, before.total));
  // One topic's row: this quarter by direction, the previous quarter and the change.
  const top = queryOne<{ code: string; name: string }>(
    `SELECT t.code, t."nameVi" AS name FROM "OpinionItem" i JOIN "Unit" u ON u.id = i."areaUnitId" JOIN "Topic" t ON t.id = i."topicId"
     WHERE i."quarterKey" = 20263 AND u.path LIKE (SELECT path FROM "Unit" WHERE code = 'SH.X001') || '%'
     GROUP BY t.id ORDER BY COUNT(*) DESC, t."sortOrder" LIMIT 1`,
  );
  const topicRow = communeTopics.getByRole("row", { name: new RegExp(`^${escape(top.name)}`) });
  const topicNow = countsUnder("SH.X001", 20263, top.code);
  const topicBefore = countsUnder("SH.X001", 20262, top.code).total;
  await expectCounts(topicRow, topicNow);
  // Its share of the commune's items, one decimal.
  await expect(topicRow.getByRole("cell").nth(5)).toHaveText(`${new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((topicNow.total / commune.total) * 100)}%`);
  await expect(topicRow.getByRole("cell").nth(6)).toHaveText(vi(topicBefore));
  await expect(topicRow.getByRole("cell").nth(7)).toHaveText(change(topicNow.total, topicBefore));
  await expect(page.getByRole("img", { name: "Biểu đồ cột chồng: số ý kiến theo chủ đề và chiều hướng, Quý III/2026 · Xã Mỹ Thịnh" })).toBeVisible();
  // The trend follows the topic picked at the province (the drill link keeps it), now for the commune.
  const trendName = (await page.getByRole("combobox", { name: "Diễn biến chủ đề", exact: true }).locator("option:checked").textContent())!;
  const trendCode = queryOne<{ code: string }>('SELECT code FROM "Topic" WHERE "nameVi" = ?', trendName).code;
  await expect(page.getByRole("img", { name: `Biểu đồ đường: diễn biến 8 quý của chủ đề ${trendName} · Xã Mỹ Thịnh` })).toBeVisible();
  const trend = page.getByRole("table", { name: `Diễn biến 8 quý: ${trendName} · Xã Mỹ Thịnh` });
  await expect(trend.getByRole("row")).toHaveCount(9);
  for (const [label, key] of [["Quý II/2026", 20262], ["Quý III/2026", 20263]] as const) {
    await expectCounts(trend.getByRole("row", { name: new RegExp(`^${escape(label)}`) }), countsUnder("SH.X001", key, trendCode), false);
  }
  // The pickers show where we are (the form follows client-side navigation).
  await expect(page.getByRole("combobox", { name: "Đơn vị", exact: true })).toHaveValue(String(unitId("SH.X001")));

  await page.getByRole("link", { name: "Lên cấp trên" }).click();
  await expect(page.getByText("Đơn vị: Tỉnh Sơn Hà")).toBeVisible();
});

test("a commune official sees their own commune and gets 404 for another commune's unit id", async ({ page }) => {
  await signInAs(page, "lanhdao.xa");
  await page.goto("/opinion-summary?quarter=20263");
  await expect(page.getByText("Đơn vị: Xã Mỹ Thịnh")).toBeVisible();
  await expect(page.getByRole("link", { name: "Lên cấp trên" })).toHaveCount(0);
  const own = countsUnder("SH.X001", 20263);
  await expectCounts(page.getByRole("table", { name: /^Số ý kiến theo chủ đề và chiều hướng/ }).getByRole("row", { name: /^Tổng/ }), own);
  expect(await statusOf(page, `/opinion-summary?unit=${unitId("SH.X002")}&quarter=20263`)).toBe(404);
  expect(await statusOf(page, `/opinion-summary?unit=${unitId("SH")}`)).toBe(404);
  expect(await statusOf(page, `/opinion-summary?unit=${unitId("SH.X001")}`)).toBe(200);
});

test("a quarter still running is provisional: its ended months, compared with the same months of the quarter before", async ({ page }) => {
  const today = new Date();
  const todayVn = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + (today.getUTCHours() >= 17 ? 1 : 0)));
  const periods = queryAll<{ id: number; month: number; endsOn: string | number }>('SELECT id, month, "endsOn" FROM "ReportingPeriod" WHERE "quarterKey" = 20264 ORDER BY month');
  const ended = periods.filter((p) => new Date(p.endsOn).getTime() < todayVn.getTime());
  test.skip(ended.length === 0 || ended.length === 3, "quarter IV/2026 is provisional with an ended month only until 20/12/2026");
  const months = ended.map((p) => p.month);
  const sameMonths = months.map((m) => m - 3);
  const sum = (quarterKey: number, ms: number[]) =>
    queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "OpinionItem" i JOIN "ReportingPeriod" p ON p.id = i."periodId" WHERE i."quarterKey" = ? AND p.month IN (${ms.join(",")})`, quarterKey).n;
  const lastEnd = new Date(ended.at(-1)!.endsOn);
  const dd = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

  await signInAs(page, "lanhdao");
  await page.goto("/opinion-summary?quarter=20264");
  await expect(page.getByRole("note")).toContainText(`Tạm tính đến ${dd(lastEnd)}, ${ended.length}/3 tháng.`);
  const byTopic = page.getByRole("table", { name: "Số ý kiến theo chủ đề và chiều hướng, Quý IV/2026 (tạm tính) · Tỉnh Sơn Hà" });
  await expect(byTopic.getByRole("columnheader", { name: `Cùng kỳ quý trước (Quý III/2026, tháng ${sameMonths.join(", ")})` })).toBeVisible();
  const total = byTopic.getByRole("row", { name: /^Tổng/ });
  const now = sum(20264, months);
  const before = sum(20263, sameMonths);
  await expect(total.getByRole("cell").nth(4)).toHaveText(vi(now));
  await expect(total.getByRole("cell").nth(6)).toHaveText(vi(before));
  await expect(total.getByRole("cell").nth(7)).toHaveText(change(now, before));
  // The trend's last point says it is provisional.
  await expect(page.getByRole("table", { name: /^Diễn biến 8 quý:/ }).getByRole("rowheader", { name: "Quý IV/2026 (tạm tính)" })).toBeVisible();
});

test("the unit picker lists units by kind and name, and finds one typed without accents", async ({ page }) => {
  await signInAs(page, "lanhdao");
  await page.goto("/opinion-summary");
  const select = page.getByRole("combobox", { name: "Đơn vị", exact: true });
  const options = (await select.locator("option").allTextContents()).map((o) => o.replace(/\u00a0/g, "").trim());
  expect(options[0]).toBe("Tỉnh Sơn Hà (SH)");
  // The province's direct units: communes first, in Vietnamese alphabetical order, then wards.
  const direct = queryAll<{ name: string; code: string; kind: string }>(
    `SELECT name, code, kind FROM "Unit" WHERE "parentId" = ? AND "validTo" IS NULL`,
    unitId("SH"),
  );
  const communes = direct.filter((u) => u.kind === "commune").map((u) => `${u.name} (${u.code})`);
  const listedCommunes = options.filter((o) => communes.includes(o));
  expect(listedCommunes).toEqual([...communes].sort(new Intl.Collator("vi", { numeric: true, sensitivity: "base" }).compare));
  const firstWard = options.findIndex((o) => direct.some((u) => u.kind === "ward" && o === `${u.name} (${u.code})`));
  expect(firstWard).toBeGreaterThan(options.indexOf(listedCommunes.at(-1)!));

  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("my thinh");
  await expect(select).toHaveValue(String(unitId("SH.X001")));
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("table", { name: /^Số ý kiến theo chủ đề và chiều hướng, Quý III\/2026 · Xã Mỹ Thịnh$/ })).toBeVisible();
});
