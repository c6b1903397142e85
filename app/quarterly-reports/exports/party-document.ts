// The party document's fixed parts (Hướng dẫn 36-HD/VPTW; ../shared/notes/domain.md): who issues
// the report, its number line, place and date, subject line, signature and recipients, derived from
// the report's scope unit. Pure (no server code): the print view renders it, and the other formats
// (Word) can lay out the same words.
import { splitQuarterKey } from "~/periods/period-math";
import { formatQuarter, todayInVietnam } from "~/utils/dates";

/** What the heading needs to know about the scope unit and the province above it. */
export type IssuingUnit = { name: string; kind: string };

export type PartyDocumentHeading = {
  /** Top-left, first line (regular): the committee the issuing body belongs to. */
  superior: string;
  /** Top-left, second line (bold): the issuing body. */
  body: string;
  /** The document number's suffix, after "Số    -BC/" (the clerk writes the number). */
  numberSuffix: string;
  /** The place before the date ("Sơn Hà, ngày …"). */
  place: string;
  /** Signature block: "T/M …" (for a committee) and the signer's title. */
  signature: string[];
  /** "Nơi nhận:" lines. */
  recipients: string[];
};

const LOCAL_UNIT_KINDS = new Set(["commune", "ward", "special_zone"]);
const PROVINCE_PREFIX = /^(tỉnh|thành phố)\s+/i;
const LOCAL_PREFIX = /^(xã|phường|đặc khu|thị trấn)\s+/i;

const upper = (text: string) => text.toLocaleUpperCase("vi");

/** "Tỉnh Sơn Hà" → "Sơn Hà"; "Thành phố Hải Đông" → "Hải Đông". */
export function provincePlaceName(provinceName: string): string {
  return provinceName.replace(PROVINCE_PREFIX, "").trim();
}

/** A province's committee: "Tỉnh ủy", or "Thành ủy" for a centrally run city. */
function committeeOf(provinceName: string): string {
  return /^thành phố\s/i.test(provinceName) ? "Thành ủy" : "Tỉnh ủy";
}

/** "Xã Tân Phú" → "Tân Phú"; a numbered ward keeps its kind ("Phường 1"). */
function localPlaceName(unitName: string): string {
  const bare = unitName.replace(LOCAL_PREFIX, "").trim();
  return /^\d/.test(bare) || bare === "" ? unitName : bare;
}

/**
 * The heading block of a report whose scope is `scope`, in the province named `provinceName`:
 * the province's report is issued by the committee's Propaganda and Mass Mobilisation Board
 * ("TỈNH ỦY SƠN HÀ" / "BAN TUYÊN GIÁO VÀ DÂN VẬN"); a commune's, ward's or affiliated committee's
 * by its own party committee under the provincial party organisation ("ĐẢNG BỘ TỈNH SƠN HÀ" /
 * "ĐẢNG ỦY XÃ TÂN PHÚ"); any other unit (a mass organisation) under its own name.
 */
export function partyDocumentHeading(scope: IssuingUnit, provinceName: string): PartyDocumentHeading {
  const province = provincePlaceName(provinceName);
  const committee = committeeOf(provinceName);
  if (scope.kind === "province") {
    return {
      superior: upper(`${committee} ${province}`),
      body: "BAN TUYÊN GIÁO VÀ DÂN VẬN",
      numberSuffix: "BTGDVTU",
      place: province,
      signature: ["TRƯỞNG BAN"],
      recipients: ["Ban Tuyên giáo và Dân vận Trung ương (để báo cáo),", `Thường trực ${committee} (để báo cáo),`, "Ban Chỉ đạo 35 tỉnh,", "Lưu Văn phòng Ban."],
    };
  }
  const partyOrganisation = upper(`Đảng bộ ${provinceName}`);
  if (LOCAL_UNIT_KINDS.has(scope.kind) || scope.kind === "party_committee") {
    const body = upper(/^đảng ủy/i.test(scope.name) ? scope.name : `Đảng ủy ${scope.name}`);
    return {
      superior: partyOrganisation,
      body,
      numberSuffix: "ĐU",
      place: LOCAL_UNIT_KINDS.has(scope.kind) ? localPlaceName(scope.name) : province,
      signature: ["T/M ĐẢNG ỦY", "BÍ THƯ"],
      recipients: [`Ban Tuyên giáo và Dân vận ${committee} (để báo cáo),`, "Lưu Văn phòng Đảng ủy."],
    };
  }
  return {
    superior: upper(provinceName),
    body: upper(scope.name),
    numberSuffix: "",
    place: province,
    signature: ["THỦ TRƯỞNG CƠ QUAN"],
    recipients: [`Ban Tuyên giáo và Dân vận ${committee} (để báo cáo),`, "Lưu Văn phòng."],
  };
}

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
export function documentNumberLine(heading: PartyDocumentHeading): string {
  return `${PARTY_DOCUMENT_WORDS.number}\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/${heading.numberSuffix}`;
}
