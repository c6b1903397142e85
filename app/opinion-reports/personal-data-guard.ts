/**
 * The personal-data guard: the system holds aggregated opinion, never a citizen's identity. One
 * set of patterns, used while typing (a warning, in the browser: on every keystroke, so every
 * pattern here is linear — no nested quantifiers over the same characters) and by the server (a
 * refusal until the text is fixed or the person confirms it is not personal data; the rule is
 * `personalDataIssues` / `refusePersonalData` in app/forms/personal-data.ts).
 *
 * Text is normalised first (NFKC: full-width digits, NBSP; zero-width characters removed). Numbers
 * are then read as runs of digits with separators between them (spaces, dots, dashes, underscores,
 * slashes, brackets: "0912  345  678", "0 9 1 2 …", "0912_345_678", "0012 3456 7890"), each run
 * classified by its digits alone. Dates (12/03/2026), dotted amounts (1.500.000), amounts followed
 * by a currency (350000000 đồng), years, percentages, decree numbers (13/2023/NĐ-CP, 238-QĐ/TW,
 * 123/UBND), counts, 1900/1800 hotlines and the 3-digit emergency numbers never match. The corpus
 * of what must and must not match is tests/unit/fixtures/personal-data-corpus.ts.
 */
export type PersonalDataKind = "phone" | "idNumber" | "email" | "plate" | "name" | "address";

/** A hit: what matched (in the normalised text) and where it starts there. */
export type PersonalDataHit = { kind: PersonalDataKind; match: string; index: number };

// ---- normalisation -------------------------------------------------------------------------

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** NFKC (full-width digits and @, NBSP → space, composed accents) without invisible characters. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "");
}

// ---- numbers: phones and ID numbers ---------------------------------------------------------

