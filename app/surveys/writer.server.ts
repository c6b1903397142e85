/**
 * The write path of new questionnaires: prepared statements on the app's one SQLite connection,
 * borrowed through withExclusiveConnection (one IMMEDIATE transaction, no Prisma query can
 * interleave; docs/decisions/0010-one-connection.md). Through Prisma each statement costs ~0.3 ms
 * and an interactive transaction ~1.3 ms, which capped a submission near 130/s; here a submission
 * is a few dozen microseconds of SQL plus the commit. The SQL is plain and portable to PostgreSQL.
 */
import type Database from "better-sqlite3";
import { prepared } from "~/db/db.server";
import { TALLIES, tallyUpsertPositional } from "~/db/sql-rules.server";
import { canonicalJson, type Answers, type Bands, type SurveyDefinition } from "./definition";
import { answerRows, bandTallyRows, tallyRows, type AnswerRow } from "./rows";

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
  /** The collaborator confirmed free-text answers the personal-data guard flags (audit entry). */
  personalDataConfirmed?: boolean;
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
// The tally upserts are the review path's too (storage.server.ts): one definition, db/sql-rules.
const ADD_TALLY = tallyUpsertPositional(TALLIES.answers);
const ADD_UNIT_TALLY = tallyUpsertPositional(TALLIES.units);
const ADD_BAND_TALLY = tallyUpsertPositional(TALLIES.bands);
const INSERT_EVENT = `INSERT INTO "SurveyResponseEvent" ("responseId", "at", "actorId", "kind", "revision", "payload") VALUES (?, ?, ?, 'submitted', 1, ?)`;
// The audit entry commits with the questionnaire (same columns as recordAudit writes).
const INSERT_AUDIT = `
  INSERT INTO "AuditEntry" ("at", "actorId", "action", "entityType", "entityId", "before", "after")
  VALUES (?, ?, 'survey.response.submit', 'SurveyResponse', ?, NULL, ?)`;

type Cell = { count: number; numSum: number };
type BandCell = Cell & { surveyId: number; question: string; option: string; value: number; bands: Bands };

/**
 * Tally increments of new questionnaires, summed per survey × question × option × unit (and per
 * band cell) and applied with one upsert per key: a bulk write of 1,000 questionnaires touches
 * each tally row once instead of 25,000 times. A field submission applies its own at once.
 */
export class TallyIncrements {
  private cells = new Map<string, Cell & { surveyId: number; question: string; option: string; unitId: number }>();
  private bandCells = new Map<string, BandCell>();
  private units = new Map<string, { surveyId: number; unitId: number; received: number; accepted: number }>();

  add(surveyId: number, unitId: number, bands: Bands, rows: AnswerRow[], accepted: boolean) {
    const tallies = tallyRows(rows);
    for (const t of tallies) {
      const key = `${surveyId}\u0000${unitId}\u0000${t.question}\u0000${t.option}`;
      const cell = this.cells.get(key);
      if (cell) {
        cell.count += t.count;
        cell.numSum += t.numSum;
      } else this.cells.set(key, { surveyId, question: t.question, option: t.option, unitId, count: t.count, numSum: t.numSum });
    }
    const bandKey = `${surveyId}\u0000${bands.ageBand}\u0000${bands.gender}\u0000${bands.occupation}\u0000${bands.area}`;
    for (const t of bandTallyRows(tallies)) {
      const key = `${bandKey}\u0000${t.question}\u0000${t.option}\u0000${t.value}`;
      const cell = this.bandCells.get(key);
      if (cell) {
        cell.count += t.count;
        cell.numSum += t.numSum;
      } else this.bandCells.set(key, { surveyId, question: t.question, option: t.option, value: t.value, bands, count: t.count, numSum: t.numSum });
    }
    const unitKey = `${surveyId}\u0000${unitId}`;
    const unit = this.units.get(unitKey) ?? { surveyId, unitId, received: 0, accepted: 0 };
    unit.received++;
    if (accepted) unit.accepted++;
    this.units.set(unitKey, unit);
  }

  apply(w: Database.Database) {
    const tally = prepared(w, ADD_TALLY);
    for (const c of this.cells.values()) tally.run(c.surveyId, c.question, c.option, c.unitId, c.count, c.numSum);
    const bandTally = prepared(w, ADD_BAND_TALLY);
    for (const c of this.bandCells.values()) {
      const b = c.bands;
      bandTally.run(c.surveyId, c.question, c.option, c.value, b.ageBand, b.gender, b.occupation, b.area, c.count, c.numSum);
    }
    const unitTally = prepared(w, ADD_UNIT_TALLY);
    // New questionnaires: received and counted, some already accepted, none returned.
    for (const u of this.units.values()) unitTally.run(u.surveyId, u.unitId, u.received, u.received, u.accepted, 0);
    this.cells.clear();
    this.bandCells.clear();
    this.units.clear();
  }
}

/**
 * Stores one new questionnaire inside the writer's transaction: response, answer rows (one per
 * response × question × option), exact tallies (per unit and per band cell), history event, audit entry. Bulk writers pass
 * their own `tallies` and apply them before the transaction ends.
 */
export function insertResponse(
  w: Database.Database,
  def: SurveyDefinition,
  r: NewResponse,
  { audit = true, tallies }: { audit?: boolean; tallies?: TallyIncrements } = {},
): number {
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
  const own = tallies ?? new TallyIncrements();
  own.add(r.surveyId, r.unitId, r.bands, rows, status === "accepted");
  if (!tallies) own.apply(w);
  prepared(w, INSERT_EVENT).run(id, now, r.collaboratorId, canonicalJson({ version: r.version, bands: r.bands, answers: r.answers }));
  if (audit) prepared(w, INSERT_AUDIT).run(now, r.collaboratorId, String(id), JSON.stringify({ surveyId: r.surveyId, unitId: r.unitId, clientUuid: r.clientUuid, ...(r.personalDataConfirmed ? { personalDataConfirmed: true } : {}) }));
  return id;
}
