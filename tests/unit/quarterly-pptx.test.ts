// The committee pack's slides: the slide model built from a real compiled report (flags
// only for significant changes, an honest deck for an empty quarter) and the PowerPoint file,
// opened with jszip and an XML parser: native charts holding the snapshot's numbers, the methods
// note in the speaker notes, "DỰ THẢO" on every slide of a draft, narrative text kept literal.
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { textsFor } from "~/i18n/server-texts.server";
import { bulkInsertReports, type BulkItem } from "~/opinion-reports/bulk.server";
import { quarterlyReportPptx } from "~/quarterly-reports/exports/pptx.server";
import { exportSource, type ExportSource } from "~/quarterly-reports/exports/source.server";
import { createQuarterlyReport, publishQuarterlyReport, saveNarrative } from "~/quarterly-reports/reports.server";
import { buildDeck, pageBlocks, type Slide, type Translate } from "~/quarterly-reports/slides";
import { day } from "./fixtures";
import { addPeriod, reportingWorld } from "./report-fixtures";

const Q1 = 20261;
const vi = textsFor("vi");
const t = vi.t.bind(vi) as Translate;
const METHODS_FRAGMENT = "không phải mẫu ngẫu nhiên";

/**
 * Q4/2025 → Q1/2026 in the small reporting world: prices swing from approval to worry (a
 * significant change), land stays exactly as it was (tested, not significant); one overdue
 * proposal, one follow-up task, a narrative.
 */
async function quarterWithAChange() {
  const w = await reportingWorld();
  const dec = await addPeriod(2025, 12, "closed");
  const topics = await db.topic.findMany({ where: { code: { in: ["PRICES", "LAND"] } } });
  const topic = (code: string) => topics.find((x) => x.code === code)!.id;
  const items = (code: string, direction: BulkItem["direction"], n: number): BulkItem[] =>
    Array.from({ length: n }, () => ({ topicId: topic(code), areaUnitId: w.a.id, direction, strength: "moderate", prevalence: "many", channel: "press", verified: true, title: "t", summary: "s" }));
  const report = (uuid: string, period: { id: number; quarterKey: number }, list: BulkItem[]) => ({ clientUuid: uuid, period, collaboratorId: w.collaborator.id, unitId: w.a.id, submittedAt: new Date(), timeliness: "on_time" as const, items: list });
  await bulkInsertReports(db, [
    report("dec", dec, [...items("PRICES", "approve", 40), ...items("PRICES", "worried", 10), ...items("PRICES", "unclear", 10), ...items("LAND", "approve", 20), ...items("LAND", "oppose", 20)]),
    report("mar", w.period, [...items("PRICES", "approve", 20), ...items("PRICES", "worried", 40), ...items("LAND", "approve", 20), ...items("LAND", "oppose", 20)]),
  ]);
  const agency = await db.agency.findFirstOrThrow();
  await db.proposal.create({ data: { agencyId: agency.id, unitId: w.a.id, title: "Đề nghị giảm giá điện", content: "…", forwardedOn: day("2026-03-02"), dueOn: day("2026-03-16"), status: "forwarded", createdById: w.secretariat.id } });
  const created = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
  await saveNarrative(w.secretariat, created.id, { intent: "narrative", assessment: "# Tình hình\nDư luận quan tâm giá cả.", forecast: "", recommendations: "- Bình ổn giá điện.", nextTasks: "" });
  await db.followUpTask.create({ data: { reportId: created.id, task: "Theo dõi giá điện", responsibleUnitId: w.a.id, dueOn: day("2026-06-30"), status: "in_progress" } });
  return { w, reportId: created.id };
}

/** That quarter's report published, as an official's export reads it. */
async function publishedQuarter() {
  const { w, reportId } = await quarterWithAChange();
  await publishQuarterlyReport(w.secretariat, reportId, 0);
  return exportSource(w.official(w.province), reportId);
}

const textOf = (slide: Slide) => JSON.stringify(slide);
const byKind = <K extends Slide["kind"]>(slides: Slide[], kind: K) => slides.filter((s): s is Extract<Slide, { kind: K }> => s.kind === kind);

