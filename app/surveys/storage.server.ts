/**
 * The write path of questionnaires: answer rows (one per response × question × chosen option) and
 * the EXACT tallies the results read, all in one transaction per submission, return or
 * resubmission. See docs/decisions/0010-survey-storage.md.
 */
import crypto from "node:crypto";
import { data } from "@remix-run/node";
import type { Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db, type Tx } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";
import {
  answersSchema,
  canonicalJson,
  definitionSchema,
  submissionSchema,
  type Answers,
  type Bands,
  type SurveyDefinition,
} from "./definition";

/** Statuses whose answers count in the results (and in the tallies). */
export const COUNTED_STATUSES = ["submitted", "accepted"] as const;

export type AnswerRow = { question: string; option: string; num: number | null; text: string | null };

/** A submission refused: an HTTP status, a message key, and per-question error keys. */
export function submissionError(status: number, message: string, errors?: Record<string, string[]>): never {
  throw data({ message, errors: errors ?? {} }, { status });
}

// Published versions never change: their parsed definitions are cached for the write path.
const versionCache = new Map<string, SurveyDefinition>();

export async function loadVersion(surveyId: number, version: number): Promise<SurveyDefinition | null> {
  const key = `${surveyId}:${version}`;
  const cached = versionCache.get(key);
  if (cached) return cached;
  const row = await db.surveyVersion.findUnique({ where: { surveyId_version: { surveyId, version } } });
  if (!row) return null;
  const def = definitionSchema.parse(JSON.parse(row.definition));
  versionCache.set(key, def);
  return def;
}

/** The answer rows of one questionnaire (see SurveyAnswer in prisma/schema/surveys.prisma). */
export function answerRows(def: SurveyDefinition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const position = (options: { code: string }[] | undefined, code: string) =>
    (options ?? []).findIndex((o) => o.code === code) + 1;
  for (const q of def.questions) {
    const v = answers[q.code];
    if (v === undefined) continue;
    switch (q.type) {
      case "single":
        rows.push({ question: q.code, option: v as string, num: null, text: null });
        break;
      case "likert":
        rows.push({ question: q.code, option: v as string, num: position(q.options, v as string), text: null });
        break;
      case "multiple":
        for (const o of v as string[]) rows.push({ question: q.code, option: o, num: null, text: null });
        break;
      case "ranking":
        (v as string[]).forEach((o, i) => rows.push({ question: q.code, option: o, num: i + 1, text: null }));
        break;
      case "matrix":
        for (const [item, o] of Object.entries(v as Record<string, string>)) {
          rows.push({ question: item, option: o, num: position(q.options, o), text: null });
        }
        break;
      case "rating":
        rows.push({ question: q.code, option: String(v), num: v as number, text: null });
        break;
      case "number":
        rows.push({ question: q.code, option: "", num: v as number, text: null });
        break;
      default:
        rows.push({ question: q.code, option: "", num: null, text: v as string });
    }
  }
  return rows;
}

type TallyRow = { question: string; option: string; count: number; numSum: number };

/**
 * Tally increments for one questionnaire: one per answer row, plus the question's n under option ""
 * (for rows that already have option "" — numbers, dates, texts — that row is the n).
 */
export function tallyRows(rows: AnswerRow[]): TallyRow[] {
  const out: TallyRow[] = [];
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const r of rows) byQuestion.set(r.question, [...(byQuestion.get(r.question) ?? []), r]);
  for (const [question, qs] of byQuestion) {
    for (const r of qs) out.push({ question, option: r.option, count: 1, numSum: r.num ?? 0 });
    if (!qs.some((r) => r.option === "")) {
      out.push({ question, option: "", count: 1, numSum: qs.length === 1 ? (qs[0]!.num ?? 0) : 0 });
    }
  }
  return out;
}

/** Adds (sign 1) or removes (sign −1) one questionnaire's tallies, in one statement. */
async function applyTallies(tx: Tx, surveyId: number, unitId: number, rows: AnswerRow[], sign: 1 | -1) {
  const tallies = tallyRows(rows);
  if (tallies.length === 0) return;
  const values = tallies.map(
    (t) => Prisma.sql`(${surveyId}, ${t.question}, ${t.option}, ${unitId}, ${sign * t.count}, ${sign * t.numSum})`,
  );
  await tx.$executeRaw`
    INSERT INTO "SurveyTally" ("surveyId", "question", "option", "unitId", "count", "numSum")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("surveyId", "question", "option", "unitId") DO UPDATE SET
      "count" = "SurveyTally"."count" + excluded."count",
      "numSum" = "SurveyTally"."numSum" + excluded."numSum"`;
}

type UnitDelta = { received?: number; counted?: number; accepted?: number; returned?: number };

