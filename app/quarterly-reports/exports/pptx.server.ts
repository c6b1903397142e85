/**
 * The PowerPoint committee pack: the slide model (../slides.ts) drawn with pptxgenjs,
 * 16:9, one PowerPoint slide per model slide. Charts are NATIVE charts holding the snapshot's
 * numbers (officials restyle or re-sort them in PowerPoint; no picture to retype), tables are
 * tables, the speaker notes carry the numbers and the methods note. Every text goes in as plain
 * text (pptxgenjs escapes it for XML), in a named font with Vietnamese coverage.
 */
import PptxGenJS from "pptxgenjs";
import type { i18n } from "i18next";
import { buildDeck, type Deck, type Slide, type SlideChart, type SlideSource, type Translate } from "../slides";

/** Arial: on every Windows and Mac, with Vietnamese; LibreOffice substitutes the metric-compatible Liberation Sans. */
const FONT = "Arial";
const INK = "1E293B";
const MUTED = "475569";
const ACCENT = "B91C1C";
const HEADER_FILL = "1E3A8A";
/** LAYOUT_WIDE: 13.333 × 7.5 in (16:9). */
const W = 13.333;
const MARGIN = 0.5;
const CONTENT_W = W - 2 * MARGIN;
const CONTENT_TOP = 1.65;
const CONTENT_BOTTOM = 6.85;

