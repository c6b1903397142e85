// Issue 17, item 6: the survey results page as an official reads it — open answers grouped with
// counts, ordered palettes for scales, the percent axis scaled to the data, the summary's counts.
import { describe, expect, it } from "vitest";
import { answerKey, groupAnswers } from "~/surveys/open-answers";
import { optionColors, percentAxisMax, scaleKind, SINGLE_COLOR } from "~/surveys/result-palette";
import { questionSections } from "~/surveys/result-sections";
import { reviewResponse } from "~/surveys/review.server";
import { surveyResults } from "~/surveys/results.server";
import { storeSubmission } from "~/surveys/storage.server";
import { body, publishedSurvey, SAMPLE } from "./surveys-fixtures";

describe("open answers grouped", () => {
  it("folds case (Vietnamese capitals too), whitespace and Unicode forms into one key", () => {
    expect(answerKey("  ĐƯỜNG   XẤU ")).toBe("đường xấu");
    expect(answerKey("Đường xấu")).toBe(answerKey("đường\txấu"));
    // "ấ" typed as a + combining marks equals the precomposed letter.
    expect(answerKey("xa\u0302\u0301u")).toBe(answerKey("xấu"));
  });

  it("merges the database's trimmed groups, most frequent first, shown as the most frequent spelling", () => {
    const groups = groupAnswers([
      { text: "Giá phân bón tăng", count: 3 },
      { text: "GIÁ PHÂN BÓN TĂNG", count: 1 },
      { text: "giá  phân bón tăng", count: 1 },
      { text: "Thiếu việc làm", count: 2 },
      { text: "Ao tù", count: 2 },
      { text: "   ", count: 4 },
    ]);
    expect(groups).toEqual([
      { text: "Giá phân bón tăng", count: 5 },
      // Equal counts: alphabetical (Vietnamese order).
      { text: "Ao tù", count: 2 },
      { text: "Thiếu việc làm", count: 2 },
    ]);
  });

  it("are grouped in SQL for the province and for a commune, counting only counted questionnaires", async () => {
    const w = await publishedSurvey();
    const hard = (text: string, viewer = w.ctv1) => storeSubmission(viewer, body(w.survey.id, { Q1: "Q1_3", Q3: text, Q4: 5 }));
    await hard("Giá cao");
    await hard("GIÁ CAO");
    await hard("giá   cao");
    await hard("Đường hỏng");
    // A fifth form in the commune (no open answer), so its own results are not suppressed.
    await storeSubmission(w.ctv1, body(w.survey.id, { Q1: "Q1_1", Q4: 8 }));
    await hard("đường hỏng", w.ctv2);
    const { responseId } = await hard("Giá cao", w.ctv2);
    // A returned questionnaire is not counted until resubmitted: its answer is not either.
    await reviewResponse(w.secretary, responseId, { intent: "return", comment: "Xem lại", questionComments: "{}" });

    const province = await surveyResults(w.secretary, w.survey.id, { bands: {} });
    expect(province.questions.find((q) => q.code === "Q3")!.answers).toEqual([
      { text: "Giá cao", count: 3 },
      { text: "Đường hỏng", count: 2 },
    ]);
    expect(province.totals).toMatchObject({ received: 7, counted: 6, accepted: 0, returned: 1 });
    // Below the province (another query, from the commune's own questionnaires).
    const x1 = await surveyResults(w.secretary, w.survey.id, { unitId: w.x1.id, bands: {} });
    expect(x1.questions.find((q) => q.code === "Q3")!.answers).toEqual([
      { text: "Giá cao", count: 3 },
      { text: "Đường hỏng", count: 1 },
    ]);
    // Band-filtered province (the same bands as every form here): the same groups.
    const filtered = await surveyResults(w.secretary, w.survey.id, { bands: { gender: "female" } });
    expect(filtered.questions.find((q) => q.code === "Q3")!.answers).toEqual(province.questions.find((q) => q.code === "Q3")!.answers);
    expect(filtered.matching).toBe(6);
  });
});

describe("palette and axis of the results charts", () => {
  it("colours ordinal scales by their order and unordered questions with one colour", () => {
    expect((["likert", "matrix", "rating", "single"] as const).map(scaleKind)).toEqual(["diverging", "diverging", "sequential", "single"]);
    const five = optionColors("diverging", 5);
    expect(five).toEqual(["#b2182b", "#ef8a62", "#c8c8c8", "#7fbf7b", "#1b7837"]);
    // Three options: red, the neutral grey, green.
    expect(optionColors("diverging", 3)).toEqual(["#b2182b", "#c8c8c8", "#1b7837"]);
    const eleven = optionColors("sequential", 11);
    expect(eleven).toHaveLength(11);
    expect(new Set(eleven).size).toBe(11);
    // Light to dark: the blue channel's partner (red) falls all the way.
    const red = eleven.map((c) => parseInt(c.slice(1, 3), 16));
    expect(red).toEqual([...red].sort((a, b) => b - a));
    expect(optionColors("single", 4)).toEqual(Array(4).fill(SINGLE_COLOR));
    expect(optionColors("diverging", 1)).toEqual(["#c8c8c8"]);
  });

  it("scales the percent axis to the data, a little above the largest share", () => {
    expect(percentAxisMax(12)).toBe(20);
    expect(percentAxisMax(45)).toBe(50);
    expect(percentAxisMax(50)).toBe(60);
    expect(percentAxisMax(96)).toBe(100);
    expect(percentAxisMax(0)).toBe(10);
  });
});

describe("results sections", () => {
  it("number questions as on the form and gather a matrix's items under one question", () => {
    const flat = SAMPLE.questions.flatMap((q) =>
      (q.type === "matrix" ? q.items!.map((i) => i.code) : [q.code]).map((code) => ({ code, title: code, type: q.type, n: 1, mean: null, options: [], numbers: [], answers: [] })),
    );
    const sections = questionSections(SAMPLE, flat);
    expect(sections.map((s) => [s.number, s.code, s.rows.length])).toEqual([[1, "Q1", 1], [2, "Q2", 1], [3, "Q3", 1], [4, "Q4", 1], [5, "Q5", 1], [6, "Q6", 2]]);
    expect(sections[5]!.rows.map((r) => r.label)).toEqual(["Y tế", "Giáo dục"]);
  });
});