// Dates (day/month/year with one separator, month/year) and dotted amounts (1.500.000 — a leading
// digit 1–9, groups of three) are masked before digit runs are read, so they never join a run.
const DATE = /(?<!\d)\d{1,2}([/.-])\d{1,2}\1(?:19|20)\d{2}(?!\d)|(?<!\d)\d{1,2}\/(?:19|20)\d{2}(?!\d)/g;
const AMOUNT = /(?<![\d.,]|\d[ _\-/]{1,3})[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?(?![.,]?\d)/g;
// A run: digits with at most three separator characters between them. Linear: separators are
// never digits. Not right after a decimal comma ("12,5").
const RUN = /(?<![\d,])\d+(?:[ ._\-/()]{1,3}\d+)*/g;
const GROUP = /\d+/g;
// An amount written without separators is followed by its currency, with or without accents.
const CURRENCY = /^\s?(?:đồng|dong|đ|d|vnđ|vnd|usd|nghìn|nghin|ngàn|ngan|triệu|trieu|tỷ|tỉ|ty)(?![\p{L}\p{M}])/iu;
// Vietnamese mobile (0 + 9 digits, 3/5/7/8/9x) or landline (0 + 10 digits, 2xx), or +84/0084 with
// the trunk 0 maybe kept ("+84 (0) 912 …"). 1900/1800 numbers and 113/114/115 are not a person's.
const PHONE = /^(?:(?:00)?840?|0)[235789]\d{8,9}$/;
// A citizen ID (CCCD, 12 digits) starts with its province code 001–096.
const CITIZEN_ID = /^0(?:0[1-9]|[1-8]\d|9[0-6])\d{9}$/;

type Group = { digits: string; start: number; end: number };

function classify(groups: Group[], i: number, j: number, wholeRun: boolean, seps: string[]): PersonalDataKind | null {
  let digits = "";
  for (let k = i; k <= j; k++) digits += groups[k]!.digits;
  if (PHONE.test(digits)) return "phone";
  // With its province code an ID may be grouped any way (by 3, 4, 6, digit by digit).
  if (CITIZEN_ID.test(digits)) return "idNumber";
  if (!wholeRun || (digits.length !== 12 && digits.length !== 9)) return null;
  // Otherwise (an old 9-digit ID card, or 12 digits without a province code) only as one number or
  // three-digit groups with one separator, not dots (that is how amounts are written), or digit by
  // digit: "201 234 567", "201-234-567", "2 0 1 2 3 4 5 6 7".
  if (groups.length === 1) return "idNumber";
  const sep = seps[0]!;
  const byThree = !sep.includes(".") && groups.every((g) => g.digits.length === 3) && seps.every((s) => s === sep);
  const byDigit = digits.length === 9 && groups.every((g) => g.digits.length === 1);
  return byThree || byDigit ? "idNumber" : null;
}

function findNumbers(text: string, masked: string, add: (kind: PersonalDataKind, start: number, end: number) => void) {
  for (const run of masked.matchAll(RUN)) {
    const base = run.index;
    const groups: Group[] = [];
    for (const g of run[0].matchAll(GROUP)) groups.push({ digits: g[0], start: base + g.index, end: base + g.index + g[0].length });
    const seps = groups.slice(1).map((g, k) => text.slice(groups[k]!.end, g.start));
    let i = 0;
    while (i < groups.length) {
      // The longest window of groups from i (at most 14 digits) that reads as a phone or an ID.
      let best = -1;
      let bestKind: PersonalDataKind | null = null;
      let length = 0;
      for (let j = i; j < groups.length && (length += groups[j]!.digits.length) <= 14; j++) {
        const kind = classify(groups, i, j, i === 0 && j === groups.length - 1, seps);
        if (kind) [best, bestKind] = [j, kind];
      }
      if (bestKind && !CURRENCY.test(text.slice(groups[best]!.end))) {
        add(bestKind, groups[i]!.start, groups[best]!.end);
        i = best + 1;
      } else i++;
    }
  }
}

// ---- emails, plates, names, addresses -----------------------------------------------------

// "an@gmail.com", and the spoken forms "an (at) gmail.com", "an [at] gmail [dot] com",
// "an a còng gmail chấm com". The words need spaces around them; the domain needs a TLD.
const AT = String.raw`\s*(?:@|[([{]\s*(?:at|a còng|a móc)\s*[)\]}])\s*|\s+(?:at|a còng|a móc|acòng)\s+`;
const DOT = String.raw`\.|\s*[([{]\s*(?:dot|chấm)\s*[)\]}]\s*|\s+(?:dot|chấm)\s+`;
const EMAIL = new RegExp(String.raw`(?<![\w.%+-])[a-z0-9._%+-]+(?:${AT})[a-z0-9-]+(?:(?:${DOT})[a-z0-9-]+)*(?:${DOT})[a-z]{2,}(?![\p{L}\d])`, "giu");

// Licence plates: province (2 digits), series (1–2 letters, maybe a digit), number (123.45 or
// 4–5 digits): 29A-123.45, 51F 12345, 30A1-234.56, 59-X1 123.45. Lower case (29a-123.45,
// 51f1-234.56) only with the dotted number, so "15ha 1200" stays a count.
const PLATE_UPPER = "[ -]?[A-Z]{1,2}\\d?[ -]?(?:\\d{3}\\.\\d{2}|\\d{4,5})";
const PLATE_LOWER = "-?[a-z]{1,2}\\d?[ -]?\\d{3}\\.\\d{2}";
const PLATE = new RegExp(`(?<![\\p{L}\\d_])\\d{2}(?:${PLATE_UPPER}|${PLATE_LOWER})(?![\\p{L}\\d_]|[.,]\\d)`, "gu");

// A title or kinship word (any case: "ông Nguyễn Văn An" mid-sentence) followed by capitalised
// words: a person. Lower case after it is ordinary speech ("bà con", "anh em", "chị em phụ nữ",
// "ông bà"); so are a position ("ông Chủ tịch"), another kinship word ("Ông Bà", "Bà Mẹ Việt Nam
// Anh hùng") and a place ("đường Bà Triệu", "Bà Rịa", "Cô Tô", "Anh Quốc"). Historic references
// ("Bác Hồ", "Bác Tôn", "Cụ Hồ", "Hai Bà Trưng") are not a citizen's data: not flagged.
// "ông A", "bà B" (a single capital, how people anonymise) are not flagged either.
const TITLE = "[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Cc]háu|[Ee]m|[Cc]ô|[Cc]hú|[Bb]ác|[Cc]ụ|[Dd]ì|[Cc]ậu|[Mm]ợ|[Tt]hím|[Bb]é";
const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}]+";
const NAME = new RegExp(`(?<![\\p{L}\\p{M}])(${TITLE})[ \\t]{1,3}(${NAME_WORD}(?:[ \\t]{1,3}${NAME_WORD}){0,4})(?![\\p{L}\\p{M}])`, "gu");
/** First words after a title that are not a personal name. */
const NOT_A_NAME = new Set(
  ("Ông Bà Anh Chị Cháu Em Cô Chú Bác Cụ Dì Cậu Mợ Thím Bé Con Mẹ Cha Bố Tôi Mình Ta Nó Họ Người Mọi Các Những Cả Này Ấy " +
    "Chủ Phó Bí Giám Trưởng Tổ Đại Bộ Thủ Hiệu Cán Công Hội Ban Ủy Đảng Nhà Đồng Thầy Trung Thượng Thiếu Đội Xã Phường " +
    "Việt Cũng Đã Đang Sẽ Vẫn Có Không Và Thì Là").split(" "),
);
/** Title + name that are places or historic references, not a citizen. */
const NOT_A_PERSON = new Set(
  ("Bác Hồ|Bác Tôn|Cụ Hồ|Bà Trưng|Bà Triệu|Bà Rịa|Bà Đen|Bà Nà|Bà Chiểu|Bà Điểm|Bà Huyện|Bà Chúa|Ông Lãnh|Ông Ích|Ông Đốc|" +
    "Ông Địa|Ông Táo|Ông Công|Cô Tô|Cô Giang|Cô Bắc|Anh Sơn|Anh Quốc|Bác Ái|Cậu Vàng").split("|"),
);
// "đường Bà Triệu", "phố Bà Triệu", "cầu Ông Lãnh": a title right after a place word is a place.
const PLACE_BEFORE = /(?:đường|phố|ngõ|hẻm|kiệt|cầu|chợ|núi|sông|đảo|huyện|xã|phường|quận|tỉnh|thôn|làng|bản|khu|đặc khu|thị trấn|thị xã|Hai)\s+$/iu;

