// The quarterly report as PDF: downloaded from the report page as its reader would,
// then read back with pdf.js — A4 pages, the party document's words with their diacritics, the
// report's own numbers, the typeface embedded — and refused (404) to an account outside its scope.
// A draft's PDF carries the "DỰ THẢO" watermark and its commune's own heading.
import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./test";

type PdfContent = { pages: number; sizes: number[][]; text: string; fonts: { name: string; embedded: boolean }[] };

/** Every page's size and text, and the fonts the pages use (embedded or not), as pdf.js reads them. */
async function readPdf(bytes: Buffer): Promise<PdfContent> {
  const { getDocument, OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const sizes: number[][] = [];
  const texts: string[] = [];
  const fonts = new Map<string, boolean>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    sizes.push(page.view.slice(2));
    texts.push((await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" "));
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      const font = page.commonObjs.get(ops.argsArray[i][0]) as { name: string; missingFile: boolean };
      fonts.set(font.name, !font.missingFile);
    });
  }
  return { pages: doc.numPages, sizes, text: texts.join("\n").replace(/\s+/g, " "), fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })) };
}

async function downloadPdf(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF (A4)" }).click();
  const download = await downloading;
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

test.describe("an official of the province", () => {
  test.use({ account: "lanhdao" });

  test("downloads the published report as an A4 party document with its numbers and its own fonts", async ({ page }) => {
    test.slow();
    await page.goto("/quarterly-reports/1");
    // The number the page shows: the items counted in section II.
    const caption = await page.getByRole("table", { name: /Số ý kiến theo chủ đề và chiều hướng, Quý II\/2026 .*\(n = [\d.]+\)/ }).locator("caption").textContent();
    const total = /\(n = ([\d.]+)\)/.exec(caption ?? "")![1]!;

    const { download, bytes } = await downloadPdf(page);
    expect(download.suggestedFilename()).toBe("BaoCaoQuy-II-2026-SH-v1.pdf");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    for (const [width, height] of pdf.sizes) {
      expect(width).toBeCloseTo(595, 0);
      expect(height).toBeCloseTo(842, 0);
    }
    for (const words of ["ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY SƠN HÀ", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BÁO CÁO", "Tình hình dư luận xã hội quý II năm 2026", "Sơn Hà, ngày 10 tháng 7 năm 2026", "I. Mạng lưới và tiến độ báo cáo", "VII. Đánh giá, dự báo, kiến nghị", "Nơi nhận:", "TRƯỞNG BAN"]) {
      expect(pdf.text).toContain(words);
    }
    // The report's own figures and narrative, and the chart captions with n and source.
    expect(pdf.text).toContain(`n = ${total}`);
    expect(pdf.text).toContain("Tiến độ giải phóng mặt bằng các dự án giao thông trọng điểm.");
    expect(pdf.text).toContain("Nguồn: Báo cáo quý, phiên bản 1 công bố ngày 10/07/2026");
    expect(pdf.text).toContain(`Trang 1/${pdf.pages}`);
    // A published version carries no draft mark.
    expect(pdf.text).not.toContain("DỰ THẢO");
    // The app's Tinos (Times New Roman's metrics), embedded: never a font the machine happened to have.
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.name).toMatch(/Tinos/);
      expect(font.embedded).toBe(true);
    }
  });

  test("opens the print view with every breakdown expanded and no download buttons", async ({ page }) => {
    await page.goto("/quarterly-reports/1");
    await page.getByRole("link", { name: "Bản in (A4)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /BÁO CÁO\s*Tình hình dư luận xã hội quý II năm 2026/ })).toBeVisible();
    await expect(page.locator("html[data-print-ready]")).toBeAttached();
    await expect(page.locator("details")).toHaveCount(0);
    await expect(page.getByRole("table", { name: /Số ý kiến theo đơn vị trực thuộc, Quý II\/2026/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Tải ảnh PNG/ })).toHaveCount(0);
    await expect(page.getByRole("figure").first()).toContainText(/Quý II\/2026 · Tỉnh Sơn Hà · n = [\d.]+/);
    await expect(page.getByRole("button", { name: "In" })).toBeVisible();
  });
});

test.describe("an official of a commune", () => {
  test.use({ account: "lanhdao.xa" });

  test("finds the province's PDF and print view missing (404)", async ({ page }) => {
    expect((await page.request.get("/quarterly-reports/1/export.pdf")).status()).toBe(404);
    expect((await page.request.get("/quarterly-reports/1/print")).status()).toBe(404);
  });
});

test.describe("the commune's secretariat", () => {
  test.use({ account: "thuky.xa" });

  test("downloads a draft under the commune's own heading, watermarked DỰ THẢO", async ({ page }) => {
    test.slow();
    await page.goto("/quarterly-reports");
    const create = page.getByRole("form", { name: "Lập báo cáo quý" });
    await create.getByLabel("Quý").selectOption({ label: "Quý II/2026" });
    await create.getByRole("button", { name: "Lập báo cáo" }).click();
    await expect(page.getByText("Bản nháp: số liệu được tính trực tiếp, chưa công bố.")).toBeVisible();
    const { download, bytes } = await downloadPdf(page);
    expect(download.suggestedFilename()).toMatch(/^BaoCaoQuy-II-2026-.*-du-thao\.pdf$/);
    const pdf = await readPdf(bytes);
    expect(pdf.text).toContain("DỰ THẢO");
    expect(pdf.text).toContain("ĐẢNG BỘ TỈNH SƠN HÀ");
    expect(pdf.text).toMatch(/ĐẢNG ỦY (XÃ|PHƯỜNG|ĐẶC KHU) /);
    expect(pdf.text).toContain("T/M BAN THƯỜNG VỤ");
    expect(pdf.text).toContain("Bản dự thảo: số liệu tính trực tiếp lúc");
  });
});
