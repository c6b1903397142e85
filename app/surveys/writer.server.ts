/**
 * The write path of new questionnaires: prepared statements on the app's one SQLite connection,
 * borrowed through withExclusiveConnection (one IMMEDIATE transaction, no Prisma query can
 * interleave; docs/decisions/0010-one-connection.md). Through Prisma each statement costs ~0.3 ms
 * and an interactive transaction ~1.3 ms, which capped a submission near 130/s; here a submission
 * is a few dozen microseconds of SQL plus the commit. The SQL is plain and portable to PostgreSQL.
 */
import type Database from "better-sqlite3";
import { prepared } from "~/db/db.server";
import { canonicalJson, type Answers, type Bands, type SurveyDefinition } from "./definition";
import { answerRows, tallyRows } from "./rows";

export type NewResponse = {
  clientUuid: string;
  contentHash: string;
  surveyId: number;
  version: number;
  unitId: number;
  collaboratorId: number;
  bands: Bands;
  answers: Answers;
  status?: "submitted" | "accepted";
  submittedAt?: Date;
};

export type ExistingResponse = {
  id: number;
  collaboratorId: number;
  contentHash: string;
  revision: number;
  status: string;
  surveyId: number;
  unitId: number;
};

/** DateTime as the Prisma SQLite adapter stores it (ISO text), so both connections agree. */
export function sqlNow(at?: Date): string {
  return (at ?? new Date()).toISOString().replace("Z", "+00:00");
}

export function findByUuid(w: Database.Database, uuid: string): ExistingResponse | undefined {
  return prepared(
    w,
    `SELECT "id", "collaboratorId", "contentHash", "revision", "status", "surveyId", "unitId"
     FROM "SurveyResponse" WHERE "clientUuid" = ?`,
  ).get(uuid) as ExistingResponse | undefined;
}

const INSERT_RESPONSE = `
  INSERT INTO "SurveyResponse" ("clientUuid", "contentHash", "surveyId", "version", "unitId", "collaboratorId", "status",
    "revision", "ageBand", "gender", "occupation", "area", "submittedAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) RETURNING "id"`;
const INSERT_ANSWER = `INSERT INTO "SurveyAnswer" ("responseId", "surveyId", "question", "option", "num", "text") VALUES (?, ?, ?, ?, ?, ?)`;
const ADD_TALLY = `
  INSERT INTO "SurveyTally" ("surveyId", "question", "option", "unitId", "count", "numSum") VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT ("surveyId", "question", "option", "unitId") DO UPDATE SET
    "count" = "SurveyTally"."count" + excluded."count", "numSum" = "SurveyTally"."numSum" + excluded."numSum"`;
const ADD_UNIT_TALLY = `
  INSERT INTO "SurveyUnitTally" ("surveyId", "unitId", "received", "counted", "accepted", "returned") VALUES (?, ?, 1, 1, ?, 0)
  ON CONFLICT ("surveyId", "unitId") DO UPDATE SET
    "received" = "SurveyUnitTally"."received" + 1, "counted" = "SurveyUnitTally"."counted" + 1,
    "accepted" = "SurveyUnitTally"."accepted" + excluded."accepted"`;
const INSERT_EVENT = `INSERT INTO "SurveyResponseEvent" ("responseId", "at", "actorId", "kind", "revision", "payload") VALUES (?, ?, ?, 'submitted', 1, ?)`;
// The audit entry commits with the questionnaire (same columns as recordAudit writes).
const INSERT_AUDIT = `
  INSERT INTO "AuditEntry" ("at", "actorId", "action", "entityType", "entityId", "before", "after")
  VALUES (?, ?, 'survey.response.submit', 'SurveyResponse', ?, NULL, ?)`;

/**
 * Stores one new questionnaire inside the writer's transaction: response, answer rows (one per
 * response × question × option), exact tallies, history event, audit entry.
 */
export function insertResponse(w: Database.Database, def: SurveyDefinition, r: NewResponse, audit = true): number {
  const status = r.status ?? "submitted";
  const now = sqlNow(r.submittedAt);
  const b = r.bands;
  const { id } = prepared(w, INSERT_RESPONSE).get(
    r.clientUuid, r.contentHash, r.surveyId, r.version, r.unitId, r.collaboratorId, status,
    b.ageBand, b.gender, b.occupation, b.area, now, now,
  ) as { id: number };
  const rows = answerRows(def, r.answers);
  const answer = prepared(w, INSERT_ANSWER);
  for (const a of rows) answer.run(id, r.surveyId, a.question, a.option, a.num, a.text);
  const tally = prepared(w, ADD_TALLY);
  for (const t of tallyRows(rows)) tally.run(r.surveyId, t.question, t.option, r.unitId, t.count, t.numSum);
  prepared(w, ADD_UNIT_TALLY).run(r.surveyId, r.unitId, status === "accepted" ? 1 : 0);
  prepared(w, INSERT_EVENT).run(id, now, r.collaboratorId, canonicalJson({ version: r.version, bands: r.bands, answers: r.answers }));
  if (audit) prepared(w, INSERT_AUDIT).run(now, r.collaboratorId, String(id), JSON.stringify({ surveyId: r.surveyId, unitId: r.unitId, clientUuid: r.clientUuid }));
  return id;
}
