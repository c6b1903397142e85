import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { PeriodName } from "~/opinion-reports/report-views";
import { UrgentItemsPanel } from "~/opinion-reports/urgent-panel";
import { REPORT_STATUSES } from "~/opinion-reports/report-vocab";
import { listReports, listUrgentItems } from "~/opinion-reports/reports.server";
import { listPeriods } from "~/periods/periods.server";
import { CheckboxFilter, FilterForm, ListTable, SelectFilter } from "~/ui/list-view";
import { readPage } from "~/ui/pagination";
import { formatDateTime } from "~/utils/dates";
import { parseId } from "~/utils/http.server";
import { oneOf } from "~/utils/query";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "inbox");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const filters = {
    status: oneOf(REPORT_STATUSES, params.get("status") ?? "submitted"),
    urgent: params.get("urgent") === "1",
    periodId: parseId(params.get("period")),
    page: readPage(params),
  };
  const [list, urgentItems, periods] = await Promise.all([listReports(viewer, filters), listUrgentItems(viewer, 10), listPeriods({ take: 24 })]);
  return { filters: { ...filters, status: filters.status ?? "" }, list, urgentItems, periods };
}

export default function InboxPage() {
  const { t } = useTranslation();
  const { filters, list, urgentItems, periods } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("reports.inboxTitle")} />
      <UrgentItemsPanel items={urgentItems} />
      <FilterForm label={t("reports.inboxFilters")}>
        {/* "All" is a value of its own: without a status the inbox shows the submitted reports. */}
        <SelectFilter label={t("reports.status")} name="status" value={filters.status} allValue="all" options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`opinion.status.${s}`) }))} />
        <SelectFilter
          label={t("reports.period")}
          name="period"
          value={filters.periodId ?? ""}
          options={periods.map((p) => ({ value: p.id, label: t("reports.periodName", { month: p.month, year: p.year }) }))}
        />
        <CheckboxFilter label={t("reports.onlyUrgent")} name="urgent" checked={filters.urgent} />
      </FilterForm>
      <ListTable list={list} caption={t("reports.inboxTitle")} count={t("reports.count", { count: list.total })}
        columns={[
          {
            label: t("reports.collaborator"),
            cell: (r) => (
              <>
                <Link to={`/reports/${r.id}`}>{r.collaborator.displayName}</Link> <span className="muted">{r.collaborator.username}</span>
                {r.urgent ? <> <span className="badge badge-urgent">{t("reports.urgent")}</span></> : null}
              </>
            ),
          },
          { label: t("reports.unit"), cell: (r) => r.unit.name },
          { label: t("reports.period"), cell: (r) => <PeriodName period={r.period} /> },
          { label: t("reports.status"), cell: (r) => `${t(`opinion.status.${r.status}`)}${r.quality ? ` · ${t(`opinion.quality.${r.quality}`)}` : ""}` },
          { label: t("reports.itemCount"), numeric: true, cell: (r) => r.itemCount },
          { label: t("reports.submittedAt"), cell: (r) => `${formatDateTime(r.submittedAt)} · ${t(`opinion.timeliness.${r.timeliness}`)}` },
        ]}
      />
    </>
  );
}
