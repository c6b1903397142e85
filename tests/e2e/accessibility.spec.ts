import { test } from "@playwright/test";
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

test("the secretariat's survey and report pages", async ({ page }) => {
  await signInAs(page, "thuky");
  const survey = surveyId("KS.DSHL.2026Q4");
  const one = <T>(sql: string) => queryOne<{ id: T }>(sql).id;
  const urls = [
    "/surveys", "/surveys/new", `/surveys/${survey}`, `/surveys/${survey}/build`, `/surveys/${survey}/results`,
    `/surveys/${survey}/results?xq=Q1&xby=gender`, `/surveys/${survey}/review`,
    `/surveys/responses/${one<number>('SELECT id FROM "SurveyResponse" ORDER BY id LIMIT 1')}`,
    "/reports/inbox", `/reports/${one<number>('SELECT id FROM "OpinionReport" ORDER BY id LIMIT 1')}`,
    "/completeness", "/opinion-summary", "/proposals", `/proposals/${one<number>('SELECT id FROM "Proposal" ORDER BY id LIMIT 1')}`,
    "/roster", `/roster/${one<number>('SELECT id FROM "Account" WHERE role = \'collaborator\' ORDER BY id LIMIT 1')}`, "/roster/import", "/topics",
  ];
  for (const url of urls) {
    await page.goto(url);
    await test.step(url, () => expectNoViolations(page));
  }
});

test("a collaborator's report and survey pages on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, "ctv");
  for (const url of ["/reports", "/reports/new", "/surveys", `/surveys/${surveyId("KS.DSHL.2026Q4")}/fill`]) {
    await page.goto(url);
    await test.step(url, () => expectNoViolations(page));
  }
});