const hex = (color: string) => color.replace(/^#/, "").toUpperCase();

/** The deck of `source` as a .pptx file, in the language of `i18n`. */
export async function quarterlyReportPptx(source: SlideSource, i18n: i18n): Promise<Buffer> {
  const deck = buildDeck(source, i18n.t.bind(i18n) as Translate, i18n.language);
  const pres = new PptxGenJS();
  pres.layout = "LAYOUT_WIDE";
  pres.title = source.report.title;
  pres.subject = deck.footer;
  pres.company = source.report.scope.name;
  pres.theme = { headFontFace: FONT, bodyFontFace: FONT };
  deck.slides.forEach((model, index) => drawSlide(pres, deck, model, index));
  return (await pres.write({ outputType: "nodebuffer" })) as Buffer;
}

function drawSlide(pres: PptxGenJS, deck: Deck, model: Slide, index: number) {
  const slide = pres.addSlide();
  slide.background = { color: "FFFFFF" };
  if (model.kind === "title" || model.kind === "closing") drawCentred(slide, model);
  else {
    slide.addText(model.heading, { x: MARGIN, y: 0.3, w: CONTENT_W, h: 0.85, fontFace: FONT, fontSize: 30, bold: true, color: INK, valign: "bottom", fit: "shrink" });
    slide.addShape(pres.ShapeType.rect, { x: MARGIN, y: 1.2, w: 1.2, h: 0.06, fill: { color: ACCENT }, line: { color: ACCENT } });
    if (model.meta) slide.addText(model.meta, { x: MARGIN + 1.4, y: 1.05, w: CONTENT_W - 1.4, h: 0.4, fontFace: FONT, fontSize: 13, color: MUTED, valign: "middle" });
    drawBody(pres, slide, model);
  }
  slide.addText(deck.footer, { x: MARGIN, y: 7.0, w: 9, h: 0.35, fontFace: FONT, fontSize: 11, color: MUTED });
  slide.addText(`${index + 1} / ${deck.slides.length}`, { x: W - MARGIN - 2, y: 7.0, w: 2, h: 0.35, fontFace: FONT, fontSize: 11, color: MUTED, align: "right" });
  if (deck.draft) drawDraftMarks(pres, slide, deck.draft);
  slide.addNotes(model.notes);
}

type PptxSlide = ReturnType<PptxGenJS["addSlide"]>;

function drawCentred(slide: PptxSlide, model: Extract<Slide, { kind: "title" | "closing" }>) {
  slide.addShape("rect", { x: 0, y: 0, w: W, h: 0.25, fill: { color: ACCENT }, line: { color: ACCENT } });
  let y = 1.6;
  if (model.kind === "title") {
    slide.addText(model.reportType, { x: MARGIN, y, w: CONTENT_W, h: 0.9, fontFace: FONT, fontSize: 40, bold: true, color: ACCENT, align: "center" });
    y += 1.0;
  }
  slide.addText(model.heading, { x: MARGIN + 0.5, y, w: CONTENT_W - 1, h: 1.6, fontFace: FONT, fontSize: model.kind === "title" ? 30 : 40, bold: true, color: INK, align: "center", valign: "middle", fit: "shrink" });
  slide.addText(
    model.lines.map((line, i) => ({ text: line, options: { breakLine: i < model.lines.length - 1 } })),
    { x: MARGIN, y: y + 1.9, w: CONTENT_W, h: 1.4, fontFace: FONT, fontSize: 20, color: MUTED, align: "center", valign: "top", paraSpaceAfter: 6 },
  );
}

function drawBody(pres: PptxGenJS, slide: PptxSlide, model: Exclude<Slide, { kind: "title" | "closing" }>) {
  switch (model.kind) {
    case "findings": {
      const gap = 0.2;
      const tileW = (CONTENT_W - gap * (model.stats.length - 1)) / model.stats.length;
      model.stats.forEach((stat, i) => {
        const x = MARGIN + i * (tileW + gap);
        slide.addShape(pres.ShapeType.rect, { x, y: CONTENT_TOP, w: tileW, h: 1.9, fill: { color: "F1F5F9" }, line: { color: "CBD5E1", width: 0.75 } });
        slide.addText(stat.value, { x, y: CONTENT_TOP + 0.1, w: tileW, h: 0.9, fontFace: FONT, fontSize: 30, bold: true, color: INK, align: "center", valign: "middle", fit: "shrink" });
        slide.addText(stat.label, { x: x + 0.1, y: CONTENT_TOP + 1.0, w: tileW - 0.2, h: 0.8, fontFace: FONT, fontSize: 14, color: MUTED, align: "center", valign: "top" });
      });
      drawBullets(slide, model.bullets, CONTENT_TOP + 2.2, CONTENT_BOTTOM - CONTENT_TOP - 2.2, 20);
      return;
    }
    case "bullets":
      drawBullets(slide, model.bullets, CONTENT_TOP, CONTENT_BOTTOM - CONTENT_TOP, 22);
      return;
    case "chart": {
      // A chart is as tall as its bars need (one bar: a band), the bullets take what is left.
      const room = CONTENT_BOTTOM - CONTENT_TOP - (model.bullets.length > 0 ? 0.9 : 0);
      const h = Math.min(room, 1.2 + 0.45 * model.chart.categories.length);
      drawChart(pres, slide, model.chart, CONTENT_TOP, h);
      drawBullets(slide, model.bullets, CONTENT_TOP + h + 0.15, CONTENT_BOTTOM - CONTENT_TOP - h - 0.15, model.chart.categories.length > 3 ? 16 : 20);
      return;
    }
    case "table": {
      let y = CONTENT_TOP;
      if (model.bullets.length > 0) {
        drawBullets(slide, model.bullets, y, 0.6, 16);
        y += 0.7;
      }
      drawTable(slide, model, y);
      return;
    }
    case "text": {
      const runs = model.blocks.flatMap((block): PptxGenJS.TextProps[] =>
        block.kind === "heading"
          ? [{ text: block.text, options: { bold: true, fontSize: 22, breakLine: true, paraSpaceBefore: 6 } }]
          : block.kind === "paragraph"
            ? [{ text: block.text, options: { fontSize: 20, breakLine: true, paraSpaceAfter: 6 } }]
            : block.items.map((item) => ({ text: item, options: { fontSize: 20, bullet: true, breakLine: true, paraSpaceAfter: 4 } })),
      );
      slide.addText(runs, { x: MARGIN, y: CONTENT_TOP, w: CONTENT_W, h: CONTENT_BOTTOM - CONTENT_TOP, fontFace: FONT, color: INK, valign: "top", fit: "shrink" });
      return;
    }
  }
}

function drawBullets(slide: PptxSlide, bullets: string[], y: number, h: number, fontSize: number) {
  if (bullets.length === 0) return;
  slide.addText(
    bullets.map((text) => ({ text, options: { bullet: true, breakLine: true, paraSpaceAfter: 8 } })),
    { x: MARGIN, y, w: CONTENT_W, h, fontFace: FONT, fontSize, color: INK, valign: "top", fit: "shrink" },
  );
}

/** A native bar chart (clustered or stacked, horizontal), the first category at the top as on screen. */
function drawChart(pres: PptxGenJS, slide: PptxSlide, chart: SlideChart, y: number, h: number) {
  const data = chart.series.map((s) => ({ name: s.name, labels: chart.categories, values: s.values }));
  const labelSize = chart.categories.length > 10 ? 12 : 14;
  slide.addChart(pres.ChartType.bar, data, {
    x: MARGIN,
    y,
    w: CONTENT_W,
    h,
    altText: chart.label,
    barDir: chart.horizontal ? "bar" : "col",
    barGrouping: chart.stacked ? "stacked" : "clustered",
    ...(chart.stacked ? { barOverlapPct: 100 } : {}),
    barGapWidthPct: 60,
    chartColors: chart.series.map((s) => hex(s.color)),
    // "maxMin" puts the first category at the top (PowerPoint draws bar charts bottom-up);
    // the type lists only "minMax" but the file format takes both.
    catAxisOrientation: "maxMin" as "minMax",
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: labelSize,
    catAxisLabelColor: INK,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 12,
    valAxisLabelColor: MUTED,
    ...(chart.percent ? { valAxisMinVal: 0, valAxisMaxVal: 100, valAxisLabelFormatCode: '0"%"' } : { valAxisLabelFormatCode: "#,##0" }),
    showLegend: chart.series.length > 1,
    legendPos: "b",
    legendFontFace: FONT,
    legendFontSize: 14,
    // Values on the bars where they stay legible: single series, or one stacked bar.
    showValue: !chart.stacked || chart.categories.length === 1,
    dataLabelFontFace: FONT,
    dataLabelFontSize: labelSize,
    dataLabelColor: chart.stacked ? "FFFFFF" : INK,
    dataLabelPosition: chart.stacked ? "ctr" : "outEnd",
    dataLabelFormatCode: chart.percent ? '0.0"%"' : "#,##0",
  });
}

function drawTable(slide: PptxSlide, model: Extract<Slide, { kind: "table" }>, y: number) {
  const header = model.columns.map((col) => ({ text: col.label, options: { bold: true, color: "FFFFFF", fill: { color: HEADER_FILL }, align: col.numeric ? ("right" as const) : ("left" as const) } }));
  const rows = model.rows.map((row) => row.map((cell, j) => ({ text: cell, options: { align: model.columns[j]!.numeric ? ("right" as const) : ("left" as const) } })));
  // The first (name) column takes the room the numbers do not need.
  const numeric = model.columns.filter((c) => c.numeric).length;
  const textCols = model.columns.length - numeric;
  const numW = numeric > 0 ? Math.min(2, (CONTENT_W * 0.55) / numeric) : 0;
  const textW = (CONTENT_W - numW * numeric) / textCols;
  slide.addTable([header, ...rows], {
    x: MARGIN,
    y,
    w: CONTENT_W,
    colW: model.columns.map((c) => (c.numeric ? numW : textW)),
    fontFace: FONT,
    fontSize: 16,
    color: INK,
    border: { type: "solid", pt: 0.75, color: "CBD5E1" },
    valign: "middle",
    margin: 0.06,
  });
}

/** "DỰ THẢO" at the top right and, faint, across the slide: a draft cannot pass for the published report. */
function drawDraftMarks(pres: PptxGenJS, slide: PptxSlide, label: string) {
  slide.addText(label, { x: W / 2 - 4.5, y: 2.6, w: 9, h: 2.2, fontFace: FONT, fontSize: 110, bold: true, color: ACCENT, transparency: 82, align: "center", valign: "middle", rotate: 330 });
  slide.addText(label, { x: W - MARGIN - 2.6, y: 0.05, w: 2.6, h: 0.45, fontFace: FONT, fontSize: 16, bold: true, color: ACCENT, align: "center", valign: "middle", line: { color: ACCENT, width: 1.5 }, shape: pres.ShapeType.rect });
}
