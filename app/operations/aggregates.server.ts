/**
 * The survey pre-aggregates (SurveyTally, SurveyUnitTally: docs/decisions/0011) against a GROUP BY
 * over the raw rows they summarise. They are kept in the same transaction as every write, so in
 * any consistent copy of the database they agree; a disagreement means a torn copy or a bug.
 * The backup and restore commands report it; the restore drill (tests/unit/restore-drill.test.ts)
 * requires none. Plain SQL, portable to PostgreSQL.
 */
import type Database from "better-sqlite3";
import { COUNTED_STATUSES_SQL_TEXT as COUNTED } from "~/db/sql-rules.server";

/** What SurveyTally must hold: one row per answer row's option, plus the question's n under "". */
const EXPECTED_TALLIES = `
  WITH counted AS (
    SELECT "id", "unitId" FROM "SurveyResponse" WHERE "status" IN ${COUNTED}
  ), per_answer AS (
    SELECT a."surveyId", a."question", a."option", c."unitId", COUNT(*) AS "count", SUM(COALESCE(a."num", 0)) AS "numSum"
    FROM "SurveyAnswer" a JOIN counted c ON c."id" = a."responseId"
    GROUP BY a."surveyId", a."question", a."option", c."unitId"
  ), per_response AS (
    SELECT a."surveyId", a."question", c."unitId", a."responseId", COUNT(*) AS "rows",
           SUM(CASE WHEN a."option" = '' THEN 1 ELSE 0 END) AS "blanks", SUM(COALESCE(a."num", 0)) AS "num"
    FROM "SurveyAnswer" a JOIN counted c ON c."id" = a."responseId"
    GROUP BY a."surveyId", a."question", c."unitId", a."responseId"
  ), question_n AS (
    SELECT "surveyId", "question", '' AS "option", "unitId", COUNT(*) AS "count",
           SUM(CASE WHEN "rows" = 1 THEN "num" ELSE 0 END) AS "numSum"
    FROM per_response WHERE "blanks" = 0
    GROUP BY "surveyId", "question", "unitId"
  )
  SELECT * FROM per_answer UNION ALL SELECT * FROM question_n`;

const STORED_TALLIES = `SELECT "surveyId", "question", "option", "unitId", "count", "numSum" FROM "SurveyTally" WHERE "count" <> 0 OR "numSum" <> 0`;

const EXPECTED_UNIT_TALLIES = `
  SELECT "surveyId", "unitId", COUNT(*) AS "received",
         SUM(CASE WHEN "status" IN ${COUNTED} THEN 1 ELSE 0 END) AS "counted",
         SUM(CASE WHEN "status" = 'accepted' THEN 1 ELSE 0 END) AS "accepted",
         SUM(CASE WHEN "status" = 'returned' THEN 1 ELSE 0 END) AS "returned"
  FROM "SurveyResponse" GROUP BY "surveyId", "unitId"`;

const STORED_UNIT_TALLIES = `
  SELECT "surveyId", "unitId", "received", "counted", "accepted", "returned" FROM "SurveyUnitTally"
  WHERE "received" <> 0 OR "counted" <> 0 OR "accepted" <> 0 OR "returned" <> 0`;

type Row = Record<string, number | string>;

/** Rows keyed by their key columns, each with its value columns joined. */
function keyed(rows: Row[], keys: string[], values: string[]): Map<string, string> {
  const round = (v: number | string) => (typeof v === "number" ? String(Math.round(v * 1e6) / 1e6) : v);
  return new Map(rows.map((r) => [keys.map((k) => r[k]).join("|"), values.map((v) => round(r[v]!)).join("|")]));
}

function differences(table: string, stored: Map<string, string>, expected: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, value] of expected) {
    if (stored.get(key) !== value) out.push(`${table} ${key}: stored ${stored.get(key) ?? "nothing"}, rows say ${value}`);
  }
  for (const [key, value] of stored) if (!expected.has(key)) out.push(`${table} ${key}: stored ${value}, rows say nothing`);
  return out;
}

/** Every pre-aggregate that disagrees with its raw rows, as a sentence; empty when all agree. */
export function preAggregateMismatches(raw: Database.Database): string[] {
  const all = (sql: string) => raw.prepare(sql).all() as Row[];
  const tallyKeys = ["surveyId", "question", "option", "unitId"];
  const unitKeys = ["surveyId", "unitId"];
  const unitValues = ["received", "counted", "accepted", "returned"];
  return [
    ...differences("SurveyTally", keyed(all(STORED_TALLIES), tallyKeys, ["count", "numSum"]), keyed(all(EXPECTED_TALLIES), tallyKeys, ["count", "numSum"])),
    ...differences("SurveyUnitTally", keyed(all(STORED_UNIT_TALLIES), unitKeys, unitValues), keyed(all(EXPECTED_UNIT_TALLIES), unitKeys, unitValues)),
  ];
}
