import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { countAnswers, crossTab, surveyResults, unitChoices, unitProgress } from "~/surveys/results.server";
import { reviewResponse } from "~/surveys/review.server";
import { isOpenForEntry, storeSubmission } from "~/surveys/storage.server";
import { addUnit, catchError, day, thrownBody, thrownStatus, viewerAt } from "./fixtures";
import { body, publishedSurvey, uuid } from "./surveys-fixtures";

async function counts() {
  return {
    responses: await db.surveyResponse.count(),
    answers: await db.surveyAnswer.count(),
    tallies: await db.surveyTally.count(),
  };
}

describe("submission", () => {
  it("stores one row per chosen option and keeps tallies equal to a GROUP BY over the rows", async () => {
    const { survey, ctv1, ctv2, province } = await publishedSurvey();
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q2: ["Q2_1", "Q2_3"], Q4: 8, Q5: 4, Q6: { Q6_A: "T", Q6_B: "K" } }));
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_3", Q3: "giá cao", Q4: 3 }));
    await storeSubmission(ctv2, body(survey.id, { Q1: "Q1_1", Q2: ["Q2_1"], Q4: 10 }));
    expect(await db.surveyAnswer.count({ where: { question: "Q2" } })).toBe(3);

    const fromTallies = await countAnswers(survey.id, { path: province.path, bands: {} });
    const find = (rows: typeof fromTallies, q: string, o: string) => rows.find((r) => r.question === q && r.option === o);
    expect(find(fromTallies, "Q1", "")?.count).toBe(3);
    expect(find(fromTallies, "Q1", "Q1_1")?.count).toBe(2);
    expect(find(fromTallies, "Q2", "")?.count).toBe(2);
    expect(find(fromTallies, "Q2", "Q2_1")?.count).toBe(2);
    expect(find(fromTallies, "Q4", "")).toMatchObject({ count: 3, numSum: 21 });
    expect(find(fromTallies, "Q6_A", "T")?.count).toBe(1);

    // The same numbers through the raw answer rows (the band-filter path with every band).
    const raw = await countAnswers(survey.id, { path: province.path, bands: { ageBand: "30-44" } });
    for (const row of raw) expect(find(fromTallies, row.question, row.option)?.count).toBe(row.count);

    const results = await surveyResults({ ...ctv1, role: "secretariat", unitPath: province.path }, survey.id, { bands: {} });
    const q1 = results.questions.find((q) => q.code === "Q1")!;
    expect(q1.n).toBe(3);
    expect(q1.options[0]).toMatchObject({ code: "Q1_1", count: 2 });
    expect(q1.options[0]!.share).toBeCloseTo(2 / 3);
    expect(results.questions.find((q) => q.code === "Q4")!.mean).toBe(7);
    expect(results.questions.find((q) => q.code === "Q3")!.answers).toEqual([{ text: "giá cao", count: 1 }]);
    expect(results.totals).toEqual({ quota: 30, received: 3, counted: 3, accepted: 0, returned: 0 });

    const byUnit = await crossTab(survey.id, "Q1", "unit", { path: province.path, bands: {} });
    expect(byUnit).toContainEqual({ key: "P.X1", label: "Xã Một", option: "Q1_1", count: 1 });
    expect(byUnit).toContainEqual({ key: "P.X2", label: "Xã Hai", option: "", count: 1 });
    // From the answer rows (band filter or band breakdown): the same counts as the tallies.
    const byUnitFiltered = await crossTab(survey.id, "Q1", "unit", { path: province.path, bands: { gender: "female" } });
    const sorted = (rows: typeof byUnit) => [...rows].sort((a, b) => `${a.key}${a.option}`.localeCompare(`${b.key}${b.option}`));
    expect(sorted(byUnitFiltered)).toEqual(sorted(byUnit));
    expect(sorted(await crossTab(survey.id, "Q2", "gender", { path: province.path, bands: {} }))).toEqual([
      { key: "female", label: "female", option: "", count: 2 },
      { key: "female", label: "female", option: "Q2_1", count: 2 },
      { key: "female", label: "female", option: "Q2_3", count: 1 },
    ]);
    expect(await crossTab(survey.id, "Q1", "unit", { path: province.path, bands: { gender: "male" } })).toEqual([]);
  });

  it("is idempotent by UUID: same content → same record, changed content → 409, nothing written", async () => {
    const { survey, ctv1 } = await publishedSurvey();
    const id = uuid();
    const first = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5 }, id));
    const again = await storeSubmission(ctv1, body(survey.id, { Q4: 5, Q1: "Q1_1" }, id));
    expect(first).toMatchObject({ status: 201, duplicate: false });
    expect(again).toMatchObject({ status: 200, duplicate: true, responseId: first.responseId });
    const before = await counts();
    const changed = await catchError(storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 5 }, id)));
    expect(thrownStatus(changed)).toBe(409);
    expect(thrownBody(changed)?.message).toBe("surveys.api.uuidConflict");
    expect(await counts()).toEqual(before);
    expect(await db.surveyTally.findFirst({ where: { question: "Q1", option: "" } })).toMatchObject({ count: 1 });
  });

  it("stores one record when the same UUID arrives several times at once", async () => {
    const { survey, ctv1 } = await publishedSurvey();
    const id = uuid();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 6 }, id))));
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(outcomes.map((o) => o.responseId)).size).toBe(1);
    expect(await db.surveyResponse.count()).toBe(1);
    expect(await db.surveyTally.findFirst({ where: { question: "Q1", option: "Q1_2" } })).toMatchObject({ count: 1 });
  });

  it("refuses bad input with a 4xx and writes nothing", async () => {
    const { survey, ctv1, ctv3 } = await publishedSurvey();
    const cases: [unknown, number][] = [
      [body(survey.id, { Q1: "Q1_1", Q4: 5, Q77: 1 }), 400],
      [body(survey.id, { Q1: "Q1_1", Q4: "năm" }), 400],
      [body(survey.id, { Q1: "Q1_1", Q4: 12 }), 400],
      [body(survey.id, { Q1: "Q1_1", Q4: 5, Q3: "ẩn" }), 400],
      [body(survey.id, { Q1: "Q1_3", Q4: 5, Q3: "x".repeat(5000) }), 400],
      [body(survey.id, { Q1: "Q1_1", Q4: 5 }, "not-a-uuid"), 400],
      [{ ...body(survey.id, { Q1: "Q1_1", Q4: 5 }), bands: { ageBand: "30-44", gender: "female", occupation: "farmer", area: "rural", name: "Nguyễn Văn A" } }, 400],
      [body(survey.id + 100, { Q1: "Q1_1", Q4: 5 }), 404],
      ["{not json", 400],
    ];
    for (const [payload, status] of cases) {
      expect(thrownStatus(await catchError(storeSubmission(ctv1, payload)))).toBe(status);
    }
    // Another unit's survey: the collaborator of a non-target unit gets 404.
    expect(thrownStatus(await catchError(storeSubmission(ctv3, body(survey.id, { Q1: "Q1_1", Q4: 5 }))))).toBe(404);
    // A closed survey: 409.
    await db.survey.update({ where: { id: survey.id }, data: { status: "closed" } });
    expect(thrownStatus(await catchError(storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5 }))))).toBe(409);
    expect(await counts()).toEqual({ responses: 0, answers: 0, tallies: 0 });
  });

  it("return removes a questionnaire from the results; a fixed resubmission counts again; accept keeps it", async () => {
    const { survey, ctv1, secretary, province } = await publishedSurvey();
    const id = uuid();
    const { responseId } = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_3", Q3: "x", Q4: 2 }, id));
    await reviewResponse(secretary, responseId, { intent: "return", comment: "Câu 3 chưa rõ", questionComments: '{"Q3":"Ghi rõ lý do"}' });
    const scope = { path: province.path, bands: {} };
    expect((await countAnswers(survey.id, scope)).every((r) => r.question !== "Q1" || r.count === 0)).toBe(true);
    expect((await unitProgress(survey.id, scope))[0]).toMatchObject({ received: 1, counted: 0 });

    // The same UUID with the old revision number and other content is still a conflict.
    expect(thrownStatus(await catchError(storeSubmission(ctv1, body(survey.id, { Q1: "Q1_2", Q4: 2 }, id))))).toBe(409);
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_3", Q3: "Giá điện tăng", Q4: 2 }, id, { revision: 2 }));
    const rows = await countAnswers(survey.id, scope);
    expect(rows.find((r) => r.question === "Q3" && r.option === "")?.count).toBe(1);
    expect(await db.surveyAnswer.findFirst({ where: { question: "Q3" } })).toMatchObject({ text: "Giá điện tăng" });

    await reviewResponse(secretary, responseId, { intent: "accept" });
    expect((await unitProgress(survey.id, scope))[0]).toMatchObject({ received: 1, counted: 1, accepted: 1 });
    const events = await db.surveyResponseEvent.findMany({ where: { responseId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["submitted", "returned", "resubmitted", "accepted"]);
    expect(events[1]).toMatchObject({ comment: "Câu 3 chưa rõ", payload: '{"Q3":"Ghi rõ lý do"}' });
    expect(await db.auditEntry.count({ where: { entityType: "SurveyResponse", entityId: String(responseId) } })).toBe(4);
  });
});

