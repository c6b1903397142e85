// One question's results as an official reads them: its chart and its small table together (the
// table is the accessible view and the exact numbers), labels only — question and option codes
// stay in the exports. Each question type chooses its view (`results.view` in
// app/surveys/question-types); one table (VIEWS) draws each.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { Bar } from "react-chartjs-2";
import { useTranslation } from "react-i18next";
import { ChartFigure, type ChartCaption } from "~/ui/chart-figure";
import { DataTable } from "~/ui/data-table";
import { wrapLabel } from "~/ui/chart-labels";
import { formatNumber, formatPercent } from "~/utils/numbers";
import { specOf } from "./question-types";
import type { ResultsView } from "./question-types/spec";
import { optionColors, percentAxisMax, PREVIOUS_COLOR, SINGLE_COLOR } from "./result-palette";
import type { QuestionResult, QuestionSection } from "./result-sections";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** What every question's chart caption shares: the survey's period, the unit (and filters), the source. */
export type ResultsChartContext = Omit<ChartCaption, "title" | "n">;

type BodyProps = {
  section: QuestionSection;
  /** Whether the previous wave is compared (its shares are in the options). */
  hasPrevious: boolean;
  chart: ResultsChartContext;
  /** The viewer can download every form's answers (the secretariat): the open answers point there. */
  answersInExport: boolean;
};

/** The body of each results view. */
const VIEWS: Record<ResultsView, (props: BodyProps) => JSX.Element | null> = {
  choices: ChoiceBody,
  matrix: MatrixBody,
  numbers: NumberBody,
  answers: AnswersBody,
  none: () => null,
};

