import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { QuarterSelect, useQuarterName } from "~/periods/quarter-select";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { useLocalName } from "~/opinion-reports/report-views";
import { opinionSummary } from "~/opinion-reports/summary.server";
import { listQuarterKeys } from "~/periods/periods.server";
import { parseId } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";

export const meta: MetaFunction = (args) => pageTitle(args, "opinionSummary");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const quarters = await listQuarterKeys({ closedOnly: true });
  const requested = Number(params.get("quarter"));
  const quarterKey = quarters.includes(requested) ? requested : quarters[0];
  // No closed period yet: nothing to summarise, and no quarter to count or trend from.
  if (quarterKey === undefined) return { quarters, quarterKey: null, summary: null };
  return { quarters, quarterKey, summary: await opinionSummary(viewer, quarterKey, parseId(params.get("topic"))) };
}

export default function OpinionSummaryPage() {
  const { t } = useTranslation();
  const name = useLocalName();
  const { quarters, quarterKey, summary } = useLoaderData<typeof loader>();
  const q = useQuarterName();
  const header = (
    <header className="page-header">
      <h1>{t("summary.title")}</h1>
    </header>
  );
  if (quarterKey === null || !summary) {
    return (
      <>
        {header}
        <p className="notice" role="status">{t("summary.noClosedQuarter")}</p>
      </>
    );
  }
  const { rows, trend, trendTopic, topics } = summary;
  return (
    <>
      {header}
      <Form method="get" className="filters">
        <QuarterSelect quarters={quarters} value={quarterKey} />
        <label>
          {t("summary.trendTopic")}
          <select name="topic" defaultValue={trendTopic?.id ?? ""}>
            {topics.map((topic) => <option key={topic.id} value={topic.id}>{name(topic)}</option>)}
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{t("summary.byTopic", { quarter: q(quarterKey) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.topic")}</th>
              {DIRECTIONS.map((d) => <th key={d} scope="col" className="num">{t(`opinion.direction.${d}`)}</th>)}
              <th scope="col" className="num">{t("completeness.total")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.topic.id}>
                <th scope="row">{name(r.topic)}</th>
                {DIRECTIONS.map((d) => <td key={d} className="num">{r.byDirection[d]}</td>)}
                <td className="num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trendTopic ? (
        <div className="table-wrap">
          <table>
            <caption>{t("summary.trend", { topic: name(trendTopic) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("completeness.quarter")}</th>
                {DIRECTIONS.map((d) => <th key={d} scope="col" className="num">{t(`opinion.direction.${d}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {trend.map((point) => (
                <tr key={point.quarterKey}>
                  <th scope="row">{q(point.quarterKey)}</th>
                  {DIRECTIONS.map((d) => <td key={d} className="num">{point.byDirection[d]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
