// Charts of the opinion summary (Chart.js). Each canvas is an image with a name; the tables beside
// them are the accessible view and the exact numbers.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";
import { Bar, Line } from "react-chartjs-2";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { wrapLabel } from "~/ui/chart-labels";
import { DIRECTION_COLORS } from "./direction-colors";
import { DIRECTIONS, type Direction } from "./report-vocab";

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

/** And one point shape, so the lines differ by more than colour. */
const DIRECTION_POINTS: Record<Direction, "circle" | "rect" | "triangle" | "rectRot"> = {
  approve: "circle",
  oppose: "rect",
  worried: "triangle",
  unclear: "rectRot",
};

type Series = { label: string; byDirection: Record<string, number> };

/** One dataset per direction (its name and colour), a value per series entry. */
function directionDatasets(series: Series[], t: TFunction) {
  return DIRECTIONS.map((d) => ({
    label: t(`opinion.direction.${d}`),
    data: series.map((s) => s.byDirection[d] ?? 0),
    backgroundColor: DIRECTION_COLORS[d],
  }));
}

/**
 * Horizontal stacked bars: one bar per topic, split by direction. `rowHeight` px a bar (denser on
 * paper); `max` extends the axis to at least that value (rounded to a tick), so charts of one
 * breakdown split over pages share a scale.
 */
export function TopicDirectionChart({ label, series, rowHeight = 36, max }: { label: string; series: Series[]; rowHeight?: number; max?: number }) {
  const { t } = useTranslation();
  return (
    <div className="summary-chart" style={{ height: `${Math.max(180, series.length * rowHeight + 80)}px` }}>
      <Bar
        aria-label={label}
        role="img"
        data={{
          labels: series.map((s) => wrapLabel(s.label)),
          datasets: directionDatasets(series, t),
        }}
        options={{
          animation: false,
          indexAxis: "y",
          maintainAspectRatio: false,
          scales: { x: { stacked: true, beginAtZero: true, suggestedMax: max, ticks: { precision: 0 } }, y: { stacked: true } },
          plugins: { legend: { position: "bottom" } },
        }}
      />
    </div>
  );
}

/** One line per direction across the quarters; a provisional last quarter is drawn dashed, its point hollow. */
export function TrendChart({ label, series, provisionalLast = false }: { label: string; series: Series[]; provisionalLast?: boolean }) {
  const last = series.length - 1;
  const { t } = useTranslation();
  return (
    <div className="summary-chart">
      <Line
        aria-label={label}
        role="img"
        data={{
          labels: series.map((s) => s.label),
          datasets: directionDatasets(series, t).map((dataset, i) => ({
            ...dataset,
            borderColor: dataset.backgroundColor,
            pointStyle: DIRECTION_POINTS[DIRECTIONS[i]!],
            pointRadius: 4,
            pointBackgroundColor: series.map((_, j) => (provisionalLast && j === last ? "#ffffff" : dataset.backgroundColor)),
            segment: { borderDash: (ctx: { p1DataIndex: number }) => (provisionalLast && ctx.p1DataIndex === last ? [6, 4] : undefined) },
          })),
        }}
        options={{
          animation: false,
          maintainAspectRatio: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: "bottom", labels: { usePointStyle: true } } },
        }}
      />
    </div>
  );
}
