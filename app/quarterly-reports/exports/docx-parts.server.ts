/**
 * The building blocks of the quarterly report as a Word document, in the party document's
 * typography (Hướng dẫn 36-HD/VPTW): Times New Roman, 14 pt body, bold numbered headings, tables
 * with a repeated header row. Every text goes in as a text run (the docx writer escapes it), never
 * as markup, after `plain` has removed the characters XML cannot carry.
 */
import { AlignmentType, BorderStyle, HeadingLevel, ImageRun, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions } from "docx";
import { CHART_SIZE, type ChartSpec } from "./chart-images.server";
import { plain } from "./document-text.server";

export const FONT = "Times New Roman";
/** Half-points: 14 pt body, 11 pt in tables (10 pt in the widest). */
export const BODY_SIZE = 28;
export const TABLE_SIZE = 22;
export const SMALL_TABLE_SIZE = 20;
/** The text block of an A4 page with 30 mm and 15 mm side margins: 165 mm, in twips and in pixels at 96 dpi. */
export const TEXT_WIDTH_TWIPS = 9355;
const TEXT_WIDTH_PX = 624;
/** Body paragraphs start 1 cm in, as typed documents do. */
const FIRST_LINE_INDENT = 567;

type RunStyle = Pick<IRunOptions, "bold" | "italics" | "size" | "color" | "allCaps"> & { underline?: boolean };

export function run(text: string, style: RunStyle = {}): TextRun {
  const { underline, ...rest } = style;
  return new TextRun({ text: plain(text), font: FONT, ...rest, ...(underline ? { underline: {} } : {}) });
}

/** A justified body paragraph, first line indented. */
export function para(text: string | TextRun[], style: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { after: 80 },
    children: typeof text === "string" ? [run(text, style)] : text,
  });
}

export function centred(text: string, style: RunStyle = {}, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [run(text, style)] });
}

/** A list item as the party document writes it: "- text", indented like a paragraph. */
export function dash(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE_INDENT }, spacing: { after: 60 }, children: [run(`- ${text}`)] });
}

/** "I. …" (level 1), "1. …" (level 2), "a) …" (level 3): Word's heading styles, so the outline and navigation pane work. */
export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({
    heading: headingLevel,
    keepNext: true,
    indent: level === 1 ? undefined : { firstLine: FIRST_LINE_INDENT },
    spacing: { before: level === 1 ? 240 : 160, after: 80 },
    children: [run(level === 1 ? text.toLocaleUpperCase("vi") : text, { bold: true, italics: level === 3, size: BODY_SIZE, color: "000000" })],
  });
}

/** A small italic note (methods, hints). */
export function note(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 80 }, children: [run(text, { italics: true, size: 24 })] });
}

/** A chart image (its PNG from `renderChartPng`) at the text block's width, centred, with its description as alternative text. */
export function chartImage(spec: ChartSpec, png: Buffer): Paragraph {
  const height = Math.round((TEXT_WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [new ImageRun({ type: "png", data: png, transformation: { width: TEXT_WIDTH_PX, height }, altText: { name: spec.id, title: plain(spec.title), description: plain(spec.description) } })],
  });
}

export type Column = { header: string; width: number; numeric?: boolean };
export type CellValue = string | { text: string; rowSpan?: number; bold?: boolean };

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function tableCell(value: CellValue, column: Column, header: boolean, size: number): TableCell {
  const content = typeof value === "string" ? { text: value } : value;
  return new TableCell({
    width: { size: column.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    rowSpan: content.rowSpan,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: "E5E7EB", color: "auto" } } : {}),
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // A line break in a cell's text starts a new line in the cell.
        children: content.text.split("\n").map((line, i) => new TextRun({ text: plain(line), font: FONT, size, bold: header || content.bold, break: i > 0 ? 1 : undefined })),
      }),
    ],
  });
}

/**
 * A table with a header row repeated on every page. `rows` hold one value per column, except
 * under a cell that spans rows (`rowSpan`): those rows leave that column out.
 */
export function table(columns: Column[], rows: CellValue[][], size = TABLE_SIZE): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const scaled = columns.map((c) => ({ ...c, width: Math.round((c.width * TEXT_WIDTH_TWIPS) / total) }));
  const spanned = new Map<number, number>(); // column → rows still covered by a span above
  const bodyRows = rows.map((values) => {
    const present = scaled.filter((_, i) => {
      const left = spanned.get(i) ?? 0;
      if (left > 0) spanned.set(i, left - 1);
      return left === 0;
    });
    return new TableRow({
      cantSplit: true,
      children: values.map((v, j) => {
        const column = present[j]!;
        if (typeof v !== "string" && v.rowSpan && v.rowSpan > 1) spanned.set(scaled.indexOf(column), v.rowSpan - 1);
        return tableCell(v, column, false, size);
      }),
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: scaled.map((c) => c.width),
    borders: GRID,
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: scaled.map((c) => tableCell(c.header, c, true, size)) }), ...bodyRows],
  });
}

/** A bold centred line naming the table, above it. */
export function tableTitle(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [run(text, { bold: true, italics: true, size: 24 })] });
}

/** Space after a table (Word joins two tables that touch). */
export const gap = () => new Paragraph({ spacing: { after: 80 }, children: [] });
