/**
 * The collaborator's pages a phone keeps for offline use (decision 0035): the overview, their
 * surveys and the form of every open assigned survey, their reports with the form of every open
 * period (monthly and fast) and the page of every returned report (where it is fixed), and the
 * outbox. Their recent submissions' pages are kept as they are opened. Scoped by the gate's own
 * functions, so nothing outside the collaborator's work is listed.
 */
import type { Viewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { myReportingOverview } from "~/opinion-reports/reports.server";
import { listAssignedOpen } from "~/surveys/surveys.server";

export async function offlinePagesFor(viewer: Viewer): Promise<string[]> {
  const pages = ["/", "/outbox"];
  if (can(viewer, "enterSurveys")) {
    pages.push("/surveys", ...(await listAssignedOpen(viewer)).map((s) => `/surveys/${s.id}/fill`));
  }
  if (can(viewer, "fileReports")) {
    const { toFile, fastPeriod, reports } = await myReportingOverview(viewer);
    pages.push("/reports", ...toFile.map((p) => `/reports/new?period=${p.id}`));
    // A returned report's page is where it is fixed.
    pages.push(...reports.filter((r) => r.status === "returned").map((r) => `/reports/${r.id}`));
    if (fastPeriod) pages.push(`/reports/new?period=${fastPeriod.id}&fast=1`);
  }
  return pages;
}
