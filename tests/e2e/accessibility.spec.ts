import { test, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";
import { queryOne, signInAs, unitId } from "./support";
import { surveyId } from "./surveys-support";

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
});

test("the admin's pages", async ({ page }) => {
  await signInAs(page, "admin");
  for (const url of ["/", `/units/${unitId("SH.X001")}`, "/units?q=phuong", "/units/new?parent=SH", "/admin/accounts", "/admin/accounts/new", "/admin/audit", "/account/password"]) {
    await page.goto(url);
    await test.step(url, () => expectNoViolations(page));
  }
});

test("a collaborator's overview on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "ctv");
  await expectNoViolations(page);
});

const one = (sql: string) => queryOne<{ id: number }>(sql).id;

/** A secretariat's pages, each checked by axe: many pages, so more than the default 30 s. */
async function checkSecretariatPages(page: Page, urls: string[]) {
  test.setTimeout(90_000);
  await signInAs(page, "thuky");
  for (const url of urls) {
    await page.goto(url);
    await test.step(url, () => expectNoViolations(page));
  }
}

test("the secretariat's survey pages", async ({ page }) => {
  const survey = surveyId("KS.DSHL.2026Q4");
  await checkSecretariatPages(page, [
    "/surveys", "/surveys/new", `/surveys/${survey}`, `/surveys/${survey}/build`, `/surveys/${survey}/results`,
    `/surveys/${survey}/results?xq=Q1&xby=gender`, `/surveys/${survey}/review`,
    `/surveys/responses/${one('SELECT id FROM "SurveyResponse" ORDER BY id LIMIT 1')}`,
  ]);
});

test("the secretariat's report pages", async ({ page }) => {
  await checkSecretariatPages(page, [
    "/reports/inbox", `/reports/${one('SELECT id FROM "OpinionReport" ORDER BY id LIMIT 1')}`,
    "/completeness", "/opinion-summary", "/proposals", `/proposals/${one('SELECT id FROM "Proposal" ORDER BY id LIMIT 1')}`,
    "/roster", `/roster/${one("SELECT id FROM \"Account\" WHERE role = 'collaborator' ORDER BY id LIMIT 1")}`, "/roster/import", "/topics",
  ]);
});

test("a collaborator's report and survey pages on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "ctv");
  for (const url of ["/reports", "/reports/new", "/surveys", `/surveys/${surveyId("KS.DSHL.2026Q4")}/fill`]) {
    await page.goto(url);
    await test.step(url, () => expectNoViolations(page));
  }
});
