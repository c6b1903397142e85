import { describe, expect, it } from "vitest";
import { answersSchema, definitionSchema, parseDefinitionJson, visibleQuestions } from "~/surveys/definition";
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
