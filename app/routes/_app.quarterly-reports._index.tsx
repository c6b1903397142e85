import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { pageTitle } from "~/i18n/page-titles";
import { useQuarterName } from "~/periods/quarter-select";
import { listQuarterKeys } from "~/periods/periods.server";
import { createQuarterlyReportSchema } from "~/quarterly-reports/report-schemas";
import { createQuarterlyReport, listQuarterlyReports } from "~/quarterly-reports/reports.server";
import { CardForm } from "~/ui/card-form";
import { SelectField } from "~/ui/form-fields";
import { listOpenUnits } from "~/units/units.server";
import { DataTable } from "~/ui/data-table";
import { formatDateTime } from "~/utils/dates";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "quarterlyReports");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readQuarterlyReports");
  const canCompile = can(viewer, "compileQuarterlyReports");
  const reports = await listQuarterlyReports(viewer);
  if (!canCompile) return { reports, canCompile, quarters: [], units: [], defaultUnit: viewer.unitId };
  const open = await listOpenUnits(viewer);
  const top = Math.min(...open.map((u) => u.depth));
  return {
    reports,
    canCompile,
    quarters: await listQuarterKeys(),
    units: open.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.depth - top })),
    defaultUnit: viewer.unitId,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "compileQuarterlyReports");
  return runFormThenRedirect(request, createQuarterlyReportSchema, (input) => createQuarterlyReport(viewer, input), (report) => `/quarterly-reports/${report.id}`);
}

export default function QuarterlyReportsPage() {
  const { t } = useTranslation();
  const q = useQuarterName();
  const { reports, canCompile, quarters, units, defaultUnit } = useLoaderData<typeof loader>();
  const create = useFetcherForm("create-quarterly", createQuarterlyReportSchema, { quarter: String(quarters[1] ?? quarters[0] ?? ""), unit: String(defaultUnit) });
  return (
    <>
      <PageHeader title={t("quarterly.title")} />
      {canCompile ? (
        <CardForm form={create} id="create-title" title={t("quarterly.create")} intent="create" submit={t("quarterly.createSubmit")} primary>
          <SelectField label={t("quarterly.quarter")} field={create.fields.quarter} options={quarters.map((k) => ({ value: String(k), label: q(k) }))} />
          <SelectField
            label={t("quarterly.scopeUnit")}
            field={create.fields.unit}
            options={units.map((u) => ({ value: String(u.id), label: `${"\u00a0\u00a0".repeat(u.level)}${u.name} (${u.code})` }))}
          />
        </CardForm>
      ) : null}
      {reports.length === 0 ? (
        <p className="notice" role="status">{t("quarterly.none")}</p>
      ) : (
        <DataTable
          caption={t("quarterly.title")}
          captionVisible
          columns={[t("quarterly.quarter"), t("quarterly.report"), t("quarterly.scopeUnit"), t("quarterly.status")]}
        >
          {reports.map((r) => (
            <tr key={r.id}>
              <td>{q(r.quarterKey)}</td>
              <th scope="row"><Link to={`/quarterly-reports/${r.id}`}>{r.title}</Link></th>
              <td>{r.scopeUnit.name} <span className="muted">{r.scopeUnit.code}</span></td>
              <td>
                {t(`quarterly.statusName.${r.status}`)}
                {r.currentVersion > 0 ? <> · {t("quarterly.version", { version: r.currentVersion })}</> : null}
                <span className="muted"> · {formatDateTime(r.updatedAt)}</span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
