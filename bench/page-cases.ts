/**
 * The pages the benchmark times, per role: every page of each role's navigation, the survey pages
 * with the filters and cross-tabs the results page offers, the exports (first byte and total) and
 * the audit log with its filters. Accounts are the seeded province's named ones (prisma/seed).
 */
import type { PageCase } from "./pages";

export type CaseContext = {
  /** The measured wave (the latest quarter) and the id of one of its questionnaires. */
  surveyId: number;
  responseId: number;
  /** A unit the province's pages can filter to (a commune with data). */
  communeId: number;
  /** An opinion report and a proposal, for their detail pages. */
  reportId: number | null;
  proposalId: number | null;
  /** An audit action with many entries and an actor, for the audit filters. */
  auditAction: string;
  auditActor: string;
  /** Cursors deep into the lists (the 1,000th page of 50): a questionnaire id, an audit entry's time~id. */
  deepResponseId: number;
  deepAuditCursor: string;
};

const ROLES = {
  admin: "admin",
  secretariat: "thuky",
  official: "lanhdao",
  communeOfficial: "lanhdao.xa",
  collaborator: "ctv",
} as const;

export function pageCases(c: CaseContext): PageCase[] {
  const s = `/surveys/${c.surveyId}`;
  const results = `${s}/results`;
  const cases: PageCase[] = [];
  const add = (role: keyof typeof ROLES, label: string, path: string, download = false) =>
    cases.push({ label: `${role}: ${label}`, username: ROLES[role], path, download });

  // Every page of the navigation, per role.
  for (const role of ["admin", "secretariat", "official", "communeOfficial"] as const) {
    add(role, "overview", "/");
    add(role, "units", "/units");
    add(role, "surveys", "/surveys");
    add(role, "survey", s);
    add(role, "inbox", "/reports/inbox");
    add(role, "completeness", "/completeness");
    add(role, "opinion summary", "/opinion-summary");
    add(role, "proposals", "/proposals");
    add(role, "quarterly reports", "/quarterly-reports");
  }
  for (const role of ["admin", "secretariat"] as const) {
    add(role, "roster", "/roster");
    add(role, "topics", "/topics");
    add(role, "review list", `${s}/review`);
    add(role, "review list, page 1000", `${s}/review?older=${c.deepResponseId}`);
    add(role, "one questionnaire", `/surveys/responses/${c.responseId}`);
  }
  add("collaborator", "overview", "/");
  add("collaborator", "surveys", "/surveys");
  add("collaborator", "my reports", "/reports");
  add("collaborator", "survey form", `${s}/fill`);
  if (c.reportId) add("secretariat", "one report", `/reports/${c.reportId}`);
  if (c.proposalId) add("secretariat", "one proposal", `/proposals/${c.proposalId}`);

  // Survey results: unfiltered, filtered, cross-tabs, per role.
  for (const role of ["secretariat", "official", "communeOfficial"] as const) {
    add(role, "results", results);
    add(role, "results, gender = female", `${results}?gender=female`);
    add(role, "results, age 60+ and rural", `${results}?ageBand=60%2B&area=rural`);
    add(role, "results, cross-tab Q11 × age band", `${results}?xq=Q11&xby=ageBand`);
  }
  add("secretariat", "results, one commune", `${results}?unit=${c.communeId}`);
  add("secretariat", "results, one commune, gender = female", `${results}?unit=${c.communeId}&gender=female`);
  add("secretariat", "results, cross-tab Q11 × unit, gender = female", `${results}?xq=Q11&xby=unit&gender=female`);
  add("secretariat", "results, cross-tab Q11 × gender, age 60+", `${results}?xq=Q11&xby=gender&ageBand=60%2B`);

  // Exports: first byte and total.
  add("secretariat", "results CSV, gender = female", `${s}/results.csv?gender=female`, true);
  add("secretariat", "answers CSV of the wave", `${s}/results.csv?kind=answers`, true);
  add("secretariat", "answers CSV, one commune", `${s}/results.csv?kind=answers&unit=${c.communeId}`, true);
  add("secretariat", "XLSX of the wave", `${s}/results.xlsx`, true);

  // The audit log.
  add("admin", "accounts", "/admin/accounts");
  add("admin", "audit log", "/admin/audit");
  add("admin", "audit log, action filter", `/admin/audit?action=${encodeURIComponent(c.auditAction)}`);
  add("admin", "audit log, actor filter", `/admin/audit?actor=${encodeURIComponent(c.auditActor)}`);
  add("admin", "audit log, one month", "/admin/audit?from=2026-03-01&to=2026-03-31");
  add("admin", "audit log, page 1000", `/admin/audit?older=${encodeURIComponent(c.deepAuditCursor)}`);
  return cases;
}

/** The concurrency check: the heaviest page and an export loop while these are sampled. */
export function concurrencyCase(c: CaseContext, loadSurveyId: number) {
  return {
    heavy: [
      { label: "results, gender = female", username: ROLES.secretariat, path: `/surveys/${c.surveyId}/results?gender=female` },
      { label: "answers CSV of the wave", username: ROLES.secretariat, path: `/surveys/${c.surveyId}/results.csv?kind=answers` },
    ],
    overview: { username: ROLES.collaborator, path: "/" },
    submission: { username: ROLES.collaborator, surveyId: loadSurveyId, version: 1 },
  };
}

/** Ids and names the cases need, read from the generated database. */
export async function caseContext(surveyId: number): Promise<CaseContext> {
  const { db } = await import("~/db/db.server");
  const communeOfficial = await db.account.findUniqueOrThrow({ where: { username: ROLES.communeOfficial }, select: { unitId: true } });
  const response = await db.surveyResponse.findFirstOrThrow({ where: { surveyId }, orderBy: { id: "desc" }, select: { id: true } });
  const report = await db.opinionReport.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const proposal = await db.proposal.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const action = await db.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { action: true, actor: { select: { username: true } } } });
  // 50,000 rows down each list (or its end): where the 1,000th page of 50 starts.
  const deepResponse = await db.surveyResponse.findFirst({ where: { surveyId }, orderBy: { id: "desc" }, skip: 50_000, select: { id: true } });
  const deepAudit = await db.auditEntry.findFirst({ orderBy: [{ at: "desc" }, { id: "desc" }], skip: 50_000, select: { at: true, id: true } });
  return {
    surveyId,
    responseId: response.id,
    communeId: communeOfficial.unitId,
    reportId: report?.id ?? null,
    proposalId: proposal?.id ?? null,
    auditAction: action?.action ?? "auth.login",
    auditActor: action?.actor?.username ?? ROLES.admin,
    deepResponseId: deepResponse?.id ?? response.id,
    deepAuditCursor: deepAudit ? `${deepAudit.at.toISOString()}~${deepAudit.id}` : "",
  };
}
