import { expect, test, type Page } from "./test";
import { queryOne, signInAs } from "./support";
import { surveyId } from "./surveys-support";

/** Console errors about texts (a key missing from the loaded dictionary) or a hydration mismatch. */
function watchTexts(page: Page) {
  const problems: string[] = [];
  const officeChunks: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && /i18n: missing key|hydrat|did not match/i.test(text)) problems.push(text);
  });
  page.on("request", (request) => {
    if (/\/assets\/(vi|en)\.office-[\w-]+\.js$/.test(request.url())) officeChunks.push(request.url());
  });
  return { problems, officeChunks };
}

test("a collaborator's pages load only the field texts and miss none", async ({ page }) => {
  const watched = watchTexts(page);
  await signInAs(page, "ctv");
  const own = (sql: string) => queryOne<{ id: number }>(sql, "ctv").id;
  const report = own('SELECT r.id FROM "OpinionReport" r JOIN "Account" a ON a.id = r."collaboratorId" WHERE a.username = ? ORDER BY r.id LIMIT 1');
  const response = own('SELECT r.id FROM "SurveyResponse" r JOIN "Account" a ON a.id = r."collaboratorId" WHERE a.username = ? ORDER BY r.id LIMIT 1');
  for (const url of ["/", "/reports", "/reports/new", `/reports/${report}`, "/surveys", `/surveys/${surveyId("KS.DSHL.2026Q4")}/fill`, `/surveys/responses/${response}`, "/account/password", "/surveys/999999/fill"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation renders with the browser's dictionary only.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Khảo sát" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(watched.problems).toEqual([]);
  expect(watched.officeChunks).toEqual([]);
  await expect(page.locator("html")).toHaveAttribute("data-dictionary", "field");
});

test("office accounts load the office texts too, also after signing in on the field-only sign-in page", async ({ page }) => {
  const watched = watchTexts(page);
  await signInAs(page, "thuky");
  await expect(page.locator("html")).toHaveAttribute("data-dictionary", "office");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng hợp dư luận" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tổng hợp dư luận" })).toBeVisible();
  await page.goto(`/surveys/${surveyId("KS.DSHL.2026Q4")}`);
  await page.getByRole("link", { name: "Kết quả" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kết quả");
  expect(watched.problems).toEqual([]);
  expect(watched.officeChunks.length).toBeGreaterThan(0);
});
