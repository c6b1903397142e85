/**
 * The quarterly report as PDF (decision 0024): headless Chromium prints the report's
 * print view — the same page an official prints from the browser, charts drawn by Chart.js,
 * fonts served by the app — to A4. One browser process serves every export (launched on first
 * use, relaunched if it died, closed after PDF_IDLE_CLOSE_MS without exports and when the server
 * stops); at most PDF_CONCURRENCY pages render at once and the rest wait their turn, each render
 * bounded by PDF_TIMEOUT_MS. The work happens in Chromium's processes: this server's event loop
 * only awaits, so an export never holds up other requests.
 */
import { data } from "@remix-run/node";
import { chromium, type Browser } from "playwright-core";
import { mintPrintToken, PRINT_TOKEN_HEADER, revokePrintToken, sourceVersion } from "./print-token.server";
import type { ExportSource } from "./source.server";

// Generous: a busy 2-core machine took 5–10 s for a render that takes 2–3 s idle. The bound is
// there so that a hung page never holds a turn for ever, not to hurry a slow one.
const RENDER_TIMEOUT_MS = Number(process.env.PDF_TIMEOUT_MS ?? 60_000);
const LAUNCH_TIMEOUT_MS = 60_000;
/** Chromium holds ~300 MB even idle; exports come in bursts around meetings: it closes between. */
const IDLE_CLOSE_MS = Number(process.env.PDF_IDLE_CLOSE_MS ?? 10 * 60_000);
const MAX_CONCURRENT = Math.max(1, Number(process.env.PDF_CONCURRENCY ?? 2));
/** Beyond this many waiting exports, a new one is refused (503) rather than queued for minutes. */
const MAX_WAITING = Number(process.env.PDF_MAX_WAITING ?? 8);

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Where Chromium reaches this server: the loopback interface and the port it listens on — never
 * the request's Host header, which the client writes (a forged one would send the print token
 * elsewhere). PRINT_ORIGIN overrides it (a server bound to one address only).
 */
export function printOrigin(env: Record<string, string | undefined> = process.env): string {
  if (env.PRINT_ORIGIN) return env.PRINT_ORIGIN.replace(/\/+$/, "");
  const host = !env.HOST || env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT ?? 3000}`;
}

// ── The browser: one process, launched lazily, replaced if it dies ────────────────────────────
let browser: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  const launching = chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
      // The server's own signal handlers stop it gracefully; closeBrowser() runs from ours below.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    .then((launched) => {
      launched.on("disconnected", () => {
        if (browser === launching) browser = null;
      });
      return launched;
    });
  launching.catch(() => {
    if (browser === launching) browser = null;
  });
  return launching;
}

let closesOnShutdown = false;

function currentBrowser(): Promise<Browser> {
  if (!browser) browser = launch();
  // Beside server.js's own handlers (which finish the requests in flight, then exit).
  if (!closesOnShutdown) {
    closesOnShutdown = true;
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void closeBrowser());
  }
  return browser;
}

/** Closes the browser process (server shutdown; tests). The next export launches a new one. */
export async function closeBrowser(): Promise<void> {
  const open = browser;
  browser = null;
  if (open) await open.then((b) => b.close()).catch(() => {});
}

// ── Turns: at most MAX_CONCURRENT renders at once ─────────────────────────────────────────────
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) {
    if (waiting.length >= MAX_WAITING) throw data({ message: "pdf_busy" }, { status: 503, headers: { "Retry-After": "30" } });
    // The finishing render hands its turn straight to the next in line (`running` stays counted).
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else running += 1;
  clearTimeout(idleClose);
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
    if (running === 0) closeWhenIdle();
  }
}

let idleClose: ReturnType<typeof setTimeout> | undefined;

function closeWhenIdle() {
  clearTimeout(idleClose);
  idleClose = setTimeout(() => {
    if (running === 0) void closeBrowser();
  }, IDLE_CLOSE_MS);
  // Never what keeps the process alive.
  idleClose.unref();
}

// ── Rendering ─────────────────────────────────────────────────────────────────────────────────

/**
 * The PDF of `source` (read through the gate by the caller): Chromium opens the print view with a
 * single-use print token that carries this source, waits for its ready marker (fonts loaded,
 * charts drawn) and prints it.
 */
export async function renderReportPdf(source: ExportSource): Promise<Buffer> {
  const reportId = source.report.id;
  const version = sourceVersion(source);
  return inTurn(async () => {
    // The first export also waits for Chromium to start (its own timeout): the render's starts after.
    const chromiumProcess = await currentBrowser();
    const deadline = Date.now() + RENDER_TIMEOUT_MS;
    const left = () => Math.max(1, deadline - Date.now());
    const origin = printOrigin();
    const url = `${origin}/quarterly-reports/${reportId}/print${version === null ? "" : `?version=${version}`}`;
    const token = mintPrintToken(source);
    const context = await chromiumProcess.newContext({
      viewport: { width: 1000, height: 1400 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      serviceWorkers: "block",
      acceptDownloads: false,
    });
    // page.pdf() has no timeout of its own: past the deadline the context is closed under it.
    const guard = setTimeout(() => void context.close().catch(() => {}), left());
    try {
      const page = await context.newPage();
      // Only this server is reachable, and only the print view's own request carries the token.
      await page.route("**/*", (route) => {
        const request = route.request();
        if (!request.url().startsWith(`${origin}/`)) return route.abort();
        if (request.url() === url && request.isNavigationRequest()) return route.continue({ headers: { ...request.headers(), [PRINT_TOKEN_HEADER]: token } });
        return route.continue();
      });
      const response = await page.goto(url, { waitUntil: "load", timeout: left() });
      if (response?.status() !== 200) throw new Error(`The print view answered ${response?.status() ?? "nothing"}`);
      await page.waitForSelector("html[data-print-ready]", { state: "attached", timeout: left() });
      // Tagged (the headings and tables stay structure for screen readers) and outlined (bookmarks).
      return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    } finally {
      clearTimeout(guard);
      revokePrintToken(token);
      await context.close().catch(() => {});
    }
  });
}
