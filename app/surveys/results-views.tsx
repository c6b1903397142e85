// Results of one question: a Chart.js bar chart with its data table (the table is the accessible
// view and the exact numbers), n, %, 95% Wilson interval, previous-wave comparison.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from "chart.js";
import { Bar } from "react-chartjs-2";
import { useTranslation } from "react-i18next";
import { ChartFigure, type ChartCaption } from "~/ui/chart-figure";
import { formatNumber, formatPercent } from "~/utils/numbers";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

type OptionResult = { code: string; label: string; count: number; share: number; ci: [number, number]; previousShare: number | null };
export type QuestionResultView = {
  code: string;
  title: string;
  type: string;
  n: number;
  mean: number | null;
  options: OptionResult[];
  numbers: { value: number; count: number }[];
  texts: string[];
};

/** What every question's chart caption shares: the survey's period, the unit (and filters), the source. */
export type ResultsChartContext = Omit<ChartCaption, "title" | "n">;

export function QuestionResults({ q, hasPrevious, chart }: { q: QuestionResultView; hasPrevious: boolean; chart?: ResultsChartContext }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = `res-${q.code}`;
  const showPrevious = hasPrevious && q.options.some((o) => o.previousShare !== null);
  return (
    <section className="panel question-result" aria-labelledby={headingId}>
      <h3 id={headingId}>{q.code}. {q.title}</h3>
      <p className="muted">
        {t("surveys.results.n", { n: formatNumber(q.n, lang) })}
        {q.mean !== null ? ` · ${t("surveys.results.mean", { mean: formatNumber(q.mean, lang, 2) })}` : ""}
      </p>
      {q.options.length > 0 ? (
        <>
          <ChartFigure caption={{ ...chart, title: `${q.code}. ${q.title}`, n: q.n }}>
          <div className="chart-box">
            <Bar
              aria-label={t("surveys.results.chartLabel", { code: q.code })}
              role="img"
              data={{
                labels: q.options.map((o) => o.label),
                datasets: [
                  { label: t("surveys.results.thisWave"), data: q.options.map((o) => round1(o.share * 100)), backgroundColor: "#b91c1c" },
                  ...(showPrevious ? [{ label: t("surveys.results.previousWave"), data: q.options.map((o) => round1((o.previousShare ?? 0) * 100)), backgroundColor: "#9aa5b1" }] : []),
                ],
              }}
              options={{
                animation: false,
                indexAxis: "y",
                maintainAspectRatio: false,
                scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
                plugins: { legend: { display: showPrevious } },
              }}
            />
          </div>
          </ChartFigure>
          <div className="table-wrap">
            <table>
              <caption>{t("surveys.results.tableCaption", { code: q.code })}</caption>
              <thead>
                <tr>
                  <th>{t("surveys.results.option")}</th>
                  <th className="num">{t("surveys.results.count")}</th>
                  <th className="num">%</th>
                  <th className="num">{t("surveys.results.ci")}</th>
                  {showPrevious ? <th className="num">{t("surveys.results.previousPct")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {q.options.map((o) => (
                  <tr key={o.code}>
                    <th scope="row">{o.label} <span className="muted">({o.code})</span></th>
                    <td className="num">{formatNumber(o.count, lang)}</td>
                    <td className="num">{formatPercent(o.share, lang)}</td>
                    <td className="num">{formatPercent(o.ci[0], lang)} – {formatPercent(o.ci[1], lang)}</td>
                    {showPrevious ? <td className="num">{o.previousShare === null ? "—" : formatPercent(o.previousShare, lang)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {q.numbers.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("surveys.results.distribution", { code: q.code })}</caption>
            <thead><tr><th className="num">{t("surveys.results.value")}</th><th className="num">{t("surveys.results.count")}</th></tr></thead>
            <tbody>
              {q.numbers.map((d) => (
                <tr key={d.value}><td className="num">{formatNumber(d.value, lang, Number.isInteger(d.value) ? 0 : 2)}</td><td className="num">{d.count}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {q.texts.length > 0 ? (
        // A scrolling box: focusable so keyboard users can scroll it, named as a region.
        <div className="text-answers" role="region" tabIndex={0} aria-label={t("surveys.results.texts", { code: q.code })}>
          <ul>{q.texts.map((text, i) => <li key={i}>{text}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;
