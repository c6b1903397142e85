// The quarterly report as an Excel workbook of its numbers: the published
// snapshot (`?version=n` for an older one) or, for compilers, the live draft marked "DỰ THẢO".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { renderReportXlsx } from "~/quarterly-reports/exports/xlsx.server";
import { exportResponse, exportSource } from "~/quarterly-reports/exports/source.server";
import { parseId, requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const version = parseId(new URL(request.url).searchParams.get("version"));
  const source = await exportSource(viewer, requireIdParam(params.reportId), version);
  return exportResponse(viewer, source, "xlsx", await renderReportXlsx(source));
}
