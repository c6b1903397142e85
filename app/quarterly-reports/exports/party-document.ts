// The party document's fixed parts (Hướng dẫn 36-HD/VPTW; ../shared/notes/domain.md): its number
// line, date line, subject line and fixed words. Pure (no server code): the print view renders them.
// Who issues the document (heading block, signature, recipients) is `issuerOf` in issuer.server.ts,
// shared by the Word file and the print view (and so the PDF).
import { splitQuarterKey } from "~/periods/period-math";
import { formatQuarter, todayInVietnam } from "~/utils/dates";

/**
 * "Sơn Hà, ngày 05 tháng 7 năm 2026": the date of a party document, in Vietnam's calendar, with
 * a leading zero for days below 10 and for January and February (Hướng dẫn 36-HD/VPTW).
 */
export function documentDateLine(place: string, moment: Date | string): string {
  const vn = todayInVietnam(new Date(moment));
  const day = vn.getUTCDate();
  const month = vn.getUTCMonth() + 1;
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${vn.getUTCFullYear()}`;
}

/** The subject line under "BÁO CÁO": "Tình hình dư luận xã hội quý II năm 2026". */
export function reportSubject(quarterKey: number): string {
  const { year, quarter } = splitQuarterKey(quarterKey);
  return `Tình hình dư luận xã hội ${formatQuarter(year, quarter, "vi").replace("Quý", "quý").replace("/", " năm ")}`;
}

/** The document's fixed words: a party document is written in Vietnamese whatever the reader's UI language. */
export const PARTY_DOCUMENT_WORDS = {
  party: "ĐẢNG CỘNG SẢN VIỆT NAM",
  type: "BÁO CÁO",
  number: "Số",
  recipients: "Nơi nhận:",
  draft: "DỰ THẢO",
} as const;

/** "Số      -BC/BTGDVTU": the number is left blank for the clerk who registers the document. */
export function documentNumberLine(issuer: { symbol: string }): string {
  return `${PARTY_DOCUMENT_WORDS.number}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/${issuer.symbol}`;
}
