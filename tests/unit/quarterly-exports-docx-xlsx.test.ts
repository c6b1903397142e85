// The committee pack's Word and Excel files, built from a published report on a real
// database and opened by parsers: the DOCX's XML (jszip + a strict XML parser), the XLSX through
// exceljs. The party document's parts in their places, the snapshot's numbers, Vietnamese text
// intact, markup in texts kept literal, drafts marked, an empty quarter still a valid file.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { bulkInsertReports, type BulkItem } from "~/opinion-reports/bulk.server";
import { CHART_SIZE, renderChartPng, reportChartSpecs } from "~/quarterly-reports/exports/chart-images.server";
import { renderReportDocx } from "~/quarterly-reports/exports/docx.server";
import { issuerOf } from "~/quarterly-reports/exports/issuer.server";
import { exportFileName, exportSource, type ExportSource } from "~/quarterly-reports/exports/source.server";
import { renderReportXlsx } from "~/quarterly-reports/exports/xlsx.server";
import { createQuarterlyReport, publishQuarterlyReport, saveNarrative } from "~/quarterly-reports/reports.server";
import { storeSubmission } from "~/surveys/storage.server";
import { day } from "./fixtures";
import { addPeriod, reportingWorld } from "./report-fixtures";
import { body, SAMPLE } from "./surveys-fixtures";

const Q1 = 20261;
/** Building a published world and a document with charts takes a few seconds; room for a busy machine. */
const SLOW = 60_000;
const PUBLISHED_AT = new Date("2026-04-05T02:00:00Z"); // 05/04/2026 09:00 in Vietnam
const NARRATIVE_SENTENCE = "Dư luận quý I cơ bản ổn định; Nhân dân đồng tình với chủ trương sắp xếp đơn vị hành chính.";

/** A province ("Tỉnh Sơn Hà") with a quarter of items, urgent ones, a proposal, a survey and a task, published. */
async function publishedWorld() {
  const w = await reportingWorld();
  await db.unit.update({ where: { id: w.province.id }, data: { name: "Tỉnh Sơn Hà" } });
  const jan = await addPeriod(2026, 1, "closed");
  const dec = await addPeriod(2025, 12, "closed"); // the previous quarter, to compare with
  const topics = await db.topic.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
  const item = (i: number, extra: Partial<BulkItem> = {}): BulkItem => ({
    topicId: topics[i % topics.length]!.id, areaUnitId: i % 2 ? w.a.id : w.b.id, direction: ["approve", "oppose", "worried", "unclear"][i % 4]!,
    strength: "moderate", prevalence: "many", channel: "press", verified: true, title: `Giá điện tăng ${i}`, summary: "Người dân lo lắng về chi phí sinh hoạt.", ...extra,
  });
  const items = Array.from({ length: 119 }, (_, i) => item(i));
  // Collaborators' text is stored as typed: markup and a control character must come out literal and harmless.
  items.push(item(119, { urgent: true, title: "Khiếu kiện đông người <b>khẩn</b>", summary: "Tụ tập trước trụ sở ]]> & <w:p> \u0001 cần theo dõi." }));
  await bulkInsertReports(db, [
    { clientUuid: "q1-a", period: w.period, collaboratorId: w.collaborator.id, unitId: w.a.id, submittedAt: new Date(), timeliness: "on_time", items },
    { clientUuid: "jan-b", period: jan, collaboratorId: w.other.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "late", items: items.slice(0, 5).map((it) => ({ ...it, urgent: false })) },
    { clientUuid: "dec-a", period: dec, collaboratorId: w.collaborator.id, unitId: w.a.id, submittedAt: new Date(), timeliness: "on_time", items: Array.from({ length: 60 }, (_, i) => item(i, { direction: "oppose" })) },
  ]);
  const agency = await db.agency.findFirstOrThrow();
  await db.proposal.create({
    data: { agencyId: agency.id, unitId: w.a.id, title: "Đề nghị công khai giá dịch vụ khám bệnh", content: "…", forwardedOn: day("2026-03-01"), dueOn: day("2026-03-15"), status: "answered", answerText: '=HYPERLINK("http://evil.example","Bấm")', answeredOn: day("2026-03-20"), createdById: w.secretariat.id },
  });
  const survey = await db.survey.create({
    data: {
      code: "KS1", seriesCode: "KS", title: SAMPLE.title, period: "2026-Q1", status: "published", definition: JSON.stringify(SAMPLE), opensOn: day("2020-01-01"), closesOn: day("2099-12-31"), createdById: w.secretariat.id,
      versions: { create: { version: 1, definition: JSON.stringify(SAMPLE) } }, targets: { create: [{ unitId: w.a.id, quota: 10 }] },
    },
  });
  for (const answer of ["Q1_1", "Q1_1", "Q1_2", "Q1_1", "Q1_2", "Q1_1"]) await storeSubmission(w.collaborator, body(survey.id, { Q1: answer, Q4: 7 }));
  await db.survey.update({ where: { id: survey.id }, data: { closesOn: day("2026-03-20") } });

  const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
  await db.followUpTask.create({ data: { reportId: report.id, task: "Rà soát giá dịch vụ y tế", responsibleUnitId: w.a.id, dueOn: day("2026-03-31"), status: "done", note: "Đã xong" } });
  await saveNarrative(w.secretariat, report.id, { intent: "narrative", assessment: `# Tình hình chung\n${NARRATIVE_SENTENCE}\n\n- Giá cả tăng\n- Đất đai`, forecast: "Quý II dư luận tiếp tục quan tâm giá cả.", recommendations: "", nextTasks: "- Kiện toàn mạng lưới." });
  await publishQuarterlyReport(w.secretariat, report.id, 0, PUBLISHED_AT);
  const source = await exportSource(w.official(w.province), report.id);
  return { w, report, source };
}

