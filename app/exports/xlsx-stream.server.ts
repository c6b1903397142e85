/**
 * A streaming XLSX writer for exports of any size: the sheets' rows are pulled from async
 * iterables as the zip stream asks for them, so memory stays flat however many rows there are.
 *
 * Why not exceljs's WorkbookWriter: it ignores backpressure (its internal StreamBuf buffers
 * whatever is written), so a 100,000-questionnaire export peaked at 450+ MB, and its per-cell
 * model took 4 s of the export. This writes the minimal SpreadsheetML parts (inline strings, no
 * shared-string table) and lets archiver (the zip library exceljs itself uses) compress them.
 * See docs/decisions/0012-streaming-xlsx.md.
 */
import { Readable } from "node:stream";
import archiver from "archiver";

export type XlsxCell = string | number | null;
export type XlsxSheet = { name: string; rows: AsyncIterable<XlsxCell[]> | Iterable<XlsxCell[]> };

/** Excel's limit for one cell's text. */
const MAX_CELL_TEXT = 32_767;

// Characters XML 1.0 does not allow (controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"]/g;
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The text without the characters XML 1.0 cannot carry (a document holding one would not open). */
export function withoutInvalidXml(value: string): string {
  return value.replace(INVALID_XML, "");
}

export function xmlText(value: string): string {
  return withoutInvalidXml(value).replace(XML_SPECIAL, (c) => XML_ESCAPES[c]!);
}

/**
 * Cell text: XML-escaped, and safe from SpreadsheetML's own escape: a reader decodes "_xHHHH_"
 * (so a literal one is written "_x005F_xHHHH_"), and a CR would become LF when the XML is parsed.
 */
function cellText(value: string): string {
  return xmlText(value).replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, value: XlsxCell): string {
  if (value === null || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : "";
  const text = cellText(value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value);
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** Rows per chunk handed to the zip stream: big enough to amortise, small enough to stay flat. */
const ROWS_PER_CHUNK = 200;

async function* sheetXml(rows: XlsxSheet["rows"]): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const columns: string[] = [];
  let rowNumber = 0;
  let chunk = "";
  for await (const row of rows) {
    rowNumber++;
    chunk += `<row r="${rowNumber}">`;
    for (let i = 0; i < row.length; i++) chunk += cellXml(`${(columns[i] ??= columnName(i))}${rowNumber}`, row[i]!);
    chunk += "</row>";
    if (rowNumber % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}</sheetData></worksheet>`;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetNames(sheets: XlsxSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    const base = sheet.name.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function packageParts(names: string[]): Record<string, string> {
  const sheetIndexes = names.map((_, i) => i + 1);
  return {
    "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheetIndexes.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      "</Types>",
    "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
      names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      sheetIndexes.map((i) => `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("") +
      `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    // The smallest stylesheet Excel accepts without a repair prompt.
    "xl/styles.xml": `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  };
}

/**
 * The workbook as a byte stream. A sheet's rows are read only when the zip reaches that sheet and
 * only as fast as the consumer takes the bytes. An error in a row source destroys the stream.
 */
export function streamXlsx(sheets: XlsxSheet[]): Readable {
  const names = sheetNames(sheets);
  // Level 1: XML this repetitive still shrinks ~7×, at a fraction of the default level's CPU.
  const zip = archiver("zip", { zlib: { level: 1 } });
  for (const [name, content] of Object.entries(packageParts(names))) zip.append(content, { name });
  sheets.forEach((sheet, i) => {
    const source = Readable.from(sheetXml(sheet.rows));
    source.on("error", (error) => zip.destroy(error));
    zip.append(source, { name: `xl/worksheets/sheet${i + 1}.xml` });
  });
  zip.on("warning", (error) => zip.destroy(error));
  zip.on("error", (error) => zip.destroy(error));
  void zip.finalize().catch((error: unknown) => zip.destroy(error as Error));
  return zip;
}
