// Dates as Vietnamese users read them: dd/MM/yyyy, times in Vietnam's time zone (UTC+7), and
// quarters as "Quý I/2026". Formatting is explicit about the zone so server and browser agree.

const VIETNAM_TZ = "Asia/Ho_Chi_Minh";

// Made at first use: building a formatter loads the time zone's rules, which costs a phone tens of
// milliseconds on every page that only imports this module (the survey form opened offline).
let dayFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** A calendar date (stored as UTC midnight) as dd/MM/yyyy. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "";
  dayFormat ??= new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
  return dayFormat.format(new Date(value));
}

/** A moment in time as dd/MM/yyyy HH:mm in Vietnam time. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  dateTimeFormat ??= new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TZ, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
  return dateTimeFormat.format(new Date(value)).replace(",", "");
}

/** The value an <input type="date"> expects (yyyy-MM-dd) for a calendar date. */
export function toDateInputValue(value: Date | string | null | undefined): string {
  if (!value) return "";
  return new Date(value).toISOString().slice(0, 10);
}

/** "2026-08-10" → "10/08/2026" (what a day field shows); anything else is returned as typed. */
export function isoDayToVietnamese(value: unknown): string {
  if (typeof value !== "string") return "";
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** Parses yyyy-MM-dd (date input) or dd/MM/yyyy (typed) into UTC midnight; null when invalid. */
export function parseDay(text: string): Date | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vn
      ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : null;
}

/** Vietnam is UTC+7 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's calendar day in Vietnam, as the UTC midnight the app stores days as. */
export function todayInVietnam(now: Date = new Date()): Date {
  const shifted = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** The instant a Vietnam calendar day (stored as UTC midnight) begins: 00:00 in Vietnam. */
export function vietnamDayStart(day: Date): Date {
  return new Date(day.getTime() - VIETNAM_OFFSET_MS);
}

/** The instant a Vietnam calendar day ends (exclusive): 00:00 in Vietnam on the next day. */
export function vietnamDayEnd(day: Date): Date {
  return new Date(vietnamDayStart(day).getTime() + DAY_MS);
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** "Quý I/2026" (vi) or "Q1/2026" (en). */
export function formatQuarter(year: number, quarter: 1 | 2 | 3 | 4, language: string): string {
  return language === "en" ? `Q${quarter}/${year}` : `Quý ${ROMAN[quarter - 1]}/${year}`;
}
