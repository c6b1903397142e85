/**
 * Table exports: CSV (UTF-8 with BOM so Excel reads Vietnamese) and XLSX (exceljs). Cells that a
 * spreadsheet would run as a formula (= + - @, tab, CR) are neutralised with a leading quote.
 */
import ExcelJS from "exceljs";

export type Cell = string | number | null | undefined;

/** A text starting with = + - @ tab or CR gets a leading ' so no spreadsheet runs it; empty stays empty. */
export function neutraliseFormula(value: Cell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: Cell): string {
  const safe = neutraliseFormula(value);
  if (safe === null) return "";
  const text = String(safe);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF-terminated), every cell neutralised and quoted where needed. */
export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * Streamed lines joined into chunks of about `size` characters (the first, the header, at once so
 * the download starts). Every chunk a response body yields is written and flushed on its own
 * (Remix flushes after each), and through gzip a flush per CSV line made a deflate block per line.
 */
export async function* inChunks(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = "";
  let first = true;
  for await (const line of lines) {
    buffer += line;
    if (first || buffer.length >= size) {
      yield buffer;
      buffer = "";
      first = false;
    }
  }
  if (buffer) yield buffer;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return "\uFEFF" + [header, ...rows].map(csvLine).join("");
}

export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(neutraliseFormula));
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function downloadResponse(body: string | Buffer, filename: string, format: "csv" | "xlsx"): Response {
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${filename}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
