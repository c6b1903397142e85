// axe on every page of every role, one test per page: a walk through many pages in one test ran
// out of time on a slow machine, and one page's violation no longer hides the next page's.
import { test } from "./test";
import { expectNoViolations } from "./axe";
import { queryOne, unitId } from "./support";
import { surveyId } from "./surveys-support";

const one = (sql: string) => queryOne<{ id: number }>(sql).id;
const survey = () => surveyId("KS.DSHL.2026Q4");

// Page label → its URL (resolved when the test runs: the database exists only once the server does).
type Walk = Record<string, () => string>;

const admin: Walk = {
  overview: () => "/",
  unit: () => `/units/${unitId("SH.X001")}`,
  "unit search": () => "/units?q=phuong",
  "new unit": () => "/units/new?parent=SH",
  accounts: () => "/admin/accounts",
  "new account": () => "/admin/accounts/new",
  audit: () => "/admin/audit",
  password: () => "/account/password",
};
const secretariat: Walk = {
  surveys: () => "/surveys",
  "new survey": () => "/surveys/new",
  survey: () => `/surveys/${survey()}`,
  builder: () => `/surveys/${survey()}/build`,
  results: () => `/surveys/${survey()}/results`,
  "results cross-tab": () => `/surveys/${survey()}/results?xq=Q1&xby=gender`,
  review: () => `/surveys/${survey()}/review`,
  questionnaire: () => `/surveys/responses/${one('SELECT id FROM "SurveyResponse" ORDER BY id LIMIT 1')}`,
  inbox: () => "/reports/inbox",
  report: () => `/reports/${one('SELECT id FROM "OpinionReport" ORDER BY id LIMIT 1')}`,
  completeness: () => "/completeness",
  "opinion summary": () => "/opinion-summary",
  proposals: () => "/proposals",
  proposal: () => `/proposals/${one('SELECT id FROM "Proposal" ORDER BY id LIMIT 1')}`,
  roster: () => "/roster",
  "roster entry": () => `/roster/${one("SELECT id FROM \"Account\" WHERE role = 'collaborator' ORDER BY id LIMIT 1")}`,
  "roster import": () => "/roster/import",
  topics: () => "/topics",
};
const collaboratorOnPhone: Walk = {
  overview: () => "/",
  "my reports": () => "/reports",
  "new report": () => "/reports/new",
  surveys: () => "/surveys",
  "survey form": () => `/surveys/${survey()}/fill`,
};

function walk(title: string, account: string, pages: Walk, viewport?: { width: number; height: number }) {
  test.describe(title, () => {
    test.use({ account, ...(viewport ? { viewport } : {}) });
    for (const [label, url] of Object.entries(pages)) {
      test(label, async ({ page }) => {
        await page.goto(url());
        await expectNoViolations(page);
      });
    }
  });
}

test("the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
});
walk("the admin's pages", "admin", admin);
walk("the secretariat's pages", "thuky", secretariat);
walk("a collaborator's pages on a phone", "ctv", collaboratorOnPhone, { width: 360, height: 740 });