// A house number with its street: "số 12 đường Lê Lợi", "nhà 45/3 ngõ 7 phố Hàng Bạc",
// "12 đường Lê Lợi", "số nhà 8 Trần Phú", "SN 15 Hàng Bạc". A street word followed by lower case is
// speech ("12 đường giao thông nông thôn", "nhà 3 tầng"); a residential group ("tổ 5", "thôn 2")
// without a house number is where an issue is, not who lives there.
const HOUSE = "\\d{1,4}[A-Za-z]?(?:[/-]\\d{1,4}[A-Za-z]?){0,3}";
// Road and residential-group numbers are not house numbers: "Quốc lộ 1A đường Hồ Chí Minh", "tổ 5 phố …".
const NOT_HOUSE = "(?:lộ|[Kk]m|tỉnh|huyện|QL|ĐT|[Tt]ổ|[Tt]hôn|[Kk]hu|[Qq]uận|[Pp]hường|[Xx]óm|[Ấấ]p|[Ll]ô|[Ss]ố)";
const STREET = "(?:[Đđ]ường|[Pp]hố|[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt)";
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{M}\\d/])(?:(?:(?:[Ss]ố|[Nn]hà)[ \\t]+|(?<!${NOT_HOUSE}[ \\t]))${HOUSE},?[ \\t]+${STREET}[ \\t]+(?:\\p{Lu}|\\d)` +
    `|(?:[Ss]ố nhà|[Nn]hà số|[Nn]hà|SN)[ \\t]+${HOUSE},?[ \\t]+\\p{Lu}[\\p{Ll}\\p{M}]+)`,
  "gu",
);

const ADDRESS_REST = new RegExp(`^[\\p{L}\\p{M}\\d]*(?:,?[ \\t]+(?:${STREET}|\\p{Lu}[\\p{Ll}\\p{M}]*|\\d+))*`, "u");

function findNames(text: string, add: (kind: PersonalDataKind, start: number, end: number) => void) {
  const names = new RegExp(NAME.source, "gu");
  for (let m = names.exec(text); m; m = names.exec(text)) {
    const title = m[1]!;
    const first = m[2]!.split(/[ \t]/, 1)[0]!;
    const pair = `${title[0]!.toUpperCase()}${title.slice(1)} ${first}`;
    if (NOT_A_NAME.has(first) || NOT_A_PERSON.has(pair) || PLACE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) {
      // Not a person here; the next word may start one ("Ông Bà Nguyễn Văn An" → "Bà Nguyễn Văn An").
      names.lastIndex = m.index + title.length;
      continue;
    }
    add("name", m.index, m.index + m[0].length);
  }
}

// ---- the guard ------------------------------------------------------------------------------

export function findPersonalData(text: string | null | undefined): PersonalDataHit[] {
  if (!text) return [];
  const normal = normaliseText(text);
  const hits: PersonalDataHit[] = [];
  const add = (kind: PersonalDataKind, start: number, end: number) => {
    if (hits.some((h) => start < h.index + h.match.length && end > h.index)) return;
    // A number right after one of the same kind ("0912345678/0987654321") is reported with it.
    const last = hits[hits.length - 1];
    if (last && last.kind === kind && /^[ ._\-/,()]{0,3}$/.test(normal.slice(last.index + last.match.length, start))) {
      last.match = normal.slice(last.index, end);
      return;
    }
    hits.push({ kind, match: normal.slice(start, end), index: start });
  };
  for (const m of normal.matchAll(EMAIL)) add("email", m.index, m.index + m[0].length);
  for (const m of normal.matchAll(ADDRESS)) {
    // The address goes on to its street name or number (the rest of the capitalised words).
    const rest = ADDRESS_REST.exec(normal.slice(m.index + m[0].length));
    add("address", m.index, m.index + m[0].length + (rest?.[0].length ?? 0));
  }
  const masked = normal.replace(DATE, (d) => "#".repeat(d.length)).replace(AMOUNT, (a) => "#".repeat(a.length));
  findNumbers(normal, masked, add);
  for (const m of normal.matchAll(PLATE)) add("plate", m.index, m.index + m[0].length);
  findNames(normal, add);
  return hits.sort((a, b) => a.index - b.index);
}

export function hasPersonalData(text: string | null | undefined): boolean {
  return findPersonalData(text).length > 0;
}