// ── Reading the files back ─────────────────────────────────────────────────────────────────────

/** Parses XML strictly (throws on anything not well-formed) and returns its paragraphs' text, decoded. */
function paragraphsOf(xml: string): string[] {
  const parser = new SaxesParser();
  const paragraphs: string[] = [];
  let current: string | null = null;
  let inText = false;
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    if (tag.name === "w:p") current = "";
    if (tag.name === "w:t") inText = true;
  });
  parser.on("text", (text) => {
    if (inText && current !== null) current += text;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:t") inText = false;
    if (tag.name === "w:p") {
      paragraphs.push(current ?? "");
      current = null;
    }
  });
  parser.write(xml).close();
  return paragraphs;
}

async function openDocx(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const xml = await part("word/document.xml");
  const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map(part));
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(part));
  const media = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n)).map((n) => zip.file(n)!.async("nodebuffer")));
  return { xml, paragraphs: paragraphsOf(xml), headers: headers.flatMap(paragraphsOf), footers, media, styles: await part("word/styles.xml") };
}

async function openXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const out: unknown[][] = [];
    sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { workbook, rows };
}

/** Index of the first paragraph that equals (string) or matches (regexp) `what`; -1 if none. */
const find = (paragraphs: string[], what: string | RegExp, from = 0) => paragraphs.findIndex((p, i) => i >= from && (typeof what === "string" ? p === what : what.test(p)));

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

// ── The Word document ──────────────────────────────────────────────────────────────────────────

