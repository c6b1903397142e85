// A chart as a PNG that carries its own labels: the chart's canvas drawn on a white page with the
// caption's title above and its details (quarter, unit, n, source) below it, at the canvas's own
// resolution. Runs in the browser only (on a click).
import { Chart } from "chart.js";
import { wrapText } from "./chart-caption";

const INK = "#1f2933";
const MUTED = "#4b5563";

/** Composes the labelled image of `canvas`; `fontFamily` is the page's, so the PNG reads like the page. */
export function composeChartPng(canvas: HTMLCanvasElement, lines: { title: string; details: string[] }, fontFamily: string): Promise<Blob> {
  // The canvas is drawn at the device's pixel ratio: the text is scaled to match it.
  const scale = canvas.clientWidth > 0 ? canvas.width / canvas.clientWidth : 1;
  const pad = Math.round(16 * scale);
  const titleFont = `bold ${Math.round(16 * scale)}px ${fontFamily}`;
  const detailFont = `${Math.round(13 * scale)}px ${fontFamily}`;
  const titleLead = Math.round(22 * scale);
  const detailLead = Math.round(18 * scale);

  const out = document.createElement("canvas");
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.reject(new Error("2D canvas unavailable"));
  const measureIn = (font: string) => (text: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const titleLines = wrapText(lines.title, canvas.width, measureIn(titleFont));
  const detailLines = lines.details.flatMap((d) => wrapText(d, canvas.width, measureIn(detailFont)));

  out.width = canvas.width + 2 * pad;
  out.height = pad + titleLines.length * titleLead + detailLines.length * detailLead + pad / 2 + canvas.height + pad;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = "top";
  let y = pad;
  ctx.fillStyle = INK;
  ctx.font = titleFont;
  for (const line of titleLines) {
    ctx.fillText(line, pad, y);
    y += titleLead;
  }
  ctx.fillStyle = MUTED;
  ctx.font = detailFont;
  for (const line of detailLines) {
    ctx.fillText(line, pad, y);
    y += detailLead;
  }
  y += pad / 2;
  ctx.drawImage(canvas, pad, y);
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
}

/** A PNG of a phone's or an office screen's chart is drawn at twice its size at least: sharp on a slide. */
const MIN_EXPORT_RATIO = 2;

/**
 * Runs `work` with the Chart.js chart of `canvas` redrawn at MIN_EXPORT_RATIO or more pixels per
 * CSS pixel, then restores the chart's own resolution.
 */
export async function atExportResolution<T>(canvas: HTMLCanvasElement, work: () => Promise<T>): Promise<T> {
  const chart = Chart.getChart(canvas);
  if (!chart || window.devicePixelRatio >= MIN_EXPORT_RATIO) return work();
  const own = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = MIN_EXPORT_RATIO;
  chart.resize();
  try {
    return await work();
  } finally {
    chart.options.devicePixelRatio = own;
    chart.resize();
  }
}

/** Hands `blob` to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
