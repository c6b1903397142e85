/**
 * Opinion reports: a collaborator files one per period (idempotent by client UUID), the
 * secretariat reads, rates, returns (the collaborator resubmits; history kept) and accepts.
 * Every write is one transaction with its audit entry.
 */
import crypto from "node:crypto";
import { Conflict } from "~/errors/domain-errors";
import { isInSubtree, opinionItemsVisibleTo, reportsVisibleTo, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db, type Tx } from "~/db/db.server";
import { countedPage } from "~/db/paging.server";
import { FieldError } from "~/forms/field-error.server";
import type { Prisma } from "~/generated/prisma/client";
import { deadlinePassed, timelinessOf } from "~/periods/period-math";
import { notFound } from "~/utils/http.server";
import { monthlyKeyOf, opinionItemRow } from "./report-rows";
import { assertOwnDraft } from "~/drafts/draft-owner.server";
import { personalDataConfirmed } from "~/forms/personal-data";
import { GUARDED_ITEM_FIELDS, itemFieldPath, type ReportContent } from "./report-schemas";

export type FileReportInput = { clientUuid: string; payload: ReportContent; draftOwner?: string };

/** A stable fingerprint of a report's content: same UUID + same hash = a harmless replay. */
export function contentHash(content: ReportContent): string {
  const normal = {
    urgent: content.urgent,
    note: content.note ?? null,
    confirm: content.confirmNoPersonalData,
    items: content.items.map((i) => ({ ...i, proposal: i.proposal ?? null, groupCodes: [...i.groupCodes].sort() })),
  };
  return crypto.createHash("sha256").update(JSON.stringify(normal)).digest("hex");
}

function conflict(message: string): never {
  throw new Conflict(message);
}

/** The units a collaborator may report an item for: open units of their own subtree. */
export async function reportableAreas(viewer: Viewer) {
  return db.unit.findMany({
    where: { ...unitsVisibleTo(viewer), validTo: null },
    orderBy: { path: "asc" },
    select: { id: true, code: true, name: true },
  });
}

/** Codes → ids, refusing unknown or inactive codes and areas outside the collaborator's scope. */
async function resolveCodes(tx: Tx, viewer: Viewer, content: ReportContent) {
  const topicCodes = [...new Set(content.items.map((i) => i.topicCode))];
  const groupCodes = [...new Set(content.items.flatMap((i) => i.groupCodes))];
  const areaCodes = [...new Set(content.items.map((i) => i.areaCode))];
  const [topics, groups, areas] = await Promise.all([
    tx.topic.findMany({ where: { code: { in: topicCodes }, active: true }, select: { id: true, code: true } }),
    tx.socialGroup.findMany({ where: { code: { in: groupCodes }, active: true }, select: { id: true, code: true } }),
    tx.unit.findMany({ where: { code: { in: areaCodes } }, select: { id: true, code: true, path: true, validTo: true } }),
  ]);
  const topicId = new Map(topics.map((t) => [t.code, t.id]));
  const groupId = new Map(groups.map((g) => [g.code, g.id]));
  const areaId = new Map(
    areas.filter((a) => !a.validTo && isInSubtree(viewer.unitPath, a.path)).map((a) => [a.code, a.id]),
  );
  content.items.forEach((item, index) => {
    if (!topicId.has(item.topicCode)) throw new FieldError(itemFieldPath(index, "topicCode"), "reports.errors.unknownTopic");
    if (!areaId.has(item.areaCode)) throw new FieldError(itemFieldPath(index, "areaCode"), "reports.errors.areaOutOfScope");
    for (const code of item.groupCodes) {
      if (!groupId.has(code)) throw new FieldError(itemFieldPath(index, "groupCodes"), "reports.errors.unknownGroup");
    }
  });
  return { topicId, groupId, areaId };
}

/** The confirmation recorded with a report: the collaborator confirmed text the guard flags. */
function confirmedPersonalData(content: ReportContent): boolean {
  return personalDataConfirmed(content.confirmNoPersonalData, [content.note, ...content.items.flatMap((item) => GUARDED_ITEM_FIELDS.map((f) => item[f]))]);
}

async function writeItems(
  tx: Tx,
  report: { id: number; urgent: boolean },
  period: { id: number; quarterKey: number },
  content: ReportContent,
  ids: Awaited<ReturnType<typeof resolveCodes>>,
) {
  for (const [position, item] of content.items.entries()) {
    await tx.opinionItem.create({
      data: {
        ...opinionItemRow(
          { reportId: report.id, position, period, reportUrgent: report.urgent },
          { topicId: ids.topicId.get(item.topicCode)!, areaUnitId: ids.areaId.get(item.areaCode)! },
          item,
        ),
        groups: { create: [...new Set(item.groupCodes)].map((code) => ({ groupId: ids.groupId.get(code)! })) },
      },
    });
  }
}

