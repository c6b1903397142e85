/**
 * The write path of questionnaires: answer rows (one per response × question × chosen option) and
 * the EXACT tallies the results read, all in one transaction per submission, return or
 * resubmission. See docs/decisions/0011-survey-storage.md.
 */
import crypto from "node:crypto";
import type { Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import type Database from "better-sqlite3";
import { db, prepared, withConnection, withExclusiveConnection, withGroupCommit, type Tx } from "~/db/db.server";
import { numberRows, TALLIES, tallyUpsertRows } from "~/db/sql-rules.server";
import { Conflict, Invalid, NotFound } from "~/errors/domain-errors";
import { FieldError } from "~/forms/field-error.server";
import { PERSONAL_DATA_REFUSED, personalDataConfirmed, personalDataIssues } from "~/forms/personal-data";
import { Prisma } from "~/generated/prisma/client";
import { todayInVietnam } from "~/utils/dates";
import {
  answersSchema,
  canonicalJson,
  definitionSchema,
  storedDefinitionSchema,
  submissionSchema,
  textAnswers,
  type Answers,
  type Bands,
  type Submission,
  type SurveyDefinition,
} from "./definition";
import { answerRows, bandTallyRows, tallyRows, type AnswerRow } from "./rows";
import {
  findByUuid,
  insertResponse,
  TallyIncrements,
  type ExistingResponse,
  type NewResponse,
} from "./writer.server";

export type { NewResponse } from "./writer.server";

/** A submission refused: the kind, a message key, and per-question error keys (the field form shows them). */
function refuse(Kind: typeof NotFound | typeof Conflict | typeof Invalid, message: string, errors?: Record<string, string[]>): never {
  throw new Kind(message, errors ?? {});
}

// Published versions never change: their parsed definitions are cached for the write path.
const versionCache = new Map<string, SurveyDefinition>();

/** Empties the cache when the database file is replaced under the process (unit tests do per test). */
export function forgetCachedVersions() {
  versionCache.clear();
}

export async function loadVersion(surveyId: number, version: number): Promise<SurveyDefinition | null> {
  const key = `${surveyId}:${version}`;
  const cached = versionCache.get(key);
  if (cached) return cached;
  const row = await db.surveyVersion.findUnique({ where: { surveyId_version: { surveyId, version } } });
  if (!row) return null;
  const def = storedDefinitionSchema.parse(JSON.parse(row.definition));
  versionCache.set(key, def);
  return def;
}

/**
 * Adds (sign 1) or removes (sign −1) one questionnaire's tallies: per unit (SurveyTally) and per
 * band cell (SurveyBandTally), one statement each.
 */
async function applyTallies(tx: Tx, surveyId: number, unitId: number, bands: Bands, rows: AnswerRow[], sign: 1 | -1) {
  const tallies = tallyRows(rows);
  if (tallies.length > 0) {
    const values = tallies.map(
      (t) => Prisma.sql`(${surveyId}, ${t.question}, ${t.option}, ${unitId}, ${sign * t.count}, ${sign * t.numSum})`,
    );
    await tx.$executeRaw(tallyUpsertRows(TALLIES.answers, values));
  }
  const bandValues = bandTallyRows(tallies).map(
    (t) =>
      Prisma.sql`(${surveyId}, ${t.question}, ${t.option}, ${t.value}, ${bands.ageBand}, ${bands.gender}, ${bands.occupation}, ${bands.area}, ${sign * t.count}, ${sign * t.numSum})`,
  );
  await tx.$executeRaw(tallyUpsertRows(TALLIES.bands, bandValues));
}

type UnitDelta = { received?: number; counted?: number; accepted?: number; returned?: number };

async function applyUnitTally(tx: Tx, surveyId: number, unitId: number, d: UnitDelta) {
  const [received, counted, accepted, returned] = [d.received ?? 0, d.counted ?? 0, d.accepted ?? 0, d.returned ?? 0];
  await tx.$executeRaw(tallyUpsertRows(TALLIES.units, [Prisma.sql`(${surveyId}, ${unitId}, ${received}, ${counted}, ${accepted}, ${returned})`]));
}

async function insertAnswerRows(tx: Tx, responseId: number, surveyId: number, rows: AnswerRow[]) {
  if (rows.length === 0) return;
  const values = rows.map((a) => Prisma.sql`(${responseId}, ${surveyId}, ${a.question}, ${a.option}, ${a.num}, ${a.text})`);
  await tx.$executeRaw`
    INSERT INTO "SurveyAnswer" ("responseId", "surveyId", "question", "option", "num", "text") VALUES ${Prisma.join(values)}`;
}

/**
 * A published survey created in one go (seed, benchmark generator): definition frozen as version 1,
 * targets with quotas. The pages go through create → builder → assignment → publish instead.
 */
export async function createPublishedSurvey(
  tx: Tx,
  s: {
    code: string;
    seriesCode: string;
    period: string;
    status?: "published" | "closed";
    definition: SurveyDefinition;
    opensOn: Date;
    closesOn: Date;
    previousWaveId?: number | null;
    createdById: number;
    targets: { unitId: number; quota: number }[];
  },
): Promise<number> {
  const json = JSON.stringify(definitionSchema.parse(s.definition));
  const survey = await tx.survey.create({
    data: {
      code: s.code,
      seriesCode: s.seriesCode,
      title: s.definition.title,
      period: s.period,
      status: s.status ?? "published",
      definition: json,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      previousWaveId: s.previousWaveId ?? null,
      createdById: s.createdById,
      versions: { create: { version: 1, definition: json } },
      targets: { create: s.targets },
    },
    select: { id: true },
  });
  return survey.id;
}

/**
 * Bulk storage for data generators (benchmark, seed): the same insert as a field submission, many
 * questionnaires per transaction. Answers must already be valid for the definition.
 */
export async function storeResponses(surveyId: number, version: number, items: Omit<NewResponse, "surveyId" | "version" | "contentHash">[]) {
  const def = await loadVersion(surveyId, version);
  if (!def) throw new Error(`No published version ${version} of survey ${surveyId}`);
  await withExclusiveConnection((w) => {
    const tallies = new TallyIncrements();
    for (const item of items) {
      const contentHash = hashContent(surveyId, version, item.bands, item.answers);
      insertResponse(w, def, { ...item, surveyId, version, contentHash }, { audit: false, tallies });
    }
    tallies.apply(w);
  });
}

export function hashContent(surveyId: number, version: number, bands: Bands, answers: Answers): string {
  return crypto.createHash("sha256").update(canonicalJson({ surveyId, version, bands, answers })).digest("hex");
}

/** Open for entry: published, and today (in Vietnam) within the open/close dates (inclusive). */
export function isOpenForEntry(s: { status: string; opensOn: Date | null; closesOn: Date | null }, today = todayInVietnam()) {
  if (s.status !== "published") return false;
  if (s.opensOn && today < s.opensOn) return false;
  if (s.closesOn && today > s.closesOn) return false;
  return true;
}

export type SubmitOutcome = { status: 200 | 201; responseId: number; revision: number; duplicate: boolean };

/** A checked new submission (or a replay) as the writer's transaction stores it. */
type FastJob = {
  s: Submission;
  def: SurveyDefinition;
  contentHash: string;
  answers: Answers;
  unitId: number;
  collaboratorId: number;
  personalDataConfirmed: boolean;
};

/** A new questionnaire is stored (201); a replay answers with the stored one (200); else 409. */
function storeNewOrReplay(w: Database.Database, job: FastJob): SubmitOutcome | ExistingResponse {
  const { s, contentHash } = job;
  const existing = findByUuid(w, s.uuid);
  if (!existing) {
    if (s.revision !== 1) refuse(Conflict, "surveys.api.staleRevision");
    const responseId = insertResponse(w, job.def, {
      clientUuid: s.uuid,
      contentHash,
      surveyId: s.surveyId,
      version: s.version,
      unitId: job.unitId,
      collaboratorId: job.collaboratorId,
      bands: s.bands,
      answers: job.answers,
      personalDataConfirmed: job.personalDataConfirmed,
    });
    return { status: 201, responseId, revision: 1, duplicate: false };
  }
  if (existing.collaboratorId !== job.collaboratorId || existing.surveyId !== s.surveyId) refuse(Conflict, "surveys.api.uuidConflict");
  if (s.revision === existing.revision) {
    if (existing.contentHash !== contentHash) refuse(Conflict, "surveys.api.uuidConflict");
    return { status: 200, responseId: existing.id, revision: existing.revision, duplicate: true };
  }
  if (existing.status !== "returned" || s.revision !== existing.revision + 1) refuse(Conflict, "surveys.api.staleRevision");
  return existing;
}

// On every submission: a prepared statement on the lent connection, not an ORM query.
const ASSIGNED_SURVEY_SQL = `
  SELECT s."status", s."opensOn", s."closesOn" FROM "SurveyTarget" t JOIN "Survey" s ON s."id" = t."surveyId"
  WHERE t."surveyId" = ? AND t."unitId" = ?`;

/** The survey if it is assigned to the unit, with what decides whether it is open for entry. */
async function assignedSurvey(surveyId: number, unitId: number) {
  const row = await withConnection(
    (raw) => prepared(raw, ASSIGNED_SURVEY_SQL).get(surveyId, unitId) as { status: string; opensOn: string | null; closesOn: string | null } | undefined,
  );
  if (!row) return null;
  const day = (value: string | null) => (value ? new Date(value) : null);
  return { status: row.status, opensOn: day(row.opensOn), closesOn: day(row.closesOn) };
}

/**
 * A collaborator's submission (JSON body already parsed). Idempotent by the client UUID:
 * same UUID + same content → the stored record (200); same UUID + other content → 409. A
 * returned questionnaire is resubmitted with the same UUID and the next revision number.
 * Anything invalid → 4xx and nothing is written. Acknowledged means committed.
 */
export async function storeSubmission(viewer: Viewer, body: unknown): Promise<SubmitOutcome> {
  const envelope = submissionSchema.safeParse(body);
  if (!envelope.success) {
    const errors: Record<string, string[]> = {};
    for (const i of envelope.error.issues) (errors[i.path.join(".") || "_"] ??= []).push(i.message);
    refuse(Invalid, "surveys.api.badEnvelope", errors);
  }
  const s = envelope.data;
  const survey = await assignedSurvey(s.surveyId, viewer.unitId);
  // Another unit's survey, a draft or an unknown id: the same 404.
  if (!survey || survey.status === "draft") refuse(NotFound, "surveys.api.surveyNotFound");
  if (!isOpenForEntry(survey)) refuse(Conflict, "surveys.api.surveyClosed");
  const def = await loadVersion(s.surveyId, s.version);
  if (!def) refuse(Invalid, "surveys.api.unknownVersion");
  const parsed = answersSchema(def).safeParse(s.answers);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) {
      const key = i.code === "unrecognized_keys" ? "_" : String(i.path[0] ?? "_");
      const message = i.code === "unrecognized_keys" ? `surveys.errors.unknownQuestion::${JSON.stringify({ codes: i.keys.join(", ") })}` : i.message;
      (errors[key] ??= []).push(message);
    }
    refuse(Invalid, "surveys.api.invalidAnswers", errors);
  }
  const answers = parsed.data as Answers;
  // Free-text answers flagged by the personal-data guard: refused unless the draft carries the
  // collaborator's confirmation (docs/decisions/0015); nothing is stored.
  const refused = personalDataIssues(s.confirmNoPersonalData, textAnswers(def, answers));
  if (refused.length) {
    refuse(Invalid, "surveys.api.invalidAnswers", Object.fromEntries(refused.map((path) => [String(path[0]), [PERSONAL_DATA_REFUSED]])));
  }
  const personalData = personalDataConfirmed(s.confirmNoPersonalData, textAnswers(def, answers).map(([, text]) => text));
  const contentHash = hashContent(s.surveyId, s.version, s.bands, answers);

  // New questionnaire or a replay: one IMMEDIATE transaction on the app's connection (no
  // read-then-write race between concurrent sends of one UUID).
  const job = { s, def, contentHash, answers, unitId: viewer.unitId, collaboratorId: viewer.id, personalDataConfirmed: personalData };
  const fast = await withGroupCommit((w) => storeNewOrReplay(w, job));
  if ("responseId" in fast) return fast;
  const existing = fast;

  return db.$transaction(async (tx) => {
    const [current] = numberRows(await tx.$queryRaw<{ status: string; revision: number | bigint; contentHash: string }[]>`
      SELECT "status", "revision", "contentHash" FROM "SurveyResponse" WHERE "id" = ${existing.id}`);
    // A concurrent send of this very resubmission (a retry, a double tap) committed first: the
    // same revision with the same content is a duplicate, answered like any replay, never 409.
    if (current && current.revision === s.revision && current.contentHash === contentHash) {
      return { status: 200, responseId: existing.id, revision: s.revision, duplicate: true } as const;
    }
    if (current?.status !== "returned" || current.revision !== existing.revision) refuse(Conflict, "surveys.api.staleRevision");
    // Resubmission of a returned questionnaire: its answers replace the old ones and count again.
    await tx.surveyAnswer.deleteMany({ where: { responseId: existing.id } });
    const rows = answerRows(def, answers);
    await insertAnswerRows(tx, existing.id, s.surveyId, rows);
    await applyTallies(tx, s.surveyId, existing.unitId, s.bands, rows, 1);
    await applyUnitTally(tx, s.surveyId, existing.unitId, { counted: 1, returned: -1 });
    await tx.surveyResponse.update({
      where: { id: existing.id },
      data: { status: "submitted", revision: s.revision, contentHash, version: s.version, ...s.bands },
    });
    await tx.surveyResponseEvent.create({
      data: {
        responseId: existing.id,
        actorId: viewer.id,
        kind: "resubmitted",
        revision: s.revision,
        payload: canonicalJson({ version: s.version, bands: s.bands, answers }),
      },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "survey.response.resubmit",
      entityType: "SurveyResponse",
      entityId: existing.id,
      after: personalData ? { revision: s.revision, personalDataConfirmed: true } : { revision: s.revision },
    });
    return { status: 200, responseId: existing.id, revision: s.revision, duplicate: false } as const;
  });
}