describe("the DOCX party document", { timeout: SLOW }, () => {
  it("has the heading block, title, numbered sections, the snapshot's numbers and the signature block in order", async () => {
    const { source } = await publishedWorld();
    const doc = await openDocx(await renderReportDocx(source));
    const p = doc.paragraphs;

    // Heading block (left: issuing body, "*", number; right: the party, place and date), then the title.
    const party = find(p, "ĐẢNG CỘNG SẢN VIỆT NAM");
    const title = find(p, "BÁO CÁO");
    expect(party).toBeGreaterThanOrEqual(0);
    expect(title).toBeGreaterThan(party);
    for (const line of ["TỈNH ỦY SƠN HÀ", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*"]) expect(find(p, line)).toBeLessThan(title);
    expect(find(p, /^Số\s+-BC\/BTGDV$/)).toBeLessThan(title);
    expect(find(p, "Sơn Hà, ngày 05 tháng 4 năm 2026")).toBeLessThan(title);
    expect(p[title + 1]).toBe("Tình hình dư luận xã hội quý I năm 2026");

    // Numbered sections, in order, after the title.
    const sections = ["I. MẠNG LƯỚI", "II. CÁC LUỒNG", "III. BIẾN ĐỘNG", "IV. KẾT QUẢ KHẢO SÁT", "V. KIẾN NGHỊ", "VI. THEO DÕI", "VII. ĐÁNH GIÁ"].map((start) => find(p, new RegExp(`^${start}`)));
    expect(sections[0]).toBeGreaterThan(title);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    expect(sections.every((i) => i > 0)).toBe(true);
    expect(find(p, /^1\. Dư luận theo chủ đề và chiều hướng$/, sections[1])).toBeLessThan(sections[2]!);

    // The snapshot's numbers, as the page writes them.
    const f = source.figures;
    expect(p).toContain(`Tổng số ý kiến trong quý: ${f.flows.total}.`);
    // Section III flags the significant change (everything was "oppose" the quarter before).
    expect(f.change.previous.rows.some((r) => r.flag)).toBe(true);
    expect(find(p, /^- Phản đối về .+ giảm \d+ điểm so với Quý IV\/2025, có ý nghĩa thống kê\.$/, sections[2])).toBeGreaterThan(sections[2]!);
    expect(p).toContain(`Báo cáo: phải nộp ${f.network.reports.expected}, đúng hạn ${f.network.reports.onTime}, trễ hạn ${f.network.reports.late}, chưa nộp ${f.network.reports.missing}.`);
    const topRow = f.flows.byTopic[0]!;
    const topicCell = find(p, topRow.topic.nameVi, sections[1]);
    expect(p.slice(topicCell - 1, topicCell + 7)).toEqual(["1", topRow.topic.nameVi, ...(["approve", "oppose", "worried", "unclear"] as const).map((d) => String(topRow.byDirection[d])), String(topRow.total), String(topRow.weight)]);
    expect(find(p, /^Kết thúc 20\/03\/2026: phát ra 10 phiếu, hợp lệ 6 phiếu/)).toBeGreaterThan(sections[3]!);
    expect(find(p, "Tốt hơn", sections[3])).toBeGreaterThan(0);
    expect(find(p, /^Sở Y tế/, sections[4])).toBeGreaterThan(sections[4]!); // agency → issue → answer table
    expect(find(p, "Rà soát giá dịch vụ y tế", sections[5])).toBeGreaterThan(sections[5]!);

    // Vietnamese text intact, the narrative's structure lettered.
    expect(find(p, NARRATIVE_SENTENCE, sections[6])).toBeGreaterThan(sections[6]!);
    expect(p).toContain("a) Tình hình chung");
    expect(p).toContain("- Giá cả tăng");

    // After the last section: "Nơi nhận" on the left, the signature block, the provenance line.
    const recipients = find(p, "Nơi nhận:");
    expect(recipients).toBeGreaterThan(sections[6]!);
    expect(find(p, "TRƯỞNG BAN", sections[6])).toBeGreaterThan(recipients);
    expect(p[recipients + 1]).toBe("- Thường trực Tỉnh ủy (b/c),");
    expect(p.at(-1)).toContain(source.status.kind === "published" ? source.status.checksum : "?");

    // Charts as PNG images at print size; A4 with the guidance's margins; Times New Roman; page numbers.
    expect(doc.media.length).toBeGreaterThanOrEqual(3);
    for (const png of doc.media) {
      expect(pngSize(png)).toEqual(CHART_SIZE);
      expect(png.length).toBeGreaterThan(30_000); // drawn, not a blank canvas (≈ 6 KB)
    }
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    expect(doc.styles).toContain('w:ascii="Times New Roman"');
    expect(doc.footers.join("")).toMatch(/PAGE/);
    expect(doc.headers.join("")).not.toContain("DỰ THẢO");
    expect(p.join("\n")).not.toMatch(/quarterly\.|DỰ THẢO/); // no missing i18n key shows through
  });

  it("keeps markup in texts literal and the XML well-formed", async () => {
    const { source } = await publishedWorld();
    const hostile: ExportSource = {
      ...source,
      narrative: { ...source.narrative, forecast: '# Dự báo <w:p>\nĐoạn <script>alert("x")</script> ]]> &amp; </w:t></w:r><w:r><w:t>chèn\n\n- mục <![CDATA[x]]>' },
    };
    const doc = await openDocx(await renderReportDocx(hostile)); // paragraphsOf throws if not well-formed
    expect(doc.paragraphs).toContain("a) Dự báo <w:p>");
    expect(doc.paragraphs).toContain('Đoạn <script>alert("x")</script> ]]> &amp; </w:t></w:r><w:r><w:t>chèn');
    expect(doc.paragraphs).toContain("- mục <![CDATA[x]]>");
    expect(doc.xml).not.toContain("<script>");
    // An urgent item's stored text: literal, its control character dropped.
    expect(doc.paragraphs.some((p) => p.includes("Khiếu kiện đông người <b>khẩn</b>") && p.includes("Tụ tập trước trụ sở ]]> & <w:p>  cần theo dõi."))).toBe(true);
  });

  it("marks a draft DỰ THẢO, dated today, and names the file du-thao", async () => {
    const w = await reportingWorld();
    await db.unit.update({ where: { id: w.province.id }, data: { name: "Tỉnh Sơn Hà" } });
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    const source = await exportSource(w.secretariat, report.id);
    expect(source.status.kind).toBe("draft");
    const doc = await openDocx(await renderReportDocx(source, { now: new Date("2026-02-03T20:00:00Z") }));
    expect(doc.headers).toContain("DỰ THẢO"); // on every page
    expect(doc.paragraphs.slice(0, 3)).toContain("DỰ THẢO"); // and at the top
    expect(doc.paragraphs).toContain("Sơn Hà, ngày 04 tháng 02 năm 2026"); // today in Vietnam
    expect(exportFileName(source, "docx")).toMatch(/-du-thao\.docx$/);
  });

  it("still makes a valid document of an empty quarter", async () => {
    const w = await reportingWorld();
    await addPeriod(2026, 6, "closed");
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: 20262, unit: w.province.id });
    await publishQuarterlyReport(w.secretariat, report.id, 0);
    const source = await exportSource(w.secretariat, report.id);
    expect(source.figures.empty).toBe(true);
    const doc = await openDocx(await renderReportDocx(source));
    expect(doc.paragraphs).toContain("Không có ý kiến nào trong quý.");
    expect(doc.paragraphs).toContain("Nơi nhận:");
    const book = await openXlsx(await renderReportXlsx(source));
    expect(book.rows("II. Chủ đề")).toHaveLength(1); // the header row only
  });

  it("takes the issuing body from the scope unit: a commune's party committee under the provincial party organisation", async () => {
    const w = await reportingWorld();
    await db.unit.update({ where: { id: w.province.id }, data: { name: "Tỉnh Sơn Hà" } });
    await db.unit.update({ where: { id: w.a.id }, data: { name: "Xã Mỹ Thịnh" } });
    expect(await issuerOf(w.a.code)).toMatchObject({ superior: "ĐẢNG BỘ TỈNH SƠN HÀ", body: "ĐẢNG ỦY XÃ MỸ THỊNH", name: "Đảng ủy xã Mỹ Thịnh", symbol: "ĐU", place: "Mỹ Thịnh", signature: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"] });
    expect(await issuerOf(w.province.code)).toMatchObject({ superior: "TỈNH ỦY SƠN HÀ", body: "BAN TUYÊN GIÁO VÀ DÂN VẬN", place: "Sơn Hà", signature: ["TRƯỞNG BAN"] });
  });
});

// ── Charts ─────────────────────────────────────────────────────────────────────────────────────

describe("server-side chart images", { timeout: SLOW }, () => {
  it("lists the report's charts with title, quarter, unit, n and source, and draws them the same way every time", async () => {
    const { source } = await publishedWorld();
    const specs = reportChartSpecs(source);
    expect(specs.map((s) => s.id)).toEqual(["network-reports", "flows-topic-direction", "flows-topic-weight", "survey-KS1-Q1"]);
    const flows = specs.find((s) => s.id === "flows-topic-direction")!;
    expect(flows.subtitle).toBe(`Quý I/2026 · Tỉnh Sơn Hà · n = ${source.figures.flows.total}`);
    expect(flows.source).toBe("Nguồn: Ban Tuyên giáo và Dân vận, báo cáo dư luận xã hội quý I/2026");
    expect(flows.series.map((s) => s.values.reduce((a, b) => a + b, 0)).reduce((a, b) => a + b, 0)).toBe(source.figures.flows.total);
    const survey = specs.find((s) => s.id === "survey-KS1-Q1")!;
    expect(survey.intervals).toHaveLength(3);
    const png = await renderChartPng(flows);
    expect(pngSize(png)).toEqual(CHART_SIZE);
    expect((await renderChartPng(flows)).equals(png)).toBe(true);
    // A question under 5 answers (suppressed: null options) is not drawn.
    const small = structuredClone(source);
    small.figures.surveys[0]!.questions[0]!.options = null;
    expect(reportChartSpecs(small).map((s) => s.id)).not.toContain("survey-KS1-Q1");
  });
});

// ── The Excel workbook ─────────────────────────────────────────────────────────────────────────

describe("the XLSX workbook", { timeout: SLOW }, () => {
  it("has a sheet per section with the snapshot's numbers as numbers, formula-safe text and frozen bold headers", async () => {
    const { source } = await publishedWorld();
    const { workbook, rows } = await openXlsx(await renderReportXlsx(source));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Thông tin", "I. Mạng lưới", "II. Chủ đề", "II. Theo đơn vị", "II. Vụ việc nóng", "III. Biến động", "IV. Khảo sát", "V. Kiến nghị theo cơ quan", "V. Danh sách kiến nghị", "VI. Theo dõi nhiệm vụ"]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
    const f = source.figures;
    const status = source.status.kind === "published" ? source.status : null;
    const info = new Map(rows("Thông tin").map((r) => [r[0], r[1]]));
    expect(info.get("Phiên bản")).toBe(1);
    expect(info.get("Mã kiểm tra SHA-256")).toBe(status!.checksum);
    expect(info.get("Công bố lúc")).toBe("05/04/2026 09:00");
    expect(info.get("Dự thảo")).toBe("Không (bản đã công bố)");

    const topics = rows("II. Chủ đề");
    expect(topics[0]).toEqual(["Hạng", "Mã", "Chủ đề", "Tán thành", "Phản đối", "Băn khoăn, lo lắng", "Chưa rõ thái độ", "Tổng", "Trọng số"]);
    expect(topics.slice(1, -1)).toEqual(f.flows.byTopic.map((r) => [r.rank, r.topic.code, r.topic.nameVi, r.byDirection.approve, r.byDirection.oppose, r.byDirection.worried, r.byDirection.unclear, r.total, r.weight]));
    expect(topics.at(-1)![7]).toBe(f.flows.total);
    expect(rows("I. Mạng lưới").at(-1)!.slice(2, 8)).toEqual([f.network.collaborators.active, f.network.collaborators.target, f.network.reports.expected, f.network.reports.onTime, f.network.reports.late, f.network.reports.missing]);

    const change = rows("III. Biến động").slice(1);
    expect(f.change.previous.rows.length).toBeGreaterThan(0);
    expect(change.length).toBe(f.change.previous.rows.length + 1); // + "nothing to compare with" for last year
    const pAdjusted = f.change.previous.rows.map((r) => ("pAdjusted" in r.test ? r.test.pAdjusted : undefined));
    expect(change.slice(0, -1).map((r) => r[17] ?? undefined)).toEqual(pAdjusted);

    const survey = rows("IV. Khảo sát").slice(1);
    const q1 = f.surveys[0]!.questions[0]!;
    expect(survey.map((r) => [r[9], r[10], r[11]])).toEqual(q1.options!.map((o) => [o.label, o.count, 100 * o.share]));
    expect(survey[0]![2]).toEqual(day("2026-03-20"));

    // A text that a spreadsheet would run as a formula is neutralised: a string, with a leading quote.
    const proposals = workbook.getWorksheet("V. Danh sách kiến nghị")!;
    const answer = proposals.getRow(2).getCell(9);
    expect(answer.type).toBe(ExcelJS.ValueType.String);
    expect(answer.value).toBe(`'=HYPERLINK("http://evil.example","Bấm")`);
    expect(rows("V. Kiến nghị theo cơ quan")[1]!.slice(2)).toEqual([1, 1, 1, 0]);
    expect(rows("II. Vụ việc nóng")[1]![5]).toBe("Tụ tập trước trụ sở ]]> & <w:p>  cần theo dõi.");
  });

  it("marks a draft's workbook", async () => {
    const w = await reportingWorld();
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    const { workbook, rows } = await openXlsx(await renderReportXlsx(await exportSource(w.secretariat, report.id)));
    expect(String(new Map(rows("Thông tin").map((r) => [r[0], r[1]])).get("Dự thảo"))).toMatch(/^DỰ THẢO: số liệu tính trực tiếp lúc \d\d\/\d\d\/\d{4} \d\d:\d\d, chưa công bố$/);
    expect(workbook.getWorksheet("II. Chủ đề")!.headerFooter.oddHeader).toContain("DỰ THẢO");
  });
});
