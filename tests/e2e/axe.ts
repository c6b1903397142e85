import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now: names of controls, labels, landmarks,
 * contrast, language. Soft, so one run lists every page's violations, each naming its element.
 */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(summary).toEqual([]);
}
