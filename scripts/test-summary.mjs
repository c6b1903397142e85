// Prints one closing line for the whole run, summed over Vitest and Playwright's JSON reports.
import fs from "node:fs";

const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
const vitest = read("tests/.output/vitest.json");
const playwright = read("tests/.output/playwright.json").stats;

const passed = vitest.numPassedTests + playwright.expected;
const failed = vitest.numFailedTests + playwright.unexpected + playwright.flaky;
const skipped = vitest.numPendingTests + vitest.numTodoTests + playwright.skipped;
console.log(`\nunit ${vitest.numPassedTests} + end-to-end ${playwright.expected}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