async function openPptx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (prefix: string) => {
    const names = Object.keys(zip.files).filter((n) => n.startsWith(prefix) && n.endsWith(".xml")).sort((a, b) => Number(a.match(/(\d+)\.xml$/)![1]) - Number(b.match(/(\d+)\.xml$/)![1]));
    return Promise.all(names.map(async (name) => ({ name, xml: await zip.file(name)!.async("string") })));
  };
  return { zip, slides: await read("ppt/slides/slide"), charts: await read("ppt/charts/chart"), notes: await read("ppt/notesSlides/notesSlide") };
}

/** Parses XML strictly (throws if it is not well-formed) and returns the decoded text of its <a:t> runs. */
function textRuns(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const runs: string[] = [];
  let inRun = false;
  parser.on("opentag", (tag) => (inRun = tag.name === "a:t"));
  parser.on("closetag", () => (inRun = false));
  parser.on("text", (text) => inRun && runs.push(text));
  parser.write(xml).close();
  return runs;
}

describe("the slide model", () => {
  it("states significant changes in words, and only those, with the numbers and the methods note in the notes", async () => {
    const source = await publishedQuarter();
    const deck = buildDeck(source, t, "vi");
    const { figures } = source;

    const rows = figures.change.previous.rows;
    expect(rows.map((r) => [r.topic.code, r.significant])).toEqual([["PRICES", true], ["LAND", false]]);
    expect(rows[1]!.test).toHaveProperty("pAdjusted"); // tested, not skipped
    expect(deck.draft).toBeNull();
    expect(deck.slides[0]).toMatchObject({ kind: "title", reportType: "BÁO CÁO", lines: ["Quý I/2026 · Tỉnh", expect.stringMatching(/^Phiên bản 1 · công bố ngày \d{2}\/\d{2}\/\d{4}$/)] });

    const findings = byKind(deck.slides, "findings")[0]!;
    expect(findings.stats[0]).toEqual({ value: "100", label: "ý kiến được phản ánh" });
    expect(findings.bullets).toContain("1 thay đổi có ý nghĩa thống kê so với quý trước hoặc cùng kỳ năm trước (trang sau).");
    const change = deck.slides.find((s) => s.heading === "Biến động có ý nghĩa thống kê")!;
    // Worry about prices: 10/60 → 40/60 of the items, the largest shift of the three directions.
    expect(change).toMatchObject({ kind: "bullets", bullets: ["Băn khoăn, lo lắng về Giá cả tăng 50 điểm so với Quý IV/2025, có ý nghĩa thống kê."] });
    expect(textOf(change)).not.toContain("Đất đai");
    expect(change.notes).toContain("Giá cả: Quý I/2026: Tán thành 33,3%");
    expect(change.notes).toContain(METHODS_FRAGMENT);

    // Every chart slide names its quarter, unit, n and source; the topic chart holds the counts.
    const charts = byKind(deck.slides, "chart");
    for (const slide of charts) expect(slide.meta).toMatch(/^Quý I\/2026 · Tỉnh · n = [\d.]+ · Nguồn: .+/);
    const topics = charts.find((s) => s.chart.stacked && s.chart.series.length === 4)!;
    expect(topics.meta).toContain(`n = ${figures.flows.total}`);
    expect(topics.chart.categories).toEqual(["Giá cả", "Đất đai"]);
    expect(topics.chart.series.map((s) => [s.name, s.values])).toEqual([["Tán thành", [20, 20]], ["Phản đối", [0, 20]], ["Băn khoăn, lo lắng", [40, 0]], ["Chưa rõ thái độ", [0, 0]]]);
    expect(topics.notes).toContain("Giá cả: Tán thành 20; Phản đối 0; Băn khoăn, lo lắng 40; Chưa rõ thái độ 0");

    const proposals = byKind(deck.slides, "table").find((s) => s.heading === "Kiến nghị theo cơ quan")!;
    expect(proposals.rows).toEqual([["Sở Y tế", "1", "0", "0", "1"], ["Tổng cộng", "1", "0", "0", "1"]]);
    const followUp = byKind(deck.slides, "table").find((s) => s.heading.startsWith("VI."))!;
    expect(followUp.rows).toEqual([["Theo dõi giá điện", "Xã A", "30/06/2026", "Đang thực hiện"]]);
    expect(byKind(deck.slides, "text").map((s) => s.heading)).toEqual(["Đánh giá chung", "Kiến nghị, đề xuất"]);
    expect(deck.slides.at(-1)).toMatchObject({ kind: "closing", heading: "Xin trân trọng cảm ơn!" });
  });

  it("gives an empty quarter an honest deck: no charts, every section saying it has nothing", async () => {
    const w = await reportingWorld();
    await addPeriod(2026, 6, "closed");
    const created = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: 20262, unit: w.province.id });
    const source = await exportSource(w.secretariat, created.id);
    expect(source.status.kind).toBe("draft");
    const deck = buildDeck(source, t, "vi");
    expect(deck.draft).toBe("DỰ THẢO");
    expect(byKind(deck.slides, "chart")).toEqual([]);
    const all = deck.slides.map(textOf).join("\n");
    for (const honest of ["Quý này không có số liệu trong phạm vi đơn vị.", "Không có ý kiến nào trong quý.", "Không có cuộc khảo sát nào kết thúc trong quý tại địa bàn.", "Không có kiến nghị nào được chuyển trong quý.", "Chưa nhập nhiệm vụ nào để theo dõi.", "Không có thay đổi nào vượt ngưỡng dao động ngẫu nhiên."]) {
      expect(all).toContain(honest);
    }
    // The PowerPoint file of it still opens, one slide per model slide, each marked as a draft.
    const pptx = await openPptx(await quarterlyReportPptx(source, vi));
    expect(pptx.slides).toHaveLength(deck.slides.length);
    expect(pptx.charts).toEqual([]);
    for (const slide of pptx.slides) expect(textRuns(slide.xml)).toContain("DỰ THẢO");
  });

  it("gives each survey question a chart of shares with their 95% intervals, n and the survey as source", async () => {
    const { w, reportId } = await quarterWithAChange();
    const draft = await exportSource(w.secretariat, reportId);
    // Section 4's figures as compileQuarter gives them (tested against raw answers in
    // quarterly-reports.test.ts): one question with a split, one too small to split.
    const survey: ExportSource["figures"]["surveys"][number] = {
      survey: { code: "KS1", title: "Mức độ hài lòng", period: "2026-Q1", closesOn: "2026-03-20" },
      previousWave: { code: "KS0", period: "2025-Q4" },
      issued: 30,
      valid: 25,
      rate: 25 / 30,
      suppressed: false,
      questions: [
        { code: "Q1", title: "Ông/bà có hài lòng không?", n: 25, options: [
          { code: "Q1_1", label: "Hài lòng", count: 15, share: 0.6, ci: [0.4074, 0.7661], previousShare: 0.5 },
          { code: "Q1_2", label: "Không hài lòng", count: 10, share: 0.4, ci: [0.2339, 0.5926], previousShare: null },
        ] },
        { code: "Q2", title: "Câu hỏi ít người trả lời", n: 3, options: null },
      ],
    };
    const deck = buildDeck({ ...draft, figures: { ...draft.figures, surveys: [survey] } }, t, "vi");
    const chart = byKind(deck.slides, "chart").find((s) => s.heading === "Ông/bà có hài lòng không?")!;
    expect(chart.meta).toBe("Quý I/2026 · Tỉnh · n = 25 · Nguồn: khảo sát KS1, Mức độ hài lòng");
    expect(chart.chart).toMatchObject({
      percent: true,
      categories: ["Hài lòng (KTC 95%: 40,7–76,6%)", "Không hài lòng (KTC 95%: 23,4–59,3%)"],
      series: [{ name: "Đợt này (%)", values: [60, 40] }, { name: "Đợt trước (%)", values: [50, 0] }],
    });
    expect(chart.bullets).toEqual(["Khảo sát: Mức độ hài lòng. Kết thúc 20/03/2026: phát ra 30 phiếu, hợp lệ 25 phiếu (tỷ lệ 83,3%)."]);
    expect(chart.notes).toContain("Hài lòng: 15 phiếu, 60,0%, khoảng tin cậy 95% 40,7–76,6% (Đợt trước (%) 50,0)");
    expect(chart.notes).toContain("Wilson");
    expect(deck.slides.find((s) => s.heading === "Câu hỏi ít người trả lời")).toMatchObject({ kind: "bullets", bullets: [expect.any(String), "Ẩn vì dưới 5 người trả lời"] });
  });

  it("pages long narratives between list items", () => {
    const items = Array.from({ length: 12 }, (_, i) => `Ý kiến số ${i + 1}`);
    const pages = pageBlocks([{ kind: "heading", text: "Kiến nghị" }, { kind: "list", items }]);
    expect(pages.map((p) => p.map((b) => (b.kind === "list" ? b.items.length : b.kind)))).toEqual([["heading", 8], [4]]);
  });
});

