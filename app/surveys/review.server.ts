/** Review of questionnaires: lists, one questionnaire with its history, accept / return. */
import { responsesVisibleTo, surveysVisibleTo, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { inSubtreeSql, numberRows } from "~/db/sql-rules.server";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { Prisma } from "~/generated/prisma/client";
import { notFound } from "~/utils/http.server";
import { RESPONSE_STATUSES, type Answers, type Bands } from "./definition";
import { acceptResponse, loadVersion, returnResponse } from "./storage.server";

export const REVIEW_PAGE_SIZE = 50;

export type ReviewFilter = {
  status?: string;
  unitCode?: string;
  /** Questionnaires older (lower id) than this one: the next page; or newer: the previous page. */
  older?: number;
  newer?: number;
};

/** How many questionnaires a status holds, from a unit tally row (received = all of them). */
function statusCount(t: { received: number; counted: number; accepted: number; returned: number }, status?: string) {
  if (status === "submitted") return t.counted - t.accepted;
  if (status === "accepted") return t.accepted;
  if (status === "returned") return t.returned;
  return t.received;
}

/**
 * One page of a survey's questionnaires in the viewer's scope, newest first, in keyset pages by id
 * (the (surveyId, id) and (surveyId, status, id) indexes): the 1,000th page costs what the first
 * does. The total comes from the exact unit tallies (SurveyUnitTally), not a COUNT over a wave of
 * 100,000 questionnaires.
 */
export async function listResponses(viewer: Viewer, surveyId: number, filter: ReviewFilter) {
  const status = filter.status && (RESPONSE_STATUSES as readonly string[]).includes(filter.status) ? filter.status : undefined;
  const units = { ...unitsVisibleTo(viewer), ...(filter.unitCode ? { code: filter.unitCode } : {}) };
  const where = {
    surveyId,
    survey: surveysVisibleTo(viewer),
    ...responsesVisibleTo(viewer),
    ...(status ? { status } : {}),
    ...(filter.unitCode ? { unit: units } : {}),
  };
  const backwards = filter.older === undefined && filter.newer !== undefined;
  const [tallies, found] = await Promise.all([
    db.$queryRaw<{ received: number | bigint; counted: number | bigint; accepted: number | bigint; returned: number | bigint }[]>`
      SELECT t."received", t."counted", t."accepted", t."returned" FROM "SurveyUnitTally" t JOIN "Unit" u ON u."id" = t."unitId"
      WHERE t."surveyId" = ${surveyId} AND ${inSubtreeSql(viewer.unitPath)}
        ${filter.unitCode ? Prisma.sql`AND u."code" = ${filter.unitCode}` : Prisma.empty}`,
    db.surveyResponse.findMany({
      where: { ...where, ...(filter.older !== undefined ? { id: { lt: filter.older } } : backwards ? { id: { gt: filter.newer } } : {}) },
      orderBy: { id: backwards ? "asc" : "desc" },
      take: REVIEW_PAGE_SIZE + 1,
      select: {
        id: true,
        status: true,
        revision: true,
        submittedAt: true,
        updatedAt: true,
        unit: { select: { code: true, name: true } },
        collaborator: { select: { displayName: true } },
      },
    }),
  ]);
  const more = found.length > REVIEW_PAGE_SIZE;
  const rows = found.slice(0, REVIEW_PAGE_SIZE).sort((a, b) => b.id - a.id);
  return {
    total: numberRows(tallies).reduce((n, t) => n + statusCount(t, status), 0),
    rows,
    older: (backwards ? rows.length > 0 : more) ? (rows.at(-1)?.id ?? null) : null,
    newer: (backwards ? more : filter.older !== undefined) ? (rows[0]?.id ?? null) : null,
  };
}

/** One questionnaire in the viewer's scope (a collaborator: their own), with its history. */
export async function getResponse(viewer: Viewer, id: number) {
  const r = await db.surveyResponse.findFirst({
    where: { id, ...responsesVisibleTo(viewer) },
    include: {
      unit: { select: { code: true, name: true } },
      collaborator: { select: { displayName: true } },
      survey: { select: { id: true, code: true, title: true, period: true, status: true, opensOn: true, closesOn: true } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!r) notFound();
  const definition = await loadVersion(r.surveyId, r.version);
  if (!definition) notFound();
  const latest = [...r.events].reverse().find((e) => e.kind === "submitted" || e.kind === "resubmitted");
  const content = latest?.payload ? (JSON.parse(latest.payload) as { answers: Answers; bands: Bands }) : { answers: {}, bands: null };
  const lastReturn = [...r.events].reverse().find((e) => e.kind === "returned");
  const accounts = await db.account.findMany({
    where: { id: { in: [...new Set(r.events.map((e) => e.actorId))] } },
    select: { id: true, displayName: true },
  });
  return {
    id: r.id,
    clientUuid: r.clientUuid,
    status: r.status,
    revision: r.revision,
    version: r.version,
    unit: r.unit,
    collaborator: r.collaborator,
    collaboratorId: r.collaboratorId,
    survey: r.survey,
    definition,
    answers: content.answers,
    bands: { ageBand: r.ageBand, gender: r.gender, occupation: r.occupation, area: r.area } as Bands,
    returnComment: r.status === "returned" && lastReturn ? lastReturn.comment : null,
    questionComments:
      r.status === "returned" && lastReturn?.payload ? (JSON.parse(lastReturn.payload) as Record<string, string>) : {},
    history: r.events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      revision: e.revision,
      comment: e.comment,
      actor: accounts.find((a) => a.id === e.actorId)?.displayName ?? "",
      questionComments: e.kind === "returned" && e.payload ? (JSON.parse(e.payload) as Record<string, string>) : {},
    })),
  };
}

export async function reviewResponse(
  viewer: Viewer,
  id: number,
  input: { intent: "accept" } | { intent: "return"; comment: string; questionComments?: string },
) {
  const r = await db.surveyResponse.findFirst({
    where: { id, ...responsesVisibleTo(viewer) },
    select: { id: true, surveyId: true, unitId: true, status: true, revision: true },
  });
  if (!r) notFound();
  if (r.status !== "submitted") throw new FieldError("intent", "surveys.errors.wrongStatus");
  let questionComments: Record<string, string> = {};
  if (input.intent === "return" && input.questionComments) {
    try {
      const raw = JSON.parse(input.questionComments) as Record<string, unknown>;
      for (const [k, v] of Object.entries(raw)) {
        if (typeof v === "string" && v.trim() && /^[A-Z][A-Z0-9_]{0,23}$/.test(k)) questionComments[k] = v.trim().slice(0, 1000);
      }
    } catch {
      questionComments = {};
    }
  }
  await db.$transaction(async (tx) => {
    if (input.intent === "accept") await acceptResponse(tx, viewer.id, r);
    else await returnResponse(tx, viewer.id, r, input.comment, questionComments);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: input.intent === "accept" ? "survey.response.accept" : "survey.response.return",
      entityType: "SurveyResponse",
      entityId: id,
      before: { status: r.status },
      after: { status: input.intent === "accept" ? "accepted" : "returned" },
    });
  });
  return r.surveyId;
}

