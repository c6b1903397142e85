/**
 * `npm run bench [-- --scale 1 --runs 5 --seconds 60]`: generates a province at the given scale
 * into bench/.output/bench.db and measures, in one process run (figures in docs/performance.md):
 *  1. quarterly survey results three ways (app, raw scan, naive) with the ratios, checking that
 *     all three give identical numbers;
 *  2. opinion items: topic × direction × unit for a quarter, and an 8-quarter trend for one topic;
 *     the quarterly report: compiling a quarter's live figures, opening a published report;
 *  3. submissions: the built server under load from a separate process (50 clients), then the
 *     stored responses are counted against the acknowledged UUIDs;
 *  4. XLSX export of one wave: time and peak memory;
 *  5. gzipped JS of the collaborator's form pages and the results page.
 * `--smoke` (scale 0.01 in `npm test`) fails on any disagreement, loss, duplicate or error, never on time.
 * `--only results,opinion,quarterly,submissions,xlsx,js` measures only those parts (all by default).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const scale = arg("scale", 1);
const runs = arg("runs", 5);
const loadSeconds = arg("seconds", 60);
const smoke = process.argv.includes("--smoke");
// --reuse: measure an existing generated database of this scale (skips the generation).
const reuse = process.argv.includes("--reuse");
const port = arg("port", 3400);
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1]!.split(",")) : null;
const wanted = (part: string) => !only || only.has(part);

const benchStarted = performance.now();
const OUT = "bench/.output";
const DB_FILE = `${OUT}/bench-${scale}.db`;
fs.mkdirSync(OUT, { recursive: true });
process.env.DATABASE_URL = `file:./${DB_FILE}`;
process.env.CHECKPOINT_DISABLE = "1";

const vn = (script: string, args: string[]) => ["--no-install", "vite-node", "--config", "vite.node.config.ts", script, "--", ...args];

function step(title: string) {
  console.log(`\n━━ ${title}`);
}

if (!reuse || !fs.existsSync(DB_FILE)) {
  step(`generating scale ${scale} into ${DB_FILE}`);
  const reset = spawnSync("node", ["scripts/db-reset.mjs"], { env: process.env, encoding: "utf8" });
  if (reset.status !== 0) throw new Error(reset.stderr);
} else step(`measuring the existing ${DB_FILE} (--reuse)`);

// The app's modules read DATABASE_URL when first imported: only now.
const { db, dbReady } = await import("~/db/db.server");
await dbReady;
const { generate, describeGenerated, QUARTERS } = await import("./generate");
const { appPath, naivePath, openRaw, firstDifference } = await import("./results-paths");
const { countItemsByTopicDirectionUnit, topicTrend } = await import("~/opinion-reports/aggregates.server");
const { timeRuns, fmtMs, fmtKb, markdownTable } = await import("./stats");
const { loadAssetsManifest, gzippedJsBytes } = await import("./js-size");

const generated = reuse && (await db.unit.count()) > 0 ? await describeGenerated() : await generate(scale);
const answerRows = await db.surveyAnswer.count();
if (generated.seconds.province + generated.seconds.surveys + generated.seconds.opinion === 0) console.log("(generation not timed in this run: --reuse)");
console.log(
  `province ${generated.seconds.province.toFixed(1)} s · surveys ${generated.seconds.surveys.toFixed(1)} s ` +
    `(${generated.surveys.reduce((a, s) => a + s.responses, 0).toLocaleString("en")} questionnaires, ${answerRows.toLocaleString("en")} answer rows) · ` +
    `opinion ${generated.seconds.opinion.toFixed(1)} s (${generated.opinionItems.toLocaleString("en")} items)`,
);

const failures: string[] = [];
// Rows print as they are measured, so a long step never hides the earlier figures.
const table = {
  rows: [] as (string | number)[][],
  push(...rows: (string | number)[][]) {
    for (const row of rows) console.log(`  ${row[0]}: ${row[1]}${row[2] ? ` (target ${row[2]})` : ""}`);
    this.rows.push(...rows);
  },
};
const XLSX_TIMEOUT_S = arg("xlsx-timeout", 120);

// 1. Quarterly survey results.
const quarter = generated.surveys[generated.surveys.length - 1]!;
if (wanted("results")) {
  step("1. quarterly survey results (one quarter: all question × option counts + cross-tab by unit)");
  const raw = openRaw(DB_FILE);
  const app = await timeRuns(runs, () => appPath(quarter.surveyId, generated.rootPath));
  const scan = await timeRuns(runs, () => raw.run(quarter.surveyId));
  // The naive path takes seconds to minutes at scale 1: measured once, without warm-up.
  const naive = await timeRuns(1, () => naivePath(quarter.surveyId), { warmUp: false });
  raw.close();
  for (const [name, other] of [["raw scan", scan.result], ["naive", naive.result]] as const) {
    const diff = firstDifference(app.result, other);
    if (diff) failures.push(`results differ between app and ${name}: ${diff}`);
  }
  console.log(`identical numbers in all three paths: ${failures.length === 0 ? "yes" : "NO"} (${app.result.size} cells)`);
  table.push(
    ["Quarterly results, app (tallies)", `${fmtMs(app.median)} ms`, "≤ 100 ms"],
    ["Quarterly results, raw GROUP BY scan", `${fmtMs(scan.median)} ms`, ""],
    ["Quarterly results, naive (rows into JS)", `${fmtMs(naive.median)} ms`, ""],
    ["app ÷ raw scan", (app.median / scan.median).toFixed(3), "≤ 0.3"],
    ["naive ÷ app", `${(naive.median / app.median).toFixed(0)}×`, "≥ 50×"],
  );
}

// 2. Opinion items.
const lastQuarter = QUARTERS[QUARTERS.length - 1]!;
if (wanted("opinion")) {
  step("2. opinion items");
  const byTopic = await timeRuns(runs, () => countItemsByTopicDirectionUnit(lastQuarter));
  const trend = await timeRuns(runs, () => topicTrend(generated.topicIds[0]!, lastQuarter, 8));
  const itemsInQuarter = byTopic.result.reduce((a, r) => a + r.count, 0);
  console.log(`${itemsInQuarter.toLocaleString("en")} items in the quarter, ${byTopic.result.length} topic × direction × unit cells; trend points ${trend.result.length}`);
  table.push(
    [`Opinion items topic × direction × unit (${itemsInQuarter.toLocaleString("en")} items)`, `${fmtMs(byTopic.median)} ms`, "≤ 30 ms"],
    ["8-quarter trend of one topic", `${fmtMs(trend.median)} ms`, "≤ 50 ms"],
  );
}

// 2b. The quarterly report (issue 11).
if (wanted("quarterly")) {
  step("2b. quarterly report (the province, the last quarter)");
  const { measureQuarterlyReport } = await import("./quarterly-report");
  const measured = await measureQuarterlyReport(lastQuarter, runs);
  console.log(measured.note);
  table.push(
    [`Quarterly report: compile every section's live figures (${measured.items.toLocaleString("en")} items in the quarter), wall / CPU`, `${fmtMs(measured.compile)} / ${fmtMs(measured.compileCpu)} ms`, "≤ 150 ms"],
    [`Quarterly report: open a published one (read + verify the ${fmtKb(measured.snapshotBytes)} KB snapshot), wall / CPU`, `${fmtMs(measured.open)} / ${fmtMs(measured.openCpu)} ms`, "≤ 30 ms"],
    ["Quarterly report: comparison with the live figures (streamed after the page), wall / CPU", `${fmtMs(measured.compare)} / ${fmtMs(measured.compareCpu)} ms`, ""],
  );
}

// 3. Submissions under load.
if (wanted("submissions")) {
  step(`3. submissions: 50 clients for ${loadSeconds} s against the built server`);
  // Always the current code: a build left from older code would measure the wrong server. (npm test
  // builds just before its smoke run.)
  if (!smoke || !fs.existsSync("build/server/index.js")) {
    // NODE_ENV=production: vite-node set "development" here, which would make a development bundle.
    const built = spawnSync("npx", ["--no-install", "remix", "vite:build"], { env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`the build failed: ${built.stderr.slice(-2000)}`);
  }
  const server = spawn("node", ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), LOG_REQUESTS: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 100) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  // The oldest wave takes the load, so the measured quarter (results, export) keeps its size.
  const loadSurvey = generated.surveys[0]!;
  const usernames = (
    await db.account.findMany({
      where: { role: "collaborator", unit: { kind: { in: ["commune", "ward"] }, validTo: null } },
      orderBy: { id: "asc" },
      take: 50,
      select: { username: true },
    })
  ).map((a) => a.username);
  const before = await db.surveyResponse.count({ where: { surveyId: loadSurvey.surveyId } });
  const load = spawnSync("npx", vn("bench/load-process.ts", [JSON.stringify({ baseUrl, surveyId: loadSurvey.surveyId, version: 1, seconds: loadSeconds, usernames, password: "DuLuan@2026" })]), {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  server.kill("SIGTERM");
  if (load.status !== 0) throw new Error(`load process failed: ${load.stderr}`);
  const loadResult = JSON.parse(load.stdout.trim().split("\n").pop()!) as {
    requests: number; errors: number; errorSamples: string[]; acknowledgedKeys: string[]; seconds: number; p50: number; p95: number; p99: number;
  };
  const after = await db.surveyResponse.count({ where: { surveyId: loadSurvey.surveyId } });
  const stored = after - before;
  let storedAcknowledged = 0;
  for (let i = 0; i < loadResult.acknowledgedKeys.length; i += 500) {
    storedAcknowledged += await db.surveyResponse.count({ where: { clientUuid: { in: loadResult.acknowledgedKeys.slice(i, i + 500) } } });
  }
  const acknowledged = loadResult.acknowledgedKeys.length;
  const lost = acknowledged - storedAcknowledged;
  const duplicated = stored - storedAcknowledged;
  const perSecond = acknowledged / loadResult.seconds;
  console.log(
    `${loadResult.requests.toLocaleString("en")} requests, ${acknowledged.toLocaleString("en")} distinct questionnaires acknowledged, ` +
      `${stored.toLocaleString("en")} stored; errors ${loadResult.errors}${loadResult.errorSamples.length ? ` (${loadResult.errorSamples.join("; ")})` : ""}`,
  );
  if (loadResult.errors > 0) failures.push(`submission errors: ${loadResult.errors} (${loadResult.errorSamples.join("; ")})`);
  if (lost !== 0 || duplicated !== 0) failures.push(`submissions lost ${lost}, duplicated ${duplicated}`);
  table.push(
    ["Acknowledged submissions / s (each request answered 200/201)", ((loadResult.requests - loadResult.errors) / loadResult.seconds).toFixed(0), "≥ 400"],
    ["Distinct questionnaires stored / s (each sent 1–3×)", perSecond.toFixed(0), ""],
    ["Submission latency p50 / p95 / p99", `${fmtMs(loadResult.p50)} / ${fmtMs(loadResult.p95)} / ${fmtMs(loadResult.p99)} ms`, "p95 ≤ 200 ms"],
    ["Lost / duplicated / errors", `${lost} / ${duplicated} / ${loadResult.errors}`, "0 / 0 / 0"],
  );
}

// 4. XLSX export.
if (wanted("xlsx")) {
  const exportedResponses = (await db.surveyResponse.count({ where: { surveyId: quarter.surveyId } })).toLocaleString("en");
  step(`4. XLSX export of one wave (${exportedResponses} questionnaires)`);
  const xlsx = spawnSync("npx", vn("bench/xlsx-process.ts", [String(quarter.surveyId), `${OUT}/export-${scale}.xlsx`]), {
    encoding: "utf8",
    env: process.env,
    timeout: XLSX_TIMEOUT_S * 1000,
    killSignal: "SIGKILL",
  });
  if (xlsx.error || xlsx.status !== 0) {
    const why = xlsx.error ? `did not finish within ${XLSX_TIMEOUT_S} s` : `failed: ${xlsx.stderr.slice(-300)}`;
    table.push([`XLSX export (${exportedResponses} questionnaires)`, why, "≤ 10 s"]);
    if (!xlsx.error) failures.push(`xlsx export ${why}`);
  } else {
    const exported = JSON.parse(xlsx.stdout.trim().split("\n").pop()!) as { seconds: number; bytes: number; maxRssMb: number };
    table.push(
      [`XLSX export (${exportedResponses} questionnaires, ${(exported.bytes / 1e6).toFixed(1)} MB)`, `${exported.seconds.toFixed(1)} s`, "≤ 10 s"],
      ["XLSX export peak memory (max RSS of the exporting process)", `${exported.maxRssMb.toFixed(0)} MB`, "≤ 300 MB"],
    );
  }
}

// 5. JavaScript per page.
if (wanted("js")) {
  step("5. JavaScript loaded per page (gzipped)");
  const manifest = await loadAssetsManifest();
  for (const [label, routeId, target] of [
    ["Collaborator's survey form", "routes/_app.surveys.$surveyId.fill", "≤ 150 KB"],
    ["Collaborator's opinion report form", "routes/_app.reports.new", "≤ 150 KB"],
    ["Survey results (report) page", "routes/_app.surveys.$surveyId.results", ""],
  ] as const) {
    if (!manifest.routes[routeId]) {
      failures.push(`no route ${routeId} in the build`);
      continue;
    }
    // The results page is an office page: its readers also load the office texts.
    const size = gzippedJsBytes(manifest, routeId, { office: routeId.endsWith(".results") });
    table.push([`JS for ${label} (${size.files} files)`, `${fmtKb(size.gzipBytes)} KB`, target]);
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, SQLite synchronous=${process.env.SQLITE_SYNCHRONOUS ?? "FULL"} (WAL)`;
const report = [
  `Scale ${scale} · ${new Date().toISOString().slice(0, 10)} · ${machine}`,
  `Generation: ${(generated.seconds.province + generated.seconds.surveys + generated.seconds.opinion).toFixed(0)} s; ${answerRows.toLocaleString("en")} answer rows, ${generated.opinionItems.toLocaleString("en")} opinion items; medians of ${runs} runs (the naive path: one run). Whole bench: ${((performance.now() - benchStarted) / 60000).toFixed(1)} min.`,
  "",
  markdownTable(["measure", "result", "target (scale 1)"], table.rows),
].join("\n");
console.log(`\n${report}\n`);
fs.writeFileSync(`${OUT}/last-run.md`, `${report}\n`);
await db.$disconnect();

if (failures.length) {
  console.error(`\nFAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
if (smoke) console.log("bench smoke: the three result paths agree; no submission lost, duplicated or refused.");
