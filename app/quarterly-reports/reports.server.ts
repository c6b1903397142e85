/**
 * Quarterly reports: listing within the viewer's subtree, compiling a new one ("Lập báo cáo
 * quý"), the narrative, publishing a frozen version, and reading one (a draft live; a published
 * version from its snapshot, compared with the live figures). Every write is audited.
 */
import { Conflict } from "~/errors/domain-errors";
import type { z } from "zod";
import { assertUnitVisible, isInSubtree, quarterlyReportsVisibleTo, type Viewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { personalDataConfirmed, type Confirmable } from "~/forms/personal-data";
import { notFound } from "~/utils/http.server";
import { compileQuarter, followUpSection, type CompiledReport } from "./compile.server";
import { reportSubject } from "./exports/party-document";
import { keyQuestionsShown, parseKeyQuestions } from "./key-questions";
import { sanitizeNarrative } from "./narrative";
import type { createQuarterlyReportSchema, followUpTaskSchema, narrativeSchema } from "./report-schemas";
import { diffFigures, openSnapshot, sealSnapshot, SNAPSHOT_KIND, SNAPSHOT_SCHEMA_VERSION, type Narrative, type SnapshotDocument } from "./snapshot.server";

const REPORT_ROW = {
  id: true,
  quarterKey: true,
  title: true,
  status: true,
  currentVersion: true,
  assessment: true,
  forecast: true,
  recommendations: true,
  nextTasks: true,
  keyQuestions: true,
  updatedAt: true,
  scopeUnit: { select: { id: true, code: true, name: true, path: true } },
} as const;

/** The reports of the viewer's subtree (officials: published ones only), newest quarter first. */
export function listQuarterlyReports(viewer: Viewer) {
  return db.quarterlyReport.findMany({
    where: quarterlyReportsVisibleTo(viewer),
    orderBy: [{ quarterKey: "desc" }, { scopeUnit: { path: "asc" } }],
    take: 200,
    select: { id: true, quarterKey: true, title: true, status: true, currentVersion: true, updatedAt: true, scopeUnit: { select: { id: true, code: true, name: true } } },
  });
}

/** The default title, as the party document's subject line reads. */
export function defaultTitle(quarterKey: number, unitName: string) {
  return `${reportSubject(quarterKey)} — ${unitName}`;
}

/**
 * Starts the report of a quarter for a scope unit of the viewer's subtree; if it exists already,
 * returns it (one report per scope and quarter, kept by a unique index).
 */
export async function createQuarterlyReport(viewer: Viewer, input: z.output<typeof createQuarterlyReportSchema>) {
  const unit = await db.unit.findUnique({ where: { id: input.unit }, select: { id: true, name: true, path: true } });
  if (!unit || !isInSubtree(viewer.unitPath, unit.path)) throw new FieldError("unit", "errors.unitNotFound");
  if ((await db.reportingPeriod.count({ where: { quarterKey: input.quarter } })) === 0) throw new FieldError("quarter", "quarterly.errors.noPeriods");
  return db.$transaction(async (tx) => {
    const existing = await tx.quarterlyReport.findUnique({ where: { scopeUnitId_quarterKey: { scopeUnitId: unit.id, quarterKey: input.quarter } }, select: { id: true } });
    if (existing) return existing;
    const report = await tx.quarterlyReport.create({
      data: { quarterKey: input.quarter, scopeUnitId: unit.id, title: defaultTitle(input.quarter, unit.name), createdById: viewer.id },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: viewer.id, action: "quarterly.create", entityType: "QuarterlyReport", entityId: report.id, after: { quarterKey: input.quarter, unitId: unit.id } });
    return report;
  });
}

export async function findReport(viewer: Viewer, id: number) {
  const report = await db.quarterlyReport.findFirst({ where: { AND: [{ id }, quarterlyReportsVisibleTo(viewer)] }, select: REPORT_ROW });
  if (!report) notFound();
  // The gate's filter already scopes by subtree; asserting again keeps a future filter change honest.
  assertUnitVisible(viewer, report.scopeUnit);
  return report;
}

export async function saveNarrative(viewer: Viewer, id: number, input: z.output<typeof narrativeSchema>) {
  const report = await findReport(viewer, id);
  const after: Narrative = {
    assessment: sanitizeNarrative(input.assessment),
    forecast: sanitizeNarrative(input.forecast),
    recommendations: sanitizeNarrative(input.recommendations),
    nextTasks: sanitizeNarrative(input.nextTasks),
  };
  await db.$transaction(async (tx) => {
    await tx.quarterlyReport.update({ where: { id: report.id }, data: after });
    await recordAudit(tx, { actorId: viewer.id, action: "quarterly.narrative", entityType: "QuarterlyReport", entityId: report.id, before: narrativeOf(report), after });
  });
}

/**
 * Section 6: adds a follow-up task to the report, or edits one of its tasks (`taskId`). The unit
 * responsible must be an open unit of the viewer's subtree. The next publication freezes the
 * tasks into the snapshot (they are part of the compiled figures); a published version keeps its own.
 */
export async function saveFollowUpTask(viewer: Viewer, id: number, input: Confirmable<z.output<typeof followUpTaskSchema>>) {
  const report = await findReport(viewer, id);
  const unit = await db.unit.findUnique({ where: { id: input.unit }, select: { id: true, code: true, path: true, validTo: true } });
  if (!unit || unit.validTo !== null || !isInSubtree(viewer.unitPath, unit.path)) throw new FieldError("unit", "errors.unitNotFound");
  const fields = { task: input.task, responsibleUnitId: unit.id, dueOn: input.dueOn, status: input.status, note: input.note };
  const confirmed = personalDataConfirmed(input.confirmNoPersonalData, [input.task, input.note]) ? { personalDataConfirmed: true } : {};
  return db.$transaction(async (tx) => {
    const auditFields = { task: input.task, unit: unit.code, dueOn: input.dueOn, status: input.status, note: input.note, ...confirmed };
    if (input.taskId === undefined) {
      const created = await tx.followUpTask.create({ data: { reportId: report.id, ...fields }, select: { id: true } });
      await recordAudit(tx, { actorId: viewer.id, action: "quarterly.task.create", entityType: "FollowUpTask", entityId: created.id, after: { reportId: report.id, ...auditFields } });
      return created;
    }
    const before = await tx.followUpTask.findFirst({ where: { id: input.taskId, reportId: report.id }, select: { id: true, task: true, dueOn: true, status: true, note: true, responsibleUnit: { select: { code: true } } } });
    if (!before) notFound();
    await tx.followUpTask.update({ where: { id: before.id }, data: fields });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "quarterly.task.update",
      entityType: "FollowUpTask",
      entityId: before.id,
      before: { task: before.task, unit: before.responsibleUnit.code, dueOn: before.dueOn, status: before.status, note: before.note },
      after: auditFields,
    });
    return { id: before.id };
  });
}

