/**
 * Charts as PNG images drawn on the server (Chart.js on @napi-rs/canvas), for the files that
 * carry pictures rather than live charts (Word; the PDF and slides may reuse them). An image is
 * read away from the report — pasted into a slide, printed, forwarded — so each one carries its
 * own title, quarter, unit, n and source line. The text is set in Tinos (metric-compatible with
 * Times New Roman, full Vietnamese), shipped as an npm package and registered here, so diacritics
 * render whatever fonts the machine has (decision 0021).
 */
import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, SubTitle, Title, type ChartConfiguration, type Plugin } from "chart.js";
import { DIRECTION_COLORS } from "~/opinion-reports/direction-colors";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import type { ExportSource } from "./source.server";
import { documentT, num, pct, quarterName } from "./document-text.server";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title, SubTitle);

/** 16:9, large enough to print sharp at 16–17 cm wide (≈ 240 dpi) and to fill a slide. */
export const CHART_SIZE = { width: 1600, height: 900 } as const;
export const CHART_FONT = "Tinos";

export type ChartSeries = { label: string; color: string | string[]; values: number[] };

/** A chart, described by what it shows: everything the image needs to stand on its own. */
export type ChartSpec = {
  /** Stable key: "network-reports", "flows-topic-direction", "survey-KS1-Q1"… */
  id: string;
  section: "network" | "flows" | "surveys";
  title: string;
  /** "Quý II/2026 · Tỉnh Sơn Hà · n = 1.806" */
  subtitle: string;
  /** "Nguồn: Ban Tuyên giáo và Dân vận, báo cáo dư luận xã hội quý II/2026" */
  source: string;
  /** A sentence for the image's alternative text. */
  description: string;
  categories: string[];
  series: ChartSeries[];
  stacked: boolean;
  horizontal: boolean;
  valueTitle: string;
  /** Percentages: the axis runs 0–100 and the values are written with one decimal. */
  percent?: boolean;
  /** Per category, the first series' 95% interval, in the values' unit: drawn as whiskers. */
  intervals?: ([number, number] | null)[];
  /** Drawn in red in the top corner of a draft's images ("DỰ THẢO"). */
  watermark?: string;
};

let fontsReady = false;
function registerFonts() {
  if (fontsReady) return;
  const require = createRequire(import.meta.url);
  for (const file of ["400Regular/Tinos_400Regular.ttf", "700Bold/Tinos_700Bold.ttf", "400Regular_Italic/Tinos_400Regular_Italic.ttf"]) {
    GlobalFonts.registerFromPath(require.resolve(`@expo-google-fonts/tinos/${file}`), CHART_FONT);
  }
  fontsReady = true;
}

/** Word-wraps a label so Chart.js draws it on several lines. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

const SOURCE_BAND = 70;

/** White page (a transparent PNG turns black in some viewers), the source line, the draft mark. */
function framePlugin(spec: ChartSpec): Plugin<"bar"> {
  return {
    id: "frame",
    beforeDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
    afterDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = "#374151";
      ctx.font = `italic 28px ${CHART_FONT}`;
      ctx.textBaseline = "middle";
      ctx.textAlign = "left";
      ctx.fillText(spec.source, 24, height - SOURCE_BAND / 2);
      if (spec.watermark) {
        ctx.fillStyle = "#b91c1c";
        ctx.font = `bold 36px ${CHART_FONT}`;
        ctx.textAlign = "right";
        ctx.fillText(spec.watermark, width - 24, 36);
      }
      ctx.restore();
    },
  };
}

/** The values on the bars (a printed chart has no tooltip) and the interval whiskers. */
function valuesPlugin(spec: ChartSpec): Plugin<"bar"> {
  const format = (v: number) => (spec.percent ? pct(v / 100) : num(v));
  return {
    id: "values",
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `28px ${CHART_FONT}`;
      ctx.textBaseline = "middle";
      const valueScale = spec.horizontal ? chart.scales.x! : chart.scales.y!;
      chart.data.datasets.forEach((dataset, di) => {
        const meta = chart.getDatasetMeta(di);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          const value = dataset.data[i] as number;
          const props = bar.getProps(["x", "y", "base", "width", "height"], true) as { x: number; y: number; base: number; width: number; height: number };
          const interval = di === 0 ? spec.intervals?.[i] : null;
          if (interval) drawWhisker(ctx, valueScale.getPixelForValue(interval[0]), valueScale.getPixelForValue(interval[1]), spec.horizontal ? props.y : props.x, spec.horizontal);
          if (!value) return;
          const text = format(value);
          const length = Math.abs(spec.horizontal ? props.x - props.base : props.y - props.base);
          if (spec.stacked) {
            // Inside the segment, when it is wide enough to hold the number.
            if (length < ctx.measureText(text).width + 12) return;
            ctx.fillStyle = "#ffffff";
            ctx.textAlign = "center";
            if (spec.horizontal) ctx.fillText(text, (props.x + props.base) / 2, props.y);
            else ctx.fillText(text, props.x, (props.y + props.base) / 2);
          } else {
            ctx.fillStyle = "#111827";
            const end = interval ? valueScale.getPixelForValue(interval[1]) : spec.horizontal ? props.x : props.y;
            if (spec.horizontal) {
              ctx.textAlign = "left";
              ctx.fillText(text, Math.max(props.x, end) + 10, props.y - (interval ? 14 : 0));
            } else {
              ctx.textAlign = "center";
              ctx.fillText(text, props.x, Math.min(props.y, end) - 18);
            }
          }
        });
      });
      ctx.restore();
    },
  };
}

