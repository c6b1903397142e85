/**
 * The quarterly survey results (every question × option count, with each question's n, plus a
 * cross-tab of one question by unit) computed three ways on the same database:
 *  - app:   the app's own code path (app/surveys/results.server.ts: exact tally tables);
 *  - raw:   a hand-written GROUP BY over the answer rows through better-sqlite3 (the scan limit);
 *  - naive: every answer row of the quarter loaded into JavaScript (one flat query through the
 *           app's database client), then counted there: what tools that count in the application do.
 * Each returns the same canonical map "kind|question|option|unit" → count, so they can be compared.
 */
import Database from "better-sqlite3";
import { db } from "~/db/db.server";
import { countAnswers, crossTab } from "~/surveys/results.server";

export const CROSS_QUESTION = "Q11";
export type Counts = Map<string, number>;

function add(map: Counts, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

export async function appPath(surveyId: number, rootPath: string): Promise<Counts> {
  const scope = { path: rootPath, bands: {} };
  const [counts, cross] = await Promise.all([countAnswers(surveyId, scope), crossTab(surveyId, CROSS_QUESTION, "unit", scope)]);
  const out: Counts = new Map();
  for (const r of counts) add(out, `q|${r.question}|${r.option}|`, r.count);
  for (const r of cross) add(out, `x|${CROSS_QUESTION}|${r.option}|${r.key}`, r.count);
  return out;
}

/** better-sqlite3 on the same file, read-only: the fastest way SQLite can scan the rows. */
export function openRaw(file: string) {
  const raw = new Database(file, { readonly: true });
  const options = raw.prepare(`
    SELECT a."question", a."option", COUNT(*) AS n FROM "SurveyAnswer" a
    JOIN "SurveyResponse" r ON r."id" = a."responseId"
    WHERE a."surveyId" = ? AND r."status" IN ('submitted', 'accepted')
    GROUP BY a."question", a."option"`);
  const answered = raw.prepare(`
    SELECT a."question", COUNT(DISTINCT a."responseId") AS n FROM "SurveyAnswer" a
    JOIN "SurveyResponse" r ON r."id" = a."responseId"
    WHERE a."surveyId" = ? AND r."status" IN ('submitted', 'accepted') AND a."option" <> ''
    GROUP BY a."question"`);
  const cross = raw.prepare(`
    SELECT u."code" AS unit, a."option", COUNT(*) AS n FROM "SurveyAnswer" a
    JOIN "SurveyResponse" r ON r."id" = a."responseId" JOIN "Unit" u ON u."id" = r."unitId"
    WHERE a."surveyId" = ? AND a."question" = ? AND r."status" IN ('submitted', 'accepted')
    GROUP BY u."code", a."option"
    UNION ALL
    SELECT u."code", '', COUNT(DISTINCT a."responseId") FROM "SurveyAnswer" a
    JOIN "SurveyResponse" r ON r."id" = a."responseId" JOIN "Unit" u ON u."id" = r."unitId"
    WHERE a."surveyId" = ? AND a."question" = ? AND r."status" IN ('submitted', 'accepted') AND a."option" <> ''
    GROUP BY u."code"`);
  // The audit log's yardstick: every entry read once (what the old action list did).
  const audit = raw.prepare(`SELECT "action", COUNT(*) AS n FROM "AuditEntry" GROUP BY "action"`);
  return {
    close: () => raw.close(),
    auditScan: () => audit.all().length,
    run(surveyId: number): Counts {
      const out: Counts = new Map();
      for (const r of options.all(surveyId) as { question: string; option: string; n: number }[]) add(out, `q|${r.question}|${r.option}|`, r.n);
      for (const r of answered.all(surveyId) as { question: string; n: number }[]) add(out, `q|${r.question}||`, r.n);
      for (const r of cross.all(surveyId, CROSS_QUESTION, surveyId, CROSS_QUESTION) as { unit: string; option: string; n: number }[]) {
        add(out, `x|${CROSS_QUESTION}|${r.option}|${r.unit}`, r.n);
      }
      return out;
    },
  };
}

type NaiveRow = { question: string; option: string; responseId: number; status: string; unit: string };

/** Every answer row of the quarter, fetched through the app's database client into JS. */
export async function naivePath(surveyId: number): Promise<Counts> {
  const rows = await db.$queryRaw<NaiveRow[]>`
    SELECT a."question", a."option", a."responseId", r."status", u."code" AS "unit"
    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId" JOIN "Unit" u ON u."id" = r."unitId"
    WHERE a."surveyId" = ${surveyId}`;
  const out: Counts = new Map();
  const answeredBy = new Map<string, Set<number>>();
  const crossAnswered = new Map<string, Set<number>>();
  for (const row of rows) {
    if (row.status !== "submitted" && row.status !== "accepted") continue;
    add(out, `q|${row.question}|${row.option}|`, 1);
    if (row.option !== "") {
      if (!answeredBy.has(row.question)) answeredBy.set(row.question, new Set());
      answeredBy.get(row.question)!.add(row.responseId);
    }
    if (row.question === CROSS_QUESTION) {
      const unit = row.unit;
      add(out, `x|${CROSS_QUESTION}|${row.option}|${unit}`, 1);
      if (row.option !== "") {
        if (!crossAnswered.has(unit)) crossAnswered.set(unit, new Set());
        crossAnswered.get(unit)!.add(row.responseId);
      }
    }
  }
  for (const [question, ids] of answeredBy) add(out, `q|${question}||`, ids.size);
  for (const [unit, ids] of crossAnswered) add(out, `x|${CROSS_QUESTION}||${unit}`, ids.size);
  return out;
}

/** Describes the first difference between two count maps, or null when they are identical. */
export function firstDifference(a: Counts, b: Counts): string | null {
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if ((a.get(key) ?? 0) !== (b.get(key) ?? 0)) return `${key}: ${a.get(key) ?? 0} ≠ ${b.get(key) ?? 0}`;
  }
  return null;
}
