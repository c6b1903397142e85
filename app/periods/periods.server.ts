/** Reporting periods: listing, opening (with its expected reporters) and closing, audited. */
import { accountsVisibleTo, type Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db, type Tx } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { notFound } from "~/utils/http.server";
import { DEFAULT_CUTOFF_DAY, periodBounds } from "./period-math";

const PERIOD_ROW = {
  id: true,
  year: true,
  month: true,
  quarter: true,
  quarterKey: true,
  cutoffDay: true,
  startsOn: true,
  endsOn: true,
  deadline: true,
  status: true,
} as const;

export async function listPeriods(options: { status?: "open" | "closed"; take?: number } = {}) {
  return db.reportingPeriod.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: [{ year: "desc" }, { month: "desc" }],
    take: options.take,
    select: PERIOD_ROW,
  });
}

export async function getPeriod(id: number) {
  const period = await db.reportingPeriod.findUnique({ where: { id }, select: PERIOD_ROW });
  if (!period) notFound();
  return period;
}

/** Active collaborators (account active, profile active) are expected to report: the default. */
export async function activeCollaborators(tx: Tx) {
  return tx.account.findMany({
    where: { role: "collaborator", active: true, collaborator: { status: "active" } },
    select: { id: true, unitId: true },
  });
}

/** Creates a period and its expected reporters (all active collaborators). */
export async function openPeriod(viewer: Viewer, input: { year: number; month: number; cutoffDay?: number }) {
  const bounds = periodBounds(input.year, input.month, input.cutoffDay ?? DEFAULT_CUTOFF_DAY);
  return db.$transaction(async (tx) => {
    if (await tx.reportingPeriod.findUnique({ where: { year_month: { year: input.year, month: input.month } } })) {
      throw new FieldError("month", "periods.errors.exists");
    }
    const { year, month, quarter, quarterKey, startsOn, endsOn, deadline } = bounds;
    const period = await tx.reportingPeriod.create({
      data: { year, month, quarter, quarterKey, startsOn, endsOn, deadline, cutoffDay: input.cutoffDay ?? DEFAULT_CUTOFF_DAY },
    });
    const expected = await activeCollaborators(tx);
    await tx.reportExpectation.createMany({
      data: expected.map((c) => ({ periodId: period.id, collaboratorId: c.id, unitId: c.unitId })),
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "period.open",
      entityType: "ReportingPeriod",
      entityId: period.id,
      after: { year, month, cutoffDay: period.cutoffDay, expected: expected.length },
    });
    return period;
  });
}

export async function setPeriodStatus(viewer: Viewer, id: number, status: "open" | "closed") {
  await db.$transaction(async (tx) => {
    const before = await tx.reportingPeriod.findUnique({ where: { id } });
    if (!before) notFound();
    await tx.reportingPeriod.update({ where: { id }, data: { status } });
    await recordAudit(tx, { actorId: viewer.id, action: `period.${status === "open" ? "reopen" : "close"}`, entityType: "ReportingPeriod", entityId: id, before: { status: before.status }, after: { status } });
  });
}

/**
 * Excuses a collaborator from a period (leave, illness...) or expects them again. Only a
 * collaborator who has not reported can be excused; the change is audited.
 */
export async function setExpected(viewer: Viewer, periodId: number, collaboratorId: number, expected: boolean) {
  await db.$transaction(async (tx) => {
    const collaborator = await tx.account.findFirst({
      where: { AND: [{ id: collaboratorId, role: "collaborator" }, accountsVisibleTo(viewer)] },
      select: { id: true, unitId: true },
    });
    const period = await tx.reportingPeriod.findUnique({ where: { id: periodId } });
    if (!collaborator || !period) notFound();
    const key = { periodId_collaboratorId: { periodId, collaboratorId } };
    const current = await tx.reportExpectation.findUnique({ where: key });
    if (expected && !current) {
      await tx.reportExpectation.create({ data: { periodId, collaboratorId, unitId: collaborator.unitId } });
    } else if (!expected && current) {
      if (current.outcome !== "missing") throw new FieldError("collaboratorId", "periods.errors.alreadyReported");
      await tx.reportExpectation.delete({ where: key });
    } else return;
    await recordAudit(tx, { actorId: viewer.id, action: expected ? "period.expect" : "period.excuse", entityType: "ReportExpectation", entityId: `${periodId}:${collaboratorId}`, before: { expected: Boolean(current) }, after: { expected } });
  });
}

/** Quarters that have reporting periods (newest first); only those fully or partly closed if asked. */
export async function listQuarterKeys({ closedOnly = false } = {}): Promise<number[]> {
  const rows = await db.reportingPeriod.findMany({
    where: closedOnly ? { status: "closed" } : {},
    distinct: ["quarterKey"],
    orderBy: { quarterKey: "desc" },
    select: { quarterKey: true },
  });
  return rows.map((r) => r.quarterKey);
}

/** Every period's quarter, month and dates (a few dozen rows): what the quarter choice works from. */
export function listPeriodDates() {
  return db.reportingPeriod.findMany({ orderBy: [{ year: "asc" }, { month: "asc" }], select: { id: true, quarterKey: true, month: true, startsOn: true, endsOn: true } });
}

/** The monthly periods of one quarter, in month order. */
export function periodsOfQuarter(quarterKey: number) {
  return db.reportingPeriod.findMany({ where: { quarterKey }, orderBy: { month: "asc" }, select: { id: true, year: true, month: true, status: true, deadline: true } });
}

/**
 * The latest period whose deadline has passed at `now` (deadlinePassed, in SQL): where "who has
 * not reported" starts — the overview's count and the completeness page's list.
 */
export function latestDuePeriod(now: Date) {
  return db.reportingPeriod.findFirst({ where: { deadline: { lt: now } }, orderBy: [{ year: "desc" }, { month: "desc" }], select: PERIOD_ROW });
}