describe("the PowerPoint file", () => {
  it("has native charts with the snapshot's numbers, the methods note in the notes, and no draft mark once published", async () => {
    const source = await publishedQuarter();
    const deck = buildDeck(source, t, "vi");
    const pptx = await openPptx(await quarterlyReportPptx(source, vi));

    expect(pptx.slides).toHaveLength(deck.slides.length);
    expect(pptx.charts).toHaveLength(byKind(deck.slides, "chart").length);
    // The topic × direction chart: a stacked bar chart with the topics' Vietnamese names and counts.
    const topics = pptx.charts.find((c) => c.xml.includes("<c:grouping val=\"stacked\"/>") && c.xml.includes("Băn khoăn, lo lắng"))!;
    expect(topics.xml).toContain('<c:barDir val="bar"/>');
    expect(topics.xml).toContain("<c:v>Giá cả</c:v>");
    expect(topics.xml).toContain("<c:v>Đất đai</c:v>");
    expect(topics.xml).toContain("<c:v>40</c:v>");
    // Its data sheet travels inside the file, so PowerPoint can edit the chart.
    expect(Object.keys(pptx.zip.files).some((n) => /^ppt\/embeddings\/.+\.xlsx$/.test(n))).toBe(true);
    // The slide with the chart names quarter, unit, n and source.
    const chartSlide = pptx.slides.find((s) => s.xml.includes("graphicFrame") && textRuns(s.xml).includes("Ý kiến theo chủ đề và chiều hướng"))!;
    expect(textRuns(chartSlide.xml)).toContain(`Quý I/2026 · Tỉnh · n = ${source.figures.flows.total} · Nguồn: báo cáo dư luận của cộng tác viên, hệ thống Dư luận`);

    const notes = pptx.notes.map((n) => textRuns(n.xml).join(""));
    expect(notes.filter((n) => n.includes(METHODS_FRAGMENT)).length).toBeGreaterThanOrEqual(2);
    expect(notes.some((n) => n.includes("Giá cả: Tán thành 20; Phản đối 0; Băn khoăn, lo lắng 40"))).toBe(true);
    for (const slide of pptx.slides) expect(textRuns(slide.xml).join("")).not.toContain("DỰ THẢO");
  });

  it("marks every slide of a draft DỰ THẢO", async () => {
    const { w, reportId } = await quarterWithAChange();
    const source = await exportSource(w.secretariat, reportId);
    expect(source.status.kind).toBe("draft");
    const pptx = await openPptx(await quarterlyReportPptx(source, vi));
    expect(pptx.slides.length).toBeGreaterThan(10);
    for (const slide of pptx.slides) expect(textRuns(slide.xml)).toContain("DỰ THẢO");
  });

  it("keeps narrative text literal: markup, CDATA ends and ampersands stay text and the XML stays well-formed", async () => {
    const published = await publishedQuarter();
    // Saving strips tags (narrative.ts); a snapshot could still carry them (an older one, an
    // import): the file must not depend on that.
    const hostile = 'Dân nói: <script>alert("x")</script> ]]> & <b>đồng tình</b> \'ổn\'';
    const source: ExportSource = { ...published, narrative: { ...published.narrative, assessment: hostile }, figures: { ...published.figures, followUp: [{ ...published.figures.followUp[0]!, task: "A & B <i>" }] } };
    const pptx = await openPptx(await quarterlyReportPptx(source, vi));
    const runs = pptx.slides.map((s) => textRuns(s.xml).join("\n")).join("\n");
    expect(runs).toContain(hostile);
    expect(runs).toContain("A & B <i>");
    for (const part of [...pptx.slides, ...pptx.notes]) expect(part.xml).not.toMatch(/<script|<b>|<i>|\]\]>/);
    expect(pptx.notes.map((n) => textRuns(n.xml).join("")).join("\n")).toContain(hostile);
  });
});
