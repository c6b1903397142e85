// Data exports, sign-outs (and, in auth.test.ts, failed sign-ins) leave audit entries
// saying who took what scope and how many rows. Called as Remix calls the routes: a request with
// a real session cookie.
import { describe, expect, it, vi } from "vitest";
import { findSessionAccount, startSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { action as logoutAction } from "~/routes/logout";
import { loader as proposalsExport } from "~/routes/_app.proposals.export";
import { loader as rosterExport } from "~/routes/_app.roster.export";
import { loader as resultsCsv } from "~/routes/surveys.$surveyId.results[.]csv";
import { loader as resultsXlsx } from "~/routes/surveys.$surveyId.results[.]xlsx";
import { createProposal } from "~/proposals/proposals.server";
import { storeSubmission } from "~/surveys/storage.server";
import { day } from "./fixtures";
import { reportingWorld } from "./report-fixtures";
import { body, publishedSurvey } from "./surveys-fixtures";

async function requestAs(accountId: number, url: string, init: RequestInit = {}) {
  const cookie = (await startSession(accountId)).split(";")[0]!;
  return new Request(`http://localhost${url}`, { ...init, headers: { Cookie: cookie } });
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });

async function entries(action: string) {
  const rows = await db.auditEntry.findMany({ where: { action }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ actorId: r.actorId, entityType: r.entityType, entityId: r.entityId, after: JSON.parse(r.after ?? "null") as unknown }));
}

describe("export audit", () => {
  it("a survey's CSV and XLSX downloads record who, which survey and filters, and how many rows", async () => {
    const { survey, ctv1, ctv2, secretary, x2 } = await publishedSurvey();
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5 }));
    await storeSubmission(ctv2, body(survey.id, { Q1: "Q1_2", Q4: 7 }));
    await storeSubmission(ctv2, body(survey.id, { Q1: "Q1_2", Q4: 9 }));
    const params = { surveyId: String(survey.id) };

    const answers = (await resultsCsv(args(await requestAs(secretary.id, `/surveys/${survey.id}/results.csv?kind=answers&unit=${x2.id}`), params))) as Response;
    expect((await answers.text()).trim().split("\n")).toHaveLength(1 + 2);
    const results = (await resultsCsv(args(await requestAs(secretary.id, `/surveys/${survey.id}/results.csv`), params))) as Response;
    const resultLines = (await results.text()).trim().split("\n").length - 1;
    const xlsx = (await resultsXlsx(args(await requestAs(secretary.id, `/surveys/${survey.id}/results.xlsx?gender=female`), params))) as Response;
    await xlsx.arrayBuffer();

    // Streamed: the entry is written as the stream closes.
    await vi.waitFor(async () => expect(await db.auditEntry.count({ where: { action: "survey.export" } })).toBe(3));
    const survey_ = { actorId: secretary.id, entityType: "Survey", entityId: String(survey.id) };
    expect(await entries("survey.export")).toEqual([
      { ...survey_, after: { format: "csv", kind: "answers", unitId: x2.id, bands: {}, rows: { questionnaires: 2 } } },
      { ...survey_, after: { format: "csv", kind: "results", unitId: null, bands: {}, rows: { results: resultLines } } },
      // Narrowed to 3 questionnaires: the results sheet holds the suppression notice only (decision 0016).
      { ...survey_, after: { format: "xlsx", kind: "results+answers", unitId: null, bands: { gender: "female" }, rows: { results: 1, questionnaires: 3 } } },
    ]);
  });

  it("a download the browser abandons is recorded as incomplete", async () => {
    const { survey, ctv1, secretary } = await publishedSurvey();
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5 }));
    const response = (await resultsCsv(args(await requestAs(secretary.id, `/surveys/${survey.id}/results.csv?kind=answers`), { surveyId: String(survey.id) }))) as Response;
    await response.body!.cancel();
    await vi.waitFor(async () => expect(await entries("survey.export")).toHaveLength(1));
    expect((await entries("survey.export"))[0]!.after).toMatchObject({ complete: false });
  });

  it("the roster and proposal registers record their format, filters and row counts", async () => {
    const w = await reportingWorld();
    await createProposal(w.secretariat, {
      intent: "create", agencyCode: "SO.YT", unitCode: "T.A", title: "Viện phí", content: "Đề nghị công khai", forwardedOn: day("2026-01-10"), dueOn: day("2026-02-10"), itemId: undefined,
    });
    const roster = (await rosterExport(args(await requestAs(w.secretariat.id, "/roster/export?format=xlsx&status=active")))) as Response;
    expect(roster.status).toBe(200);
    const proposals = (await proposalsExport(args(await requestAs(w.secretariat.id, "/proposals/export")))) as Response;
    expect(proposals.status).toBe(200);
    const unit = { actorId: w.secretariat.id, entityType: "Unit", entityId: String(w.province.id) };
    expect(await entries("roster.export")).toEqual([{ ...unit, after: { format: "xlsx", status: "active", rows: { collaborators: 2 } } }]);
    expect(await entries("proposal.export")).toEqual([{ ...unit, after: { format: "csv", overdue: false, rows: { proposals: 1 } } }]);
  });
});

describe("sign-out audit", () => {
  it("ending a session records who signed out; a stale cookie records nothing", async () => {
    const { ctv1 } = await publishedSurvey();
    const request = await requestAs(ctv1.id, "/logout", { method: "POST" });
    const response = (await logoutAction(args(request))) as Response;
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await findSessionAccount(request)).toBeNull();
    expect(await entries("auth.sign_out")).toEqual([{ actorId: ctv1.id, entityType: "Account", entityId: String(ctv1.id), after: null }]);
    // The same cookie again (a second tab): nothing more to end, nothing more recorded.
    await logoutAction(args(new Request(request.url, { method: "POST", headers: request.headers })));
    expect(await entries("auth.sign_out")).toHaveLength(1);
  });
});

