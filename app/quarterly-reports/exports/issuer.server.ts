/**
 * Who issues a quarterly report as a party document (Hướng dẫn 36-HD/VPTW): the heading block's
 * two lines, the number's symbol, the place in the date line, the signature block and the
 * recipients — derived from the scope unit and its place in the tree, never from a hard-coded
 * province. The province's report is the Propaganda and Mass Mobilisation Board's ("TỈNH ỦY SƠN
 * HÀ" / "BAN TUYÊN GIÁO VÀ DÂN VẬN", signed by its head); a commune's is its party committee's
 * ("ĐẢNG BỘ TỈNH SƠN HÀ" / "ĐẢNG ỦY XÃ MỸ THỊNH", signed for the standing committee).
 */
import { db } from "~/db/db.server";
import { documentT, plain } from "./document-text.server";

export type Issuer = {
  /** The body above the issuer, capitals (printed upright). */
  superior: string;
  /** The issuing body, capitals (printed bold). */
  body: string;
  /** The issuing body as a sentence names it ("Ban Tuyên giáo và Dân vận"): charts' source line. */
  name: string;
  /** The symbol after "-BC/" in the document's number. */
  symbol: string;
  /** The place in the date line ("Sơn Hà"). */
  place: string;
  /** The signature block's lines above the (empty) name line. */
  signature: string[];
  /** "Nơi nhận:" lines, the last one the archive copy. */
  recipients: string[];
};

type UnitRow = { name: string; kind: string; depth: number };

const COMMUNE_KINDS = new Set(["commune", "ward", "special_zone"]);
/** Administrative prefixes of unit names: "Tỉnh Sơn Hà" is the place "Sơn Hà"; "Xã Mỹ Thịnh" is "xã Mỹ Thịnh" mid-sentence. */
const ADMIN_PREFIX = /^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Thị trấn)\s+/i;

const CELL_PREFIX = /^Chi bộ\s/i;

const upper = (text: string) => text.toLocaleUpperCase("vi");
/** "Tỉnh Sơn Hà" → "Sơn Hà"; a numbered ward keeps its kind ("Phường 1"). */
const placeOf = (unit: UnitRow) => {
  const bare = unit.name.replace(ADMIN_PREFIX, "").trim();
  return bare === "" || /^\d/.test(bare) ? unit.name : bare;
};
/** A centrally run city's committee is the "Thành ủy", a province's the "Tỉnh ủy". */
const isCity = (unit: UnitRow) => /^Thành phố\s/i.test(unit.name);
/** "Xã Mỹ Thịnh" → "xã Mỹ Thịnh" (the kind word is a common noun inside a name). */
const inSentence = (name: string) => name.replace(ADMIN_PREFIX, (prefix) => prefix.toLocaleLowerCase("vi"));

/** The party body that speaks for a unit: a commune's party committee, or the unit itself (party committees, organisations). */
function partyBodyOf(unit: UnitRow): string {
  const t = documentT();
  if (unit.depth === 0) return t("quarterly.document.issuer.provincialPartyOrg", { place: placeOf(unit) });
  return COMMUNE_KINDS.has(unit.kind) ? t("quarterly.document.issuer.communeCommittee", { unit: inSentence(unit.name) }) : unit.name;
}

/** The issuer of the report whose scope is the unit `scopeCode` (already checked by the gate). */
export async function issuerOf(scopeCode: string): Promise<Issuer> {
  const t = documentT();
  const unit = await db.unit.findUniqueOrThrow({ where: { code: scopeCode }, select: { name: true, kind: true, depth: true, path: true, parent: { select: { name: true, kind: true, depth: true } } } });
  const rootId = Number(unit.path.split("/")[1]);
  const root = unit.depth === 0 ? unit : await db.unit.findUniqueOrThrow({ where: { id: rootId }, select: { name: true, kind: true, depth: true } });
  const province = placeOf(root);
  const archive = t("quarterly.document.archive");
  const toUpper = (body: string) => t("quarterly.document.toUpper", { body });

  if (unit.depth === 0) {
    return {
      superior: upper(t(isCity(unit) ? "quarterly.document.issuer.cityCommittee" : "quarterly.document.issuer.provinceCommittee", { place: province })),
      body: upper(t("quarterly.document.issuer.board")),
      name: t("quarterly.document.issuer.board"),
      symbol: t("quarterly.document.issuer.boardSymbol"),
      place: province,
      signature: [t("quarterly.document.issuer.boardHead")],
      recipients: [toUpper(t("quarterly.document.issuer.provinceStanding")), toUpper(t("quarterly.document.issuer.centralBoard")), archive],
    };
  }
  const name = partyBodyOf(unit);
  const parentBody = unit.parent && unit.parent.depth > 0 ? partyBodyOf(unit.parent) : null;
  // A party cell (chi bộ) has no standing committee: its secretary signs for the cell.
  const cell = unit.kind === "party_committee" && CELL_PREFIX.test(unit.name);
  const isPartyBody = COMMUNE_KINDS.has(unit.kind) || unit.kind === "party_committee";
  return {
    superior: upper(parentBody ?? partyBodyOf(root)),
    body: upper(name),
    name,
    symbol: cell ? t("quarterly.document.issuer.cellSymbol") : isPartyBody ? t("quarterly.document.issuer.committeeSymbol") : initials(name),
    place: COMMUNE_KINDS.has(unit.kind) ? placeOf(unit) : province,
    signature: isPartyBody ? [t(cell ? "quarterly.document.issuer.cellStanding" : "quarterly.document.issuer.standing"), t("quarterly.document.issuer.secretary")] : [t("quarterly.document.issuer.standing")],
    recipients: [toUpper(t("quarterly.document.issuer.provinceBoard")), ...(parentBody ? [toUpper(parentBody)] : []), archive],
  };
}

/** "Hội Nông dân tỉnh" → "HNDT": a symbol for an organisation the guidance gives none for. */
function initials(name: string): string {
  return upper(plain(name).split(/\s+/).map((w) => w[0] ?? "").join(""));
}
