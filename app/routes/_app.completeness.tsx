import type { SubmissionResult } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { CompletenessMatrix } from "~/completeness/completeness-matrix";
import { completenessTable, nonReportersPeriod, readCompletenessFilters } from "~/completeness/completeness-table.server";
import { collaboratorCoverage, missingReporters } from "~/completeness/completeness.server";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { pageTitle } from "~/i18n/page-titles";
import { deadlinePassed } from "~/periods/period-math";
import { excuseSchema } from "~/periods/period-schemas";
import { listPeriods, setExpected } from "~/periods/periods.server";
import { QuarterSelect, useQuarterName } from "~/periods/quarter-select";
import { ReplyErrors } from "~/ui/form-fields";
import { DataTable } from "~/ui/data-table";
import { formatDay } from "~/utils/dates";
import { parseId } from "~/utils/http.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "completeness");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const now = new Date();
  const filters = await readCompletenessFilters(viewer, params, now);
  const [table, coverage, allPeriods] = await Promise.all([
    completenessTable(viewer, filters.unitId, filters.periods, filters.sort, now),
    collaboratorCoverage(viewer, filters.unitId),
    listPeriods(),
  ]);
  const focus = await nonReportersPeriod(parseId(params.get("period")), allPeriods, filters.periods, now);
  return {
    quarterKey: filters.quarterKey,
    quarters: filters.quarters,
    sort: filters.sort,
    table,
    allPeriods: allPeriods.map((p) => ({ id: p.id, year: p.year, month: p.month })),
    focus: focus ? { id: focus.id, year: focus.year, month: focus.month, deadline: focus.deadline, due: deadlinePassed(focus, now) } : null,
    missing: focus ? await missingReporters(viewer, filters.unitId, focus.id) : [],
    coverage,
    canGoUp: table.root.parentId !== null && table.root.id !== viewer.unitId,
    canExcuse: can(viewer, "manageRoster"),
  };
}

/** The secretariat excuses a collaborator from a period (they are no longer counted missing). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  const url = new URL(request.url);
  const back = safeRedirectPath(url.pathname + url.search, "/completeness");
  return runFormThenRedirect(request, excuseSchema, (input) => setExpected(viewer, input.periodId, input.collaboratorId, false), back);
}

export default function CompletenessPage() {
  const { t } = useTranslation();
  const { quarterKey, quarters, sort, table, allPeriods, focus, missing, coverage, canGoUp, canExcuse } = useLoaderData<typeof loader>();
  const excuse = useFetcher<SubmissionResult<string[]>>();
  const q = useQuarterName();
  const location = useLocation();
  const periodName = (p: { month: number; year: number }) => t("reports.periodName", { month: p.month, year: p.year });
  // Every link keeps the other filters of the URL (unit, quarter, period, sort) and changes its own.
  const href = (changes: Record<string, string>, path = "/completeness") => {
    const params = new URLSearchParams(location.search);
    params.set("unit", String(table.root.id));
    params.set("quarter", String(quarterKey));
    for (const [key, value] of Object.entries(changes)) params.set(key, value);
    return `${path}?${params}`;
  };
  const kept = (names: string[]) =>
    names.map((name) => {
      const value = name === "unit" ? String(table.root.id) : name === "quarter" ? String(quarterKey) : new URLSearchParams(location.search).get(name);
      return value ? <input key={name} type="hidden" name={name} value={value} /> : null;
    });
  return (
    <>
      <PageHeader title={t("completeness.title")}>
        <p>
          {t("completeness.scope", { unit: table.root.name })}
          {canGoUp && table.root.parentId ? <> · <Link to={href({ unit: String(table.root.parentId) })}>{t("completeness.up")}</Link></> : null}
        </p>
      </PageHeader>
      <Form method="get" className="filters">
        {kept(["unit", "period", "sort", "dir"])}
        <QuarterSelect quarters={quarters} value={quarterKey} />
        <button type="submit">{t("common.filter")}</button>
      </Form>
      <p className="hint">{t("completeness.matrixHint")}</p>
      <div className="table-wrap">
        <CompletenessMatrix table={table} sort={sort} caption={`${t("completeness.matrix")} · ${q(quarterKey)}`} href={(changes) => href(changes)} />
      </div>
      <p className="hint">{t("completeness.rateHint")}</p>
      <p className="export-links">
        <a className="button" href={href({ format: "csv" }, "/completeness/export")} download>{t("completeness.export")}</a>{" "}
        <a className="button" href={href({ format: "xlsx" }, "/completeness/export")} download>{t("completeness.exportXlsx")}</a>
      </p>
      {focus ? (
        <TitledSection id="missing-title" title={t(focus.due ? "completeness.missingTitle" : "completeness.notFiledTitle", { period: periodName(focus) })} className="panel">
          <Form method="get" className="filters">
            {kept(["unit", "quarter", "sort", "dir"])}
            <label>
              {t("completeness.listPeriod")}
              <select name="period" defaultValue={focus.id}>
                {allPeriods.map((p) => <option key={p.id} value={p.id}>{periodName(p)}</option>)}
              </select>
            </label>
            <button type="submit">{t("completeness.show")}</button>
          </Form>
          <p className="hint">{t(focus.due ? "completeness.overdueNote" : "completeness.notDueNote", { date: formatDay(focus.deadline) })}</p>
          <ReplyErrors reply={excuse.state === "idle" ? excuse.data : undefined} />
          {missing.length === 0 ? <p>{t(focus.due ? "completeness.noneMissing" : "completeness.noneNotFiled")}</p> : null}
          <ul>
            {missing.map((m) => (
              <li key={m.collaborator.id}>
                {m.collaborator.displayName}{" "}
                <span className="muted">{m.collaborator.username} · {m.unit.name}{m.unit.context ? ` (${m.unit.context})` : ""}</span>
                {canExcuse ? (
                  <excuse.Form method="post" className="inline-form">
                    <input type="hidden" name="periodId" value={focus.id} />
                    <input type="hidden" name="collaboratorId" value={m.collaborator.id} />
                    <button type="submit" className="link-button" aria-label={t("completeness.excuseFor", { name: m.collaborator.username })}>
                      {t("completeness.excuse")}
                    </button>
                  </excuse.Form>
                ) : null}
              </li>
            ))}
          </ul>
        </TitledSection>
      ) : null}
      <TitledSection id="coverage-title" title={t("completeness.coverage")}>
        {coverage.length === 0 ? <p>{t("completeness.noCoverage")}</p> : null}
        {coverage.length > 0 ? (
          <DataTable
            caption={t("completeness.coverage")}
            columns={[t("completeness.unit"), { label: t("completeness.active"), numeric: true }, { label: t("completeness.target"), numeric: true }, t("reports.status")]}
          >
            {coverage.map((c) => (
              <tr key={c.unit.id} className={c.thin ? "row-thin" : undefined}>
                <th scope="row">{c.unit.name} <code>{c.unit.code}</code></th>
                <td className="num">{c.active}</td>
                <td className="num">{c.target}</td>
                <td>{c.thin ? <span className="badge badge-urgent">{t("completeness.thin")}</span> : <span className="badge badge-open">{t("completeness.enough")}</span>}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </TitledSection>
    </>
  );
}
