/**
 * Reporting-period arithmetic, pure and shared by server and client. A monthly period is named
 * after the month its cut-off falls in: with cut-off day 20, "month 3/2026" runs from 21/02/2026
 * to 20/03/2026 inclusive. Month 1 starts in December of the previous year. Quarters group the
 * periods by that month (months 1–3 → Q1). All dates are UTC midnights of calendar days.
 */
export const DEFAULT_CUTOFF_DAY = 20;
/** Days after the period's last day until a report still counts as on time. */
export const DEFAULT_GRACE_DAYS = 3;

export type PeriodBounds = {
  year: number;
  month: number;
  quarter: 1 | 2 | 3 | 4;
  quarterKey: number;
  startsOn: Date;
  endsOn: Date;
  /** The last moment of the deadline day (Vietnam time is ignored: calendar day in UTC). */
  deadline: Date;
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The cut-off day clamped to the month's length (cut-off 31 in February is the 28th/29th). */
function cutoffIn(year: number, month: number, cutoffDay: number): Date {
  return new Date(Date.UTC(year, month - 1, Math.min(cutoffDay, daysInMonth(year, month))));
}

export function assertCutoffDay(cutoffDay: number): void {
  if (!Number.isInteger(cutoffDay) || cutoffDay < 1 || cutoffDay > 31) {
    throw new RangeError(`cut-off day must be 1..31, got ${cutoffDay}`);
  }
}

export function quarterOfMonth(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

export function quarterKeyOf(year: number, quarter: number): number {
  return year * 10 + quarter;
}

export function splitQuarterKey(key: number): { year: number; quarter: 1 | 2 | 3 | 4 } {
  return { year: Math.floor(key / 10), quarter: (key % 10) as 1 | 2 | 3 | 4 };
}

/** The quarter key `offset` quarters after (or before, if negative) the given one. */
export function shiftQuarter(key: number, offset: number): number {
  const { year, quarter } = splitQuarterKey(key);
  const index = year * 4 + (quarter - 1) + offset;
  return quarterKeyOf(Math.floor(index / 4), (index % 4) + 1);
}

/** The calendar quarter as UTC days [from, before): what a survey's close date (a day) falls in. */
export function calendarQuarter(key: number): { from: Date; before: Date } {
  const { year, quarter } = splitQuarterKey(key);
  return { from: new Date(Date.UTC(year, quarter * 3 - 3, 1)), before: new Date(Date.UTC(year, quarter * 3, 1)) };
}

/** The `count` quarter keys ending with `lastKey`, oldest first. */
export function quarterRange(lastKey: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(lastKey, i - count + 1));
}

export function periodBounds(
  year: number,
  month: number,
  cutoffDay = DEFAULT_CUTOFF_DAY,
  graceDays = DEFAULT_GRACE_DAYS,
): PeriodBounds {
  assertCutoffDay(cutoffDay);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1..12, got ${month}`);
  const endsOn = cutoffIn(year, month, cutoffDay);
  const previous = month === 1 ? cutoffIn(year - 1, 12, cutoffDay) : cutoffIn(year, month - 1, cutoffDay);
  const startsOn = new Date(previous.getTime() + 86_400_000);
  const deadline = new Date(endsOn.getTime() + (graceDays + 1) * 86_400_000 - 1);
  const quarter = quarterOfMonth(month);
  return { year, month, quarter, quarterKey: quarterKeyOf(year, quarter), startsOn, endsOn, deadline };
}

/** The period a calendar day falls in. */
export function periodContaining(dayOrMoment: Date, cutoffDay = DEFAULT_CUTOFF_DAY): { year: number; month: number } {
  assertCutoffDay(cutoffDay);
  const year = dayOrMoment.getUTCFullYear();
  const month = dayOrMoment.getUTCMonth() + 1;
  const cutoff = cutoffIn(year, month, cutoffDay);
  const day = Date.UTC(year, month - 1, dayOrMoment.getUTCDate());
  if (day <= cutoff.getTime()) return { year, month };
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** Whether a first submission at `at` is on time for a period. */
export function timelinessOf(at: Date, deadline: Date): "on_time" | "late" {
  return at.getTime() <= deadline.getTime() ? "on_time" : "late";
}

/**
 * Whether a period's deadline (its last day plus the grace days) has passed at `now`: the one
 * definition of "due" for every page. Before it, an expected report that is not in is "not filed
 * yet", not missing; after it, it is overdue (a report filed now would be late: timelinessOf).
 */
export function deadlinePassed(period: { deadline: Date }, now: Date): boolean {
  return timelinessOf(now, period.deadline) === "late";
}

/** What the quarter choice needs to know of a stored period. */
export type QuarterPeriod = { quarterKey: number; month: number; startsOn: Date; endsOn: Date };

/**
 * How far a quarter has run on `today` (a UTC midnight, see todayInVietnam): its periods that have
 * ended (in month order) and whether the whole quarter is over — every stored period ended and the
 * quarter's last month over too (by its stored period, or by the default cut-off if none is stored).
 */
export function quarterProgress<P extends QuarterPeriod>(quarterKey: number, periods: P[], today: Date) {
  const own = periods.filter((p) => p.quarterKey === quarterKey).sort((a, b) => a.month - b.month);
  const ended = own.filter((p) => p.endsOn.getTime() < today.getTime());
  const { year, quarter } = splitQuarterKey(quarterKey);
  const lastMonth = quarter * 3;
  const lastEnd = own.find((p) => p.month === lastMonth)?.endsOn ?? periodBounds(year, lastMonth).endsOn;
  const closed = ended.length === own.length && lastEnd.getTime() < today.getTime();
  return { closed, own, ended, started: own.some((p) => p.startsOn.getTime() <= today.getTime()) };
}

/**
 * The quarters a summary can show (newest first): those with a period that has started by `today`,
 * and the one it opens on: the newest closed quarter, else (none closed yet) the newest started one.
 */
export function summaryQuarters(periods: QuarterPeriod[], today: Date): { quarters: number[]; defaultKey: number | undefined } {
  const keys = [...new Set(periods.map((p) => p.quarterKey))].sort((a, b) => b - a);
  const quarters = keys.filter((k) => quarterProgress(k, periods, today).started);
  const defaultKey = quarters.find((k) => quarterProgress(k, periods, today).closed) ?? quarters[0];
  return { quarters, defaultKey };
}
