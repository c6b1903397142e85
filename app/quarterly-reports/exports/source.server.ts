/**
 * What every export of a quarterly report is made from: the frozen snapshot of a
 * published version, or — for the secretariat, before publishing — the live figures, marked as a
 * draft so that every format can watermark it "DỰ THẢO". Officials never see drafts (the gate's
 * filter hides unpublished reports from them), so a draft export answers them 404, as a missing id.
 */
import type { Viewer } from "~/access/gate.server";
import { recordExport } from "~/exports/export-audit.server";
import { splitQuarterKey } from "~/periods/period-math";
import type { CompiledReport } from "../compile.server";
import { readQuarterlyReport } from "../reports.server";
import type { Narrative } from "../snapshot.server";

export type ExportFormat = "docx" | "pdf" | "pptx" | "xlsx" | "json";

export type ExportSource = {
  report: { id: number; title: string; quarterKey: number; year: number; quarter: number; scope: { code: string; name: string } };
  figures: CompiledReport;
  narrative: Narrative;
  /** Published: which version, when, its checksum. Draft: live figures compiled now. */
  status: { kind: "published"; version: number; publishedAt: string; checksum: string; publishedBy: string } | { kind: "draft"; compiledAt: string };
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/**
 * The report `id` as an export sees it: `version` (default the latest) of a published report, or
 * the live draft of an unpublished one. A report outside the viewer's subtree, or a version that
 * does not exist, answers 404.
 */
export async function exportSource(viewer: Viewer, id: number, version?: number): Promise<ExportSource> {
  const read = await readQuarterlyReport(viewer, id, version);
  const { year, quarter } = splitQuarterKey(read.report.quarterKey);
  return {
    report: { id: read.report.id, title: read.report.title, quarterKey: read.report.quarterKey, year, quarter, scope: { code: read.report.scopeUnit.code, name: read.report.scopeUnit.name } },
    figures: read.figures,
    narrative: read.narrative,
    status: read.published
      ? {
          kind: "published",
          version: read.published.version,
          publishedAt: new Date(read.published.publishedAt).toISOString(),
          checksum: read.published.checksum,
          publishedBy: read.versions.find((v) => v.version === read.published!.version)?.publishedBy.displayName ?? "",
        }
      : { kind: "draft", compiledAt: new Date().toISOString() },
  };
}

/** "BaoCaoQuy-II-2026-SH-v1" (ASCII: every browser and mail client keeps it intact). */
export function exportFileName(source: ExportSource, format: ExportFormat): string {
  const roman = ["I", "II", "III", "IV"][source.report.quarter - 1];
  const tag = source.status.kind === "published" ? `v${source.status.version}` : "du-thao";
  return `BaoCaoQuy-${roman}-${source.report.year}-${source.report.scope.code.replace(/[^A-Za-z0-9]+/g, "-")}-${tag}.${format}`;
}

/** The download: never cached, named, and audited (who took which report, in which format). */
export async function exportResponse(viewer: Viewer, source: ExportSource, format: ExportFormat, body: Uint8Array | Buffer | string): Promise<Response> {
  await recordExport(viewer, { action: "quarterly.export", entityType: "QuarterlyReport", entityId: source.report.id, scope: { format, version: source.status.kind === "published" ? source.status.version : "draft" } }, { bytes: typeof body === "string" ? Buffer.byteLength(body) : body.byteLength });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFileName(source, format)}"`,
      "Cache-Control": "no-store",
    },
  });
}