function drawWhisker(ctx: CanvasRenderingContext2D, from: number, to: number, at: number, horizontal: boolean) {
  ctx.save();
  ctx.strokeStyle = "#111827";
  ctx.lineWidth = 3;
  ctx.beginPath();
  const cap = 10;
  if (horizontal) {
    ctx.moveTo(from, at);
    ctx.lineTo(to, at);
    ctx.moveTo(from, at - cap);
    ctx.lineTo(from, at + cap);
    ctx.moveTo(to, at - cap);
    ctx.lineTo(to, at + cap);
  } else {
    ctx.moveTo(at, from);
    ctx.lineTo(at, to);
    ctx.moveTo(at - cap, from);
    ctx.lineTo(at + cap, from);
    ctx.moveTo(at - cap, to);
    ctx.lineTo(at + cap, to);
  }
  ctx.stroke();
  ctx.restore();
}

function configOf(spec: ChartSpec): ChartConfiguration<"bar"> {
  const valueAxis = {
    stacked: spec.stacked,
    beginAtZero: true,
    ...(spec.percent ? { max: 100 } : {}),
    title: { display: true, text: spec.valueTitle, font: { size: 30 } },
    ticks: { precision: 0, callback: (v: number | string) => num(Number(v)) },
    // Room for the values written past the bars' ends.
    grace: spec.stacked || spec.percent ? 0 : "8%",
  };
  const categoryAxis = { stacked: spec.stacked, ticks: { autoSkip: false }, grid: { display: false } };
  return {
    type: "bar",
    data: {
      labels: spec.categories.map((c) => wrapText(c, spec.horizontal ? 30 : 16)),
      datasets: spec.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, maxBarThickness: 90 })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      indexAxis: spec.horizontal ? "y" : "x",
      layout: { padding: { left: 24, right: 40, top: 8, bottom: SOURCE_BAND } },
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        title: { display: true, text: wrapText(spec.title, 70), color: "#111827", font: { size: 44, weight: "bold" }, padding: { top: 12, bottom: 4 } },
        subtitle: { display: true, text: spec.subtitle, color: "#374151", font: { size: 32 }, padding: { bottom: 12 } },
        legend: { display: spec.series.length > 1, position: "top", labels: { color: "#111827", font: { size: 30 }, boxWidth: 40 } },
        tooltip: { enabled: false },
      },
    },
    plugins: [framePlugin(spec), valuesPlugin(spec)],
  };
}

/**
 * The chart as a PNG (default 1600 × 900), drawn with no animation: the same spec gives the same
 * image. Drawing takes a few milliseconds; the PNG encoding (most of the time) runs on libuv's
 * thread pool, so rendering a report's charts does not hold up other requests.
 */
export async function renderChartPng(spec: ChartSpec, size: { width: number; height: number } = CHART_SIZE): Promise<Buffer> {
  registerFonts();
  Chart.defaults.font.family = CHART_FONT;
  Chart.defaults.font.size = 30;
  Chart.defaults.color = "#111827";
  const canvas = createCanvas(size.width, size.height);
  const chart = new Chart(canvas.getContext("2d") as unknown as CanvasRenderingContext2D, configOf(spec));
  try {
    return await canvas.encode("png");
  } finally {
    chart.destroy(); // clears the canvas: only once the image is encoded
  }
}

/** At most this many questions of a survey are drawn (the first, in the questionnaire's order); the tables carry them all. */
export const SURVEY_CHARTS_PER_SURVEY = 5;

/**
 * The report's charts, section by section: reports received (network), topics × direction and
 * topics by weight (flows), and each survey's first questions with their 95% intervals. A section
 * without data has no chart; suppressed figures (fewer than 5, already null) are not drawn.
 * `body` names the issuer in the source line (default: the board).
 */
