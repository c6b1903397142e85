// The question-type registry: each type's definition fields, rules, answers, stored rows and
// results come from its own module (app/surveys/question-types); the slider is the type added
// through it alone.
import { describe, expect, it } from "vitest";
import { enOffice } from "~/i18n/locales/en.office";
import { viOffice } from "~/i18n/locales/vi.office";
import { answersSchema, definitionSchema, parseDefinitionJson, QUESTION_TYPES, storedDefinitionSchema, visibleQuestions, type SurveyDefinition } from "~/surveys/definition";
import { formatAnswer } from "~/surveys/question-types";
import { surveyResults } from "~/surveys/results.server";
import { answerRows } from "~/surveys/rows";
import { storeSubmission } from "~/surveys/storage.server";
import { body, publishedSurvey } from "./surveys-fixtures";

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message.split("::")[0]}`);
const ab = [{ code: "A", label: "a" }, { code: "B", label: "b" }];
const one = (question: Record<string, unknown>) => ({ title: "X", questions: [{ code: "Q1", title: "Câu", ...question }] });

const SLIDER: SurveyDefinition = {
  title: "Niềm tin",
  questions: [
    { code: "S1", type: "slider", title: "Mức độ tin tưởng (0–100)", required: true, min: 0, max: 100, step: 1, minLabel: "Không tin", maxLabel: "Rất tin" },
    { code: "S2", type: "shortText", title: "Vì sao thấp?", required: false, showIf: [{ question: "S1", op: "lte", value: 30 }] },
  ],
};

describe("question types", () => {
  it("every type has a name in both languages", () => {
    for (const type of QUESTION_TYPES) {
      expect(viOffice.surveys.types, type).toHaveProperty(type);
      expect(enOffice.surveys.types, type).toHaveProperty(type);
    }
  });

  it("accepts a field only on the types that have it", () => {
    expect(messages(definitionSchema.safeParse(one({ type: "single", options: ab, integer: true })))).toEqual(["questions.0:errors.unknownFields"]);
    expect(messages(definitionSchema.safeParse(one({ type: "number", options: ab })))).toEqual(["questions.0:errors.unknownFields"]);
    expect(messages(definitionSchema.safeParse(one({ type: "likert", options: ab, items: ab })))).toEqual(["questions.0:errors.unknownFields"]);
    expect(messages(definitionSchema.safeParse(one({ type: "number", step: 5 })))).toEqual(["questions.0:errors.unknownFields"]);
    expect(messages(definitionSchema.safeParse(one({ type: "teleport" })))).toEqual(["questions.0.type:errors.notAnOption"]);
    expect(messages(definitionSchema.safeParse(one({ type: "number", min: 1, max: 9, integer: true })))).toEqual([]);
    expect(messages(definitionSchema.safeParse(one({ type: "matrix", options: ab, items: [{ code: "Q1_A", label: "y tế" }] })))).toEqual([]);
  });

  it("retires the condition 'includes': a new definition refuses it, a stored one reads it as 'equals' (has chosen)", () => {
    const def = {
      title: "X",
      questions: [
        { code: "Q1", type: "multiple", title: "A", options: ab },
        { code: "Q2", type: "shortText", title: "B", showIf: [{ question: "Q1", op: "includes", value: "B" }] },
      ],
    };
    expect(messages(definitionSchema.safeParse(def))).toEqual(["questions.1.showIf.0.op:errors.notAnOption"]);
    const stored = storedDefinitionSchema.parse(def);
    expect(stored.questions[1]!.showIf).toEqual([{ question: "Q1", op: "equals", value: "B" }]);
    expect(visibleQuestions(stored, { Q1: ["A", "B"] }).has("Q2")).toBe(true);
    expect(visibleQuestions(stored, { Q1: ["A"] }).has("Q2")).toBe(false);
  });

  it("keeps a stored definition readable when a type no longer takes a field", () => {
    const stored = storedDefinitionSchema.parse(one({ type: "single", options: ab, min: 3 }));
    expect(stored.questions[0]).toEqual({ code: "Q1", title: "Câu", type: "single", required: false, options: ab });
  });

  it("a slider needs bounds and a step that divides them into at most 1,000 steps", () => {
    const slider = (fields: Record<string, unknown>) => messages(definitionSchema.safeParse(one({ type: "slider", ...fields })));
    expect(slider({ min: 0, max: 100 })).toEqual([]);
    expect(slider({ min: 1, max: 5, step: 0.5, minLabel: "Kém", maxLabel: "Tốt" })).toEqual([]);
    expect(slider({ max: 10 })).toEqual(["questions.0.min:surveys.errors.sliderNeedsBounds"]);
    expect(slider({ min: 10, max: 10 })).toEqual(["questions.0.max:surveys.errors.minAboveMax"]);
    expect(slider({ min: 0, max: 10, step: 3 })).toEqual(["questions.0.step:surveys.errors.sliderStep"]);
    expect(slider({ min: 0, max: 10, step: 0 })).toEqual(["questions.0.step:surveys.errors.sliderStep"]);
    expect(slider({ min: 0, max: 10_000, step: 1 })).toEqual(["questions.0.step:surveys.errors.sliderStep"]);
    expect(slider({ min: 0, max: 10, integer: true })).toEqual(["questions.0:errors.unknownFields"]);
  });

  it("a slider's answer is a number within its bounds on a step; conditions compare it as a number", () => {
    const schema = answersSchema(definitionSchema.parse(SLIDER));
    expect(messages(schema.safeParse({ S1: 70 }))).toEqual([]);
    expect(messages(schema.safeParse({ S1: 20, S2: "thiếu thông tin" }))).toEqual([]);
    expect(messages(schema.safeParse({ S1: 70, S2: "x" }))).toEqual(["S2:surveys.errors.hiddenAnswered"]);
    expect(messages(schema.safeParse({ S1: 101 }))).toEqual(["S1:surveys.errors.outOfRange"]);
    expect(messages(schema.safeParse({ S1: "70" }))).toEqual(["S1:surveys.errors.notANumber"]);
    expect(messages(schema.safeParse({}))).toEqual(["S1:errors.required"]);
    const halves = answersSchema(definitionSchema.parse(one({ type: "slider", min: 1, max: 5, step: 0.5 })));
    expect(messages(halves.safeParse({ Q1: 3.5 }))).toEqual([]);
    expect(messages(halves.safeParse({ Q1: 3.25 }))).toEqual(["Q1:surveys.errors.offStep"]);
    expect(messages(definitionSchema.safeParse({ ...SLIDER, questions: [SLIDER.questions[0], { ...SLIDER.questions[1], showIf: [{ question: "S1", op: "lte", value: "30" }] }] })))
      .toEqual(["questions.1.showIf.0:surveys.errors.conditionNeedsNumber"]);
  });

  it("stores a slider's value as the row's number and reads it back as written", () => {
    expect(answerRows(SLIDER, { S1: 35 })).toEqual([{ question: "S1", option: "", num: 35, text: null }]);
    expect(formatAnswer(SLIDER.questions[0]!, 35)).toBe("35");
    expect(formatAnswer(SLIDER.questions[0]!, undefined)).toBe("—");
  });

  it("shows a slider's results as a mean and the values in ranges, counted in SQL for the province and a commune alike", async () => {
    const { survey, secretary, ctv1, ctv2, x1 } = await publishedSurvey(SLIDER);
    const values = [0, 5, 9, 10, 35, 38, 100, 100, 64];
    for (const [i, v] of values.entries()) await storeSubmission(i % 3 === 0 ? ctv2 : ctv1, body(survey.id, v <= 30 ? { S1: v, S2: "ít thông tin" } : { S1: v }));
    const province = await surveyResults(secretary, survey.id, { bands: {} });
    const s1 = province.questions.find((q) => q.code === "S1")!;
    expect(s1.n).toBe(9);
    expect(s1.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 9, 9);
    // 0–100 in steps of 1: ranges of ten, empty ones too, the last one the single value 100.
    const counts = [3, 1, 0, 2, 0, 0, 1, 0, 0, 0, 2];
    expect(s1.numbers).toEqual(counts.map((count, i) => ({ value: i * 10, upTo: Math.min(i * 10 + 9, 100), count })));
    // With a band filter the province reads its band tallies; a commune reads its own answer rows.
    const filtered = await surveyResults(secretary, survey.id, { bands: { gender: "female" } });
    expect(filtered.questions.find((q) => q.code === "S1")!.numbers).toEqual(s1.numbers);
    const commune = await surveyResults({ ...secretary, unitPath: x1.path }, survey.id, { bands: { gender: "female" } });
    const ones = values.filter((_, i) => i % 3 !== 0);
    expect(commune.questions.find((q) => q.code === "S1")!.numbers.reduce((n, r) => n + r.count, 0)).toBe(ones.length);
  });

  it("keeps a half-step slider's values each in its own range, the SQL's range keys matching the page's", async () => {
    const halves: SurveyDefinition = { title: "Nửa bước", questions: [{ code: "H", type: "slider", title: "Điểm", required: true, min: 1, max: 5, step: 0.5 }] };
    const { survey, secretary, ctv1 } = await publishedSurvey(halves);
    for (const v of [1, 3.5, 3.5, 5]) await storeSubmission(ctv1, body(survey.id, { H: v }));
    const h = (await surveyResults(secretary, survey.id, { bands: {} })).questions.find((q) => q.code === "H")!;
    expect(h.numbers).toHaveLength(9);
    expect(h.numbers.filter((r) => r.count > 0)).toEqual([
      { value: 1, upTo: 1, count: 1 },
      { value: 3.5, upTo: 3.5, count: 2 },
      { value: 5, upTo: 5, count: 1 },
    ]);
    expect(h.mean).toBeCloseTo(3.25, 9);
  });

  it("counts each question's n under a band filter below the province when the survey has no multiple-choice or ranking question", async () => {
    const options = [{ code: "C1", label: "Có" }, { code: "C2", label: "Không" }];
    const oneRowEach: SurveyDefinition = { title: "Một dòng", questions: [{ code: "C", type: "single", title: "Đồng ý?", required: true, options }, SLIDER.questions[0]!] };
    const { survey, secretary, ctv1, x1 } = await publishedSurvey(oneRowEach);
    for (const [i, v] of [10, 20, 30, 40, 50].entries()) await storeSubmission(ctv1, body(survey.id, { C: i < 3 ? "C1" : "C2", S1: v }));
    const commune = await surveyResults({ ...secretary, unitPath: x1.path }, survey.id, { bands: { gender: "female" } });
    const [c, s1] = ["C", "S1"].map((code) => commune.questions.find((q) => q.code === code)!);
    expect(commune.matching).toBe(5);
    expect(c!.n).toBe(5);
    expect([s1!.n, s1!.mean]).toEqual([5, 30]);
  });

  it("keeps a tenth-step slider's values in their own ranges, however the decimal divides (0.3 / 0.1 is 2.999…)", async () => {
    const tenths: SurveyDefinition = { title: "Phần mười", questions: [{ code: "T", type: "slider", title: "Tỉ lệ", required: true, min: 0, max: 1, step: 0.1 }] };
    const { survey, secretary, ctv1, x1 } = await publishedSurvey(tenths);
    for (const v of [0.3, 0.6, 0.7, 0.7, 1]) await storeSubmission(ctv1, body(survey.id, { T: v }));
    const expected = [
      { value: 0.3, upTo: 0.3, count: 1 },
      { value: 0.6, upTo: 0.6, count: 1 },
      { value: 0.7, upTo: 0.7, count: 2 },
      { value: 1, upTo: 1, count: 1 },
    ];
    // The province from its band tallies, a commune from its answer rows: the same ranges.
    for (const viewer of [secretary, { ...secretary, unitPath: x1.path }]) {
      const t = (await surveyResults(viewer, survey.id, { bands: {} })).questions.find((q) => q.code === "T")!;
      expect(t.numbers).toHaveLength(11);
      expect(t.numbers.filter((r) => r.count > 0)).toEqual(expected);
    }
  });

  it("imports a slider from JSON and refuses another type's fields on it", () => {
    expect(parseDefinitionJson(JSON.stringify(SLIDER)).ok).toBe(true);
    const bad = parseDefinitionJson(JSON.stringify(one({ type: "slider", min: 0, max: 10, options: ab })));
    expect(bad).toEqual({ ok: false, errors: [{ path: "questions.0", message: 'errors.unknownFields::{"fields":"options"}' }] });
  });
});
