// A client UUID is one record whatever its letter case, and concurrent
// identical resends of a returned questionnaire are duplicates (200), never 409 — on real SQLite,
// through the real write path (group commit and the resubmission transaction).
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { fileReportSchema } from "~/opinion-reports/report-schemas";
import { fileReport } from "~/opinion-reports/reports.server";
import { countAnswers } from "~/surveys/results.server";
import { reviewResponse } from "~/surveys/review.server";
import { storeSubmission } from "~/surveys/storage.server";
import { thrownStatus } from "./fixtures";
import { content, reportingWorld } from "./report-fixtures";
import { body, publishedSurvey, uuid } from "./surveys-fixtures";

async function q1Count(surveyId: number, path: string, option: string) {
  return (await countAnswers(surveyId, { path, bands: {} })).find((r) => r.question === "Q1" && r.option === option)?.count ?? 0;
}

describe("client UUIDs are compared in lower case", () => {
  it("a questionnaire sent again with its UUID in upper case is the same record: one row, tallies up by one", async () => {
    const { survey, ctv1, province } = await publishedSurvey();
    const id = uuid();
    const first = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 6 }, id.toUpperCase()));
    const again = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 6 }, id.toUpperCase()));
    const lower = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 6 }, id));
    expect(first).toMatchObject({ status: 201 });
    expect(again).toMatchObject({ status: 200, duplicate: true, responseId: first.responseId });
    expect(lower).toMatchObject({ status: 200, duplicate: true, responseId: first.responseId });
    expect(await db.surveyResponse.count()).toBe(1);
    expect((await db.surveyResponse.findFirstOrThrow()).clientUuid).toBe(id);
    expect(await q1Count(survey.id, province.path, "Q1_2")).toBe(1);
  });

  it("an opinion report filed again with its UUID in upper case is the same report", async () => {
    const w = await reportingWorld();
    const id = "8F14E45F-CEEA-4E7A-9B1F-0C2D3E4F5A6B";
    const input = fileReportSchema.parse({ clientUuid: id, payload: JSON.stringify(content()) });
    expect(input.clientUuid).toBe(id.toLowerCase());
    const first = await fileReport(w.collaborator, w.period.id, input);
    const again = await fileReport(w.collaborator, w.period.id, fileReportSchema.parse({ clientUuid: id.toLowerCase(), payload: JSON.stringify(content()) }));
    expect(again).toEqual({ id: first.id, replayed: true });
    expect(await db.opinionReport.count()).toBe(1);
  });
});

describe("resubmission of a returned questionnaire", () => {
  it("ten identical concurrent resends: all 200, one resubmission, counted once", async () => {
    const { survey, ctv1, secretary, province } = await publishedSurvey();
    const id = uuid();
    const { responseId } = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 2 }, id));
    await reviewResponse(secretary, responseId, { intent: "return", comment: "Xem lại câu 1", questionComments: "{}" });
    expect(await q1Count(survey.id, province.path, "Q1_1")).toBe(0);

    const resend = () => storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 2 }, id, { revision: 2 }));
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, resend));
    const statuses = outcomes.map((o) => (o.status === "fulfilled" ? o.value.status : thrownStatus(o.reason)));
    expect(statuses).toEqual(Array(10).fill(200));
    const values = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(values.filter((v) => !v.duplicate)).toHaveLength(1);
    expect(new Set(values.map((v) => v.responseId))).toEqual(new Set([responseId]));
    expect(await db.surveyResponseEvent.count({ where: { responseId, kind: "resubmitted" } })).toBe(1);
    expect(await q1Count(survey.id, province.path, "Q1_2")).toBe(1);
    expect(await db.surveyResponse.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({ status: "submitted", revision: 2 });

    // A resend of that revision with other content is still a conflict.
    const changed = await Promise.allSettled([storeSubmission(ctv1, body(survey.id, { Q1: "Q1_3", Q3: "x", Q4: 2 }, id, { revision: 2 }))]);
    expect(changed[0]!.status).toBe("rejected");
  });
});