const narrativeOf = (r: Narrative): Narrative => ({ assessment: r.assessment, forecast: r.forecast, recommendations: r.recommendations, nextTasks: r.nextTasks });

/** Thrown when the report was published (again) since the publisher loaded it: 409, nothing written. */
export function publishConflict(): never {
  throw new Conflict("quarterly.errors.publishedMeanwhile");
}

/**
 * Publishes version `expectedVersion + 1`: compiles the figures and writes the sealed snapshot in
 * one transaction, guarded by a conditional update on currentVersion (and the unique
 * (reportId, version) index behind it): of two simultaneous publications, one wins and the other
 * answers 409 without writing anything.
 */
export async function publishQuarterlyReport(viewer: Viewer, id: number, expectedVersion: number, now = new Date()) {
  const report = await findReport(viewer, id);
  return db.$transaction(async (tx) => {
    const version = expectedVersion + 1;
    const claimed = await tx.quarterlyReport.updateMany({ where: { id: report.id, currentVersion: expectedVersion }, data: { currentVersion: version, status: "published" } });
    if (claimed.count !== 1) publishConflict();
    // Read again inside the transaction: the narrative frozen is the one committed now.
    const current = await tx.quarterlyReport.findUniqueOrThrow({ where: { id: report.id }, select: REPORT_ROW });
    const figures = await compileQuarter(viewer, current.scopeUnit.id, current.quarterKey, tx, { keyQuestions: parseKeyQuestions(current.keyQuestions) });
    const document: SnapshotDocument = {
      kind: SNAPSHOT_KIND,
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      report: { id: current.id, title: current.title, quarterKey: current.quarterKey, scope: { code: current.scopeUnit.code, name: current.scopeUnit.name }, version },
      figures,
      narrative: narrativeOf(current),
      provenance: { ...figures.provenance, publishedAt: now.toISOString(), publishedBy: { username: viewer.username, role: viewer.role }, compiler: "du-luan quarterly-reports/compile.server.ts" },
    };
    const { snapshot, checksum } = sealSnapshot(document);
    await tx.quarterlyReportVersion.create({ data: { reportId: current.id, version, snapshot, checksum, publishedById: viewer.id, publishedAt: now } });
    await recordAudit(tx, { actorId: viewer.id, action: "quarterly.publish", entityType: "QuarterlyReport", entityId: current.id, after: { version, checksum } });
    return { version, checksum };
  });
}

