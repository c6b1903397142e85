/**
 * The PowerPoint committee pack's cost (figures in docs/performance.md):
 *   DATABASE_URL=file:./data/demo.db npx vite-node --config vite.node.config.ts bench/pptx-export.ts -- [--report 1] [--as lanhdao] [--runs 10]
 * For one report, as one account: the export source (the published snapshot, or a draft's live
 * compilation), the deck drawn into a .pptx, their sum (what the download route spends before
 * the audit entry), the file's size, the longest event-loop stall during a build (what another
 * request waiting on this process would feel) and the process's peak RSS. The first run (cold:
 * modules, JIT, page cache) on its own, then medians and maxima.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}
const reportId = Number(arg("report", "1"));
const username = arg("as", "lanhdao");
const runs = Number(arg("runs", "10"));

const { db, dbReady } = await import("~/db/db.server");
await dbReady;
const { textsFor } = await import("~/i18n/server-texts.server");
const { quarterlyReportPptx } = await import("~/quarterly-reports/exports/pptx.server");
const { exportSource } = await import("~/quarterly-reports/exports/source.server");

const account = await db.account.findUniqueOrThrow({ where: { username }, include: { unit: true } });
const { viewerOfAccount } = await import("~/access/gate.server");
const viewer = viewerOfAccount(account);
const texts = textsFor("vi");

const times = { source: [] as number[], pptx: [] as number[], total: [] as number[] };
let bytes = 0;
let kind = "";
const stall = monitorEventLoopDelay({ resolution: 5 });
let peakRss = 0;
let cold = 0;
// Run 0 warms up (module loading, the JIT, SQLite's page cache) and is not counted.
for (let run = 0; run <= runs; run++) {
  const t0 = performance.now();
  const source = await exportSource(viewer, reportId);
  const t1 = performance.now();
  if (run > 0) stall.enable();
  const file = await quarterlyReportPptx(source, texts);
  const t2 = performance.now();
  stall.disable();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  bytes = file.byteLength;
  kind = source.status.kind === "published" ? `published v${source.status.version}` : "draft (live figures)";
  if (run === 0) {
    cold = t2 - t0;
    continue;
  }
  times.source.push(t1 - t0);
  times.pptx.push(t2 - t1);
  times.total.push(t2 - t0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`report ${reportId} (${kind}) as ${username}: first (cold) ${ms(cold)}; then ${runs} runs`);
for (const [name, xs] of Object.entries(times)) console.log(`  ${name}: median ${ms(median(xs))}, max ${ms(Math.max(...xs))}`);
console.log(`  file: ${(bytes / 1024).toFixed(0)} KB`);
console.log(`  longest event-loop stall while building: ${(stall.max / 1e6).toFixed(0)} ms`);
console.log(`  peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MB`);
await db.$disconnect();
