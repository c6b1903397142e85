// The completeness matrix as CSV or XLSX: the page's filters (unit, quarter, sort), its rows, audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { completenessSheet } from "~/completeness/completeness-export.server";
import { completenessTable, readCompletenessFilters } from "~/completeness/completeness-table.server";
import { recordExport } from "~/exports/export-audit.server";
import { downloadResponse, toCsv, toXlsx } from "~/exports/table-export.server";
import { requestTexts } from "~/i18n/server-texts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const filters = await readCompletenessFilters(viewer, params);
  const table = await completenessTable(viewer, filters.unitId, filters.periods, filters.sort);
  const { t } = await requestTexts(request);
  const { header, rows } = completenessSheet(table, t);
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  const scope = { format, quarter: filters.quarterKey, sort: filters.sort.key, dir: filters.sort.key ? filters.sort.dir : null };
  await recordExport(viewer, { action: "completeness.export", entityType: "Unit", entityId: table.root.id, scope }, { units: table.rows.length });
  const name = `tien-do-bao-cao-${table.root.code}-${filters.quarterKey}`;
  if (format === "xlsx") return downloadResponse(await toXlsx(t("completeness.file.sheet"), header, rows), name, "xlsx");
  return downloadResponse(toCsv(header, rows), name, "csv");
}
