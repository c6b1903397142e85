// The register as the board publishes it (agency → issue → answer), as CSV or XLSX.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { recordExport } from "~/exports/export-audit.server";
import { downloadResponse, toCsv, toXlsx } from "~/exports/table-export.server";
import { readProposalFilters } from "~/proposals/proposal-filters";
import { proposalsByAgency } from "~/proposals/proposals.server";
import { formatDay } from "~/utils/dates";

const HEADER = ["Cơ quan", "Vấn đề", "Địa bàn", "Nội dung kiến nghị", "Ngày chuyển", "Hạn trả lời", "Trạng thái", "Quá hạn", "Nội dung trả lời", "Ngày trả lời"];
const STATUS_VI: Record<string, string> = { forwarded: "Đã chuyển", answered: "Đã trả lời", resolved: "Đã giải quyết", published: "Đã công bố" };

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const filters = readProposalFilters(params);
  const groups = await proposalsByAgency(viewer, filters);
  const rows = groups.flatMap((g) =>
    g.proposals.map((p) => [g.agency.name, p.title, p.unit.name, p.content, formatDay(p.forwardedOn), formatDay(p.dueOn), STATUS_VI[p.status] ?? p.status, p.overdue ? "Có" : "", p.answerText ?? "", formatDay(p.answeredOn)]),
  );
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  await recordExport(viewer, { action: "proposal.export", entityType: "Unit", entityId: viewer.unitId, scope: { format, ...filters } }, { proposals: rows.length });
  if (format === "xlsx") return downloadResponse(await toXlsx("Kiến nghị", HEADER, rows), "kien-nghi", "xlsx");
  return downloadResponse(toCsv(HEADER, rows), "kien-nghi", "csv");
}
