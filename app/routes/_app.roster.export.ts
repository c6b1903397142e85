// The roster as a file in the import's own format (so an export can be edited and re-imported).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { readRosterFilters } from "~/collaborators/roster-filters";
import { ROSTER_COLUMNS } from "~/collaborators/roster-schemas";
import { rosterExportRows } from "~/collaborators/roster.server";
import { recordExport } from "~/exports/export-audit.server";
import { downloadResponse, toCsv, toXlsx } from "~/exports/table-export.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  const params = new URL(request.url).searchParams;
  const filters = readRosterFilters(params);
  const rows = await rosterExportRows(viewer, filters);
  const header = [...ROSTER_COLUMNS];
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  await recordExport(viewer, { action: "roster.export", entityType: "Unit", entityId: viewer.unitId, scope: { format, ...filters } }, { collaborators: rows.length });
  if (format === "xlsx") return downloadResponse(await toXlsx("CTV", header, rows), "cong-tac-vien", "xlsx");
  return downloadResponse(toCsv(header, rows), "cong-tac-vien", "csv");
}
