// The report's 8-quarter trend: one topic's directions, or one survey question's
// options across its waves, chosen in a GET form (the `trend` search parameter, so it works
// without JavaScript and a link keeps the choice). Each chart sits above its table, which carries
// n and the exact numbers. Snapshots published before the trend existed have none.
import { Form, useSearchParams } from "@remix-run/react";
import { Line } from "react-chartjs-2";
import { useTranslation } from "react-i18next";
import { useDirectionColumns } from "~/opinion-reports/direction-columns";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
// Also registers Chart.js's line chart parts (its module does, once).
import { TrendChart } from "~/opinion-reports/summary-charts";
import { useQuarterName } from "~/periods/quarter-select";
import { DataTable } from "~/ui/data-table";
import { formatNumber } from "~/utils/numbers";
import type { CompiledReport } from "./compile.server";

type Trend = NonNullable<CompiledReport["trend"]>;
type TopicTrend = Trend["topics"][number];
type QuestionTrend = Trend["surveys"][number]["questions"][number];

const topicKey = (code: string) => `topic:${code}`;
const questionKey = (survey: string, question: string) => `survey:${survey}:${question}`;

/** A share in percent with one decimal, or null when there is nothing to divide by. */
const share = (count: number, n: number) => (n > 0 ? Math.round((1000 * count) / n) / 10 : null);

export function TrendSection({ figures }: { figures: CompiledReport }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = useQuarterName();
  const trend = figures.trend;
  if (!trend) return null;
  const wanted = params.get("trend");
  const topic = trend.topics.find((r) => topicKey(r.topic.code) === wanted);
  const question = trend.surveys.flatMap((s) => s.questions.map((q) => ({ survey: s.survey, q }))).find((x) => questionKey(x.survey.code, x.q.code) === wanted);
  // Default: the quarter's top-ranked topic (the list's first).
  const chosen = topic ? { topic } : question ? { question } : trend.topics[0] ? { topic: trend.topics[0] } : null;
  const value = chosen?.topic ? topicKey(chosen.topic.topic.code) : chosen?.question ? questionKey(chosen.question.survey.code, chosen.question.q.code) : "";
  return (
    <section aria-labelledby="qr-trend">
      <h3 id="qr-trend">{t("quarterly.trend.title", { quarter: q(figures.quarterKey) })}</h3>
      {chosen === null ? (
        <p>{t("quarterly.trend.none")}</p>
      ) : (
        <>
          <TrendPicker trend={trend} value={value} version={params.get("version")} />
          {chosen.topic ? <TopicTrendView trend={trend} row={chosen.topic} /> : null}
          {chosen.question ? <QuestionTrendView survey={chosen.question.survey} question={chosen.question.q} /> : null}
        </>
      )}
    </section>
  );
}

