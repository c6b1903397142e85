/**
 * The personal-data guard: the system holds aggregated opinion, never a citizen's identity. One
 * set of patterns, used while typing (a warning) and by the server (a refusal until the text is
 * fixed or the collaborator confirms it is not personal data). Dates (12/03/2026), money
 * (1.500.000 đồng), years and percentages must not match.
 */
export type PersonalDataKind = "phone" | "idNumber" | "email" | "plate";

type Pattern = { kind: PersonalDataKind; regex: RegExp };

// Digits may be grouped by spaces, dots or dashes, as people type phone numbers.
const SEP = "[ .\\-]?";
const PATTERNS: Pattern[] = [
  { kind: "email", regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // Vietnamese mobile (0 + 9 digits, 3/5/7/8/9x) or landline (0 + 10 digits, 2xx), or +84/84 forms.
  {
    kind: "phone",
    regex: new RegExp(`(?<![\\d.,/])(?:\\+84|84|0)${SEP}[235789](?:${SEP}\\d){8,9}(?![\\d.,/]*\\d)`, "g"),
  },
  // Citizen ID (12 digits) or old ID card (9 digits), written as one run of digits.
  { kind: "idNumber", regex: /(?<![\d.,/])(?:\d{12}|\d{9})(?![\d.,/]*\d)/g },
  // Licence plates: 29A-123.45, 51F 12345, 30A1-234.56, 59-X1 123.45
  {
    kind: "plate",
    regex: /(?<![\w])\d{2}[ -]?[A-Z]{1,2}\d?[ -]?(?:\d{3}\.\d{2}|\d{4,5})(?![\w.])/g,
  },
];

export type PersonalDataHit = { kind: PersonalDataKind; match: string };

export function findPersonalData(text: string | null | undefined): PersonalDataHit[] {
  if (!text) return [];
  const hits: PersonalDataHit[] = [];
  const taken: [number, number][] = [];
  for (const { kind, regex } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
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
