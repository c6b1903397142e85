/**
 * The quarterly report's speed targets, on the generated province: compiling every
 * section's live figures for a quarter (what a draft page and publishing do), and opening a
 * published report as an official does (the page's loader: the snapshot read and its checksum
 * verified; the comparison with the live figures streams after the page and is timed apart).
 * Each is timed as wall-clock time and as the process's CPU time: SQLite and the ORM run on this
 * one thread, so on a shared, loaded machine the CPU time is the steadier measure of server work.
 */
import { viewerOfAccount, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { compileQuarter } from "~/quarterly-reports/compile.server";
import { createQuarterlyReport, differencesSincePublication, publishQuarterlyReport, readQuarterlyReport } from "~/quarterly-reports/reports.server";
import { median } from "./stats";

/** Like timeRuns (one warm-up), keeping the median wall-clock and CPU (user + system) milliseconds. */
async function timeWallAndCpu<T>(runs: number, fn: () => Promise<T>) {
  let result = await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    result = await fn();
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(wall), cpu: median(cpu), result };
}

async function viewerOf(username: string): Promise<Viewer> {
  const a = await db.account.findUniqueOrThrow({ where: { username }, include: { unit: true } });
  return viewerOfAccount(a);
}

export async function measureQuarterlyReport(quarterKey: number, runs: number) {
  const secretariat = await viewerOf("thuky");
  const official = await viewerOf("lanhdao");
  const compile = await timeWallAndCpu(runs, () => compileQuarter(secretariat, secretariat.unitId, quarterKey));

  // Published by this run's code (a --reuse run publishes the next version).
  const report = await createQuarterlyReport(secretariat, { intent: "create", quarter: quarterKey, unit: secretariat.unitId });
  const { currentVersion } = await db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id }, select: { currentVersion: true } });
  await publishQuarterlyReport(secretariat, report.id, currentVersion);
  const open = await timeWallAndCpu(runs, () => readQuarterlyReport(official, report.id));
  if (!open.result.published?.intact) throw new Error("the published snapshot does not verify");
  const compare = await timeWallAndCpu(runs, () => differencesSincePublication(official, open.result.figures));
  const stored = await db.quarterlyReportVersion.findFirstOrThrow({ where: { reportId: report.id }, orderBy: { version: "desc" }, select: { snapshot: true } });

  const f = compile.result;
  return {
    compile: compile.median,
    compileCpu: compile.cpu,
    open: open.median,
    openCpu: open.cpu,
    compare: compare.median,
    compareCpu: compare.cpu,
    items: f.flows.total,
    snapshotBytes: Buffer.byteLength(stored.snapshot),
    note:
      `${f.flows.total.toLocaleString("en")} items, ${f.flows.byUnit.length} unit rows, ${f.network.byUnit.length} completeness rows, ` +
      `${f.surveys.length} survey(s) closed in the quarter, trend: ${f.trend.topics.length} topics × ${f.trend.quarters.length} quarters and ` +
      `${f.trend.surveys.reduce((s, sv) => s + sv.questions.length, 0)} survey questions; comparison after publication ${compare.median.toFixed(0)} ms (${compare.result.length} differences)`,
  };
}
