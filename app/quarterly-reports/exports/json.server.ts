/**
 * The published snapshot as a download, for sending a province's report upward (decision 0017): the stored document exactly as sealed — the bytes the checksum was taken over —
 * with that checksum in `X-Content-SHA256`. A receiver verifies either the bytes as received or,
 * after parsing, the canonical re-serialisation (snapshot.server.ts `canonicalJson`). A draft has
 * no snapshot: 404.
 */
import type { Viewer } from "~/access/gate.server";
import { splitQuarterKey } from "~/periods/period-math";
import { snapshotText } from "../reports.server";
import { openSnapshot } from "../snapshot.server";
import { exportResponse, type ExportSource } from "./source.server";

export async function snapshotDownload(viewer: Viewer, id: number, version?: number): Promise<Response> {
  const stored = await snapshotText(viewer, id, version);
  const { document } = openSnapshot(stored.snapshot, stored.checksum);
  const { year, quarter } = splitQuarterKey(document.report.quarterKey);
  const source: ExportSource = {
    report: { id: document.report.id, title: document.report.title, quarterKey: document.report.quarterKey, year, quarter, scope: document.report.scope },
    figures: document.figures,
    narrative: document.narrative,
    status: { kind: "published", version: stored.version, publishedAt: stored.publishedAt.toISOString(), checksum: stored.checksum, publishedBy: document.provenance.publishedBy.username },
  };
  const response = await exportResponse(viewer, source, "json", stored.snapshot);
  response.headers.set("X-Content-SHA256", stored.checksum);
  return response;
}
