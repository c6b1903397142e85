/**
 * Bench step 9: opening the collaborator's forms offline, as from the home screen, on a mid-range
 * phone profile (issue 14: ≤ 1 s with the CPU throttled 4×). Against the built server on the demo
 * province (its own database, seeded here: the generated province has no open reporting period),
 * headless Chromium signs in as `ctv` on a 360 px touch screen, visits once online so the service
 * worker installs, precaches and keeps the pages, then goes offline. Each run stops the worker (a
 * phone has usually stopped it), opens the form in a new page and reads, in the page, the time from
 * the navigation's start until the form is usable: hydrated, the device's draft read, the send
 * button enabled (the same moment the e2e tests wait for). CPU throttling (Chromium's DevTools
 * emulation) slows the page's own thread; the worker's thread and the browser's are not slowed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startBuiltServer } from "./built-server";
import { fmtMs, median } from "./stats";

const DEMO_DB = "bench/.output/offline-demo.db";
const USERNAME = "ctv";
const PASSWORD = "DuLuan@2026";

type Timing = { usableMs: number; documentMs: number };
export type OfflineOpenFigures = { forms: { label: string; path: string; throttled: Timing[]; unthrottled: Timing[] }[] };

/** The demo province in its own database (migrated and seeded like the e2e server's), unless kept. */
function seedDemo(reuse: boolean) {
  if (reuse && fs.existsSync(DEMO_DB)) return;
  const env = { ...process.env, DATABASE_URL: `file:./${DEMO_DB}` };
  for (const [cmd, args] of [
    ["node", ["scripts/db-reset.mjs"]],
    ["npx", ["--no-install", "vite-node", "--config", "vite.node.config.ts", "prisma/seed/seed.ts"]],
  ] as const) {
    const run = spawnSync(cmd, args, { env, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`seeding the demo province failed: ${run.stderr.slice(-1000)}`);
  }
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(USERNAME);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("heading", { level: 1, name: "Tổng quan" }).waitFor();
}

/** After one visit online: the worker controls the page and keeps these pages. */
async function waitUntilKept(page: Page, paths: string[]) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  for (const started = Date.now(); ; ) {
    const kept = await page.evaluate(async () => (await (await caches.open("duluan-pages")).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search));
    if (paths.every((p) => kept.includes(p)) && (await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) return;
    if (Date.now() - started > 120_000) throw new Error(`the service worker did not keep ${paths.join(", ")} (kept: ${kept.join(", ")})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** One offline opening of `path` in a fresh page, the CPU throttled `rate`×. */
async function openOnce(context: BrowserContext, path: string, rate: number): Promise<Timing> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    // The worker is not running when the phone opens the app from its home screen.
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.goto(path, { waitUntil: "commit" });
    const usable = await page.waitForFunction(
      () => {
        const send = document.querySelector<HTMLButtonElement>("main form button[type=submit]");
        return send && !send.disabled && document.querySelector("main form select, main form input:not([type=hidden])") ? performance.now() : false;
      },
      undefined,
      { timeout: 60_000 },
    );
    const usableMs = (await usable.jsonValue()) as number;
    const documentMs = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd);
    if (!(await page.evaluate(() => navigator.onLine === false))) throw new Error("the page was not offline");
    return { usableMs, documentMs };
  } finally {
    await page.close();
  }
}

export async function measureOfflineOpen({ port, runs, reuse }: { port: number; runs: number; reuse: boolean }): Promise<OfflineOpenFigures> {
  seedDemo(reuse);
  const server = await startBuiltServer(port, { DATABASE_URL: `file:./${DEMO_DB}` });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--lang=vi-VN", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const page = await context.newPage();
    await signIn(page);
    // The pages the app hands the worker to keep: the open survey's form (the demo's survey 2
    // when assigned) and the report form of an open period.
    const { pages } = (await (await page.request.get("/offline-pages.json")).json()) as { pages: string[] };
    const surveyForm = pages.find((p) => p === "/surveys/2/fill") ?? pages.find((p) => /^\/surveys\/\d+\/fill$/.test(p));
    const reportForm = pages.find((p) => /^\/reports\/new\?period=\d+$/.test(p)) ?? pages.find((p) => p.startsWith("/reports/new?"));
    if (!surveyForm || !reportForm) throw new Error(`no open form for ${USERNAME}: ${pages.join(", ")}`);
    await waitUntilKept(page, [surveyForm, reportForm]);
    await page.close();
    await context.setOffline(true);
    const forms: OfflineOpenFigures["forms"] = [];
    for (const [label, path] of [["survey form", surveyForm], ["opinion report form", reportForm]] as const) {
      const form = { label, path, throttled: [] as Timing[], unthrottled: [] as Timing[] };
      // One opening first (the browser's code caches filled), then the measured ones.
      await openOnce(context, path, 1);
      for (let i = 0; i < runs; i++) {
        form.throttled.push(await openOnce(context, path, 4));
        form.unthrottled.push(await openOnce(context, path, 1));
      }
      forms.push(form);
    }
    return { forms };
  } finally {
    await browser.close();
    server.stop();
  }
}

/** The rows bench/run.ts prints. */
export function offlineOpenRows(f: OfflineOpenFigures): (string | number)[][] {
  const summary = (timings: Timing[]) =>
    `${fmtMs(median(timings.map((t) => t.usableMs)))} ms (runs ${timings.map((t) => fmtMs(t.usableMs)).join(", ")}; page from the worker at ${fmtMs(median(timings.map((t) => t.documentMs)))} ms)`;
  return f.forms.flatMap((form) => [
    [`Open the ${form.label} offline as from the home screen (${form.path.replace(/\?.*/, "")}, 360 px), CPU 4×: median of ${form.throttled.length}`, summary(form.throttled), "≤ 1,000 ms"],
    [`The same, CPU not throttled`, summary(form.unthrottled), ""],
  ]);
}