/**
 * A report as its page shows it. A draft (compilers only): the live figures. Published: the
 * chosen version's snapshot (default the latest) and whether its checksum holds — read only, no
 * live compilation (opening a published report reads the snapshot). The figures that changed
 * since publication come from `differencesSincePublication`, which the page defers.
 */
export async function readQuarterlyReport(viewer: Viewer, id: number, requestedVersion?: number) {
  const report = await findReport(viewer, id);
  const canCompile = can(viewer, "compileQuarterlyReports");
  const versions = await db.quarterlyReportVersion.findMany({
    where: { reportId: report.id },
    orderBy: { version: "desc" },
    select: { version: true, checksum: true, publishedAt: true, publishedBy: { select: { displayName: true } } },
  });
  const { path: _path, ...scopeUnit } = report.scopeUnit;
  const keyQuestions = parseKeyQuestions(report.keyQuestions);
  // Compilers edit the current tasks (a published version shows the ones it froze).
  const tasks = canCompile ? await followUpSection(report.scopeUnit.id, report.quarterKey, db) : [];
  const { keyQuestions: _stored, ...fields } = report;
  const base = { report: { ...fields, scopeUnit }, canCompile, versions, tasks };
  if (report.currentVersion === 0) {
    const live = await compileQuarter(viewer, report.scopeUnit.id, report.quarterKey, db, { keyQuestions });
    return { ...base, published: null, figures: live, narrative: narrativeOf(report) };
  }
  const version = requestedVersion ?? report.currentVersion;
  const stored = await db.quarterlyReportVersion.findUnique({ where: { reportId_version: { reportId: report.id, version } }, select: { version: true, snapshot: true, checksum: true, publishedAt: true } });
  if (!stored) notFound();
  const { document, intact } = openSnapshot(stored.snapshot, stored.checksum);
  return {
    ...base,
    published: { version: stored.version, checksum: stored.checksum, intact, publishedAt: stored.publishedAt, schemaVersion: document.schemaVersion, latest: stored.version === report.currentVersion },
    figures: document.figures,
    narrative: document.narrative,
    // The draft narrative may have moved on since publication; compilers see it in the editor.
    draftNarrative: canCompile ? narrativeOf(report) : null,
  };
}

/**
 * The figures that differ between a published snapshot's figures and a live compilation of the
 * same scope and quarter, figure by figure. The expensive part of a published page: the page
 * streams it after the snapshot (a deferred loader value), so opening the report does not wait.
 * The live side shows the key questions the snapshot showed: a change of choice since is not a
 * change of the data.
 */
export async function differencesSincePublication(viewer: Viewer, published: CompiledReport) {
  const live = await compileQuarter(viewer, published.scope.id, published.quarterKey, db, { keyQuestions: keyQuestionsShown(published.surveys as CompiledReport["surveys"] | undefined) });
  return diffFigures(published, live);
}

/**
 * The stored snapshot document of a version (default the latest), exactly as sealed, for sending
 * upward. A draft has no snapshot: 404, as a version that does not exist.
 */
export async function snapshotText(viewer: Viewer, id: number, version?: number) {
  const report = await findReport(viewer, id);
  const wanted = version ?? report.currentVersion;
  if (wanted < 1) notFound();
  const stored = await db.quarterlyReportVersion.findUnique({
    where: { reportId_version: { reportId: report.id, version: wanted } },
    select: { version: true, snapshot: true, checksum: true, publishedAt: true },
  });
  if (!stored) notFound();
  return stored;
}