function TrendPicker({ trend, value, version }: { trend: Trend; value: string; version: string | null }) {
  const { t, i18n } = useTranslation();
  const name = (r: TopicTrend) => (i18n.language === "en" ? r.topic.nameEn : r.topic.nameVi);
  return (
    // Keyed by the choice: the select follows a client-side navigation's new default.
    <Form method="get" className="filters" preventScrollReset key={value} aria-label={t("quarterly.trend.pick")}>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <label>
        {t("quarterly.trend.subject")}
        <select name="trend" defaultValue={value}>
          <optgroup label={t("quarterly.trend.topics")}>
            {trend.topics.map((r) => <option key={r.topic.code} value={topicKey(r.topic.code)}>{name(r)}</option>)}
          </optgroup>
          {trend.surveys.map((s) => (
            <optgroup key={s.survey.code} label={t("quarterly.trend.survey", { title: s.survey.title })}>
              {s.questions.map((q) => <option key={q.code} value={questionKey(s.survey.code, q.code)}>{`${q.code}. ${q.title}`}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="submit">{t("quarterly.trend.show")}</button>
    </Form>
  );
}

function TopicTrendView({ trend, row }: { trend: Trend; row: TopicTrend }) {
  const { t, i18n } = useTranslation();
  const q = useQuarterName();
  const directions = useDirectionColumns();
  const lang = i18n.language;
  const topicName = lang === "en" ? row.topic.nameEn : row.topic.nameVi;
  const available = new Map(trend.quarters.map((x) => [x.quarterKey, x.available]));
  // The chart draws the quarters that have items of the topic: a quarter without data is no drop to zero.
  const drawn = row.points.filter((p) => available.get(p.quarterKey) && p.n > 0);
  const first = q(row.points[0]!.quarterKey);
  const last = q(row.points.at(-1)!.quarterKey);
  return (
    <>
      <h4>{t("quarterly.trend.topicTitle", { topic: topicName, from: first, to: last })}</h4>
      {drawn.length > 0 ? (
        <TrendChart
          label={t("quarterly.trend.topicChart", { topic: topicName, from: first, to: last })}
          series={drawn.map((p) => ({
            label: `${q(p.quarterKey)} (n = ${formatNumber(p.n, lang)})`,
            byDirection: Object.fromEntries(DIRECTIONS.map((d) => [d, share(p.byDirection[d], p.n) ?? 0])),
          }))}
        />
      ) : null}
      <DataTable
        caption={t("quarterly.trend.topicTable", { topic: topicName, from: first, to: last })}
        captionVisible
        columns={[t("completeness.quarter"), ...directions, { label: "n", numeric: true }]}
      >
        {row.points.map((p) => (
          <tr key={p.quarterKey}>
            <th scope="row">{q(p.quarterKey)}</th>
            {DIRECTIONS.map((d) => (
              <td key={d} className="num">{available.get(p.quarterKey) ? <CountShare count={p.byDirection[d]} n={p.n} /> : "—"}</td>
            ))}
            <td className="num">{available.get(p.quarterKey) ? formatNumber(p.n, lang) : "—"}</td>
          </tr>
        ))}
      </DataTable>
      <p className="hint">{t("quarterly.trend.topicNote")}</p>
    </>
  );
}

function CountShare({ count, n }: { count: number; n: number }) {
  const { i18n } = useTranslation();
  const pct = share(count, n);
  return <>{formatNumber(count, i18n.language)}{pct === null ? null : <span className="muted"> ({formatNumber(pct, i18n.language, 1)}%)</span>}</>;
}

/** One colour and point shape per option (up to eight, then they repeat). */
const OPTION_COLORS = ["#1d4ed8", "#b91c1c", "#15803d", "#d97706", "#7c3aed", "#0f766e", "#be185d", "#4b5563"];
const OPTION_POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star", "rectRounded", "cross"] as const;

function QuestionTrendView({ survey, question }: { survey: { code: string; title: string }; question: QuestionTrend }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const drawn = question.points.filter((p) => p.counts !== null && p.n !== null && p.n > 0);
  const pointLabel = (p: QuestionTrend["points"][number]) => `${p.wave.period}${p.n === null ? "" : ` (n = ${formatNumber(p.n, lang)})`}`;
  return (
    <>
      <h4>{t("quarterly.trend.questionTitle", { title: question.title, survey: survey.title })}</h4>
      {drawn.length > 0 ? (
        <div className="summary-chart">
          <Line
            aria-label={t("quarterly.trend.questionChart", { title: question.title, survey: survey.title })}
            role="img"
            data={{
              labels: drawn.map(pointLabel),
              datasets: question.options.map((o, i) => ({
                label: o.label,
                data: drawn.map((p) => (p.counts && o.code in p.counts ? share(p.counts[o.code]!, p.n!) : null)),
                borderColor: OPTION_COLORS[i % OPTION_COLORS.length],
                backgroundColor: OPTION_COLORS[i % OPTION_COLORS.length],
                pointStyle: OPTION_POINTS[i % OPTION_POINTS.length],
                pointRadius: 4,
              })),
            }}
            options={{
              animation: false,
              maintainAspectRatio: false,
              scales: { y: { beginAtZero: true, max: 100, ticks: { precision: 0 } } },
              plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
            }}
          />
        </div>
      ) : null}
      <DataTable
        caption={t("quarterly.trend.questionTable", { title: question.title, survey: survey.title })}
        captionVisible
        columns={[t("quarterly.trend.wave"), ...question.options.map((o) => ({ label: o.label, numeric: true })), { label: "n", numeric: true }]}
      >
        {question.points.map((p) => (
          <tr key={p.wave.code}>
            <th scope="row">{p.wave.period} <span className="muted">({p.wave.code})</span></th>
            {question.options.map((o) => (
              <td key={o.code} className="num">
                {p.n === null ? "—" : p.counts === null ? <span title={t("quarterly.surveys.smallCell")}>—</span> : o.code in p.counts ? <CountShare count={p.counts[o.code]!} n={p.n} /> : "—"}
              </td>
            ))}
            <td className="num">{p.n === null ? t("quarterly.trend.notAsked") : formatNumber(p.n, lang)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="hint">{t("quarterly.trend.questionNote")}</p>
    </>
  );
}
