import { describe, expect, it } from "vitest";
import { can } from "~/accounts/roles";
import { db } from "~/db/db.server";
import { crossTable } from "~/surveys/results.server";
import { storeSubmission } from "~/surveys/storage.server";
import { changeStatus, copyAsNextWave, createSurvey, getSurvey, listAssignedOpen, saveDefinition, setAssignment } from "~/surveys/surveys.server";
import { FieldError } from "~/forms/field-error.server";
import { decodeErrorKey } from "~/forms/zod";
import { refusalOf } from "~/errors/http.server";
import { assignmentSchema } from "~/surveys/survey-schemas";
import { addUnit, catchError, day, realViewerAt, thrownStatus, viewerAt } from "./fixtures";
import type { SurveyDefinition } from "~/surveys/definition";
import { body, publishedSurvey, SAMPLE } from "./surveys-fixtures";

describe("survey lifecycle", () => {
  it("draft → published (frozen version 1) → a change makes version 2 with the same codes → closed", async () => {
    const province = await addUnit(null, "P", "Tỉnh", "province");
    await addUnit(province, "P.X1", "Xã Một");
    const secretary = await realViewerAt(province, "thuky", "secretariat");
    const id = await createSurvey(secretary, { code: "KS.A", seriesCode: "KS", title: "Khảo sát A", period: "2026-Q4" });
    expect(await catchError(changeStatus(secretary, id, "publish"))).toBeInstanceOf(FieldError);
    await saveDefinition(secretary, id, JSON.stringify(SAMPLE));
    await setAssignment(secretary, id, { opensOn: day("2026-01-01"), closesOn: day("2026-12-31"), targets: [{ code: "P.X1", quota: 5 }] });
    await changeStatus(secretary, id, "publish");
    expect((await getSurvey(secretary, id)).versions.map((v) => v.version)).toEqual([1]);

    // Changing a question's type after publication is refused; adding a question makes version 2.
    const retyped = { ...SAMPLE, questions: SAMPLE.questions.map((q) => (q.code === "Q4" ? { ...q, type: "number" as const } : q)) };
    expect(thrownStatus(await catchError(saveDefinition(secretary, id, JSON.stringify(retyped))))).toBe(400);
    const renamedOption = { ...SAMPLE, questions: SAMPLE.questions.map((q) => (q.code === "Q1" ? { ...q, options: q.options!.map((o, i) => (i === 0 ? { ...o, code: "Q1_9" } : o)) } : q)) };
    expect(thrownStatus(await catchError(saveDefinition(secretary, id, JSON.stringify(renamedOption))))).toBe(400);
    const extended = { ...SAMPLE, questions: [...SAMPLE.questions, { code: "Q9", type: "longText" as const, title: "Ý kiến khác", required: false }] };
    await saveDefinition(secretary, id, JSON.stringify(extended));
    const survey = await getSurvey(secretary, id);
    expect(survey.version).toBe(2);
    expect(survey.versions.map((v) => v.version)).toEqual([1, 2]);

    await changeStatus(secretary, id, "close");
    expect(thrownStatus(await catchError(saveDefinition(secretary, id, JSON.stringify(SAMPLE))))).toBe(409);
    const next = await copyAsNextWave(secretary, id, { code: "KS.B", title: "Khảo sát B", period: "2027-Q1" });
    const wave = await getSurvey(secretary, next);
    expect(wave).toMatchObject({ status: "draft", seriesCode: "KS", previousWaveId: id });
    expect(wave.definition.questions.map((q) => q.code)).toEqual(extended.questions.map((q) => q.code));
    expect(wave.targets.map((t) => t.quota)).toEqual([5]);
    expect((await db.auditEntry.findMany({ where: { entityType: "Survey" }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "survey.create", "survey.edit", "survey.assign", "survey.publish", "survey.new_version", "survey.close", "survey.next_wave",
    ]);
  });

  it("a new version keeps every earlier version's codes and the order of Likert/matrix scales", async () => {
    const { survey, secretary } = await publishedSurvey();
    const refusal = async (def: SurveyDefinition) => {
      const error = await catchError(saveDefinition(secretary, survey.id, JSON.stringify(def)));
      expect(thrownStatus(error)).toBe(400);
      return refusalOf(error)!.body as { message: string; errors: { message: string }[] };
    };
    const withQuestions = (questions: SurveyDefinition["questions"]): SurveyDefinition => ({ ...SAMPLE, questions });
    const q6 = SAMPLE.questions.find((q) => q.code === "Q6")!;
    const others = SAMPLE.questions.filter((q) => q.code !== "Q6");

    // Matrix Q6 stores the scale position (K = 1, TB = 2, T = 3): an option inserted before them shifts it.
    const inserted = withQuestions([...others, { ...q6, options: [{ code: "RK", label: "Rất kém" }, ...q6.options!] }]);
    const data = await refusal(inserted);
    expect(data.message).toBe("surveys.errors.codesChanged");
    expect(data.errors.map((e) => decodeErrorKey(e.message))).toEqual([{ key: "surveys.errors.scaleReordered", params: { codes: "Q6" } }]);
    await refusal(withQuestions([...others, { ...q6, options: [...q6.options!].reverse() }]));
    // Appended at the end, the earlier positions hold: version 2.
    await saveDefinition(secretary, survey.id, JSON.stringify(withQuestions([...others, { ...q6, options: [...q6.options!, { code: "RT", label: "Rất tốt" }] }])));

    // v3 drops Q5 (number); v4 may not bring Q5 back as a single choice, only as what it was.
    const withoutQ5 = (await getSurvey(secretary, survey.id)).definition.questions.filter((q) => q.code !== "Q5");
    await saveDefinition(secretary, survey.id, JSON.stringify(withQuestions(withoutQ5)));
    const retyped = await refusal(withQuestions([...withoutQ5, { code: "Q5", type: "single", title: "Nhà ở", required: false, options: [{ code: "A", label: "a" }, { code: "B", label: "b" }] }]));
    expect(retyped.errors.map((e) => decodeErrorKey(e.message))).toEqual([{ key: "surveys.errors.codeTypeChanged", params: { codes: "Q5" } }]);
    await saveDefinition(secretary, survey.id, JSON.stringify(withQuestions([...withoutQ5, SAMPLE.questions.find((q) => q.code === "Q5")!])));
    expect((await getSurvey(secretary, survey.id)).versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
  });

  it("refuses to publish a draft that no longer satisfies the definition rules", async () => {
    const { survey, secretary } = await publishedSurvey();
    const unanswerable = { ...SAMPLE, questions: SAMPLE.questions.map((q) => (q.code === "Q2" ? { ...q, max: 0 } : q)) };
    // Stored before the rule existed: still readable, but not published as it is.
    await db.survey.update({ where: { id: survey.id }, data: { status: "draft", definition: JSON.stringify(unanswerable) } });
    expect((await getSurvey(secretary, survey.id)).definition.questions[1]).toMatchObject({ max: 0 });
    const error = await catchError(changeStatus(secretary, survey.id, "publish"));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ key: "surveys.errors.invalidDefinition" });
    expect(thrownStatus(await catchError(saveDefinition(secretary, survey.id, JSON.stringify(unanswerable))))).toBe(400);
  });

  it("assignment refuses units outside the viewer's scope; a collaborator sees only their open assignments", async () => {
    const { survey, x1, ctv1, ctv3, secretary } = await publishedSurvey();
    const commune = await realViewerAt(x1, "lanhdao.xa", "secretariat");
    expect(await catchError(setAssignment(commune, survey.id, { opensOn: day("2026-01-01"), closesOn: day("2026-12-31"), targets: [{ code: "P.X2", quota: 3 }] })))
      .toBeInstanceOf(FieldError);
    await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q4: 5 }));
    expect(await listAssignedOpen(ctv1)).toMatchObject([{ id: survey.id, quota: 10, received: 1, mine: 1 }]);
    expect(await listAssignedOpen(ctv3)).toEqual([]);
    expect(thrownStatus(await catchError(getSurvey({ ...ctv3, role: "official" }, survey.id)))).toBe(404);
    expect((await getSurvey(secretary, survey.id)).id).toBe(survey.id);
  });

  it("refuses a unit assigned twice with a field message naming it, in the form and in the domain", async () => {
    const parsed = assignmentSchema.safeParse({ opensOn: "2026-01-01", closesOn: "2026-12-31", targets: "P.X1 5\np.x2 3\np.x1 7" });
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues.find((i) => i.path[0] === "targets")!;
    expect(decodeErrorKey(issue.message)).toEqual({ key: "surveys.errors.duplicateTargetUnit", params: { code: "P.X1" } });

    const { survey, secretary } = await publishedSurvey();
    const error = await catchError(setAssignment(secretary, survey.id, {
      opensOn: day("2026-01-01"), closesOn: day("2026-12-31"), targets: [{ code: "P.X1", quota: 5 }, { code: "P.X1", quota: 7 }],
    }));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "targets" });
    expect(decodeErrorKey((error as FieldError).key)).toEqual({ key: "surveys.errors.duplicateTargetUnit", params: { code: "P.X1" } });
    // Nothing changed: the previous targets stay.
    expect(await db.surveyTarget.count({ where: { surveyId: survey.id } })).toBe(2);
  });

  it("only province-level accounts design surveys; others read the targets of their own subtree", async () => {
    const { survey, x1, secretary } = await publishedSurvey();
    const communeSecretariat = await realViewerAt(x1, "thuky.xa", "secretariat");
    expect(can(secretary, "designSurveys")).toBe(true);
    expect(can(communeSecretariat, "designSurveys")).toBe(false);
    expect(can(communeSecretariat, "manageTopics")).toBe(false);
    expect(can(communeSecretariat, "reviewSurveys")).toBe(true);
    expect(can({ role: "official", unitPath: secretary.unitPath }, "designSurveys")).toBe(false);
    // A non-designer sees no draft, and only the quotas of their own units.
    const targets = (await getSurvey(viewerAt(x1, "official"), survey.id)).targets;
    expect(targets.map((t) => [t.unit.code, t.quota])).toEqual([["P.X1", 10]]);
    expect((await getSurvey(secretary, survey.id)).targets.map((t) => t.unit.code)).toEqual(["P.X1", "P.X2"]);
    await db.survey.update({ where: { id: survey.id }, data: { status: "draft" } });
    expect(thrownStatus(await catchError(getSurvey(communeSecretariat, survey.id)))).toBe(404);
  });
});

describe("breakdowns and exports", () => {
  it("suppresses cross-tab cells with fewer than 5 questionnaires", async () => {
    const { survey, ctv1, ctv2, secretary } = await publishedSurvey();
    for (let i = 0; i < 5; i++) await storeSubmission(ctv1, body(survey.id, { Q1: i < 3 ? "Q1_1" : "Q1_2", Q4: 5 }));
    await storeSubmission(ctv2, body(survey.id, { Q1: "Q1_1", Q4: 5 }));
    const table = await crossTable(secretary, survey.id, "Q1", "unit", { bands: {} });
    expect(table!.rows).toEqual([
      { key: "P.X1", label: "Xã Một", n: 5, suppressed: false, cells: [{ count: 3, share: 0.6 }, { count: 2, share: 0.4 }, { count: 0, share: 0 }] },
      { key: "P.X2", label: "Xã Hai", n: 1, suppressed: true, cells: [{ count: null, share: null }, { count: null, share: null }, { count: null, share: null }] },
    ]);
  });
});
