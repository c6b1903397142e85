// Every chart carries its labels: a visible caption with title, quarter, unit, n and
// source, and a "Tải ảnh PNG" download whose image is the chart plus that caption — a PNG larger
// than the chart's own canvas — named after the chart.
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { surveyId } from "./surveys-support";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Clicks the figure's download button; the PNG's bytes, its width and height (from IHDR), its file name. */
async function downloadPng(page: Page, figure: Locator, title: string) {
  const downloading = page.waitForEvent("download");
  await figure.getByRole("button", { name: `Tải ảnh PNG: ${title}` }).click();
  const download = await downloading;
  const bytes = fs.readFileSync((await download.path())!);
  return { bytes, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), name: download.suggestedFilename() };
}

/** The canvas's drawing size once the chart has settled (its responsive resize may still run after load). */
async function settledCanvasSize(figure: Locator) {
  const read = () => figure.locator("canvas").evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  let last = await read();
  await expect
    .poll(async () => {
      const now = await read();
      const same = now.width === last.width && now.height === last.height && now.width > 0;
      last = now;
      return same;
    }, { intervals: [250, 250, 500, 1_000] })
    .toBe(true);
  return last;
}

async function expectLabelledPng(page: Page, figure: Locator, title: string, fileName: RegExp) {
  const canvas = await settledCanvasSize(figure);
  const png = await downloadPng(page, figure, title);
  expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.name).toMatch(fileName);
  // The chart and the caption drawn around it.
  expect(png.width).toBeGreaterThan(canvas.width);
  expect(png.height).toBeGreaterThan(canvas.height);
  // The chart on the page is drawn back at its own resolution afterwards.
  await expect.poll(() => figure.locator("canvas").evaluate((c: HTMLCanvasElement) => c.width)).toBe(canvas.width);
}

/** The topics × directions chart of Quý II/2026 for the province (on the summary and the quarterly report), with its source. */
async function expectTopicDirectionPng(page: Page, source: string) {
  const title = "Số ý kiến theo chủ đề và chiều hướng";
  const figure = page.getByRole("figure").filter({ hasText: title });
  await expect(figure).toContainText(/Quý II\/2026 · Tỉnh Sơn Hà · n = [\d.]+/);
  await expect(figure).toContainText(`Nguồn: ${source}`);
  await expectLabelledPng(page, figure, title, /^so-y-kien-theo-chu-de-va-chieu-huong-quy-ii-2026\.png$/);
}

test.describe("an official", () => {
  test.use({ account: "lanhdao" });

  test("downloads the opinion summary's charts as labelled PNGs", async ({ page }) => {
    await page.goto("/opinion-summary?quarter=20262");
    await expectTopicDirectionPng(page, "Phiếu phản ánh của cộng tác viên dư luận xã hội");

    const trend = page.getByRole("figure").filter({ hasText: "Diễn biến dư luận về" });
    await expect(trend).toContainText(/Quý III\/2024 – Quý II\/2026 · Tỉnh Sơn Hà · n = [\d.]+/);
    const trendTitle = (await trend.locator(".chart-title").textContent())!;
    await expectLabelledPng(page, trend, trendTitle, /^dien-bien-du-luan-ve-.*\.png$/);
  });

  test("downloads the quarterly report's chart as a labelled PNG", async ({ page }) => {
    await page.goto("/quarterly-reports/1");
    await expectTopicDirectionPng(page, "Báo cáo quý, phiên bản 1 công bố ngày 10/07/2026");
  });

  test("sees each survey question's chart captioned with its n and the survey", async ({ page }) => {
    await page.goto(`/surveys/${surveyId("KS.DSHL.2026Q4")}/results`);
    const first = page.getByRole("figure").first();
    await expect(first).toContainText(/^Câu 1\. /);
    await expect(first).toContainText(/Tỉnh Sơn Hà · n = [\d.]+/);
    await expect(first).toContainText("Nguồn: Khảo sát KS.DSHL.2026Q4");
    const title = (await first.locator(".chart-title").textContent())!;
    await expectLabelledPng(page, first, title, /^cau-1-.*\.png$/);
  });
});
