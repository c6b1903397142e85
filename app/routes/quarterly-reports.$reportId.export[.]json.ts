import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { snapshotDownload } from "~/quarterly-reports/exports/json.server";
import { parseId, requireIdParam } from "~/utils/http.server";

// The sealed snapshot of a published version (`?version=n`, default the latest), for sending upward.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const version = parseId(new URL(request.url).searchParams.get("version"));
  return snapshotDownload(viewer, requireIdParam(params.reportId), version);
}
