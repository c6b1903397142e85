// axe on every page of every role, one test per page: a walk through many pages in one test ran
// out of time on a slow machine, and one page's violation no longer hides the next page's.
import { test } from "./test";
import { expectNoViolations } from "./axe";
import { admin, collaboratorOnPhone, secretariat, type Walk } from "./pages";

const HEAVY = new Set(["completeness", "opinion summary", "results", "results cross-tab"]);

function walk(title: string, account: string, pages: Walk, viewport?: { width: number; height: number }) {
  test.describe(title, () => {
    test.use({ account, ...(viewport ? { viewport } : {}) });
    for (const [label, url] of Object.entries(pages)) {
      test(label, async ({ page }) => {
        // axe reads every node: the largest pages (the completeness matrix, ~3,500 elements) take
        // most of a minute on a slow, busy machine.
        if (HEAVY.has(label)) test.slow();
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
