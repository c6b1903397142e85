// A roster upload is read a row at a time, stops at the row limit, and an
// XLSX's unzipped size is bounded before anything is parsed.
import fs from "node:fs";
import os from "node:os";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, MAX_ROWS, MAX_UNZIPPED_BYTES, readRosterFile } from "~/collaborators/roster-file.server";
import { checkZip } from "~/exports/zip-guard.server";
import { bigXlsx, zipOf } from "./zip-fixtures";

const HEADER = ["username", "displayName", "unitCode", "sector", "status", "termStart", "termEnd"];
const row = (n: number) => [`ctv.${n}`, `CTV ${n}`, "T.B", "press", "active", "2026-01-01", ""];
const tinyRow = () => ["1"];

const leftoverTempFiles = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));

describe("roster upload limits", () => {
  it("refuses a 340,000-row XLSX under 2 MB before parsing it, with a clear message", async () => {
    const bytes = bigXlsx(HEADER, 340_000, () => ["ctv.x", "CTV", "T.B"], { numbered: false });
    expect(bytes.byteLength).toBeLessThan(MAX_FILE_BYTES);
    const result = await readRosterFile(new File([new Uint8Array(bytes)], "big.xlsx"));
    expect(result).toEqual({ ok: false, error: "roster.import.errors.unzippedTooLarge", params: { max: "10 MB" } });
  });

  it("stops reading an XLSX at the row limit: 150,000 rows within the unzipped bound answer 'too many rows'", async () => {
    const bytes = bigXlsx(HEADER, 150_000, tinyRow);
    const zip = checkZip(bytes, MAX_UNZIPPED_BYTES);
    expect(zip.ok).toBe(true);
    const before = leftoverTempFiles().length;
    const result = await readRosterFile(new File([new Uint8Array(bytes)], "many.xlsx"));
    expect(result).toEqual({ ok: false, error: "roster.import.errors.tooManyRows", params: { max: MAX_ROWS } });
    // No worksheet parked in a temporary file and left behind.
    expect(leftoverTempFiles().length).toBe(before);
  });

  it("reads an XLSX of exactly the limit", async () => {
    const result = await readRosterFile(new File([new Uint8Array(bigXlsx(HEADER, MAX_ROWS, row))], "ok.xlsx"));
    expect(result.ok && result.rows.length).toBe(MAX_ROWS);
    expect(result.ok && result.rows.at(-1)).toEqual({ row: MAX_ROWS + 1, values: Object.fromEntries(HEADER.map((h, i) => [h, row(MAX_ROWS)[i]])) });
  });

  it("refuses a zip whose entries lie about their size, after inflating no more than they declare", async () => {
    const bomb = zipOf([{ name: "xl/worksheets/sheet1.xml", text: "0".repeat(20 * 1024 * 1024), declaredSize: 1000 }]);
    expect(bomb.byteLength).toBeLessThan(MAX_FILE_BYTES);
    expect(checkZip(bomb, MAX_UNZIPPED_BYTES)).toEqual({ ok: false, reason: "unzippedTooLarge" });
    const result = await readRosterFile(new File([new Uint8Array(bomb)], "bomb.xlsx"));
    expect(result).toMatchObject({ ok: false, error: "roster.import.errors.unzippedTooLarge" });
    // A declared total over the bound is refused from the central directory alone.
    const declared = zipOf([{ name: "a.xml", text: "x", declaredSize: MAX_UNZIPPED_BYTES + 1 }]);
    expect(checkZip(declared, MAX_UNZIPPED_BYTES)).toEqual({ ok: false, reason: "unzippedTooLarge" });
    // Bytes hidden between entries (not in the central directory) make the file unreadable.
    const good = zipOf([{ name: "a.xml", text: "x" }]);
    const hidden = Buffer.concat([zlib.deflateRawSync(Buffer.from("hidden")), good]);
    expect(checkZip(hidden, MAX_UNZIPPED_BYTES)).toEqual({ ok: false, reason: "unreadable" });
  });

  it("applies the row limit to CSV too, stopping at it", async () => {
    const csv = (n: number) => [HEADER.join(","), ...Array.from({ length: n }, (_, i) => row(i + 1).join(","))].join("\n");
    const atLimit = await readRosterFile(new File([csv(MAX_ROWS)], "ok.csv"));
    expect(atLimit.ok && atLimit.rows.length).toBe(MAX_ROWS);
    expect(await readRosterFile(new File([csv(MAX_ROWS + 1)], "over.csv"))).toEqual({ ok: false, error: "roster.import.errors.tooManyRows", params: { max: MAX_ROWS } });
    // Just under 2 MB of one-character lines: ~1,000,000 rows, refused after 2,001 of them.
    const lines = `${HEADER.join(",")}\n${"a\n".repeat(1_000_000)}`;
    const result = await readRosterFile(new File([lines], "lines.csv"));
    expect(result).toMatchObject({ ok: false, error: "roster.import.errors.tooManyRows" });
  });
});
