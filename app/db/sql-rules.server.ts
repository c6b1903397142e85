/**
 * The rules every raw query shares, written once: which units a subtree holds, which
 * questionnaires count, how integer columns come back, and how the exact tallies are added to.
 * Plain SQL, portable to PostgreSQL (docs/decisions/0037).
 */
import { subtreeRange } from "~/access/subtree";
import { Prisma } from "~/generated/prisma/client";

// ── The subtree ───────────────────────────────────────────────────────────────────────────────

/** `<alias>."path"` within the subtree of `path` (the gate's range), for a Prisma raw query. */
export function inSubtreeSql(path: string, alias = "u"): Prisma.Sql {
  const range = subtreeRange(path);
  const column = Prisma.raw(alias ? `${alias}."path"` : `"path"`);
  return Prisma.sql`${column} >= ${range.gte} AND ${column} < ${range.lt}`;
}

/**
 * The same condition for a statement with positional parameters (the read pool's prepared SQL):
 * its text, and the two values it takes for a subtree.
 */
export const inSubtreePositional = (alias = "u") => `${alias}."path" >= ? AND ${alias}."path" < ?`;
export function subtreeValues(path: string): [string, string] {
  const range = subtreeRange(path);
  return [range.gte, range.lt];
}

/**
 * `<unit>` lies in the subtree of the row `<root>` (a join, where the root is a column, not a
 * value): the same range as subtreeRange, computed in SQL.
 */
export function underRowSql(unit: string, root: string): Prisma.Sql {
  return Prisma.raw(`${unit}."path" >= ${root}."path" AND ${unit}."path" < SUBSTR(${root}."path", 1, LENGTH(${root}."path") - 1) || '0'`);
}

// ── Statuses that count ───────────────────────────────────────────────────────────────────────

/** Questionnaire statuses whose answers count in the results and the tallies. */
export const COUNTED_STATUSES = ["submitted", "accepted"] as const;

/** `('submitted', 'accepted')` as literal SQL text (literals, so the planner sees the values). */
export const COUNTED_STATUSES_SQL_TEXT = `(${COUNTED_STATUSES.map((s) => `'${s}'`).join(", ")})`;
export const COUNTED_STATUSES_SQL = Prisma.raw(COUNTED_STATUSES_SQL_TEXT);

// ── Rows ──────────────────────────────────────────────────────────────────────────────────────

/** A raw row with every BigInt column (COUNT, SUM and integer columns through the adapter) as a number. */
export type NumberRow<T> = { [K in keyof T]: bigint extends T[K] ? Exclude<T[K], bigint> | number : T[K] };

/** Raw rows with BigInt values as numbers: counts and ids fit 2^53. */
export function numberRows<T extends object>(rows: T[]): NumberRow<T>[] {
  return rows.map(
    (row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as NumberRow<T>,
  );
}

// ── The tally upsert ──────────────────────────────────────────────────────────────────────────

type TallyTable = { table: string; key: readonly string[]; add: readonly string[] };

/** The exact tallies (docs/decisions/0011, 0028): their key columns and the counts added to them. */
export const TALLIES = {
  answers: { table: "SurveyTally", key: ["surveyId", "question", "option", "unitId"], add: ["count", "numSum"] },
  bands: {
    table: "SurveyBandTally",
    key: ["surveyId", "question", "option", "value", "ageBand", "gender", "occupation", "area"],
    add: ["count", "numSum"],
  },
  units: { table: "SurveyUnitTally", key: ["surveyId", "unitId"], add: ["received", "counted", "accepted", "returned"] },
} as const satisfies Record<string, TallyTable>;

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/**
 * The one upsert that adds to a tally: `INSERT INTO t (key…, counts…) VALUES` + the rows +
 * `ON CONFLICT (key…) DO UPDATE SET count = t.count + excluded.count…`. The field write path
 * prepares it with `?` rows; the review path joins Prisma rows into it.
 */
export function tallyUpsert(t: TallyTable): { insert: string; onConflict: string; width: number } {
  const set = t.add.map((c) => `"${c}" = "${t.table}"."${c}" + excluded."${c}"`).join(", ");
  return {
    insert: `INSERT INTO "${t.table}" (${quoted([...t.key, ...t.add])}) VALUES`,
    onConflict: `ON CONFLICT (${quoted(t.key)}) DO UPDATE SET ${set}`,
    width: t.key.length + t.add.length,
  };
}

/** The upsert of one row with positional parameters (a prepared statement). */
export function tallyUpsertPositional(t: TallyTable): string {
  const u = tallyUpsert(t);
  return `${u.insert} (${Array(u.width).fill("?").join(", ")}) ${u.onConflict}`;
}

/** The upsert of many rows, each a Prisma.sql tuple in the table's column order. */
export function tallyUpsertRows(t: TallyTable, rows: Prisma.Sql[]): Prisma.Sql {
  const u = tallyUpsert(t);
  return Prisma.sql`${Prisma.raw(u.insert)} ${Prisma.join(rows)} ${Prisma.raw(u.onConflict)}`;
}
