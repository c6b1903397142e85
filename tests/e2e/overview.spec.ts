import { expect, test } from "./test";
import { queryAll, queryOne, signInAs } from "./support";

// The overview as each role's starting point.

test("a collaborator's overview on a phone lists what is due, overdue periods marked, and their survey quotas", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "ctv");
  const due = page.getByRole("region", { name: "Việc cần làm" });
  await expect(due).toBeVisible();
  // Every open period without the collaborator's monthly report is listed, and marked overdue once its deadline has passed.
  const me = queryOne<{ id: number }>(`SELECT id FROM "Account" WHERE username = 'ctv'`).id;
  const toFile = queryAll<{ id: number; month: number; year: number; deadline: number }>(
    `SELECT p.id, p.month, p.year, p.deadline FROM "ReportingPeriod" p WHERE p.status = 'open'
       AND NOT EXISTS (SELECT 1 FROM "OpinionReport" r WHERE r.periodId = p.id AND r.collaboratorId = ? AND r.kind = 'monthly')`,
    me,
  );
  expect(toFile.length).toBeGreaterThan(0);
  for (const p of toFile) {
    const item = due.getByRole("listitem").filter({ hasText: `Báo cáo Tháng ${p.month}/${p.year}` });
    await expect(item.getByRole("link", { name: `Lập báo cáo: Tháng ${p.month}/${p.year}` })).toBeVisible();
    await expect(item.getByText("Quá hạn")).toHaveCount(new Date(p.deadline).getTime() < Date.now() ? 1 : 0);
  }
  // "Báo cáo của tôi" marks the same periods overdue.
  await page.goto("/reports");
  const overdue = toFile.filter((p) => new Date(p.deadline).getTime() < Date.now());
  await expect(page.getByRole("region", { name: "Kỳ cần báo cáo" }).getByText("Quá hạn")).toHaveCount(overdue.length);
  await page.goto("/");
  const surveys = page.getByRole("region", { name: "Khảo sát được giao" });
  await expect(surveys.getByRole("link", { name: /^Nhập phiếu: / }).first()).toBeVisible();
  await expect(surveys.getByText(/Đơn vị: \d+\/\d+ phiếu · bạn đã nhập \d+/).first()).toBeVisible();
  // No office headline for a collaborator.
  await expect(page.getByRole("heading", { name: /^Việc đang chờ|^Điểm chính/ })).toHaveCount(0);
});

test("the secretariat's overview counts what waits for them, each count opening its page", async ({ page }) => {
  await signInAs(page, "thuky");
  const waiting = page.getByRole("region", { name: "Việc đang chờ" });
  const pending = queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "OpinionReport" WHERE status = 'submitted'`).n;
  await expect(waiting.getByRole("link", { name: `Báo cáo chờ duyệt: ${pending.toLocaleString("vi-VN")}` })).toBeVisible();
  const questionnaires = queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE status = 'submitted'`).n;
  await expect(waiting.getByRole("link", { name: `Phiếu khảo sát chờ duyệt: ${questionnaires.toLocaleString("vi-VN")}` })).toBeVisible();
  await waiting.getByRole("link", { name: /^Báo cáo chờ duyệt: / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hộp báo cáo" })).toBeVisible();
});

test("an official's overview shows the last closed quarter's headline, scoped to their subtree", async ({ page, browser, baseURL }) => {
  await signInAs(page, "lanhdao");
  const headline = page.getByRole("region", { name: /^Điểm chính Quý [IV]+\/\d{4}$/ });
  await expect(headline).toBeVisible();
  await expect(headline.getByRole("listitem").filter({ hasText: /ý kiến, chủ yếu/ })).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Việc đang chờ" })).toHaveCount(0);
  const items = async (p: typeof page) => Number((await p.getByRole("link", { name: /^Ý kiến phản ánh: / }).getAttribute("aria-label"))!.split(": ")[1]!.replace(/\./g, ""));
  const province = await items(page);

  const communeContext = await browser.newContext({ baseURL });
  const commune = await communeContext.newPage();
  await signInAs(commune, "lanhdao.xa");
  const title = await page.getByRole("heading", { name: /^Điểm chính / }).textContent();
  await expect(commune.getByRole("heading", { name: title! })).toBeVisible();
  const own = await items(commune);
  const home = queryOne<{ path: string }>(`SELECT u.path FROM "Account" a JOIN "Unit" u ON u.id = a.unitId WHERE a.username = 'lanhdao.xa'`).path;
  const [, roman, year] = /Quý ([IV]+)\/(\d{4})/.exec(title!)!;
  const quarterKey = Number(year) * 10 + ["I", "II", "III", "IV"].indexOf(roman!) + 1;
  const expected = queryOne<{ n: number }>(
    `SELECT COUNT(*) AS n FROM "OpinionItem" i JOIN "Unit" u ON u.id = i.areaUnitId WHERE i.quarterKey = ? AND u.path >= ? AND u.path < ?`,
    quarterKey, home, `${home.slice(0, -1)}0`,
  ).n;
  expect(own).toBe(expected);
  expect(own).toBeLessThan(province);
  await communeContext.close();
});
