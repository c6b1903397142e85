/**
 * The access gate: every loader and action gets its viewer here, and every query that touches
 * unit-owned records builds its filter here. A viewer sees only their home unit's subtree
 * (province-level admin and secretariat therefore see everything). A record outside the subtree
 * answers 404, exactly like a record that does not exist, so ids reveal nothing.
 */
import { redirect } from "@remix-run/node";
import { Prisma } from "~/generated/prisma/client";
import { can, isProvinceLevel, isRole, type Capability } from "~/accounts/roles";
import { findSessionAccount, type SessionAccount } from "~/auth/session.server";
import { inSubtreeSql } from "~/db/sql-rules.server";
import { isInSubtree, subtreeRange } from "./subtree";
import { notFound } from "~/utils/http.server";

/** The signed-in user as every loader and action sees them (read on each request). */
export type Viewer = SessionAccount;

const PASSWORD_CHANGE_PATH = "/account/password";

/** An account read from the database as a Viewer: for the scripts that act through the app's own functions (seed, benchmark). */
export function viewerOfAccount(a: { id: number; username: string; displayName: string; role: string; unitId: number; unit: { name: string; path: string } }): Viewer {
  if (!isRole(a.role)) throw new Error(`Account ${a.username} has an unknown role: ${a.role}`);
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, unitName: a.unit.name, unitPath: a.unit.path, mustChangePassword: false };
}

export function findViewer(request: Request): Promise<Viewer | null> {
  return findSessionAccount(request);
}

/** The signed-in viewer, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await findViewer(request);
  const url = new URL(request.url);
  if (!viewer) {
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  // After an admin's reset the user must choose a new password before anything else.
  if (viewer.mustChangePassword && url.pathname !== PASSWORD_CHANGE_PATH) {
    throw redirect(PASSWORD_CHANGE_PATH);
  }
  return viewer;
}

/** The viewer, if their role has the capability; otherwise 404 (the page "does not exist"). */
export async function requireCapability(request: Request, capability: Capability): Promise<Viewer> {
  return requireAnyCapability(request, capability);
}

/**
 * The viewer, if their role has at least one of the capabilities (a page several roles reach for
 * different work, e.g. a questionnaire: its reviewer and its own collaborator); otherwise 404.
 */
export async function requireAnyCapability(request: Request, ...capabilities: [Capability, ...Capability[]]): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!capabilities.some((capability) => can(viewer, capability))) notFound();
  return viewer;
}

// The subtree rule itself lives in subtree.ts (pure, shared with the SQL rules); the gate is where
// the rest of the app reads it.
export { isInSubtree, subtreeRange } from "./subtree";

/** Units the viewer may see. */
export function unitsVisibleTo(viewer: Viewer): Prisma.UnitWhereInput {
  return { path: subtreeRange(viewer.unitPath) };
}

/** Accounts the viewer may see: those whose home unit is in the viewer's subtree. */
export function accountsVisibleTo(viewer: Viewer): Prisma.AccountWhereInput {
  return { unit: unitsVisibleTo(viewer) };
}

/**
 * Audit entries the viewer may see, as a condition on "AuditEntry" e: those made by accounts in
 * their subtree. At the province every account is in the subtree, so the condition is "made by an
 * account", with no lookup per entry (there are a million of them).
 */
export function auditActorsVisibleTo(viewer: Viewer): Prisma.Sql {
  if (isProvinceLevel(viewer.unitPath)) return Prisma.sql`e."actorId" IS NOT NULL`;
  return Prisma.sql`e."actorId" IN (
    SELECT a."id" FROM "Account" a JOIN "Unit" u ON u."id" = a."unitId" WHERE ${inSubtreeSql(viewer.unitPath)})`;
}

/** Throws 404 unless the unit path lies in the viewer's subtree. */
export function assertUnitVisible(viewer: Viewer, unit: { path: string } | null | undefined): asserts unit {
  if (!unit || !isInSubtree(viewer.unitPath, unit.path)) notFound();
}

/**
 * Surveys the viewer may see: designers see every survey; others see non-draft surveys with a
 * target unit in their subtree (a collaborator: their own unit's assignments).
 */
export function surveysVisibleTo(viewer: Viewer): Prisma.SurveyWhereInput {
  if (can(viewer, "designSurveys")) return {};
  return { status: { not: "draft" }, targets: { some: { unit: unitsVisibleTo(viewer) } } };
}

/** Questionnaires the viewer may see: a collaborator only their own; others their subtree's. */
export function responsesVisibleTo(viewer: Viewer): Prisma.SurveyResponseWhereInput {
  if (viewer.role === "collaborator") return { collaboratorId: viewer.id };
  return { unit: unitsVisibleTo(viewer) };
}
// ── Opinion reports ─────────────────────────────────────────────────────────────────

/** Reports the viewer may see: a collaborator only their own; others those filed in their subtree. */
export function reportsVisibleTo(viewer: Viewer): Prisma.OpinionReportWhereInput {
  if (viewer.role === "collaborator") return { collaboratorId: viewer.id };
  return { unit: unitsVisibleTo(viewer) };
}

/** Opinion items the viewer may see: those of visible reports. */
export function opinionItemsVisibleTo(viewer: Viewer): Prisma.OpinionItemWhereInput {
  return { report: reportsVisibleTo(viewer) };
}

/** Expected reporters (completeness) the viewer may see: by the unit they reported for. */
export function expectationsVisibleTo(viewer: Viewer): Prisma.ReportExpectationWhereInput {
  if (viewer.role === "collaborator") return { collaboratorId: viewer.id };
  return { unit: unitsVisibleTo(viewer) };
}

/** Proposals the viewer may see: those about a unit in their subtree. */
export function proposalsVisibleTo(viewer: Viewer): Prisma.ProposalWhereInput {
  return { unit: unitsVisibleTo(viewer) };
}

// ── Quarterly reports ──────────────────────────────────────────────────────────────

/**
 * Quarterly reports the viewer may see: those whose scope unit lies in their subtree; drafts only
 * for those who compile reports (an official reads what was published, never work in progress).
 */
export function quarterlyReportsVisibleTo(viewer: Viewer): Prisma.QuarterlyReportWhereInput {
  const inScope: Prisma.QuarterlyReportWhereInput = { scopeUnit: unitsVisibleTo(viewer) };
  if (can(viewer, "compileQuarterlyReports")) return inScope;
  if (can(viewer, "readQuarterlyReports")) return { AND: [inScope, { currentVersion: { gt: 0 } }] };
  return { id: -1 };
}
