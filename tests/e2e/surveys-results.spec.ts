import { expect, test } from "./test";
import { queryOne, signInAs, statusOf } from "./support";
import { surveyId } from "./surveys-support";

test("the seeded wave shows charts with data tables, previous-wave comparison, a suppressed cross-tab and per-unit returns", async ({ page }) => {
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
  // The per-unit returns come last, folded: 120 communes and wards behind one summary line.
  await page.getByText("Số phiếu theo đơn vị (120 đơn vị)").click();
  await expect(page.getByRole("table", { name: "Số phiếu theo đơn vị" }).getByRole("row")).toHaveCount(121);
  await expect(page.getByText("So sánh với đợt Quý III/2026")).toBeVisible();
  const q1 = page.getByRole("table", { name: "Bảng số liệu câu 1", exact: true });
  await expect(q1.getByRole("columnheader", { name: "Đợt trước (%)" })).toBeVisible();
  const better = queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyAnswer" WHERE "surveyId" = ? AND question = ? AND option = ?', id, "Q1", "Q1_1").n;
  await expect(q1.getByRole("row", { name: /Tốt hơn/ })).toContainText(better.toLocaleString("vi-VN"));

  // Cross-tab by unit: units with fewer than 5 forms are suppressed.
  await page.getByRole("form", { name: "Bảng chéo" }).getByLabel("Câu hỏi").selectOption({ label: "Câu 1. So với quý trước, đời sống của gia đình ông/bà thế nào?" });
  await page.getByRole("button", { name: "Xem bảng chéo" }).click();
  const cross = page.getByRole("table", { name: "Bảng chéo câu 1 (%)" });
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
  // One unit: its returns are open at once.
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
  await expect(page.getByRole("table", { name: "Bảng số liệu câu 1", exact: true })).toHaveCount(0);
  const csv = await (await page.request.get(`/surveys/${id}/results.csv?${query}`)).text();
  expect(csv).toContain("Ít hơn 5 phiếu");
  expect(csv).not.toContain("Q1_1");
});

test("laid out as an official reads it: summary first, one section per question, no codes, one matrix chart, grouped open answers", async ({ page }) => {
  const id = surveyId("KS.DSHL.2026Q4");
  await signInAs(page, "lanhdao");
  await page.goto(`/surveys/${id}/results`);
  const summary = page.getByRole("region", { name: "Tóm tắt" });
  await expect(summary).toBeVisible();
  await expect(page.getByRole("img", { name: "Biểu đồ tỷ lệ câu 1" })).toBeVisible();

  // Summary before the first chart, the per-unit returns after the last one (DOM order).
  const order = await page.evaluate(() => {
    const summaryEl = document.getElementById("summary-title")!;
    const canvases = [...document.querySelectorAll("canvas")];
    const units = document.getElementById("units-title")!;
    const before = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { summaryFirst: before(summaryEl, canvases[0]!), unitsLast: before(canvases.at(-1)!, units), charts: canvases.length };
  });
  expect(order).toEqual({ summaryFirst: true, unitsLast: true, charts: 6 });

  // What the figures count, reviewed vs pending: counted = accepted + awaiting review.
  const card = async (label: string) => Number((await summary.getByRole("listitem").filter({ hasText: label }).locator(".stat-value").textContent())!.replace(/\./g, ""));
  const [counted, accepted, pending] = [await card("Tính vào kết quả"), await card("Đã duyệt"), await card("Chờ duyệt")];
  expect(counted).toBeGreaterThan(0);
  expect(accepted + pending).toBe(counted);
  await expect(summary.getByRole("listitem").filter({ hasText: "Trả lại, chưa tính" })).toBeVisible();
  await expect(summary).toContainText(`Số liệu trong trang tính trên ${counted.toLocaleString("vi-VN")} phiếu: ${accepted.toLocaleString("vi-VN")} phiếu đã duyệt và ${pending.toLocaleString("vi-VN")} phiếu đã gửi nhưng chưa duyệt.`);

  // Labels only: no question or option codes anywhere on the page.
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/\(Q\d|\bQ\d+(_\w+)?\b/);

  // The matrix: one chart comparing its three items, one table.
  const matrix = page.getByRole("region", { name: "Câu 6. Đánh giá chất lượng dịch vụ công" });
  await expect(matrix.locator("canvas")).toHaveCount(1);
  await expect(matrix.getByRole("img", { name: "Biểu đồ tỷ lệ câu 6" })).toBeVisible();
  const matrixTable = matrix.getByRole("table", { name: "Bảng số liệu câu 6" });
  for (const item of ["Y tế cơ sở", "Trường học", "Điện, nước sạch"]) await expect(matrixTable.getByRole("rowheader", { name: item, exact: true })).toBeVisible();
  await expect(matrix.getByRole("columnheader", { name: "Tốt (%)" })).toBeVisible();

  // Open answers: each text once, with its count, most frequent first.
  const open = page.getByRole("region", { name: "Câu 2. Khó khăn lớn nhất của gia đình là gì?" });
  const rows = open.getByRole("table", { name: /Ý kiến trả lời câu 2/ }).getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  const answers = cells.map(([answer]) => answer!.toLocaleLowerCase("vi"));
  const counts = cells.map(([, count]) => Number(count!.replace(/\./g, "")));
  expect(new Set(answers).size).toBe(answers.length);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts[0]).toBeGreaterThan(1);
});
