import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { QuarterSelect, useQuarterName } from "~/periods/quarter-select";
import { useLocalName } from "~/opinion-reports/report-views";
import { DirectionCells, useDirectionColumns } from "~/opinion-reports/direction-columns";
import { TopicDirectionChart, TrendChart } from "~/opinion-reports/summary-charts";
import { opinionSummary, summaryUnit } from "~/opinion-reports/summary.server";
import { listPeriodDates } from "~/periods/periods.server";
import { summaryQuarters } from "~/periods/period-math";
import { formatDay, todayInVietnam } from "~/utils/dates";
import { parseId } from "~/utils/http.server";
import { formatNumber } from "~/utils/numbers";
import { pageTitle } from "~/i18n/page-titles";
import { UnitPicker } from "~/units/unit-picker";
import { ChartFigure, type ChartCaption } from "~/ui/chart-figure";
import { DataTable } from "~/ui/data-table";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "opinionSummary");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const params = new URL(request.url).searchParams;
  const unitId = parseId(params.get("unit"));
  const today = todayInVietnam();
  // Quarters whose first period has started; it opens on the last closed one (an unfinished one is provisional).
  const { quarters, defaultKey } = summaryQuarters(await listPeriodDates(), today);
  const requested = Number(params.get("quarter"));
  const quarterKey = quarters.includes(requested) ? requested : defaultKey;
  // No period started yet: nothing to summarise, and no quarter to count or trend from (a foreign unit still answers 404).
  if (quarterKey === undefined) {
    if (unitId !== undefined) await summaryUnit(viewer, unitId);
    return { quarters, quarterKey: null, summary: null };
  }
  const topicId = parseId(params.get("topic"));
  return { quarters, quarterKey, topicId: topicId ?? null, summary: await opinionSummary(viewer, quarterKey, topicId, unitId, today) };
}

