import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { myReportingOverview } from "~/opinion-reports/reports.server";
import { DueMark, PeriodName } from "~/opinion-reports/report-views";
import { DataTable } from "~/ui/data-table";
import { formatDateTime, formatDay } from "~/utils/dates";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "myReports");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "fileReports");
  return myReportingOverview(viewer);
}

export default function MyReportsPage() {
  const { t } = useTranslation();
  const { toFile, fastPeriod, reports } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("reports.myTitle")} />
      <TitledSection id="to-file" title={t("reports.toFile")} className="panel">
        {toFile.length === 0 ? <p>{t("reports.nothingToFile")}</p> : null}
        <ul>
          {toFile.map((p) => (
            <li key={p.id}>
              <Link className="button primary" to={`/reports/new?period=${p.id}`}>
                {t("reports.fileFor", { period: t("reports.periodName", { month: p.month, year: p.year }) })}
              </Link>{" "}
              <span className="muted">{t("reports.periodDates", { from: formatDay(p.startsOn), to: formatDay(p.endsOn) })}</span> · <DueMark period={p} />
            </li>
          ))}
        </ul>
      </TitledSection>
      {fastPeriod ? (
        <p>
          <Link className="button" to={`/reports/new?period=${fastPeriod.id}&fast=1`}>{t("reports.fastNew")}</Link>{" "}
          <span className="hint">{t("reports.fastHint")}</span>
        </p>
      ) : null}
      <TitledSection id="history" title={t("reports.history")}>
        {reports.length === 0 ? <p>{t("reports.noReports")}</p> : null}
        <DataTable
          caption={t("reports.history")}
          columns={[t("reports.period"), t("reports.status"), { label: t("reports.itemCount"), numeric: true }, t("reports.submittedAt")]}
        >
          {reports.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/reports/${r.id}`}><PeriodName period={r.period} /></Link>
                {r.kind === "fast" ? <> <span className="badge badge-urgent">{t("reports.urgent")}</span></> : null}
              </td>
              <td>
                {t(`opinion.status.${r.status}`)}
                {r.status === "returned" ? <> · <Link to={`/reports/${r.id}`}>{t("reports.fixAndResubmit")}</Link></> : null}
              </td>
              <td className="num">{r.itemCount}</td>
              <td>{formatDateTime(r.submittedAt)} · {t(`opinion.timeliness.${r.timeliness}`)}</td>
            </tr>
          ))}
        </DataTable>
      </TitledSection>
    </>
  );
}
