/**
 * Which backups the rotation keeps: the newest backup of each of the last 7 days, 4 weeks and 12
 * months that have one (days, ISO weeks and months in Vietnam time, UTC+7 all year). So a year
 * after installation the folder holds about 20 files, and an operator's mistake noticed late can
 * still be undone from the month before. Labelled backups (e.g. the one `npm run db:upgrade`
 * takes before migrating) are never pruned: they go when an operator deletes them.
 * docs/decisions/0029-backups.md.
 */

export const ROTATION = { daily: 7, weekly: 4, monthly: 12 } as const;

export type Rotation = { daily: number; weekly: number; monthly: number };

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in Vietnam, as a Date at UTC midnight. */
function vietnamDay(at: Date): Date {
  const shifted = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** ISO 8601 week, e.g. "2026-W01" (the week with the year's first Thursday). */
function isoWeek(day: Date): string {
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * DAY_MS);
  const firstThursdayYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(firstThursdayYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${firstThursdayYear}-W${String(week).padStart(2, "0")}`;
}

const PERIODS = {
  daily: (day: Date) => day.toISOString().slice(0, 10),
  weekly: isoWeek,
  monthly: (day: Date) => day.toISOString().slice(0, 7),
} as const;

/** The names of the backups to keep, out of every unlabelled backup in the folder. */
export function backupsToKeep(backups: { name: string; takenAt: Date }[], rotation: Rotation = ROTATION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<string>();
  for (const kind of ["daily", "weekly", "monthly"] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const period = PERIODS[kind](vietnamDay(backup.takenAt));
      if (seen.has(period)) continue;
      if (seen.size === rotation[kind]) break;
      seen.add(period);
      keep.add(backup.name);
    }
  }
  return keep;
}
