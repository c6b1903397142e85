import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAs, unitId } from "./support";

// axe-core's WCAG 2.1 A/AA rules on every page of the foundation: names of controls, labels,
// landmarks, contrast, language. A failing rule names the element and why.
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

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
