// A slide model's chart (slides.ts) drawn with the app's Chart.js for meeting mode: horizontal
// bars, stacked or side by side, with type that grows with the chart so the back of the room can
// read it on a projector and a phone still can. The numbers are in the slide's notes and meta (n).
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ScriptableContext } from "chart.js";
import { Bar } from "react-chartjs-2";
import { formatNumber } from "~/utils/numbers";
import type { SlideChart as SlideChartModel } from "./slides";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** About 1/55 of the chart's width: 12 px on a phone, 28 px on a 1920 px projector image. */
const fontSize = (width: number) => Math.max(12, Math.min(28, Math.round(width / 55)));
const font = (ctx: ScriptableContext<"bar"> | { chart: ChartJS }) => ({ size: fontSize(ctx.chart.width) });

/** A long category name on several lines when the chart is narrow (a phone), rather than cut off. */
export function wrapLabel(label: string, maxChars: number): string | string[] {
  if (label.length <= maxChars) return label;
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function SlideChart({ chart, lang }: { chart: SlideChartModel; lang: string }) {
  const value = (v: number | string) => (chart.percent ? `${formatNumber(Number(v), lang, 1)}%` : formatNumber(Number(v), lang));
  return (
    <div className={chart.categories.length <= 2 ? "meeting-chart few" : "meeting-chart"} style={{ ["--bars" as string]: chart.categories.length }}>
      <Bar
        aria-label={chart.label}
        role="img"
        data={{
          labels: chart.categories,
          datasets: chart.series.map((s) => ({ label: s.name, data: s.values, backgroundColor: s.color })),
        }}
        options={{
          animation: false,
          indexAxis: chart.horizontal ? "y" : "x",
          maintainAspectRatio: false,
          color: "#0f172a",
          scales: {
            x: { stacked: chart.stacked, beginAtZero: true, ...(chart.percent ? { max: 100 } : {}), ticks: { precision: 0, color: "#0f172a", font, callback: value } },
            y: {
              stacked: chart.stacked,
              ticks: {
                color: "#0f172a",
                font,
                autoSkip: false,
                // Labels may take about 40% of the width before they wrap.
                callback(tick) {
                  return wrapLabel(this.getLabelForValue(Number(tick)), Math.max(12, Math.floor((0.4 * this.chart.width) / (0.55 * fontSize(this.chart.width)))));
                },
              },
            },
          },
          plugins: {
            legend: { display: chart.series.length > 1, position: "bottom", labels: { font, color: "#0f172a" } },
            tooltip: { bodyFont: font, titleFont: font, callbacks: { label: (item) => `${item.dataset.label}: ${value(item.parsed.x ?? 0)}` } },
          },
        }}
      />
    </div>
  );
}
