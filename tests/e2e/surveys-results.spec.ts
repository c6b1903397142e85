import { expect, test } from "./test";
import { queryOne, signInAs, statusOf } from "./support";
import { surveyId } from "./surveys-support";

test("the seeded wave shows per-unit returns, charts with data tables, previous-wave comparison and a suppressed cross-tab", async ({ page }) => {
  await signInAs(page, "lanhdao");
  const id = surveyId("KS.DSHL.2026Q4");
  const totals = queryOne<{ quota: number; received: number }>(
    'SELECT SUM(t.quota) AS quota, (SELECT COUNT(*) FROM "SurveyResponse" WHERE "surveyId" = ?) AS received FROM "SurveyTarget" t WHERE t."surveyId" = ?', id, id,
  );
  await page.goto("/surveys");
  await page.getByRole("link", { name: /Đời sống nhân dân/ }).first().click();
  await page.goto(`/surveys/${id}/results`);
  const rate = ((totals.received / totals.quota) * 100).toFixed(2).replace(".", ",");
  await expect(page.locator(".summary")).toContainText(`thu về ${totals.received.toLocaleString("vi-VN")}, đạt ${rate}%`);
  await expect(page.getByRole("table", { name: "Số phiếu theo đơn vị" }).getByRole("row")).toHaveCount(121);
  await expect(page.getByText("So sánh với đợt Quý III/2026")).toBeVisible();
  const q1 = page.getByRole("table", { name: "Bảng số liệu câu Q1", exact: true });
  await expect(q1.getByRole("columnheader", { name: "Đợt trước (%)" })).toBeVisible();
  const better = queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyAnswer" WHERE "surveyId" = ? AND question = ? AND option = ?', id, "Q1", "Q1_1").n;
  await expect(q1.getByRole("row", { name: /Tốt hơn/ })).toContainText(better.toLocaleString("vi-VN"));

  // Cross-tab by unit: units with fewer than 5 forms are suppressed.
  await page.getByRole("form", { name: "Bảng chéo" }).getByLabel("Câu hỏi").selectOption("Q1");
  await page.getByRole("button", { name: "Xem bảng chéo" }).click();
  const cross = page.getByRole("table", { name: "Bảng chéo câu Q1 (%)" });
  await expect(cross).toBeVisible();
  const nHeader = cross.getByRole("columnheader", { name: "Số phiếu trả lời", exact: true });
  await expect(nHeader).toHaveText("n");
  await expect(nHeader.locator("abbr")).toHaveAttribute("title", "Số phiếu trả lời");
  const small = queryOne<{ name: string; n: number }>(
    'SELECT u.name, COUNT(*) AS n FROM "SurveyResponse" r JOIN "Unit" u ON u.id = r."unitId" WHERE r."surveyId" = ? GROUP BY u.id HAVING COUNT(*) < 5 ORDER BY u.code LIMIT 1', id,
  );
  if (small) await expect(cross.getByRole("row", { name: new RegExp(small.name) }).first()).toContainText("—");

  // Filtering by a band changes n; an official of one commune sees only that commune.
  await page.goto(`/surveys/${id}/results?gender=female`);
  await expect(page.getByRole("form", { name: "Lọc kết quả" }).getByLabel("Giới tính")).toHaveValue("female");
  const csv = await page.request.get(`/surveys/${id}/results.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain("Q1,");
});

test("a commune official reads only their commune; collaborators cannot read results", async ({ page, browser }) => {
  const id = surveyId("KS.DSHL.2026Q4");
  await signInAs(page, "lanhdao.xa");
  await page.goto(`/surveys/${id}/results`);
  await expect(page.getByRole("table", { name: "Số phiếu theo đơn vị" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Xuất CSV kết quả" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Xuất CSV từng phiếu" })).toHaveCount(0);
  const other = queryOne<{ id: number }>('SELECT id FROM "Unit" WHERE code = ?', "SH.X002").id;
  expect(await statusOf(page, `/surveys/${id}/results?unit=${other}`)).toBe(404);
  // Answer-level files are the province secretariat's (decision 0016): no link, and 404.
  expect((await page.request.get(`/surveys/${id}/results.csv?kind=answers`)).status()).toBe(404);
  expect((await page.request.get(`/surveys/${id}/results.csv`)).status()).toBe(200);
  const ctv = await browser.newPage();
  await signInAs(ctv, "ctv");
  expect(await statusOf(ctv, `/surveys/${id}/results`)).toBe(404);
  expect(await statusOf(ctv, `/surveys/${id}/results.xlsx`)).toBe(404);
});

test("a filter that leaves fewer than 5 questionnaires shows no breakdown, only a notice", async ({ page }) => {
  const id = surveyId("KS.DSHL.2026Q4");
  const small = queryOne<{ unitId: number; ageBand: string; gender: string; occupation: string; area: string }>(
    `SELECT r."unitId", r."ageBand", r."gender", r."occupation", r."area" FROM "SurveyResponse" r
     WHERE r."surveyId" = ? AND r."status" IN ('submitted', 'accepted')
     GROUP BY 1, 2, 3, 4, 5 HAVING COUNT(*) < 5 ORDER BY COUNT(*), 1 LIMIT 1`, id,
  );
  await signInAs(page, "lanhdao");
  const query = new URLSearchParams({ unit: String(small.unitId), ageBand: small.ageBand, gender: small.gender, occupation: small.occupation, area: small.area });
  await page.goto(`/surveys/${id}/results?${query}`);
  await expect(page.getByText("Bộ lọc này chỉ còn dưới 5 phiếu")).toBeVisible();
  await expect(page.getByRole("table", { name: "Bảng số liệu câu Q1", exact: true })).toHaveCount(0);
  const csv = await (await page.request.get(`/surveys/${id}/results.csv?${query}`)).text();
  expect(csv).toContain("Ít hơn 5 phiếu");
  expect(csv).not.toContain("Q1_1");
});