export function reportChartSpecs(source: ExportSource, options: { body?: string } = {}): ChartSpec[] {
  const t = documentT();
  const { figures } = source;
  const quarter = quarterName(figures.quarterKey);
  const unit = figures.scope.name;
  const body = options.body ?? t("quarterly.document.issuer.board");
  const common = {
    source: t("quarterly.document.chart.source", { body, quarter: quarter.replace("Quý", "quý") }),
    watermark: source.status.kind === "draft" ? t("quarterly.document.draft") : undefined,
  };
  const subtitle = (n: number) => t("quarterly.document.chart.subtitle", { quarter, unit, n: num(n) });
  const describe = (title: string, pairs: [string, number][]) => `${title}. ${pairs.map(([label, value]) => `${label}: ${num(value)}`).join("; ")}.`;
  const specs: ChartSpec[] = [];

  const reports = figures.network.reports;
  if (reports.expected > 0) {
    const measures = ["onTime", "late", "missing"] as const;
    const title = t("quarterly.document.chart.completeness");
    const labels = measures.map((m) => t(`quarterly.measure.${m}`));
    specs.push({
      id: "network-reports", section: "network", title, subtitle: subtitle(reports.expected), ...common,
      description: describe(title, measures.map((m, i) => [labels[i]!, reports[m]])),
      categories: labels,
      series: [{ label: t("quarterly.document.chart.reports"), color: ["#15803d", "#d97706", "#b91c1c"], values: measures.map((m) => reports[m]) }],
      stacked: false, horizontal: true, valueTitle: t("quarterly.document.chart.reports"),
    });
  }

  const { flows } = figures;
  if (flows.byTopic.length > 0) {
    const title = t("quarterly.document.chart.topicDirection");
    specs.push({
      id: "flows-topic-direction", section: "flows", title, subtitle: subtitle(flows.total), ...common,
      description: describe(title, flows.byTopic.map((r) => [r.topic.nameVi, r.total])),
      categories: flows.byTopic.map((r) => r.topic.nameVi),
      series: DIRECTIONS.map((d) => ({ label: t(`opinion.direction.${d}`), color: DIRECTION_COLORS[d], values: flows.byTopic.map((r) => r.byDirection[d]) })),
      stacked: true, horizontal: true, valueTitle: t("quarterly.document.chart.items"),
    });
    const rankingTitle = t("quarterly.document.chart.topicWeight");
    specs.push({
      id: "flows-topic-weight", section: "flows", title: rankingTitle, subtitle: subtitle(flows.total), ...common,
      description: describe(rankingTitle, flows.byTopic.map((r) => [`${r.rank}. ${r.topic.nameVi}`, r.weight])),
      categories: flows.byTopic.map((r) => `${r.rank}. ${r.topic.nameVi}`),
      series: [{ label: t("quarterly.measure.weight"), color: "#1d4ed8", values: flows.byTopic.map((r) => r.weight) }],
      stacked: false, horizontal: true, valueTitle: t("quarterly.measure.weight"),
    });
  }

  for (const sv of figures.surveys ?? []) {
    const drawn = sv.questions.filter((q) => q.options !== null).slice(0, SURVEY_CHARTS_PER_SURVEY);
    for (const q of drawn) {
      const options = q.options!;
      const hasPrevious = sv.previousWave !== null && options.some((o) => o.previousShare !== null);
      specs.push({
        id: `survey-${sv.survey.code}-${q.code}`, section: "surveys", title: q.title,
        subtitle: t("quarterly.document.chart.subtitle", { quarter: `${sv.survey.title} (${sv.survey.code})`, unit, n: num(q.n) }),
        source: t("quarterly.document.chart.surveySource", { body, survey: sv.survey.title, code: sv.survey.code }),
        watermark: common.watermark,
        description: `${q.title}. ${options.map((o) => `${o.label}: ${pct(o.share)}%`).join("; ")}.`,
        categories: options.map((o) => o.label),
        series: [
          { label: sv.survey.code, color: "#1d4ed8", values: options.map((o) => 100 * o.share) },
          ...(hasPrevious ? [{ label: sv.previousWave!.code, color: "#9ca3af", values: options.map((o) => (o.previousShare === null ? 0 : 100 * o.previousShare)) }] : []),
        ],
        intervals: options.map((o) => [100 * o.ci[0], 100 * o.ci[1]] as [number, number]),
        stacked: false, horizontal: true, percent: true, valueTitle: t("quarterly.document.chart.share"),
      });
    }
  }
  return specs;
}
