// The quarterly report as PDF: the print view printed by headless Chromium, as the
// requesting viewer sees it (decision 0024). A report outside the viewer's subtree, a draft for an
// official, or a missing version answers 404 before any browser work starts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { renderReportPdf } from "~/quarterly-reports/exports/pdf.server";
import { exportResponse, exportSource } from "~/quarterly-reports/exports/source.server";
import { parseId, requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const version = parseId(new URL(request.url).searchParams.get("version"));
  const source = await exportSource(viewer, requireIdParam(params.reportId), version);
  const pdf = await renderReportPdf(source);
  return exportResponse(viewer, source, "pdf", pdf);
}
