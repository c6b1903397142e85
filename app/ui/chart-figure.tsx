// Every chart of the app sits in one of these: a <figure> whose visible caption names the chart
// (title, quarter, unit, n, source), so a screenshot, a printout or the downloaded PNG never goes
// out unlabelled. The PNG is composed in the browser from the chart's own canvas.
import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/numbers";
import { captionLines, pngFileName, type ChartCaption } from "./chart-caption";
import { atExportResolution, composeChartPng, saveBlob } from "./chart-png";

export type { ChartCaption } from "./chart-caption";

/** The caption's words in the reader's language. */
export function useCaptionLines(caption: ChartCaption) {
  const { t, i18n } = useTranslation();
  return captionLines(caption, {
    n: (n) => t("charts.n", { n: formatNumber(n, i18n.language) }),
    source: (source) => t("charts.source", { source }),
  });
}

/** `downloadable={false}` where a button makes no sense (the print view, which is paper). */
export function ChartFigure({ caption, downloadable = true, children }: { caption: ChartCaption; downloadable?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const figure = useRef<HTMLElement>(null);
  const lines = useCaptionLines(caption);

  async function download() {
    const canvas = figure.current?.querySelector("canvas");
    if (!figure.current || !canvas) return;
    const font = getComputedStyle(figure.current).fontFamily;
    const png = await atExportResolution(canvas, () => composeChartPng(canvas, lines, font));
    saveBlob(png, pngFileName(caption));
  }

  return (
    <figure ref={figure} className="chart-figure">
      <figcaption>
        <span className="chart-title">{lines.title}</span>
        {lines.details.map((line) => <span key={line} className="chart-details">{line}</span>)}
      </figcaption>
      {children}
      {downloadable ? (
        <button type="button" className="chart-png" onClick={() => void download()} aria-label={t("charts.downloadNamed", { title: lines.title })}>
          {t("charts.download")}
        </button>
      ) : null}
    </figure>
  );
}
