import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/.output/playwright",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "tests/.output/playwright.json" }]],
  // Room for a machine about three times slower than a developer's, or one busy with other work:
  // CI runs on whatever 2-core machine the submission lands on. Long walks are split into tests
  // instead of stretching these (see tests/e2e/accessibility.spec.ts); `npm run test:e2e:slow`
  // runs the suite with the browser's CPU throttled four times to show slowness before CI does.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    launchOptions: {
      // Debian's Chromium (Playwright cannot download its own here); CHROMIUM_PATH overrides.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--lang=vi-VN", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    env: { PORT: String(port) },
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    // Migrating and seeding the demo province takes ~15 s on an idle machine and took 95 s on a
    // busy one (a fresh-clone run with other work beside it): the server gets five minutes.
    timeout: 300_000,
    stdout: "pipe",
  },
});