async function applyUnitTally(tx: Tx, surveyId: number, unitId: number, d: UnitDelta) {
  const [received, counted, accepted, returned] = [d.received ?? 0, d.counted ?? 0, d.accepted ?? 0, d.returned ?? 0];
  await tx.$executeRaw`
    INSERT INTO "SurveyUnitTally" ("surveyId", "unitId", "received", "counted", "accepted", "returned")
    VALUES (${surveyId}, ${unitId}, ${received}, ${counted}, ${accepted}, ${returned})
    ON CONFLICT ("surveyId", "unitId") DO UPDATE SET
      "received" = "SurveyUnitTally"."received" + excluded."received",
      "counted" = "SurveyUnitTally"."counted" + excluded."counted",
      "accepted" = "SurveyUnitTally"."accepted" + excluded."accepted",
      "returned" = "SurveyUnitTally"."returned" + excluded."returned"`;
}

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

/**
 * Stores one new questionnaire inside the caller's transaction: response, answer rows, tallies,
 * history event. The caller has validated the answers against the definition.
 */
export async function insertResponse(tx: Tx, def: SurveyDefinition, r: NewResponse, audit = true): Promise<number> {
  const status = r.status ?? "submitted";
  // Raw statements on the hot path: one round trip each, no query compilation (issue 5's load).
  const now = sqlNow(r.submittedAt);
  const b = r.bands;
  const [response] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "SurveyResponse" ("clientUuid", "contentHash", "surveyId", "version", "unitId", "collaboratorId", "status",
      "revision", "ageBand", "gender", "occupation", "area", "submittedAt", "updatedAt")
    VALUES (${r.clientUuid}, ${r.contentHash}, ${r.surveyId}, ${r.version}, ${r.unitId}, ${r.collaboratorId}, ${status},
      1, ${b.ageBand}, ${b.gender}, ${b.occupation}, ${b.area}, ${now}, ${now})
    RETURNING "id"`;
  const responseId = Number(response!.id);
  const rows = answerRows(def, r.answers);
  await insertAnswerRows(tx, responseId, r.surveyId, rows);
  await applyTallies(tx, r.surveyId, r.unitId, rows, 1);
  await applyUnitTally(tx, r.surveyId, r.unitId, { received: 1, counted: 1, accepted: status === "accepted" ? 1 : 0 });
  await tx.$executeRaw`
    INSERT INTO "SurveyResponseEvent" ("responseId", "at", "actorId", "kind", "revision", "payload")
    VALUES (${responseId}, ${now}, ${r.collaboratorId}, 'submitted', 1, ${canonicalJson({ version: r.version, bands: r.bands, answers: r.answers })})`;
  if (audit) {
    await recordAudit(tx, {
      actorId: r.collaboratorId,
      action: "survey.response.submit",
      entityType: "SurveyResponse",
      entityId: responseId,
      after: { surveyId: r.surveyId, unitId: r.unitId, clientUuid: r.clientUuid },
    });
  }
  return responseId;
}

/** DateTime as the Prisma SQLite adapter stores it (ISO text), so raw and model writes agree. */
function sqlNow(at?: Date): string {
  return (at ?? new Date()).toISOString().replace("Z", "+00:00");
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
 * Bulk storage for data generators (benchmark, seed): the same insert path as a field submission,
 * many questionnaires per transaction. Answers must already be valid for the definition.
 */
export async function storeResponses(surveyId: number, version: number, items: Omit<NewResponse, "surveyId" | "version" | "contentHash">[]) {
  const def = await loadVersion(surveyId, version);
  if (!def) throw new Error(`No published version ${version} of survey ${surveyId}`);
  await db.$transaction(
    async (tx) => {
      for (const item of items) {
        const contentHash = hashContent(surveyId, version, item.bands, item.answers);
        await insertResponse(tx, def, { ...item, surveyId, version, contentHash }, false);
      }
    },
    { timeout: 600_000 },
  );
}

export function hashContent(surveyId: number, version: number, bands: Bands, answers: Answers): string {
  return crypto.createHash("sha256").update(canonicalJson({ surveyId, version, bands, answers })).digest("hex");
}

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Open for entry: published, and today within the open/close dates (inclusive). */
export function isOpenForEntry(s: { status: string; opensOn: Date | null; closesOn: Date | null }, today = todayUtc()) {
  if (s.status !== "published") return false;
  if (s.opensOn && today < s.opensOn) return false;
  if (s.closesOn && today > s.closesOn) return false;
  return true;
}

export type SubmitOutcome = { status: 200 | 201; responseId: number; revision: number; duplicate: boolean };

/**
 * A collaborator's submission (JSON body already parsed). Idempotent by the client UUID:
 * same UUID + same content → the stored record (200); same UUID + other content → 409. A
 * returned questionnaire is resubmitted with the same UUID and the next revision number.
 * Anything invalid → 4xx and nothing is written. Acknowledged means committed.
 */
export async function submitResponse(viewer: Viewer, body: unknown): Promise<SubmitOutcome> {
  const envelope = submissionSchema.safeParse(body);
  if (!envelope.success) {
    const errors: Record<string, string[]> = {};
    for (const i of envelope.error.issues) (errors[i.path.join(".") || "_"] ??= []).push(i.message);
    submissionError(400, "surveys.api.badEnvelope", errors);
  }
  const s = envelope.data;
  const target = await db.surveyTarget.findUnique({
    where: { surveyId_unitId: { surveyId: s.surveyId, unitId: viewer.unitId } },
    select: { survey: { select: { status: true, opensOn: true, closesOn: true } } },
  });
  // Another unit's survey, a draft or an unknown id: the same 404.
  if (!target || target.survey.status === "draft") submissionError(404, "surveys.api.surveyNotFound");
  if (!isOpenForEntry(target.survey)) submissionError(409, "surveys.api.surveyClosed");
  const def = await loadVersion(s.surveyId, s.version);
  if (!def) submissionError(400, "surveys.api.unknownVersion");
  const parsed = answersSchema(def).safeParse(s.answers);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) {
      const key = i.code === "unrecognized_keys" ? "_" : String(i.path[0] ?? "_");
      const message = i.code === "unrecognized_keys" ? `surveys.errors.unknownQuestion::${JSON.stringify({ codes: i.keys.join(", ") })}` : i.message;
      (errors[key] ??= []).push(message);
    }
    submissionError(400, "surveys.api.invalidAnswers", errors);
  }
  const answers = parsed.data as Answers;
  const contentHash = hashContent(s.surveyId, s.version, s.bands, answers);

  return db.$transaction(async (tx) => {
    const [found] = await tx.$queryRaw<
      { id: number; collaboratorId: number; contentHash: string; revision: number; status: string; surveyId: number; unitId: number }[]
    >`SELECT "id", "collaboratorId", "contentHash", "revision", "status", "surveyId", "unitId"
      FROM "SurveyResponse" WHERE "clientUuid" = ${s.uuid}`;
    const existing = found && {
      ...found,
      id: Number(found.id),
      collaboratorId: Number(found.collaboratorId),
      revision: Number(found.revision),
      surveyId: Number(found.surveyId),
      unitId: Number(found.unitId),
    };
    if (!existing) {
      if (s.revision !== 1) submissionError(409, "surveys.api.staleRevision");
      const responseId = await insertResponse(tx, def, {
        clientUuid: s.uuid,
        contentHash,
        surveyId: s.surveyId,
        version: s.version,
        unitId: viewer.unitId,
        collaboratorId: viewer.id,
        bands: s.bands,
        answers,
      });
      return { status: 201, responseId, revision: 1, duplicate: false } as const;
    }
    if (existing.collaboratorId !== viewer.id || existing.surveyId !== s.surveyId) submissionError(409, "surveys.api.uuidConflict");
    if (s.revision === existing.revision) {
      if (existing.contentHash !== contentHash) submissionError(409, "surveys.api.uuidConflict");
      return { status: 200, responseId: existing.id, revision: existing.revision, duplicate: true } as const;
    }
    if (existing.status !== "returned" || s.revision !== existing.revision + 1) submissionError(409, "surveys.api.staleRevision");
    // Resubmission of a returned questionnaire: its answers replace the old ones and count again.
    await tx.surveyAnswer.deleteMany({ where: { responseId: existing.id } });
    const rows = answerRows(def, answers);
    await insertAnswerRows(tx, existing.id, s.surveyId, rows);
    await applyTallies(tx, s.surveyId, existing.unitId, rows, 1);
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
      after: { revision: s.revision },
    });
    return { status: 200, responseId: existing.id, revision: s.revision, duplicate: false } as const;
  });
}

/** Review: accept a submitted questionnaire. */
export async function acceptResponse(tx: Tx, actorId: number, r: { id: number; surveyId: number; unitId: number; revision: number }) {
  await tx.surveyResponse.update({ where: { id: r.id }, data: { status: "accepted" } });
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
  const rows = await tx.surveyAnswer.findMany({
    where: { responseId: r.id },
    select: { question: true, option: true, num: true, text: true },
  });
  await applyTallies(tx, r.surveyId, r.unitId, rows, -1);
  await applyUnitTally(tx, r.surveyId, r.unitId, { counted: -1, returned: 1 });
  await tx.surveyResponse.update({ where: { id: r.id }, data: { status: "returned" } });
  await tx.surveyResponseEvent.create({
    data: { responseId: r.id, actorId, kind: "returned", revision: r.revision, comment, payload: JSON.stringify(questionComments) },
  });
}