describe("concurrent reviews", () => {
  it("a second review of the same questionnaire is refused and the tallies move once", async () => {
    const { survey, ctv1, secretary, province } = await publishedSurvey();
    const scope = { path: province.path, bands: {} };
    const first = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5 }));
    const second = await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 6 }));

    // Two reviewers (or a double click) at once: both read "submitted" before either writes.
    const returns = await Promise.allSettled([
      reviewResponse(secretary, first.responseId, { intent: "return", comment: "Thiếu" }),
      reviewResponse(secretary, first.responseId, { intent: "return", comment: "Thiếu" }),
    ]);
    expect(returns.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((returns.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toEqual(new FieldError("intent", "surveys.errors.wrongStatus"));
    const mixed = await Promise.allSettled([
      reviewResponse(secretary, second.responseId, { intent: "accept" }),
      reviewResponse(secretary, second.responseId, { intent: "return", comment: "Sai" }),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);

    expect((await unitProgress(survey.id, scope))[0]).toMatchObject({ received: 2, counted: 1, accepted: 1 });
    expect((await countAnswers(survey.id, scope)).find((r) => r.question === "Q1" && r.option === "Q1_1")?.count).toBe(1);
    expect(await db.surveyResponseEvent.count({ where: { kind: { in: ["returned", "accepted"] } } })).toBe(2);
  });
});

