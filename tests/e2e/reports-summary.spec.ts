import { expect, test, type Locator } from "./test";
import { queryOne, signInAs, statusOf, unitId } from "./support";

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
  await page.getByRole("link", { name: "Tổng hợp dư luận" }).click();
  await page.getByRole("combobox", { name: "Quý", exact: true }).selectOption({ label: "Quý III/2026" });
  await page.getByRole("button", { name: "Lọc" }).click();

  // The province: every item of the quarter, compared with quarter II.
  const province = countsUnder("SH", 20263);
  expect(province.total).toBeGreaterThan(0);
  const byTopic = page.getByRole("table", { name: "Số ý kiến theo chủ đề và chiều hướng, Quý III/2026 · Tỉnh Sơn Hà" });
  const provinceTotal = byTopic.getByRole("row", { name: /^Tổng/ });
  await expectCounts(provinceTotal, province);
  await expect(provinceTotal.getByRole("cell").nth(5)).toHaveText(vi(countsUnder("SH", 20262).total));
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
  await expect(communeTotal.getByRole("cell").nth(5)).toHaveText(vi(before.total));
  await expect(communeTotal.getByRole("cell").nth(6)).toHaveText(change(commune.total, before.total));
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
  await expect(topicRow.getByRole("cell").nth(5)).toHaveText(vi(topicBefore));
  await expect(topicRow.getByRole("cell").nth(6)).toHaveText(change(topicNow.total, topicBefore));
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
