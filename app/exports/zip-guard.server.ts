/**
 * A zip bomb guard for uploaded XLSX files, run before any XLSX parser sees
 * the bytes. It reads the zip's central directory and refuses when the entries' declared
 * uncompressed sizes add up to more than the bound; then it walks the local entries, which must
 * lie back to back exactly where the central directory says (so a streaming reader of the local
 * headers sees the same entries), and inflates each one with zlib's `maxOutputLength` set to its
 * declared size, so a size that lies is caught after at most that many bytes. At most `maxBytes`
 * are ever inflated, one entry at a time.
 */
import zlib from "node:zlib";

/** One local entry: its name and its bytes in the file (header, data and any data descriptor). */
export type ZipEntry = { name: string; start: number; end: number };
export type ZipCheck =
  | { ok: true; entries: ZipEntry[]; centralDirectory: Uint8Array; unzippedBytes: number }
  | { ok: false; reason: "unreadable" | "unzippedTooLarge" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX_ENTRIES = 500;

type Entry = { name: string; flags: number; method: number; compressed: number; size: number; offset: number };

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= Math.max(0, last - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

export function checkZip(bytes: Uint8Array, maxBytes: number): ZipCheck {
  const unreadable = { ok: false, reason: "unreadable" } as const;
  const tooLarge = { ok: false, reason: "unzippedTooLarge" } as const;
  if (bytes.byteLength < 22) return unreadable;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return unreadable;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers, multi-disk archives, absurd entry counts: not something a roster needs.
  if (count === 0xffff || cdOffset === 0xffffffff || view.getUint16(eocd + 4, true) !== 0 || count > MAX_ENTRIES) return unreadable;
  if (cdOffset + cdSize > eocd) return unreadable;

  const entries: Entry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return unreadable;
    const nameLength = view.getUint16(p + 28, true);
    const entry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    };
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) return unreadable; // encrypted or exotic
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff) return unreadable;
    total += entry.size;
    if (total > maxBytes) return tooLarge; // refused before inflating a single byte
    entries.push(entry);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }

  // The local entries, in file order, must tile the bytes before the central directory exactly.
  entries.sort((a, b) => a.offset - b.offset);
  let expected = 0;
  const local: ZipEntry[] = [];
  for (const entry of entries) {
    if (entry.offset !== expected || entry.offset + 30 > cdOffset || view.getUint32(entry.offset, true) !== LOCAL) return unreadable;
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const end = start + entry.compressed;
    if (end > cdOffset) return unreadable;
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressed !== entry.size) return unreadable;
    } else {
      try {
        const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
        if (out.byteLength !== entry.size) return unreadable;
      } catch (error) {
        return error instanceof RangeError ? tooLarge : unreadable;
      }
    }
    expected = end;
    if (entry.flags & 8) expected += end + 4 <= cdOffset && view.getUint32(end, true) === DESCRIPTOR ? 16 : 12;
    local.push({ name: entry.name, start: entry.offset, end: expected });
  }
  if (expected !== cdOffset) return unreadable;
  return { ok: true, entries: local, centralDirectory: bytes.subarray(cdOffset), unzippedBytes: total };
}

/** A stored (uncompressed) local entry, for a part a streaming reader expects to find. */
export function storedEntry(name: string, text: string): Uint8Array {
  const nameBytes = Buffer.from(name, "utf8");
  const data = Buffer.from(text, "utf8");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt16LE(0x0800, 6); // UTF-8 name
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(zlib.crc32(data), 14);
  header.writeUInt32LE(data.byteLength, 18);
  header.writeUInt32LE(data.byteLength, 22);
  header.writeUInt16LE(nameBytes.byteLength, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/**
 * The checked zip's local entries in the order given by `rank` (lower first, then file order),
 * with `extra` entries in front, followed by the original central directory: for a reader that
 * streams local headers (unzipper.Parse, used by exceljs's WorkbookReader), which never reads the
 * central directory's offsets. Nothing is inflated here.
 */
export function reorderedZip(bytes: Uint8Array, check: Extract<ZipCheck, { ok: true }>, rank: (name: string) => number, extra: Uint8Array[] = []): Buffer {
  const ordered = check.entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e.name) - rank(b.e.name) || a.i - b.i);
  return Buffer.concat([...extra, ...ordered.map(({ e }) => bytes.subarray(e.start, e.end)), check.centralDirectory]);
}