/**
 * Moves a questionnaire out of "submitted" inside the review's transaction, or refuses: the status
 * read before the transaction may be stale (a double click, two reviewers), and a second review
 * would move the tallies twice.
 */
async function leaveSubmitted(tx: Tx, r: { id: number; revision: number }, status: "accepted" | "returned") {
  const moved = await tx.surveyResponse.updateMany({ where: { id: r.id, status: "submitted", revision: r.revision }, data: { status } });
  if (moved.count !== 1) throw new FieldError("intent", "surveys.errors.wrongStatus");
}

/** Review: accept a submitted questionnaire. */
export async function acceptResponse(tx: Tx, actorId: number, r: { id: number; surveyId: number; unitId: number; revision: number }) {
  await leaveSubmitted(tx, r, "accepted");
  await applyUnitTally(tx, r.surveyId, r.unitId, { accepted: 1 });
  await tx.surveyResponseEvent.create({ data: { responseId: r.id, actorId, kind: "accepted", revision: r.revision } });
}

/** Review: return a submitted questionnaire; its answers stop counting until resubmitted. */
export async function returnResponse(
  tx: Tx,
  actorId: number,
  r: { id: number; surveyId: number; unitId: number; revision: number },
  comment: string,
  questionComments: Record<string, string>,
) {
  await leaveSubmitted(tx, r, "returned");
  const rows = await tx.surveyAnswer.findMany({
    where: { responseId: r.id },
    select: { question: true, option: true, num: true, text: true },
  });
  // The bands as stored, read inside the transaction: the ones its tallies were added under.
  const bands = await tx.surveyResponse.findUniqueOrThrow({
    where: { id: r.id },
    select: { ageBand: true, gender: true, occupation: true, area: true },
  });
  await applyTallies(tx, r.surveyId, r.unitId, bands as Bands, rows, -1);
  await applyUnitTally(tx, r.surveyId, r.unitId, { counted: -1, returned: 1 });
  await tx.surveyResponseEvent.create({
    data: { responseId: r.id, actorId, kind: "returned", revision: r.revision, comment, payload: JSON.stringify(questionComments) },
  });
}
