import fs from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { queryOne, statusOf } from "./support";

// The committee pack's Word and Excel files, downloaded the way an official does: from
// the links on the published report's page, then opened by parsers and compared with the sealed
// snapshot in the database.

type Snapshot = { figures: { flows: { total: number; byTopic: { topic: { nameVi: string }; total: number; weight: number }[] }; network: { reports: { expected: number } } }; narrative: { forecast: string }; report: { version: number } };
const snapshot = () => JSON.parse(queryOne<{ snapshot: string }>('SELECT snapshot FROM "QuarterlyReportVersion" WHERE reportId = 1 ORDER BY version DESC LIMIT 1').snapshot) as Snapshot;
const vn = (n: number) => n.toLocaleString("vi-VN");

async function download(page: Page, linkName: string) {
  const downloading = page.waitForEvent("download");
  await page.getByRole("navigation", { name: "Tải về và trình chiếu" }).getByRole("link", { name: linkName }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test.describe("an official downloads the province report", () => {
  test.use({ account: "lanhdao" });

  test("as a Word document with the party document's parts and the snapshot's numbers", async ({ page }) => {
    await page.goto("/quarterly-reports/1");
    const { name, bytes } = await download(page, "Văn bản Word (.docx)");
    expect(name).toBe("BaoCaoQuy-II-2026-SH-v1.docx");
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    // Text runs joined: the document's words in order, as a reader sees them.
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
    const s = snapshot();
    const order = ["TỈNH ỦY SƠN HÀ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Sơn Hà, ngày 10 tháng 7 năm 2026", "BÁO CÁO", "Tình hình dư luận xã hội quý II năm 2026", "I. MẠNG LƯỚI", "VII. ĐÁNH GIÁ", "Nơi nhận:", "TRƯỞNG BAN"].map((part) => text.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(`Tổng số ý kiến trong quý: ${vn(s.figures.flows.total)}.`);
    expect(text).toContain(s.narrative.forecast);
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  test("as an Excel workbook with the numbers behind the charts", async ({ page }) => {
    await page.goto("/quarterly-reports/1");
    const { name, bytes } = await download(page, "Số liệu Excel (.xlsx)");
    expect(name).toBe("BaoCaoQuy-II-2026-SH-v1.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const s = snapshot();
    const topics = workbook.getWorksheet("II. Chủ đề")!;
    const top = s.figures.flows.byTopic[0]!;
    expect((topics.getRow(2).values as unknown[]).slice(1)).toEqual(expect.arrayContaining([1, top.topic.nameVi, top.total, top.weight]));
    expect(topics.getRow(topics.rowCount).getCell(8).value).toBe(s.figures.flows.total);
    const network = workbook.getWorksheet("I. Mạng lưới")!;
    expect(network.getRow(network.rowCount).getCell(5).value).toBe(s.figures.network.reports.expected);
  });
});

test.describe("a commune official", () => {
  test.use({ account: "lanhdao.xa" });

  test("gets 404 for the province report's files", async ({ page }) => {
    expect(await statusOf(page, "/quarterly-reports/1/export.docx")).toBe(404);
    expect(await statusOf(page, "/quarterly-reports/1/export.xlsx")).toBe(404);
  });
});
