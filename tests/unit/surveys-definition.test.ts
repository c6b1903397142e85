import { describe, expect, it } from "vitest";
import { surveysEn } from "~/i18n/locales/en.surveys";
import { surveysVi } from "~/i18n/locales/vi.surveys";
import { answersSchema, changedCodes, definitionSchema, parseDefinitionJson, visibleQuestions, type Question, type SurveyDefinition } from "~/surveys/definition";
import { wilson } from "~/surveys/stats";
import { formatPercent } from "~/utils/numbers";
import { SAMPLE } from "./surveys-fixtures";

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message.split("::")[0]}`);

describe("definition schema", () => {
  it("accepts the sample with every rule", () => {
    expect(definitionSchema.safeParse(SAMPLE).success).toBe(true);
  });

  it("rejects duplicate codes, too few options, bad codes and conditions on later questions", () => {
    const bad = {
      title: "X",
      questions: [
        { code: "Q1", type: "single", title: "A", showIf: [{ question: "Q2", op: "equals", value: "Q2_1" }], options: [{ code: "A", label: "a" }] },
        { code: "Q1", type: "number", title: "B" },
        { code: "q3", type: "shortText", title: "C" },
        { code: "Q4", type: "multiple", title: "D", min: 3, max: 2, options: [{ code: "A", label: "a" }, { code: "B", label: "b" }] },
      ],
    };
    const result = messages(definitionSchema.safeParse(bad));
    expect(result).toContain("questions.0.options:surveys.errors.needTwoOptions");
    expect(result).toContain("questions.0.showIf.0:surveys.errors.conditionNotEarlier");
    expect(result).toContain("questions.1.code:surveys.errors.duplicateCode");
    expect(result).toContain("questions.2.code:surveys.errors.badQuestionCode");
    expect(result).toContain("questions.3.max:surveys.errors.minAboveMax");
  });

  it("refuses a matrix row stored under a code already taken, its own question's included", () => {
    const scale = [{ code: "K", label: "Kém" }, { code: "T", label: "Tốt" }];
    const matrix = (items: string[]) => ({
      title: "X",
      questions: [
        { code: "Q1", type: "shortText", title: "A" },
        { code: "Q2", type: "matrix", title: "B", options: scale, items: items.map((code) => ({ code, label: code })) },
      ],
    });
    expect(messages(definitionSchema.safeParse(matrix(["Q2_A", "Q2_B"])))).toEqual([]);
    expect(messages(definitionSchema.safeParse(matrix(["Q2", "Q2_B"])))).toEqual(["questions.1.items:surveys.errors.duplicateCode"]);
    expect(messages(definitionSchema.safeParse(matrix(["Q1", "Q2_B"])))).toEqual(["questions.1.items:surveys.errors.duplicateCode"]);
  });

  const abc = [{ code: "A", label: "a" }, { code: "B", label: "b" }, { code: "C", label: "c" }];
  const multiple = (bounds: Partial<Question>) => ({ title: "X", questions: [{ code: "Q1", type: "multiple", title: "A", required: true, options: abc, ...bounds }] });

  it.each([
    [{ min: 4 }, "questions.0.min:surveys.errors.minAboveOptions"],
    [{ max: 0 }, "questions.0.max:surveys.errors.maxBelowOne"],
    [{ min: 0, max: 0 }, "questions.0.max:surveys.errors.maxBelowOne"],
    [{ min: 2, max: 1 }, "questions.0.max:surveys.errors.minAboveMax"],
    [{ max: 1.5 }, "questions.0.max:surveys.errors.choicesNotWhole"],
  ])("refuses a multiple-choice question that no answer can satisfy: %o", (bounds, expected) => {
    expect(messages(definitionSchema.safeParse(multiple(bounds)))).toContain(expected);
  });

  it("accepts multiple-choice bounds that some answer satisfies", () => {
    for (const bounds of [{}, { min: 3 }, { max: 1 }, { min: 1, max: 3 }, { min: 2, max: 2 }]) {
      expect(messages(definitionSchema.safeParse(multiple(bounds)))).toEqual([]);
    }
  });

  it("refuses a condition that can never hold: a value on a matrix, ≥ on a choice, text against a number", () => {
    const withCondition = (condition: object) => ({
      title: "X",
      questions: [
        { code: "Q1", type: "single", title: "A", options: abc },
        { code: "Q2", type: "matrix", title: "B", items: [{ code: "Q2_A", label: "y tế" }], options: abc },
        { code: "Q3", type: "rating", title: "C" },
        { code: "Q4", type: "shortText", title: "D", showIf: [condition] },
      ],
    });
    const result = (condition: object) => messages(definitionSchema.safeParse(withCondition(condition)));
    expect(result({ question: "Q2", op: "equals", value: "A" })).toEqual(["questions.3.showIf.0:surveys.errors.conditionOnMatrix"]);
    expect(result({ question: "Q2", op: "notEquals", value: "A" })).toEqual(["questions.3.showIf.0:surveys.errors.conditionOnMatrix"]);
    expect(result({ question: "Q2", op: "answered" })).toEqual([]);
    expect(result({ question: "Q1", op: "gte", value: 2 })).toEqual(["questions.3.showIf.0:surveys.errors.conditionNotNumeric"]);
    expect(result({ question: "Q3", op: "equals", value: "5" })).toEqual(["questions.3.showIf.0:surveys.errors.conditionNeedsNumber"]);
    expect(result({ question: "Q3", op: "gte", value: 5 })).toEqual([]);
    expect(result({ question: "Q1", op: "equals", value: "B" })).toEqual([]);
  });

  it("has every definition error in both languages", () => {
    const keys = ["maxBelowOne", "minAboveOptions", "choicesNotWhole", "conditionOnMatrix", "conditionNotNumeric", "conditionNeedsNumber", "scaleReordered", "codeTypeChanged"];
    for (const key of keys) {
      expect(surveysVi.errors).toHaveProperty(key);
      expect(surveysEn.errors).toHaveProperty(key);
    }
    expect(Object.keys(surveysEn.errors).sort()).toEqual(Object.keys(surveysVi.errors).sort());
  });

  it("reports broken JSON and unknown keys on import", () => {
    expect(parseDefinitionJson("{nope")).toEqual({ ok: false, errors: [{ path: "", message: "surveys.errors.badJson" }] });
    const unknown = parseDefinitionJson(JSON.stringify({ title: "T", questions: [], extra: 1 }));
    expect(unknown.ok).toBe(false);
    expect(parseDefinitionJson(JSON.stringify(SAMPLE)).ok).toBe(true);
  });
});

describe("answers schema", () => {
  const schema = answersSchema(definitionSchema.parse(SAMPLE));

  it("accepts a complete valid answer set and applies skip logic", () => {
    expect(schema.safeParse({ Q1: "Q1_1", Q4: 7, Q2: ["Q2_1"], Q6: { Q6_A: "T" } }).success).toBe(true);
    expect([...visibleQuestions(SAMPLE, { Q1: "Q1_3" })]).toContain("Q3");
    expect([...visibleQuestions(SAMPLE, { Q1: "Q1_1" })]).not.toContain("Q3");
  });

  it("requires a shown question and rejects an answer to a hidden one", () => {
    expect(messages(schema.safeParse({ Q1: "Q1_3", Q4: 5 }))).toEqual(["Q3:errors.required"]);
    expect(messages(schema.safeParse({ Q1: "Q1_1", Q4: 5, Q3: "giá cao" }))).toEqual(["Q3:surveys.errors.hiddenAnswered"]);
  });

  it("rejects unknown codes, wrong types, out-of-range values, too many choices and oversized text", () => {
    expect(schema.safeParse({ Q1: "Q1_1", Q4: 5, Q99: "x" }).success).toBe(false);
    expect(messages(schema.safeParse({ Q1: "Q1_9", Q4: 5 }))).toEqual(["Q1:surveys.errors.unknownOption"]);
    expect(messages(schema.safeParse({ Q1: "Q1_1", Q4: "5" }))).toEqual(["Q4:surveys.errors.notANumber"]);
    expect(messages(schema.safeParse({ Q1: "Q1_1", Q4: 11 }))).toEqual(["Q4:surveys.errors.outOfRange"]);
    expect(messages(schema.safeParse({ Q1: "Q1_1", Q4: 5, Q5: 2.5 }))).toEqual(["Q5:surveys.errors.notInteger"]);
    expect(messages(schema.safeParse({ Q1: "Q1_1", Q4: 5, Q2: ["Q2_1", "Q2_2", "Q2_3"] }))).toEqual(["Q2:surveys.errors.chooseAtMost"]);
    expect(messages(schema.safeParse({ Q1: "Q1_3", Q4: 5, Q3: "x".repeat(301) }))).toEqual(["Q3:errors.tooLong"]);
    expect(schema.safeParse({ Q1: "Q1_1", Q4: 5, Q6: { Q6_Z: "T" } }).success).toBe(false);
  });

  it("takes only real calendar days as dates", () => {
    const dated = answersSchema(definitionSchema.parse({ title: "X", questions: [{ code: "D", type: "date", title: "Ngày" }] }));
    for (const day of ["2024-02-29", "2026-12-31", "2026-01-01"]) expect(dated.safeParse({ D: day }).success).toBe(true);
    for (const day of ["2024-02-31", "2023-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "31/12/2026", "2026-1-1"]) {
      expect(messages(dated.safeParse({ D: day }))).toEqual(["D:errors.badDate"]);
    }
  });
});

describe("new versions", () => {
  const likert = (options: string[]): SurveyDefinition => ({
    title: "X",
    questions: [{ code: "L", type: "likert", title: "Hài lòng", required: false, options: options.map((code) => ({ code, label: code })) }],
  });
  const withMatrix = (options: string[], items = ["M_A", "M_B"]): SurveyDefinition => ({
    title: "X",
    questions: [{ code: "M", type: "matrix", title: "Dịch vụ", required: false, items: items.map((code) => ({ code, label: code })), options: options.map((code) => ({ code, label: code })) }],
  });
  const none = { changed: [], reordered: [] };

  it("lets a Likert or matrix scale grow at the end only", () => {
    expect(changedCodes([likert(["L1", "L2", "L3"])], likert(["L1", "L2", "L3", "L4"]))).toEqual(none);
    expect(changedCodes([likert(["L1", "L2", "L3"])], likert(["L0", "L1", "L2", "L3"]))).toEqual({ changed: [], reordered: ["L"] });
    expect(changedCodes([likert(["L1", "L2", "L3"])], likert(["L1", "L3", "L2"]))).toEqual({ changed: [], reordered: ["L"] });
    expect(changedCodes([withMatrix(["K", "T"])], withMatrix(["K", "T", "RT"], ["M_A", "M_B", "M_C"]))).toEqual(none);
    expect(changedCodes([withMatrix(["K", "T"])], withMatrix(["T", "K"]))).toEqual({ changed: [], reordered: ["M"] });
    // A single choice stores codes, not positions: its options may be reordered.
    expect(changedCodes([SAMPLE], { ...SAMPLE, questions: SAMPLE.questions.map((q) => (q.code === "Q1" ? { ...q, options: [...q.options!].reverse() } : q)) })).toEqual(none);
  });

  it("compares with every earlier version, not only the latest", () => {
    const v1 = SAMPLE;
    const v2 = { ...SAMPLE, questions: SAMPLE.questions.filter((q) => q.code !== "Q1") };
    const v3: SurveyDefinition = { ...v2, questions: [...v2.questions, { code: "Q1", type: "number", title: "Số hộ", required: false }] };
    expect(changedCodes([v2], v3)).toEqual(none);
    expect(changedCodes([v1, v2], v3)).toEqual({ changed: ["Q1"], reordered: [] });
    // Back with its type and options, the code means what it meant.
    expect(changedCodes([v1, v2], { ...v2, questions: [...v2.questions, SAMPLE.questions[0]!] })).toEqual(none);
    // A likert scale dropped in v2 cannot come back reordered in v3.
    expect(changedCodes([likert(["L1", "L2"]), { title: "X", questions: [] }], likert(["L2", "L1"]))).toEqual({ changed: [], reordered: ["L"] });
  });

  it("keeps a matrix row's code a row of the same scale", () => {
    const dropped: SurveyDefinition = { title: "X", questions: [] };
    const rowAsQuestion: SurveyDefinition = { title: "X", questions: [{ code: "M_A", type: "single", title: "Y tế", required: false, options: [{ code: "K", label: "k" }, { code: "T", label: "t" }] }] };
    expect(changedCodes([withMatrix(["K", "T"]), dropped], rowAsQuestion)).toEqual({ changed: ["M_A"], reordered: [] });
    const moved: SurveyDefinition = { title: "X", questions: [{ ...withMatrix(["T", "K"], ["M_A"]).questions[0]!, code: "N" }] };
    expect(changedCodes([withMatrix(["K", "T"]), dropped], moved)).toEqual({ changed: [], reordered: ["M_A"] });
  });
});

describe("statistics", () => {
  it("computes the 95% Wilson interval and formats Vietnamese percentages", () => {
    const [lo, hi] = wilson(753, 800);
    expect(lo).toBeCloseTo(0.9223, 3);
    expect(hi).toBeCloseTo(0.9556, 3);
    expect(formatPercent(753 / 800)).toBe("94,13");
    expect(formatPercent(0.9412)).toBe("94,12");
    expect(wilson(0, 0)).toEqual([0, 0]);
  });
});
