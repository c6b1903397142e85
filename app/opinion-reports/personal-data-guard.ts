/**
 * The personal-data guard: the system holds aggregated opinion, never a citizen's identity. One
 * set of patterns, used while typing (a warning) and by the server (a refusal until the text is
 * fixed or the collaborator confirms it is not personal data). Dates (12/03/2026), money
 * (1.500.000 đồng, 350000000 đồng), years, percentages, decree numbers (100/2019/NĐ-CP) and counts
 * must not match.
 */
export type PersonalDataKind = "phone" | "idNumber" | "email" | "plate";

type Pattern = { kind: PersonalDataKind; regex: RegExp };

// Digits may be grouped by spaces, dots or dashes, as people type phone numbers.
const SEP = "[ .\\-]?";
// A number starts and ends at its edges: not inside a longer number, date, amount or decree number.
const START = "(?<![\\d.,/])";
const END = "(?![\\d.,/]*\\d)";
// Country code +84, 84, 0084 or (+84), maybe with the trunk 0 in brackets: "+84 (0) 912 345 678".
const COUNTRY = `(?:\\(\\+?84\\)|\\+84|0084|84)${SEP}(?:\\(0\\)${SEP})?`;
// Vietnamese mobile (0 + 9 digits, 3/5/7/8/9x) or landline (0 + 10 digits, 2xx), or the +84 forms.
const PHONE = `(?:${COUNTRY}|0)[235789](?:${SEP}\\d){8,9}`;
// An amount typed without separators is followed by its currency, with or without accents:
// "350000000 đồng", "350000000đ", "350000000 VND", "120000000 trieu".
const NOT_MONEY = "(?!\\s?(?:đồng|dong|đ|d|vnđ|vnd|usd|nghìn|nghin|ngàn|ngan|triệu|trieu|tỷ|tỉ|ty)(?![\\p{L}\\p{M}]))";

// Citizen ID (12 digits) or old ID card (9 digits): one run, or groups of three with one kind of
// separator ("001 234 567 890", "001-234-567-890"). Dot-grouped numbers are how amounts are
// written (150.000.000), so those count only with a leading zero, which no amount has (a citizen
// ID starts with its province code, 001–096): "001.234.567.890".
const ID_RUN = "\\d{12}|\\d{9}";
const ID_GROUPED = "\\d{3}([ \\-])\\d{3}\\1\\d{3}(?:\\1\\d{3})?";
const ID_DOTTED = "0\\d{2}(?:\\.\\d{3}){2,3}";
// Licence plates: province (2 digits), series (1–2 letters, maybe a digit), number (123.45 or
// 4–5 digits): 29A-123.45, 51F 12345, 30A1-234.56, 59-X1 123.45. Lower case (29a-123.45,
// 51f1-234.56) only with the dotted number, so "15ha 1200" stays a count.
const PLATE_UPPER = "[ -]?[A-Z]{1,2}\\d?[ -]?(?:\\d{3}\\.\\d{2}|\\d{4,5})";
const PLATE_LOWER = "-?[a-z]{1,2}\\d?[ -]?\\d{3}\\.\\d{2}";

const PATTERNS: Pattern[] = [
  { kind: "email", regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // One phone number, or several joined by "/", "." or ",": "0912345678/0987654321".
  { kind: "phone", regex: new RegExp(`${START}${PHONE}(?:[/.,]${PHONE})*${END}`, "g") },
  // Never an amount followed by its currency.
  { kind: "idNumber", regex: new RegExp(`${START}(?:${ID_RUN}|${ID_GROUPED}|${ID_DOTTED})${END}${NOT_MONEY}`, "giu") },
  // Not inside a word or a longer number; a sentence may end right after it ("Xe 29A-123.45.").
  {
    kind: "plate",
    regex: new RegExp(`(?<![\\p{L}\\d_])\\d{2}(?:${PLATE_UPPER}|${PLATE_LOWER})(?![\\p{L}\\d_]|[.,]\\d)`, "gu"),
  },
];

export type PersonalDataHit = { kind: PersonalDataKind; match: string };

export function findPersonalData(text: string | null | undefined): PersonalDataHit[] {
  if (!text) return [];
  // Composed form, so "đồng" typed with combining accents still reads as a currency.
  const composed = text.normalize("NFC");
  const hits: PersonalDataHit[] = [];
  const taken: [number, number][] = [];
  for (const { kind, regex } of PATTERNS) {
    for (const m of composed.matchAll(regex)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      hits.push({ kind, match: m[0] });
    }
  }
  return hits;
}

export function hasPersonalData(text: string | null | undefined): boolean {
  return findPersonalData(text).length > 0;
}
