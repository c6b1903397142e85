/**
 * The texts and number formats of the committee pack's files. The files are the party document,
 * in Vietnamese whatever the downloader's interface language (decision 0021); the words still come
 * from the app's dictionary, so the page and the files name things the same way.
 */
import type { TFunction } from "i18next";
import { textsFor } from "~/i18n/server-texts.server";
import { withoutInvalidXml } from "~/exports/xlsx-stream.server";
import { splitQuarterKey } from "~/periods/period-math";
import { formatQuarter, todayInVietnam } from "~/utils/dates";
import { formatNumber } from "~/utils/numbers";

export const DOCUMENT_LANGUAGE = "vi";

let instance: TFunction | undefined;

/** The Vietnamese dictionary's `t` (one instance for the process: the texts never change). */
export function documentT(): TFunction {
  instance ??= textsFor(DOCUMENT_LANGUAGE).t;
  return instance;
}

/** "1.234" */
export const num = (value: number) => formatNumber(value, DOCUMENT_LANGUAGE);
/** A fraction as a percentage with one decimal: 0.4567 → "45,7". */
export const pct = (fraction: number) => formatNumber(100 * fraction, DOCUMENT_LANGUAGE, 1);
/** A part of a whole as a percentage with one decimal, "—" when the whole is empty. */
export const shareOf = (part: number, whole: number) => (whole === 0 ? "—" : pct(part / whole));
/** "Quý II/2026" */
export function quarterName(quarterKey: number): string {
  const { year, quarter } = splitQuarterKey(quarterKey);
  return formatQuarter(year, quarter, DOCUMENT_LANGUAGE);
}
/** "II" */
export const romanQuarter = (quarterKey: number) => ["I", "II", "III", "IV"][splitQuarterKey(quarterKey).quarter - 1]!;

/**
 * Text as a document carries it: the characters XML cannot hold removed (a stored text with a
 * control character would otherwise make the whole file unreadable). Markup-looking text stays
 * literal: every writer escapes it as text.
 */
export const plain = (text: string | null | undefined) => withoutInvalidXml(text ?? "");

/**
 * The date line's parts as party documents write them: a day below 10 and the months January and
 * February with a leading zero ("ngày 05 tháng 02 năm 2026", "ngày 25 tháng 3 năm 2026"), in
 * Vietnam's calendar.
 */
export function partyDate(moment: Date): { day: string; month: string; year: string } {
  const day = todayInVietnam(moment);
  const d = day.getUTCDate();
  const m = day.getUTCMonth() + 1;
  return { day: d < 10 ? `0${d}` : String(d), month: m <= 2 ? `0${m}` : String(m), year: String(day.getUTCFullYear()) };
}
