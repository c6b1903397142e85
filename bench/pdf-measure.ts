/**
 * The quarterly report's PDF at scale, measured against the built server in its own
 * process: the province's published report (Q2/2026, published here if the generated database has
 * none) downloaded by a province official — the first time (Chromium starts) and warm — and, while
 * PDFs render back to back, how long a collaborator's page (the new-report form of an open period,
 * as `ctv`) takes compared with an idle server. The server's memory (RSS) after the first and the last PDF shows whether it
 * stays flat. Loopback only; used by bench/run.ts.
 */
import fs from "node:fs";
import { db } from "~/db/db.server";
import { SEEDED_REPORT_QUARTER, seedQuarterlyReports } from "../prisma/seed/quarterly-reports";
import { startBuiltServer } from "./built-server";
import { median, percentile } from "./stats";

export type PdfFigures = {
  bytes: number;
  pages: number;
  coldMs: number;
  warmMs: number[];
  collaboratorIdleMs: number[];
  collaboratorDuringMs: number[];
  collaboratorPage: string;
  serverRssMb: { afterFirst: number; afterLast: number; each: number[] };
  failures: string[];
};

/** The province's published report of Q2/2026: the seed's own, published once if missing. */
export async function ensurePublishedReport(): Promise<number> {
  const root = await db.unit.findFirstOrThrow({ where: { parentId: null }, select: { id: true } });
  const find = () => db.quarterlyReport.findFirst({ where: { scopeUnitId: root.id, quarterKey: SEEDED_REPORT_QUARTER, currentVersion: { gt: 0 } }, select: { id: true } });
  const existing = await find();
  if (existing) return existing.id;
  await seedQuarterlyReports();
  return (await find())!.id;
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: "POST", body: new URLSearchParams({ username, password: "DuLuan@2026" }), redirect: "manual" });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return cookie;
}

async function timed(url: string, cookie: string): Promise<{ ms: number; status: number; body: Buffer }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie } });
  const body = Buffer.from(await response.arrayBuffer());
  return { ms: performance.now() - started, status: response.status, body };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;

/** Starts the built server on `port`, measures, stops it. */
export async function measurePdf({ port, runs }: { port: number; runs: number }): Promise<PdfFigures> {
  const reportId = await ensurePublishedReport();
  const server = await startBuiltServer(port);
  const { baseUrl } = server;
  try {
    const official = await signIn(baseUrl, "lanhdao");
    const collaborator = await signIn(baseUrl, "ctv");
    const pdfUrl = `${baseUrl}/quarterly-reports/${reportId}/export.pdf`;
    // The collaborator's new-report form of an open period (what they open most); the generated
    // province has no open period: their list of reports then.
    const period = await db.reportingPeriod.findFirst({ where: { status: "open" }, orderBy: [{ year: "desc" }, { month: "desc" }], select: { id: true } });
    const pagePath = period ? `/reports/new?period=${period.id}` : "/reports";
    const pageUrl = `${baseUrl}${pagePath}`;
    const failures = new Set<string>();

    const collaboratorIdleMs: number[] = [];
    // Five visits warm the page up (code paths compiled, session touched), twenty are measured.
    for (let i = 0; i < 25; i++) {
      const visit = await timed(pageUrl, collaborator);
      if (visit.status !== 200) failures.add(`the collaborator's page answered ${visit.status}`);
      if (i < 5) continue;
      collaboratorIdleMs.push(visit.ms);
    }

    const cold = await timed(pdfUrl, official);
    if (cold.status !== 200 || cold.body.subarray(0, 5).toString("latin1") !== "%PDF-") failures.add(`the PDF answered ${cold.status}`);
    const afterFirst = rssMb(server.process.pid!);

    // PDFs back to back; meanwhile the collaborator's page, again and again.
    const warmMs: number[] = [];
    const rssAfterEach: number[] = [];
    const collaboratorDuringMs: number[] = [];
    let rendering = true;
    const exports = (async () => {
      for (let i = 0; i < Math.max(1, runs); i++) {
        const warm = await timed(pdfUrl, official);
        if (warm.status !== 200) failures.add(`the PDF answered ${warm.status}`);
        warmMs.push(warm.ms);
        rssAfterEach.push(rssMb(server.process.pid!));
      }
      rendering = false;
    })();
    while (rendering) {
      const visit = await timed(pageUrl, collaborator);
      if (visit.status !== 200) failures.add(`the collaborator's page answered ${visit.status}`);
      if (rendering) collaboratorDuringMs.push(visit.ms);
    }
    await exports;
    return {
      bytes: cold.body.byteLength,
      pages: (cold.body.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length,
      coldMs: cold.ms,
      warmMs,
      collaboratorIdleMs,
      collaboratorDuringMs,
      serverRssMb: { afterFirst, afterLast: rssAfterEach.at(-1) ?? afterFirst, each: rssAfterEach },
      collaboratorPage: pagePath.replace(/\?.*/, ""),
      failures: [...failures],
    };
  } finally {
    server.stop();
  }
}

/** The rows bench/run.ts prints. */
export function pdfRows(f: PdfFigures): (string | number)[][] {
  const p = (values: number[], q: number) => percentile([...values].sort((a, b) => a - b), q).toFixed(0);
  const rss = f.serverRssMb.each;
  const middle = Math.floor(rss.length / 2);
  return [
    [`Quarterly report PDF, province (${f.pages} pages, ${(f.bytes / 1e6).toFixed(1)} MB): first (Chromium starts) / warm median of ${f.warmMs.length}`, `${(f.coldMs / 1000).toFixed(1)} s / ${(median(f.warmMs) / 1000).toFixed(1)} s`, "≤ 10 s"],
    [
      `Collaborator's page (${f.collaboratorPage}) idle p50 / while PDFs render p50, p95, max (${f.collaboratorDuringMs.length} requests)`,
      `${p(f.collaboratorIdleMs, 50)} ms / ${p(f.collaboratorDuringMs, 50)}, ${p(f.collaboratorDuringMs, 95)}, ${p(f.collaboratorDuringMs, 100)} ms`,
      "not blocked",
    ],
    // The cold PDF is number 1; `each[i]` follows PDF number i + 2.
    [`Server memory (RSS) after PDF no. 1 / ${middle + 2} / ${rss.length + 1}`, `${f.serverRssMb.afterFirst.toFixed(0)} / ${(rss[middle] ?? NaN).toFixed(0)} / ${f.serverRssMb.afterLast.toFixed(0)} MB`, "flat"],
  ];
}
