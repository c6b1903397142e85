/**
 * Reads a roster file (CSV or XLSX) into raw rows, refusing what cannot be a roster: too big,
 * not UTF-8, not a spreadsheet, wrong columns. Returns an i18n key for file-level problems.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { ROSTER_COLUMNS } from "./roster-schemas";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 2000;

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

async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return null;
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.map((v) => cellText(v as ExcelJS.CellValue).trim()));
    });
    return rows;
  } catch {
    return null;
  }
}

function readCsv(bytes: Uint8Array): string[][] | "encoding" | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "encoding";
  }
  if (text.includes("\u0000")) return null;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  if (parsed.errors.some((e) => e.type === "Quotes")) return null;
  return parsed.data.map((r) => r.map((c) => c.trim()));
}

export async function readRosterFile(file: File): Promise<FileReadResult> {
  if (file.size === 0) return { ok: false, error: "roster.import.errors.empty" };
  if (file.size > MAX_FILE_BYTES) return { ok: false, error: "roster.import.errors.tooLarge", params: { max: "2 MB" } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const table = isZip ? await readXlsx(bytes) : readCsv(bytes);
  if (table === "encoding") return { ok: false, error: "roster.import.errors.encoding" };
  if (!table || table.length === 0) return { ok: false, error: "roster.import.errors.unreadable" };
  const header = table[0]!.map((h) => h.trim());
  const missing = ROSTER_COLUMNS.filter((c) => !header.some((h) => h.toLowerCase() === c.toLowerCase()));
  if (missing.length) return { ok: false, error: "roster.import.errors.columns", params: { missing: missing.join(", "), expected: ROSTER_COLUMNS.join(", ") } };
  const index = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, header.findIndex((h) => h.toLowerCase() === c.toLowerCase())]));
  const rows: RawRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c === "")) return;
    rows.push({ row: i + 2, values: Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, cells[index[c]!] ?? ""])) });
  });
  if (rows.length === 0) return { ok: false, error: "roster.import.errors.empty" };
  if (rows.length > MAX_ROWS) return { ok: false, error: "roster.import.errors.tooManyRows", params: { max: MAX_ROWS } };
  return { ok: true, rows };
}