async function openPeriodFor(tx: Tx, periodId: number) {
  const period = await tx.reportingPeriod.findUnique({ where: { id: periodId } });
  if (!period) notFound();
  if (period.status !== "open") throw new FieldError("payload", "reports.errors.periodClosed");
  return period;
}

/** A monthly report (one per collaborator and period) or a fast report on a hot issue. */
export type ReportKind = "monthly" | "fast";

/**
 * Files a collaborator's report for a period. Replaying the same UUID with the same content
 * returns the stored report; the same UUID with other content is a 409.
 */
export async function fileReport(viewer: Viewer, periodId: number, input: FileReportInput, now = new Date(), kind: ReportKind = "monthly") {
  assertOwnDraft(viewer, input.draftOwner);
  const hash = contentHash(input.payload);
  return db.$transaction(async (tx) => {
    const replay = await tx.opinionReport.findUnique({ where: { clientUuid: input.clientUuid } });
    if (replay) {
      if (replay.collaboratorId !== viewer.id || replay.contentHash !== hash || replay.periodId !== periodId || replay.kind !== kind) {
        conflict("reports.errors.uuidReplayChanged");
      }
      return { id: replay.id, replayed: true };
    }
    const period = await openPeriodFor(tx, periodId);
    const monthlyKey = kind === "monthly" ? monthlyKeyOf(periodId, viewer.id) : null;
    if (monthlyKey && (await tx.opinionReport.findUnique({ where: { monthlyKey } }))) {
      throw new FieldError("payload", "reports.errors.alreadyFiled");
    }
    const ids = await resolveCodes(tx, viewer, input.payload);
    const timeliness = timelinessOf(now, period.deadline);
    const confirmed = confirmedPersonalData(input.payload);
    const report = await tx.opinionReport.create({
      data: {
        clientUuid: input.clientUuid,
        contentHash: hash,
        kind,
        monthlyKey,
        periodId,
        collaboratorId: viewer.id,
        unitId: viewer.unitId,
        // A fast report is urgent by definition: it goes to the secretariat's dashboard at once.
        urgent: kind === "fast" || input.payload.urgent,
        note: input.payload.note ?? null,
        timeliness,
        personalDataConfirmed: confirmed,
        firstSubmittedAt: now,
        submittedAt: now,
      },
    });
    await writeItems(tx, report, period, input.payload, ids);
    // Only the monthly report counts for completeness; fast reports come outside the cycle.
    if (kind === "monthly") {
      await tx.reportExpectation.upsert({
        where: { periodId_collaboratorId: { periodId, collaboratorId: viewer.id } },
        create: { periodId, collaboratorId: viewer.id, unitId: viewer.unitId, outcome: timeliness },
        update: { outcome: timeliness },
      });
    }
    await tx.reportEvent.create({ data: { reportId: report.id, actorId: viewer.id, kind: "submitted", at: now } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "report.submit",
      entityType: "OpinionReport",
      entityId: report.id,
      after: { periodId, kind, items: input.payload.items.length, urgent: report.urgent, timeliness, personalDataConfirmed: confirmed },
    });
    return { id: report.id, replayed: false };
  });
}

