// The PowerPoint committee pack of a quarterly report: `?version=n` for an older
// published version; a draft's pack is watermarked. Outside the viewer's subtree: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { requestTexts } from "~/i18n/server-texts.server";
import { quarterlyReportPptx } from "~/quarterly-reports/exports/pptx.server";
import { exportResponse, exportSource } from "~/quarterly-reports/exports/source.server";
import { parseId, requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const version = parseId(new URL(request.url).searchParams.get("version"));
  const source = await exportSource(viewer, requireIdParam(params.reportId), version);
  return exportResponse(viewer, source, "pptx", await quarterlyReportPptx(source, await requestTexts(request)));
}
