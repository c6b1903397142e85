// A minimal zip writer for tests: builds XLSX files of any size fast (no spreadsheet library),
// and zips that lie about their sizes.
import zlib from "node:zlib";

export type ZipPart = { name: string; text: string; declaredSize?: number };

/**
 * The fields a local file header and its central directory entry share, in the same order from
 * `at` (the ZIP format's APPNOTE 4.3.7 and 4.3.12): version needed, flags, method (8: deflate),
 * time, date, CRC-32, compressed size, size, name length.
 */
function writeEntryFields(header: Buffer, at: number, entry: { crc: number; compressed: number; size: number; nameLength: number }) {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(entry.crc, at + 10);
  header.writeUInt32LE(entry.compressed, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.nameLength, at + 22);
}

export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = Buffer.from(part.text);
    const deflated = zlib.deflateRawSync(data, { level: 1 });
    const crc = zlib.crc32(data);
    const size = part.declaredSize ?? data.byteLength;
    const entry = { crc, compressed: deflated.byteLength, size, nameLength: name.byteLength };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, entry);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += 30 + name.byteLength + deflated.byteLength;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * An XLSX with one sheet: a header row, then `rows` generated rows (`numbered: false`: identical
 * rows without row/cell references, valid SpreadsheetML and fast to build) (inline strings, no shared
 * strings part), the worksheet stored before the workbook's parts as Excel itself orders them.
 */
export function bigXlsx(header: string[], rows: number, row: (n: number) => string[], options: { numbered?: boolean } = {}): Buffer {
  const col = (i: number) => String.fromCharCode(65 + i);
  // Numbers as numbers (the shortest XML), text as inline strings.
  const cell = (ref: string, v: string) => (/^\d+$/.test(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const cells = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => cell(`${col(i)}${r}`, v)).join("")}</row>`;
  const body: string[] = [cells(1, header)];
  if (options.numbered === false) {
    // Rows without their optional r="…" attributes, all alike: a million of them in milliseconds.
    body.push(cells(0, row(1)).replace(/ r="[^"]*"/g, "").repeat(rows));
  } else for (let n = 1; n <= rows; n++) body.push(cells(n + 1, row(n)));
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body.join("")}</sheetData></worksheet>`;
  return zipOf([
    {
      name: "[Content_Types].xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    { name: "_rels/.rels", text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/worksheets/sheet1.xml", text: sheet },
    { name: "xl/workbook.xml", text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="CTV" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
  ]);
}