export function QuestionResults(props: BodyProps) {
  const { t, i18n } = useTranslation();
  const { section } = props;
  const first = section.rows[0];
  const n = Math.max(0, ...section.rows.map((r) => r.n));
  const results = specOf(section.type).results;
  const Body = VIEWS[results.view];
  return (
    <section className="panel question-result" aria-labelledby={`res-${section.code}`}>
      <h3 id={`res-${section.code}`}>{t("surveys.results.questionTitle", { n: section.number, title: section.title })}</h3>
      <p className="muted">
        {t("surveys.results.n", { n: formatNumber(n, i18n.language) })}
        {results.view !== "matrix" && first?.mean != null ? ` · ${t("surveys.results.mean", { mean: formatNumber(first.mean, i18n.language, 2) })}` : ""}
      </p>
      {first && n > 0 ? <Body {...props} /> : null}
    </section>
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const percentTick = (v: number | string) => `${v}%`;

/** A question's bar chart in its captioned figure (period, unit, source, n), named for screen readers. */
function QuestionChart({ section, chart, n, note, height, data, options }: {
  section: QuestionSection;
  chart: ResultsChartContext;
  n: number;
  note?: string;
  height: number;
  data: ChartData<"bar">;
  options: ChartOptions<"bar">;
}) {
  const { t } = useTranslation();
  return (
    <ChartFigure caption={{ ...chart, title: t("surveys.results.questionTitle", { n: section.number, title: section.title }), n, note }}>
      <div className="chart-box" style={{ height: `${height}px` }}>
        <Bar aria-label={t("surveys.results.chartLabel", { n: section.number })} role="img" data={data} options={options} />
      </div>
    </ChartFigure>
  );
}

/** Horizontal bars: each bar's label on its own lines, so the chart grows with the labels, not squeezes them. */
function horizontalHeight(labels: (string | string[])[], barsPerLabel: number) {
  const lines = labels.reduce<number>((sum, l) => sum + Math.max(Array.isArray(l) ? l.length : 1, barsPerLabel), 0);
  return Math.max(140, lines * 20 + labels.length * 10 + 50);
}

/** Single, multiple, ranking, likert and 0–10 rating: one bar per option, coloured by the scale. */
function ChoiceBody({ section, hasPrevious, chart }: BodyProps) {
  const { t } = useTranslation();
  const row = section.rows[0]!;
  const results = specOf(section.type).results;
  const kind = results.scale;
  const colors = optionColors(kind, row.options.length);
  const showPrevious = hasPrevious && row.options.some((o) => o.previousShare !== null);
  const vertical = Boolean(results.vertical);
  const labels = row.options.map((o) => (vertical ? o.label : wrapLabel(o.label, 24)));
  const largest = Math.max(...row.options.map((o) => Math.max(o.share, o.previousShare ?? 0))) * 100;
  const notes = [
    kind === "diverging" ? t("surveys.results.scaleDiverging", { low: row.options[0]?.label, high: row.options.at(-1)?.label }) : "",
    kind === "sequential" ? t("surveys.results.scaleSequential") : "",
    showPrevious && kind !== "single" ? t("surveys.results.previousBars") : "",
    results.note ? t(results.note) : "",
  ].filter(Boolean);
  const valueAxis = { beginAtZero: true, suggestedMax: percentAxisMax(largest), ticks: { callback: percentTick } };
  // Every category labelled (a 0–10 scale's eleven, up to 30 options): none skipped.
  const categoryAxis = { ticks: { autoSkip: false, maxRotation: 0 } };
  const options: ChartOptions<"bar"> = {
    animation: false,
    indexAxis: vertical ? "x" : "y",
    maintainAspectRatio: false,
    scales: vertical ? { x: categoryAxis, y: valueAxis } : { x: valueAxis, y: categoryAxis },
    // Ordered scales: the colours name the options (stated in the caption), so no dataset legend.
    plugins: { legend: { display: showPrevious && kind === "single" } },
  };
  return (
    <div className="result-body">
      <QuestionChart section={section} chart={chart} n={row.n} note={notes.join(" ") || undefined} height={vertical ? 240 : horizontalHeight(labels, showPrevious ? 2 : 1)} options={options}
        data={{
          labels,
          datasets: [
            { label: t("surveys.results.thisWave"), data: row.options.map((o) => round1(o.share * 100)), backgroundColor: kind === "single" ? SINGLE_COLOR : colors },
            ...(showPrevious
              ? [{
                  label: t("surveys.results.previousWave"),
                  data: row.options.map((o) => round1((o.previousShare ?? 0) * 100)),
                  // Beside coloured scale bars the previous wave is pale and outlined, so it never reads as the grey middle option.
                  ...(kind === "single" ? { backgroundColor: PREVIOUS_COLOR } : { backgroundColor: "rgba(154, 165, 177, 0.25)", borderColor: "#5b6770", borderWidth: 1 }),
                }]
              : []),
          ],
        }} />
      <OptionTable section={section} row={row} showPrevious={showPrevious} />
    </div>
  );
}

function OptionTable({ section, row, showPrevious }: { section: QuestionSection; row: QuestionResult; showPrevious: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <DataTable
      caption={t("surveys.results.tableCaption", { n: section.number })}
      captionVisible
      columns={[
        specOf(section.type).results.vertical ? t("surveys.results.score") : t("surveys.results.option"),
        { label: t("surveys.results.count"), numeric: true },
        { label: "%", numeric: true },
        { label: t("surveys.results.ci"), numeric: true },
        ...(showPrevious ? [{ label: t("surveys.results.previousPct"), numeric: true }] : []),
      ]}
    >
      {row.options.map((o) => (
        <tr key={o.code}>
          <th scope="row">{o.label}</th>
          <td className="num">{formatNumber(o.count, lang)}</td>
          <td className="num">{formatPercent(o.share, lang)}</td>
          <td className="num">{formatPercent(o.ci[0], lang)} – {formatPercent(o.ci[1], lang)}</td>
          {showPrevious ? <td className="num">{o.previousShare === null ? "—" : formatPercent(o.previousShare, lang)}</td> : null}
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * A matrix: ONE chart comparing its items — a 100 % stacked bar per item, a segment per option in
 * the scale's colours — and one table (items × options), the previous wave as a row under each item.
 */
function MatrixBody({ section, hasPrevious, chart }: BodyProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items = section.rows;
  const choices = items[0]!.options;
  const colors = optionColors(specOf(section.type).results.scale, choices.length);
  const showPrevious = hasPrevious && items.some((r) => r.options.some((o) => o.previousShare !== null));
  const labels = items.map((r) => wrapLabel(r.label, 24));
  const note = t("surveys.results.scaleDiverging", { low: choices[0]?.label, high: choices.at(-1)?.label });
  const options: ChartOptions<"bar"> = {
    animation: false,
    indexAxis: "y",
    maintainAspectRatio: false,
    scales: { x: { stacked: true, min: 0, max: 100, ticks: { callback: percentTick } }, y: { stacked: true, ticks: { autoSkip: false } } },
    plugins: { legend: { position: "bottom" } },
  };
  return (
    <div className="result-body">
      <QuestionChart section={section} chart={chart} n={Math.max(...items.map((r) => r.n))} note={note} height={horizontalHeight(labels, 1) + 50} options={options}
        data={{
          labels,
          datasets: choices.map((choice, j) => ({ label: choice.label, data: items.map((r) => round1((r.options[j]?.share ?? 0) * 100)), backgroundColor: colors[j] })),
        }} />
      <DataTable
        caption={t("surveys.results.tableCaption", { n: section.number })}
        captionVisible
        columns={[t("surveys.results.item"), { label: t("surveys.results.nColumn"), numeric: true }, ...choices.map((c) => ({ label: `${c.label} (%)`, numeric: true }))]}
      >
        {items.flatMap((r) => [
          <tr key={r.code}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatNumber(r.n, lang)}</td>
            {r.options.map((o) => <td key={o.code} className="num">{formatPercent(o.share, lang)}</td>)}
          </tr>,
          ...(showPrevious
            ? [
                <tr key={`${r.code}-previous`} className="muted">
                  <th scope="row">{r.label} — {t("surveys.results.previousRow")}</th>
                  <td className="num">—</td>
                  {r.options.map((o) => <td key={o.code} className="num">{o.previousShare === null ? "—" : formatPercent(o.previousShare, lang)}</td>)}
                </tr>,
              ]
            : []),
        ])}
      </DataTable>
    </div>
  );
}

/** A number question: the share answering each value (one colour), and the values' table. */
function NumberBody({ section, chart }: BodyProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = section.rows[0]!;
  if (row.numbers.length === 0) return null;
  const number = (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);
  // A range of values (a slider's "10–19") or one value.
  const value = (d: { value: number; upTo?: number }) => (d.upTo !== undefined && d.upTo !== d.value ? `${number(d.value)}–${number(d.upTo)}` : number(d.value));
  const shares = row.numbers.map((d) => (row.n ? d.count / row.n : 0));
  const options: ChartOptions<"bar"> = {
    animation: false,
    maintainAspectRatio: false,
    scales: {
      x: { ticks: { autoSkip: row.numbers.length > 31, maxRotation: 0 } },
      y: { beginAtZero: true, suggestedMax: percentAxisMax(Math.max(...shares) * 100), ticks: { callback: percentTick } },
    },
    plugins: { legend: { display: false } },
  };
  return (
    <div className="result-body">
      <QuestionChart section={section} chart={chart} n={row.n} height={220} options={options}
        data={{ labels: row.numbers.map((d) => value(d)), datasets: [{ label: t("surveys.results.thisWave"), data: shares.map((s) => round1(s * 100)), backgroundColor: SINGLE_COLOR }] }} />
      <DataTable
        caption={t("surveys.results.distribution", { n: section.number })}
        captionVisible
        columns={[t("surveys.results.value"), t("surveys.results.count"), "%"].map((label) => ({ label, numeric: true }))}
      >
        {row.numbers.map((d, i) => (
          <tr key={d.value}><td className="num">{value(d)}</td><td className="num">{formatNumber(d.count, lang)}</td><td className="num">{formatPercent(shares[i]!, lang)}</td></tr>
        ))}
      </DataTable>
    </div>
  );
}

/** Shown at once; the rest of the first hundred behind "Xem thêm". */
const ANSWERS_SHOWN = 10;
const ANSWERS_MAX = 100;

/** Open answers: identical ones grouped with their count, most frequent first; more on request. */
function AnswersBody({ section, answersInExport }: BodyProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const row = section.rows[0]!;
  const groups = row.answers;
  if (groups.length === 0) return null;
  const first = groups.slice(0, ANSWERS_SHOWN);
  const more = groups.slice(ANSWERS_SHOWN, ANSWERS_MAX);
  const unshown = row.n - groups.slice(0, ANSWERS_MAX).reduce((sum, g) => sum + g.count, 0);
  const table = (rows: typeof groups, caption: string) => (
    <DataTable caption={caption} captionVisible className="answer-groups" columns={[t("surveys.results.answer"), { label: t("surveys.results.times"), numeric: true }, { label: "%", numeric: true }]}>
      {rows.map((g) => (
        <tr key={g.text}><td>{g.text}</td><td className="num">{formatNumber(g.count, lang)}</td><td className="num">{formatPercent(row.n ? g.count / row.n : 0, lang)}</td></tr>
      ))}
    </DataTable>
  );
  return (
    <div className="answers">
      <p className="muted">{t("surveys.results.answersSummary", { answers: formatNumber(row.n, lang), groups: formatNumber(groups.length, lang) })}</p>
      {table(first, t("surveys.results.answersCaption", { n: section.number }))}
      {more.length > 0 ? (
        <details className="more-answers">
          <summary>{t("surveys.results.answersMore", { count: more.length })}</summary>
          {table(more, t("surveys.results.answersMoreCaption", { n: section.number }))}
        </details>
      ) : null}
      {unshown > 0 ? (
        <p className="hint">
          {t("surveys.results.answersRest", { count: unshown })} {answersInExport ? t("surveys.results.answersInExport") : ""}
        </p>
      ) : null}
    </div>
  );
}