/** The collaborator fixes a returned report: items are replaced, the old ones kept in history. */
export async function resubmitReport(viewer: Viewer, reportId: number, input: FileReportInput, now = new Date()) {
  assertOwnDraft(viewer, input.draftOwner);
  const hash = contentHash(input.payload);
  return db.$transaction(async (tx) => {
    const report = await tx.opinionReport.findFirst({
      where: { AND: [{ id: reportId }, reportsVisibleTo(viewer), { collaboratorId: viewer.id }] },
      include: { items: { include: { groups: true } } },
    });
    if (!report) notFound();
    if (report.clientUuid === input.clientUuid) {
      if (report.contentHash === hash) return { id: report.id, replayed: true };
      conflict("reports.errors.uuidReplayChanged");
    }
    if (await tx.opinionReport.findUnique({ where: { clientUuid: input.clientUuid } })) conflict("reports.errors.uuidReplayChanged");
    if (report.status !== "returned") throw new FieldError("payload", "reports.errors.notReturned");
    const period = await openPeriodFor(tx, report.periodId);
    const ids = await resolveCodes(tx, viewer, input.payload);
    const snapshot = JSON.stringify({ note: report.note, urgent: report.urgent, items: report.items });
    await tx.opinionItem.deleteMany({ where: { reportId } });
    const confirmed = confirmedPersonalData(input.payload);
    const updated = await tx.opinionReport.update({
      where: { id: reportId },
      data: {
        clientUuid: input.clientUuid,
        contentHash: hash,
        status: "submitted",
        urgent: report.kind === "fast" || input.payload.urgent,
        note: input.payload.note ?? null,
        personalDataConfirmed: confirmed,
        submittedAt: now,
      },
    });
    await writeItems(tx, updated, period, input.payload, ids);
    await tx.reportEvent.create({ data: { reportId, actorId: viewer.id, kind: "resubmitted", at: now, snapshot } });
    await recordAudit(tx, { actorId: viewer.id, action: "report.resubmit", entityType: "OpinionReport", entityId: reportId, before: { status: report.status }, after: { status: "submitted", items: input.payload.items.length, personalDataConfirmed: confirmed } });
    return { id: reportId, replayed: false };
  });
}

export const INBOX_PAGE_SIZE = 50;

export type InboxFilters = { status?: string; urgent?: boolean; periodId?: number; page?: number };

export async function listReports(viewer: Viewer, filters: InboxFilters) {
  const where: Prisma.OpinionReportWhereInput = {
    AND: [
      reportsVisibleTo(viewer),
      filters.status ? { status: filters.status } : {},
      filters.urgent ? { OR: [{ urgent: true }, { items: { some: { urgent: true } } }] } : {},
      filters.periodId ? { periodId: filters.periodId } : {},
    ],
  };
  const list = await countedPage(
    filters.page ?? 1,
    INBOX_PAGE_SIZE,
    () => db.opinionReport.count({ where }),
    (window) => db.opinionReport.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      ...window,
      select: {
        id: true,
        kind: true,
        status: true,
        urgent: true,
        quality: true,
        timeliness: true,
        submittedAt: true,
        period: { select: { year: true, month: true } },
        collaborator: { select: { displayName: true, username: true } },
        unit: { select: { name: true, code: true } },
      },
    }),
  );
  return { ...list, rows: await withItemCounts(list.rows) };
}

/**
 * Each listed report's number of items, counted for this page's reports only (the (reportId,
 * position) index): a relation count in the list query grouped every item of every report first.
 */
async function withItemCounts<R extends { id: number }>(rows: R[]): Promise<(R & { itemCount: number })[]> {
  const counts = await db.opinionItem.groupBy({ by: ["reportId"], where: { reportId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const byReport = new Map(counts.map((c) => [c.reportId, c._count._all]));
  return rows.map((r) => ({ ...r, itemCount: byReport.get(r.id) ?? 0 }));
}

export async function getReport(viewer: Viewer, id: number) {
  const report = await db.opinionReport.findFirst({
    where: { AND: [{ id }, reportsVisibleTo(viewer)] },
    include: {
      period: true,
      collaborator: { select: { displayName: true, username: true } },
      unit: { select: { name: true, code: true } },
      items: {
        orderBy: { position: "asc" },
        include: {
          topic: { select: { code: true, nameVi: true, nameEn: true } },
          areaUnit: { select: { code: true, name: true } },
          groups: { select: { group: { select: { code: true, nameVi: true, nameEn: true } } } },
        },
      },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { displayName: true } } } },
    },
  });
  if (!report) notFound();
  return report;
}

async function reportForReview(tx: Tx, viewer: Viewer, id: number) {
  const report = await tx.opinionReport.findFirst({ where: { AND: [{ id }, reportsVisibleTo(viewer)] } });
  if (!report) notFound();
  return report;
}

export type ReviewInput =
  | { intent: "rate"; quality: string }
  | { intent: "return"; comment: string; confirmNoPersonalData?: boolean }
  | { intent: "accept"; then?: "stay" | "next" };

