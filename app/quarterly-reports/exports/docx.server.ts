/**
 * The quarterly report as the party document the office files and sends upward, laid
 * out per Hướng dẫn 36-HD/VPTW (decision 0021): A4, margins 20/20/30/15 mm, Times New Roman 14 pt;
 * the heading block (issuing body and "*" and the number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM"
 * and the place and date on the right), "BÁO CÁO" and its subject, the numbered sections, the
 * signature block and "Nơi nhận". The number is left blank: the office's clerk numbers documents.
 * A draft says "DỰ THẢO" in the header of every page and at the top, and is dated today.
 */
import { setImmediate } from "node:timers/promises";
import { AlignmentType, BorderStyle, Document, LineRuleType, Footer, Header, Packer, Paragraph, PageNumber, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from "docx";
import { formatDateTime } from "~/utils/dates";
import { renderChartPng, reportChartSpecs } from "./chart-images.server";
import { documentT, partyDate, plain, romanQuarter } from "./document-text.server";
import { BODY_SIZE, centred, chartImage, FONT, run, TEXT_WIDTH_TWIPS } from "./docx-parts.server";
import { reportSections, type ChartParagraphs } from "./docx-sections.server";
import { issuerOf, type Issuer } from "./issuer.server";
import type { ExportSource } from "./source.server";

const mm = (millimetres: number) => Math.round(millimetres * 56.6929);
const A4 = { width: 11906, height: 16838 };
/** Room left blank in "Số      -BC/…" for the clerk's number. */
const NUMBER_BLANK = "\u00a0".repeat(8);
const DRAFT_RED = "C00000";
/** The issuing body's lines at 13 pt, so "BAN TUYÊN GIÁO VÀ DÂN VẬN" holds on one line. */
const HEADING_SIZE = 26;
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: "auto" };
const NO_CELL_BORDERS = { top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE };

/** A two-column table without borders: how Word lays out a heading block or a signature block. */
function sideBySide(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH_TWIPS * leftShare);
  const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_CELL_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH_TWIPS - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, TEXT_WIDTH_TWIPS - leftWidth)] })],
  });
}

function headingBlock(source: ExportSource, issuer: Issuer, now: Date): Table {
  const t = documentT();
  const date = partyDate(source.status.kind === "published" ? new Date(source.status.publishedAt) : now);
  return sideBySide(
    [
      centred(issuer.superior, { size: HEADING_SIZE }),
      centred(issuer.body, { bold: true, size: HEADING_SIZE }),
      centred("*", { size: HEADING_SIZE }),
      centred(t("quarterly.document.number", { blank: NUMBER_BLANK, symbol: issuer.symbol }), { size: HEADING_SIZE }),
    ],
    [
      centred(t("quarterly.document.party"), { bold: true, underline: true, size: 30 }),
      centred(""),
      centred(t("quarterly.document.dateLine", { place: issuer.place, ...date }), { italics: true }),
    ],
    0.47,
  );
}

function titleBlock(source: ExportSource): Paragraph[] {
  const t = documentT();
  return [
    centred(t("quarterly.document.type"), { bold: true, size: 32 }, { before: 360 }),
    centred(t("quarterly.document.subject", { quarter: romanQuarter(source.report.quarterKey), year: source.report.year }), { bold: true }),
    centred("-----", {}, { after: 240 }),
  ];
}

/** "Nơi nhận" on the left, the signature block on the right, with room to sign and an empty name line. */
function closingBlock(issuer: Issuer): Table {
  const t = documentT();
  const recipients = issuer.recipients.map((r, i) => new Paragraph({ children: [run(`- ${r}${i === issuer.recipients.length - 1 ? "." : ","}`, { size: 22 })] }));
  return sideBySide(
    [new Paragraph({ spacing: { before: 240 }, children: [run(t("quarterly.document.recipients"), { bold: true, italics: true, size: 24 })] }), ...recipients],
    [
      centred(issuer.signature[0]!, { bold: true }, { before: 240 }),
      ...issuer.signature.slice(1).map((line) => centred(line, { bold: true })),
      // Room for the signature and the seal, then the signer's name, typed in when signing.
      ...Array.from({ length: 4 }, () => centred("")),
      centred("", { bold: true }),
    ],
    0.5,
  );
}

function draftBanner(source: ExportSource): Paragraph[] {
  if (source.status.kind !== "draft") return [];
  const t = documentT();
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { top: { style: BorderStyle.DOUBLE, size: 6, color: DRAFT_RED }, bottom: { style: BorderStyle.DOUBLE, size: 6, color: DRAFT_RED } },
      children: [run(t("quarterly.document.draft"), { bold: true, size: 36, color: DRAFT_RED })],
    }),
    centred(t("quarterly.document.draftNote", { at: formatDateTime(source.status.compiledAt) }), { italics: true, size: 22, color: DRAFT_RED }, { after: 200 }),
  ];
}

/** Where the figures come from, under the closing: the published version and its checksum. */
function provenanceLine(source: ExportSource): Paragraph[] {
  if (source.status.kind !== "published") return [];
  const t = documentT();
  const text = t("quarterly.document.provenance", { version: source.status.version, at: formatDateTime(source.status.publishedAt), checksum: source.status.checksum });
  return [new Paragraph({ spacing: { before: 360 }, children: [run(text, { italics: true, size: 18, color: "555555" })] })];
}

function pageFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 24 })] })] });
}

function draftHeader(source: ExportSource): Header | undefined {
  if (source.status.kind !== "draft") return undefined;
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(documentT()("quarterly.document.draft"), { bold: true, color: DRAFT_RED, size: 24 })] })] });
}

/** The report as a .docx (Word 2007+, opens in LibreOffice), built from the export source. */
export async function renderReportDocx(source: ExportSource, options: { now?: Date } = {}): Promise<Buffer> {
  const issuer = await issuerOf(source.report.scope.code);
  // Each image is encoded off the event loop and placed (docx hashes its bytes) before the next one.
  const charts: ChartParagraphs = new Map();
  for (const spec of reportChartSpecs(source, { body: issuer.name })) {
    charts.set(spec.id, chartImage(spec, await renderChartPng(spec)));
    await setImmediate();
  }
  const sections = await reportSections(source, charts);
  const header = draftHeader(source);
  const document = new Document({
    creator: plain(issuer.name),
    title: plain(source.report.title),
    description: plain(source.status.kind === "draft" ? documentT()("quarterly.document.draft") : source.report.title),
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 288, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: BODY_SIZE, bold: true, color: "000000" } },
        heading2: { run: { font: FONT, size: BODY_SIZE, bold: true, color: "000000" } },
        heading3: { run: { font: FONT, size: BODY_SIZE, bold: true, italics: true, color: "000000" } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) } } },
        ...(header ? { headers: { default: header } } : {}),
        footers: { default: pageFooter() },
        children: [
          ...draftBanner(source),
          headingBlock(source, issuer, options.now ?? new Date()),
          ...titleBlock(source),
          ...sections,
          closingBlock(issuer),
          ...provenanceLine(source),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
