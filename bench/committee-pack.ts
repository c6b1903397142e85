/**
 * The committee pack's Word and Excel files of the province's quarterly report at the generated
 * scale: the report of the measured quarter is compiled and published once (a --reuse
 * run finds it), with the quarter's survey closing in it so that section IV has its questions and
 * charts; then each file is built `runs` times from the published snapshot, as the download route
 * does. Also the longest stretch the event loop was held during one Word export: what another
 * request waits at worst.
 */
import { db } from "~/db/db.server";
import { renderReportDocx } from "~/quarterly-reports/exports/docx.server";
import { exportSource } from "~/quarterly-reports/exports/source.server";
import { renderReportXlsx } from "~/quarterly-reports/exports/xlsx.server";
import { createQuarterlyReport, publishQuarterlyReport } from "~/quarterly-reports/reports.server";
import { periodBounds, splitQuarterKey } from "~/periods/period-math";
import { adminViewer } from "./generate";
import { fmtMs, timeRuns } from "./stats";

/** The longest gap between 5 ms ticks while `work` runs: how long the event loop was held. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

/**
 * CPU time of one run, all the process's threads (the PNG encoding runs on libuv's pool): on a
 * machine shared with other work, what the export costs, whatever the wall clock says.
 */
async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export async function measureCommitteePack(runs: number, quarterKey: number, surveyId: number) {
  const viewer = await adminViewer();
  const { year, quarter } = splitQuarterKey(quarterKey);
  // The survey of the quarter closes in it (the generator leaves surveys open): section IV reports it.
  await db.survey.update({ where: { id: surveyId }, data: { closesOn: periodBounds(year, quarter * 3).endsOn } });
  const report = await createQuarterlyReport(viewer, { intent: "create", quarter: quarterKey, unit: viewer.unitId });
  const published = await db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id }, select: { currentVersion: true } });
  if (published.currentVersion === 0) await publishQuarterlyReport(viewer, report.id, 0);
  const source = await exportSource(viewer, report.id);

  const docx = await timeRuns(runs, () => renderReportDocx(source));
  const docxCpu = await cpuMs(() => renderReportDocx(source));
  const xlsx = await timeRuns(runs, () => renderReportXlsx(source));
  const xlsxCpu = await cpuMs(() => renderReportXlsx(source));
  const blocked = await longestBlock(() => renderReportDocx(source));
  const f = source.figures;
  const what = `${f.flows.total.toLocaleString("en")} items, ${f.flows.byTopic.length} topics, ${f.flows.byUnit.length} units, ${f.surveys.reduce((s, sv) => s + sv.questions.length, 0)} survey questions`;
  console.log(`province report of ${quarterKey}: ${what}; DOCX ${(docx.result.length / 1e6).toFixed(2)} MB, XLSX ${(xlsx.result.length / 1e3).toFixed(0)} KB`);
  return [
    [`DOCX of the province report (${what}, charts as images)`, `${fmtMs(docx.median)} ms (CPU ${fmtMs(docxCpu)} ms)`, "≤ 3 s"],
    [`XLSX of the province report (a sheet per section)`, `${fmtMs(xlsx.median)} ms (CPU ${fmtMs(xlsxCpu)} ms)`, "≤ 2 s"],
    ["Longest event-loop block during a DOCX export", `${fmtMs(blocked)} ms`, ""],
  ];
}