/** The secretariat's review: rate quality, return with a comment, or accept. */
export async function reviewReport(viewer: Viewer, id: number, input: ReviewInput, now = new Date()) {
  await db.$transaction(async (tx) => {
    const before = await reportForReview(tx, viewer, id);
    let change: Prisma.OpinionReportUpdateInput;
    let comment: string | null = null;
    let confirmed = false;
    if (input.intent === "rate") {
      change = { quality: input.quality };
    } else if (input.intent === "return") {
      if (before.status !== "submitted") throw new FieldError("comment", "reports.errors.cannotReturn");
      change = { status: "returned", returnComment: input.comment };
      comment = input.comment;
      confirmed = personalDataConfirmed(input.confirmNoPersonalData, [input.comment]);
    } else {
      if (before.status !== "submitted") throw new FieldError("intent", "reports.errors.cannotAccept");
      change = { status: "accepted" };
    }
    await tx.opinionReport.update({
      where: { id },
      data: { ...change, reviewedAt: now, reviewer: { connect: { id: viewer.id } } },
    });
    const kind = input.intent === "rate" ? "rated" : input.intent === "return" ? "returned" : "accepted";
    await tx.reportEvent.create({
      data: { reportId: id, actorId: viewer.id, kind, at: now, comment: input.intent === "rate" ? input.quality : comment },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `report.${input.intent}`,
      entityType: "OpinionReport",
      entityId: id,
      before: { status: before.status, quality: before.quality },
      after: confirmed ? { ...change, personalDataConfirmed: true } : change,
    });
  });
}

/**
 * The report to review after `id`: the next one waiting ("submitted") in the inbox's order
 * (newest submission first), wrapping round to the newest; null when none is left.
 */
export async function nextReportToReview(viewer: Viewer, id: number): Promise<number | null> {
  const current = await db.opinionReport.findFirst({ where: { AND: [{ id }, reportsVisibleTo(viewer)] }, select: { id: true, submittedAt: true } });
  if (!current) return null;
  const waiting: Prisma.OpinionReportWhereInput = { AND: [reportsVisibleTo(viewer), { status: "submitted" }, { id: { not: id } }] };
  const after = { OR: [{ submittedAt: { lt: current.submittedAt } }, { submittedAt: current.submittedAt, id: { lt: current.id } }] };
  const order = [{ submittedAt: "desc" as const }, { id: "desc" as const }];
  const next = (await db.opinionReport.findFirst({ where: { AND: [waiting, after] }, orderBy: order, select: { id: true } })) ?? (await db.opinionReport.findFirst({ where: waiting, orderBy: order, select: { id: true } }));
  return next?.id ?? null;
}

/** What the urgent-items panel shows of an item: its title, topic, area, direction and time. */
const URGENT_ITEM_FIELDS = {
  id: true, reportId: true, title: true, direction: true, createdAt: true,
  topic: { select: { nameVi: true, nameEn: true } },
  areaUnit: { select: { name: true } },
} satisfies Prisma.OpinionItemSelect;

export type UrgentItem = Prisma.OpinionItemGetPayload<{ select: typeof URGENT_ITEM_FIELDS }>;

/** Urgent items ("fast reports") for the dashboard, newest first. */
export async function listUrgentItems(viewer: Viewer, take = 10): Promise<UrgentItem[]> {
  return db.opinionItem.findMany({
    where: { AND: [{ urgent: true }, opinionItemsVisibleTo(viewer)] },
    orderBy: { createdAt: "desc" },
    take,
    select: URGENT_ITEM_FIELDS,
  });
}

/** The collaborator's own reports and the open periods they still have to report in. */
export async function myReportingOverview(viewer: Viewer, now = new Date()) {
  const [openPeriods, reports] = await Promise.all([
    db.reportingPeriod.findMany({ where: { status: "open" }, orderBy: [{ year: "desc" }, { month: "desc" }] }),
    db.opinionReport.findMany({
      where: { collaboratorId: viewer.id },
      orderBy: { periodId: "desc" },
      take: 24,
      select: { id: true, kind: true, periodId: true, status: true, quality: true, timeliness: true, urgent: true, submittedAt: true, returnComment: true, period: { select: { year: true, month: true } } },
    }),
  ]);
  const filed = new Set(reports.filter((r) => r.kind === "monthly").map((r) => r.periodId));
  // A fast report goes into the latest open period.
  // Past its deadline a report is still accepted, but late: such a period is overdue.
  const toFile = openPeriods.filter((p) => !filed.has(p.id)).map((p) => ({ ...p, overdue: deadlinePassed(p, now) }));
  return { toFile, fastPeriod: openPeriods[0] ?? null, reports: await withItemCounts(reports) };
}

/** The collaborator's own monthly report for a period, if already filed. */
export function findOwnMonthlyReport(viewer: Viewer, periodId: number) {
  return db.opinionReport.findUnique({ where: { monthlyKey: monthlyKeyOf(periodId, viewer.id) }, select: { id: true } });
}
