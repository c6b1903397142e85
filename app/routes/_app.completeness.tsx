import type { SubmissionResult } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { QuarterSelect, useQuarterName } from "~/periods/quarter-select";
import { can } from "~/accounts/roles";
import { runForm } from "~/forms/run-form.server";
import { excuseSchema } from "~/periods/period-schemas";
import { listQuarterKeys, periodsOfQuarter, setExpected } from "~/periods/periods.server";
import { collaboratorCoverage, completenessMatrix, missingReporters } from "~/completeness/completeness.server";
import { periodContaining, quarterKeyOf, quarterOfMonth } from "~/periods/period-math";
import { ReplyErrors } from "~/ui/form-fields";
import { parseId } from "~/utils/http.server";
import { formatNumber } from "~/utils/numbers";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { pageTitle } from "~/i18n/page-titles";

export const meta: MetaFunction = (args) => pageTitle(args, "completeness");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const unitId = parseId(params.get("unit")) ?? viewer.unitId;
  const quarters = await listQuarterKeys();
  const current = periodContaining(new Date());
  const fallback = quarterKeyOf(current.year, quarterOfMonth(current.month));
  const requested = Number(params.get("quarter"));
  const quarterKey = quarters.includes(requested) ? requested : quarters.includes(fallback) ? fallback : (quarters[0] ?? fallback);
  const now = new Date();
  // A period whose deadline has not passed has no missing reports yet, only those already in.
  const periods = (await periodsOfQuarter(quarterKey)).map((p) => ({ ...p, due: p.deadline <= now }));
  const matrix = await completenessMatrix(viewer, unitId, periods.map((p) => p.id));
  // "This period": the latest closed one in the quarter, else its first.
  const focus = [...periods].reverse().find((p) => p.status === "closed") ?? periods[0];
  return {
    quarterKey,
    quarters,
    periods,
    matrix,
    focus,
    missing: focus ? await missingReporters(viewer, unitId, focus.id) : [],
    coverage: await collaboratorCoverage(viewer, unitId),
    canGoUp: matrix.root.parentId !== null && matrix.root.id !== viewer.unitId,
    canExcuse: can(viewer, "manageRoster"),
  };
}

/** The secretariat excuses a collaborator from a period (they are no longer counted missing). */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageRoster");
  const outcome = await runForm(request, excuseSchema, (input) => setExpected(viewer, input.periodId, input.collaboratorId, false));
  if ("failed" in outcome) return outcome.failed;
  const url = new URL(request.url);
  return redirect(safeRedirectPath(url.pathname + url.search, "/completeness"));
}

export default function CompletenessPage() {
  const { t } = useTranslation();
  const { quarterKey, quarters, periods, matrix, focus, missing, coverage, canGoUp, canExcuse } = useLoaderData<typeof loader>();
  const excuse = useFetcher<SubmissionResult<string[]>>();
  const q = useQuarterName();
  const periodName = (p: { month: number; year: number }) => t("reports.periodName", { month: p.month, year: p.year });
  const link = (unit: number) => `/completeness?unit=${unit}&quarter=${quarterKey}`;
  return (
    <>
      <header className="page-header">
        <h1>{t("completeness.title")}</h1>
        <p>
          {t("completeness.scope", { unit: matrix.root.name })}
          {canGoUp && matrix.root.parentId ? <> · <Link to={link(matrix.root.parentId)}>{t("completeness.up")}</Link></> : null}
        </p>
      </header>
      <Form method="get" className="filters">
        <input type="hidden" name="unit" value={matrix.root.id} />
        <QuarterSelect quarters={quarters} value={quarterKey} />
        <button type="submit">{t("common.filter")}</button>
      </Form>
      <p className="hint">{t("opinion.outcome.on_time")} / {t("opinion.outcome.late")} / {t("opinion.outcome.missing")}</p>
      <div className="table-wrap">
        <table className="matrix">
          <caption>{t("completeness.matrix")} · {q(quarterKey)}</caption>
          <thead>
            <tr>
              <th scope="col">{t("completeness.unit")}</th>
              {periods.map((p) => <th key={p.id} scope="col">{periodName(p)}</th>)}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.unit.id}>
                <th scope="row">
                  {row.own ? t("completeness.ownRow", { unit: row.unit.name }) : row.drillable ? <Link to={link(row.unit.id)}>{row.unit.name}</Link> : row.unit.name}
                </th>
                {periods.map((p) => <CountsCell key={p.id} counts={row.cells[p.id]!} due={p.due} />)}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("completeness.total")}</th>
              {periods.map((p) => <CountsCell key={p.id} counts={matrix.totals[p.id]!} due={p.due} />)}
            </tr>
          </tbody>
        </table>
      </div>
      {focus ? (
        <section aria-labelledby="missing-title" className="panel">
          <h2 id="missing-title">{t("completeness.missingTitle", { period: periodName(focus) })}</h2>
          <ReplyErrors reply={excuse.state === "idle" ? excuse.data : undefined} />
          {missing.length === 0 ? <p>{t("completeness.noneMissing")}</p> : null}
          <ul>
            {missing.map((m) => (
              <li key={m.collaborator.id}>
                {m.collaborator.displayName} <span className="muted">{m.collaborator.username} · {m.unit.name}</span>
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
        </section>
      ) : null}
      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t("completeness.coverage")}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("completeness.coverage")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("completeness.unit")}</th>
                <th scope="col" className="num">{t("completeness.active")}</th>
                <th scope="col" className="num">{t("completeness.target")}</th>
                <th scope="col">{t("reports.status")}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.map((c) => (
                <tr key={c.unit.id} className={c.thin ? "row-thin" : undefined}>
                  <th scope="row">{c.unit.name} <code>{c.unit.code}</code></th>
                  <td className="num">{c.active}</td>
                  <td className="num">{c.target}</td>
                  <td>{c.thin ? <span className="badge badge-urgent">{t("completeness.thin")}</span> : <span className="badge badge-open">{t("completeness.enough")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** On time / late / missing and the share reported; before the deadline, only what is already in. */
function CountsCell({ counts, due }: { counts: { on_time: number; late: number; missing: number }; due: boolean }) {
  const { t, i18n } = useTranslation();
  if (!due) {
    return (
      <td aria-label={t("completeness.cellNotDue", counts)}>
        <span className="ok">{counts.on_time}</span> · <span className="muted">{t("completeness.notDue")}</span>
      </td>
    );
  }
  const expected = counts.on_time + counts.late + counts.missing;
  const rate = expected ? `${formatNumber(((counts.on_time + counts.late) / expected) * 100, i18n.language, 1)}%` : "—";
  return (
    <td aria-label={t("completeness.cell", { ...counts, rate })}>
      <span className="ok">{counts.on_time}</span> / <span className="late">{counts.late}</span> / <span className="miss">{counts.missing}</span>{" "}
      <span className="muted">({rate})</span>
    </td>
  );
}
