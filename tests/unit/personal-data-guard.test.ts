import { describe, expect, it } from "vitest";
import { findPersonalData, hasPersonalData } from "~/opinion-reports/personal-data-guard";
import { NEGATIVES, POSITIVES } from "./fixtures/personal-data-corpus";

const kinds = (text: string) => findPersonalData(text).map((h) => h.kind);

describe("personal-data guard: the corpus", () => {
  it("holds at least 60 examples of each side", () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(60);
    expect(NEGATIVES.filter(Boolean).length).toBeGreaterThanOrEqual(60);
  });

  it.each(POSITIVES)("flags %j as %s", (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each(NEGATIVES.map((n) => [n]))("does not flag %j", (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("personal-data guard: reporting", () => {
  it("reports each hit where it is, in order, in the normalised text", () => {
    expect(findPersonalData("Ông Nguyễn Văn An, số 12 đường Lê Lợi, gọi 0912  345  678")).toEqual([
      { kind: "name", match: "Ông Nguyễn Văn An", index: 0 },
      { kind: "address", match: "số 12 đường Lê Lợi", index: 19 },
      { kind: "phone", match: "0912  345  678", index: 43 },
    ]);
    expect(findPersonalData("gọi ０９１２３４５６７８")).toEqual([{ kind: "phone", match: "0912345678", index: 4 }]);
  });

  it("reports two numbers joined by a slash as one hit", () => {
    expect(kinds("gọi 0912345678/0987654321")).toEqual(["phone"]);
  });

  it("reads amounts typed with combining accents as amounts", () => {
    expect(findPersonalData("bồi thường 350000000 đồng".normalize("NFD"))).toEqual([]);
  });

  it("handles empty input", () => {
    expect(hasPersonalData(undefined)).toBe(false);
    expect(hasPersonalData("")).toBe(false);
  });

  it("finishes on long and hostile input (it runs on every keystroke)", () => {
    const hostile = [
      "0 ".repeat(5000),
      "a".repeat(10000) + "@",
      "a.".repeat(5000),
      "Ông " + "An ".repeat(3000),
      "số 1/1/1/1/1/1 ".repeat(500),
      "1.".repeat(5000) + "x",
      "a (at) ".repeat(2000),
    ];
    // No timing assertion (speed belongs in bench/): a pattern that backtracks catastrophically
    // on these does not finish at all, and the test's timeout fails it.
    for (const text of hostile) findPersonalData(text);
    // 30 items × 3 fields of 3,000 characters of ordinary text.
    const report = "Nhân dân xã phản ánh giá điện tăng 1.500.000 đồng, ngày 12/03/2026, 85% số hộ băn khoăn. ".repeat(33);
    for (let i = 0; i < 90; i++) expect(findPersonalData(report)).toEqual([]);
  }, 30_000);
});
