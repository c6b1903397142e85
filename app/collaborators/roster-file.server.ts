/**
 * Reads a roster file (CSV or XLSX) into raw rows, refusing what cannot be a roster: too big,
 * not UTF-8, not a spreadsheet, wrong columns, more than MAX_ROWS rows, an XLSX that would inflate
 * past MAX_UNZIPPED_BYTES. Both formats are read a row at a time and reading stops at the row
 * limit. Returns an i18n key for file-level problems.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { checkZip, reorderedZip, storedEntry } from "~/exports/zip-guard.server";
import { ROSTER_COLUMNS } from "./roster-schemas";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 2000;
/** What an XLSX may inflate to, all entries together: a 2,000-row roster needs well under 1 MB. */
export const MAX_UNZIPPED_BYTES = 10 * 1024 * 1024;

export type RawRow = { row: number; values: Record<string, string> };
export type FileReadResult = { ok: true; rows: RawRow[] } | { ok: false; error: string; params?: Record<string, string | number> };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    return "";
  }
  return String(value);
}

type Table = { header: string[]; rows: RawRow[] };
type TableResult = Table | { error: string; params?: Record<string, string | number> };

const tooManyRows = { error: "roster.import.errors.tooManyRows", params: { max: MAX_ROWS } };

/**
 * Collects the header and the non-empty data rows, and says when to stop: as soon as one row more
 * than MAX_ROWS is seen, so a huge file costs no more than the limit's worth of parsing.
 */
function tableCollector() {
  const table: Table = { header: [], rows: [] };
  let seenHeader = false;
  return {
    table,
    /** Returns false once the file has too many rows. */
    add(number: number, cells: string[]): boolean {
      if (!seenHeader) {
        if (cells.every((c) => c === "")) return true;
        seenHeader = true;
        table.header = cells;
        return true;
      }
      if (cells.every((c) => c === "")) return true;
      table.rows.push({ row: number, values: Object.fromEntries(cells.map((c, i) => [String(i), c])) });
      return table.rows.length <= MAX_ROWS;
    },
  };
}

/**
 * XLSX, streamed (exceljs WorkbookReader): the zip guard first bounds what inflating can cost,
 * then the first worksheet's rows are read one at a time and reading stops at the row limit.
 */
async function readXlsx(bytes: Uint8Array): Promise<TableResult> {
  const zip = checkZip(bytes, MAX_UNZIPPED_BYTES);
  if (!zip.ok) {
    return zip.reason === "unzippedTooLarge"
      ? { error: "roster.import.errors.unzippedTooLarge", params: { max: `${MAX_UNZIPPED_BYTES / 1024 / 1024} MB` } }
      : { error: "roster.import.errors.unreadable" };
  }
  const collector = tableCollector();
  try {
    // exceljs parks a worksheet met before the workbook's relationships and shared strings in a
    // temporary file, left behind when reading stops at the limit: hand it those parts first
    // (an empty shared-strings part when the file has none), so every worksheet streams.
    const hasSharedStrings = zip.entries.some((e) => e.name === "xl/sharedStrings.xml");
    const extra = hasSharedStrings ? [] : [storedEntry("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')];
    const ordered = reorderedZip(bytes, zip, (name) => (name.startsWith("xl/worksheets/") ? 1 : 0), extra);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([ordered]), {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache", // number formats: a date cell reads as a date
      hyperlinks: "ignore",
      entries: "ignore",
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (v) => cellText(v as ExcelJS.CellValue).trim());
        if (!collector.add(row.number, cells)) return tooManyRows;
      }
      break; // the first worksheet only
    }
  } catch {
    return { error: "roster.import.errors.unreadable" };
  }
  return collector.table;
}

/** CSV, parsed a row at a time (papaparse `step`), aborted at the row limit. */
function readCsv(bytes: Uint8Array): TableResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: "roster.import.errors.encoding" };
  }
  if (text.includes("\u0000")) return { error: "roster.import.errors.unreadable" };
  const collector = tableCollector();
  let line = 0;
  let outcome: TableResult | null = null;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
    chunkSize: 64 * 1024, // without it papaparse splits the whole text before the first step
    step: (result, parser) => {
      if (result.errors.some((e) => e.type === "Quotes")) {
        outcome = { error: "roster.import.errors.unreadable" };
        parser.abort();
        return;
      }
      line++;
      if (!collector.add(line, result.data.map((c) => c.trim()))) {
        outcome = tooManyRows;
        parser.abort();
      }
    },
  });
  return outcome ?? collector.table;
}

export async function readRosterFile(file: File): Promise<FileReadResult> {
  if (file.size === 0) return { ok: false, error: "roster.import.errors.empty" };
  if (file.size > MAX_FILE_BYTES) return { ok: false, error: "roster.import.errors.tooLarge", params: { max: "2 MB" } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  if ("error" in table) return { ok: false, error: table.error, params: table.params };
  if (table.header.length === 0) return { ok: false, error: "roster.import.errors.empty" };
  const header = table.header.map((h) => h.trim());
  const missing = ROSTER_COLUMNS.filter((c) => !header.some((h) => h.toLowerCase() === c.toLowerCase()));
  if (missing.length) return { ok: false, error: "roster.import.errors.columns", params: { missing: missing.join(", "), expected: ROSTER_COLUMNS.join(", ") } };
  const index = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, header.findIndex((h) => h.toLowerCase() === c.toLowerCase())]));
  const rows: RawRow[] = table.rows.map((r) => ({ row: r.row, values: Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, r.values[String(index[c])] ?? ""])) }));
  if (rows.length === 0) return { ok: false, error: "roster.import.errors.empty" };
  return { ok: true, rows };
}