/**
 * The questionnaire to review after `id` in the same survey: the next one waiting ("submitted")
 * in the review list's order (newest first), wrapping round; null when none is left.
 */
export async function nextResponseToReview(viewer: Viewer, surveyId: number, id: number): Promise<number | null> {
  const waiting = { surveyId, status: "submitted", id: { not: id }, ...responsesVisibleTo(viewer) };
  const next =
    (await db.surveyResponse.findFirst({ where: { ...waiting, id: { lt: id } }, orderBy: { id: "desc" }, select: { id: true } })) ??
    (await db.surveyResponse.findFirst({ where: waiting, orderBy: { id: "desc" }, select: { id: true } }));
  return next?.id ?? null;
}

/** How many questionnaires a bulk acceptance by filter may take at once (one transaction). */
export const BULK_ACCEPT_MAX = 5000;

export type BulkSelection = { ids: number[] } | { unitCode?: string; expectedCount: number };

/**
 * Accepts many waiting questionnaires of one survey in one transaction: the ones ticked, or every
 * one the filter shows. By filter, the count the reviewer confirmed must still be the count now
 * (someone else may have reviewed meanwhile): otherwise nothing is accepted and the new count is
 * said. Each acceptance moves the tallies and writes its own audit entry, as one by one would.
 */
export async function bulkAcceptResponses(viewer: Viewer, surveyId: number, selection: BulkSelection): Promise<number> {
  const where = {
    surveyId,
    status: "submitted",
    survey: surveysVisibleTo(viewer),
    ...responsesVisibleTo(viewer),
    ...("ids" in selection ? { id: { in: selection.ids } } : selection.unitCode ? { unit: { ...unitsVisibleTo(viewer), code: selection.unitCode } } : {}),
  };
  return db.$transaction(
    async (tx) => {
      const rows = await tx.surveyResponse.findMany({ where, select: { id: true, surveyId: true, unitId: true, revision: true }, take: BULK_ACCEPT_MAX + 1 });
      if ("expectedCount" in selection && rows.length !== selection.expectedCount) throw new FieldError("expectedCount", "surveys.review.bulkCountChanged");
      if ("ids" in selection && rows.length !== new Set(selection.ids).size) throw new FieldError("ids", "surveys.review.bulkSelectionChanged");
      if (rows.length > BULK_ACCEPT_MAX) throw new FieldError("expectedCount", "surveys.review.bulkTooMany");
      for (const r of rows) {
        await acceptResponse(tx, viewer.id, r);
        await recordAudit(tx, { actorId: viewer.id, action: "survey.response.accept", entityType: "SurveyResponse", entityId: r.id, before: { status: "submitted" }, after: { status: "accepted", bulk: true } });
      }
      return rows.length;
    },
    { timeout: 60_000 },
  );
}

/** A collaborator's own questionnaires, newest first. */
export async function myResponses(viewer: Viewer) {
  return db.surveyResponse.findMany({
    where: responsesVisibleTo(viewer),
    orderBy: { submittedAt: "desc" },
    take: 100,
    select: { id: true, status: true, revision: true, submittedAt: true, survey: { select: { id: true, title: true, period: true } } },
  });
}