export default function OpinionSummaryPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = useLocalName();
  const data = useLoaderData<typeof loader>();
  const { quarters, quarterKey, summary } = data;
  const q = useQuarterName();
  const directions = useDirectionColumns();
  const topicParam = "topicId" in data ? data.topicId : null;
  // Drilling keeps the quarter and an explicitly chosen trend topic.
  const link = (id: number) => `/opinion-summary?unit=${id}&quarter=${quarterKey}${topicParam ? `&topic=${topicParam}` : ""}`;
  const header = (
    <PageHeader title={t("summary.title")}>
      {summary ? (
        <p>
          {t("summary.scope", { unit: summary.unit.name })}
          {summary.upUnitId ? <> · <Link to={link(summary.upUnitId)}>{t("summary.up")}</Link></> : null}
        </p>
      ) : null}
    </PageHeader>
  );
  if (quarterKey === null || !summary) {
    return (
      <>
        {header}
        <p className="notice" role="status">{t("summary.noClosedQuarter")}</p>
      </>
    );
  }
  const { unit, ancestors, unitOptions, children, rows, totals, previousQuarterKey, trend, trendTopic, topics, provisional } = summary;
  const n = (value: number) => formatNumber(value, lang);
  const share = (value: number) => (totals.total > 0 ? `${formatNumber((value / totals.total) * 100, lang, 1)}%` : "—");
  const change = (value: number | null) => (value === null ? "—" : value > 0 ? `+${n(value)}` : value < 0 ? `−${n(-value)}` : "0");
  // A topic's row and the totals row: the same columns.
  const topicCells = (r: { byDirection: Record<string, number>; total: number; previousTotal: number | null; change: number | null }) => (
    <>
      <DirectionCells counts={r.byDirection} />
      <td className="num">{n(r.total)}</td>
      <td className="num">{share(r.total)}</td>
      <td className="num">{r.previousTotal === null ? "—" : n(r.previousTotal)}</td>
      <td className="num">{change(r.change)}</td>
    </>
  );
  // A provisional quarter is named so wherever it shows: captions, chart names, the trend's last point.
  const quarterName = provisional ? t("summary.provisionalQuarter", { quarter: q(quarterKey) }) : q(quarterKey);
  const pointName = (key: number) => (provisional && key === quarterKey ? quarterName : q(key));
  // What a chart's caption (and its PNG) says it counts and where from: live figures, as of today.
  const source = t("charts.sourceItems", { date: formatDay(todayInVietnam()) });
  const trendCaption = (topic: { nameVi: string; nameEn: string }): ChartCaption => ({
    title: t("charts.trend", { topic: name(topic) }),
    period: trend.length > 0 ? t("charts.range", { from: pointName(trend[0]!.quarterKey), to: pointName(trend.at(-1)!.quarterKey) }) : undefined,
    unit: unit.name,
    n: trend.reduce((sum, p) => sum + Object.values(p.byDirection).reduce((a, b) => a + b, 0), 0),
    source,
  });
  return (
    <>
      {ancestors.length > 0 ? (
        <nav aria-label={t("summary.breadcrumbs")} className="breadcrumbs">
          <ol>
            {ancestors.map((a) => <li key={a.id}><Link to={link(a.id)}>{a.name}</Link></li>)}
            <li aria-current="page">{unit.name}</li>
          </ol>
        </nav>
      ) : null}
      {header}
      {/* Keyed by what it shows: the pickers' default values follow a drill link's client-side navigation. */}
      <Form method="get" className="filters" key={`${unit.id}:${quarterKey}:${trendTopic?.id ?? ""}`}>
        <UnitPicker name="unit" label={t("summary.unit")} units={unitOptions} defaultValue={unit.id} />
        <QuarterSelect quarters={quarters} value={quarterKey} />
        <label>
          {t("summary.trendTopic")}
          <select name="topic" defaultValue={trendTopic?.id ?? ""}>
            {topics.map((topic) => <option key={topic.id} value={topic.id}>{name(topic)}</option>)}
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
      </Form>
      {provisional ? (
        <p className="notice" role="note">
          <strong>{t("summary.provisional", { date: formatDay(provisional.asOf), months: provisional.months })}</strong>{" "}
          {previousQuarterKey
            ? t("summary.provisionalCompared", { months: provisional.compared.join(", "), quarter: q(previousQuarterKey) })
            : t("summary.provisionalNotCompared")}
        </p>
      ) : null}

      <TitledSection id="by-topic-title" title={t("summary.byTopicTitle")}>
        {rows.length === 0 ? (
          <p className="notice" role="status">{t("summary.noItems", { quarter: quarterName, unit: unit.name })}</p>
        ) : (
          <>
            <ChartFigure caption={{ title: t("charts.topicDirection"), period: quarterName, unit: unit.name, n: totals.total, source }}>
              <TopicDirectionChart
                label={t("summary.byTopicChart", { quarter: quarterName, unit: unit.name })}
                series={rows.filter((r) => r.total > 0).map((r) => ({ label: name(r.topic), byDirection: r.byDirection }))}
              />
            </ChartFigure>
            <DataTable
              caption={t("summary.byTopic", { quarter: quarterName, unit: unit.name })}
              captionVisible
              columns={[
                t("reports.topic"),
                ...directions,
                { label: t("completeness.total"), numeric: true },
                { label: t("summary.share"), numeric: true },
                {
                  label: previousQuarterKey
                    ? t(provisional ? "summary.previousSameMonths" : "summary.previous", { quarter: q(previousQuarterKey), months: provisional?.compared.join(", ") })
                    : t("summary.previousNone"),
                  numeric: true,
                },
                { label: t("summary.change"), numeric: true },
              ]}
              foot={<tr><th scope="row">{t("completeness.total")}</th>{topicCells(totals)}</tr>}
            >
              {rows.map((r) => <tr key={r.topic.id}><th scope="row">{name(r.topic)}</th>{topicCells(r)}</tr>)}
            </DataTable>
          </>
        )}
      </TitledSection>

      {children.length > 0 ? (
        <TitledSection id="by-unit-title" title={t("summary.byUnitTitle")}>
          <DataTable
            caption={t("summary.byUnit", { quarter: quarterName, unit: unit.name })}
            captionVisible
            columns={[t("summary.unit"), ...directions, { label: t("completeness.total"), numeric: true }]}
          >
            {children.map((c) => (
              <tr key={c.unit.id}>
                <th scope="row">
                  {c.own ? t("summary.ownRow", { unit: c.unit.name }) : <Link to={link(c.unit.id)}>{c.unit.name}</Link>}{" "}
                  <span className="muted">{c.unit.code}</span>
                </th>
                <DirectionCells counts={c.byDirection} />
                <td className="num">{n(c.total)}</td>
              </tr>
            ))}
          </DataTable>
        </TitledSection>
      ) : null}

      {trendTopic ? (
        <TitledSection id="trend-title" title={t("summary.trendTitle", { topic: name(trendTopic) })}>
          <ChartFigure caption={trendCaption(trendTopic)}>
            <TrendChart
              label={t("summary.trendChart", { topic: name(trendTopic), unit: unit.name })}
              series={trend.map((p) => ({ label: pointName(p.quarterKey), byDirection: p.byDirection }))}
              provisionalLast={provisional !== null}
            />
          </ChartFigure>
          <DataTable caption={t("summary.trend", { topic: name(trendTopic), unit: unit.name })} captionVisible columns={[t("completeness.quarter"), ...directions]}>
            {trend.map((point) => (
              <tr key={point.quarterKey}>
                <th scope="row">{pointName(point.quarterKey)}</th>
                <DirectionCells counts={point.byDirection} />
              </tr>
            ))}
          </DataTable>
        </TitledSection>
      ) : null}
    </>
  );
}