describe("entry window", () => {
  afterEach(() => vi.useRealTimers());

  it("opens and closes on Vietnam calendar days, not UTC ones", () => {
    // 18:00 UTC on 14/03 is 01:00 on 15/03 in Vietnam.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-14T18:00:00Z") });
    const survey = (opensOn: string, closesOn: string) => ({ status: "published", opensOn: day(opensOn), closesOn: day(closesOn) });
    expect(isOpenForEntry(survey("2026-03-15", "2026-03-31"))).toBe(true);
    expect(isOpenForEntry(survey("2026-03-01", "2026-03-14"))).toBe(false);
    expect(isOpenForEntry({ ...survey("2026-03-01", "2026-03-31"), status: "closed" })).toBe(false);
  });
});

describe("results unit filter", () => {
  it("offers the target units and the units between them and the viewer, in tree order, nothing outside the viewer's subtree", async () => {
    const { survey, province, x1, x2, secretary } = await publishedSurvey();
    const committee = await addUnit(province, "P.DU", "Đảng ủy Khối", "party_committee");
    const cell = await addUnit(committee, "P.DU.01", "Chi bộ Một", "party_committee");
    const elsewhere = await addUnit(province, "P.DU2", "Đảng ủy Khác", "party_committee");
    await db.surveyTarget.create({ data: { surveyId: survey.id, unitId: cell.id, quota: 5 } });

    const choices = await unitChoices(secretary, survey.id);
    expect(choices.map((u) => [u.code, u.level])).toEqual([
      ["P.X1", 0], ["P.X2", 0], ["P.DU", 0], ["P.DU.01", 1],
    ].sort((a, b) => pathOf(a[0] as string).localeCompare(pathOf(b[0] as string))));
    expect(choices.some((u) => u.id === elsewhere.id || u.id === province.id)).toBe(false);

    // A committee official sees their cell only; their own unit is the page's "all".
    const official = viewerAt(committee, "official");
    expect(await unitChoices(official, survey.id)).toEqual([{ id: cell.id, code: "P.DU.01", name: "Chi bộ Một", level: 0 }]);
    expect(await unitChoices(viewerAt(x1, "official"), survey.id)).toEqual([]);

    function pathOf(code: string) {
      return [x1, x2, committee, cell].find((u) => u.code === code)!.path;
    }
  });
});
