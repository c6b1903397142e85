// Meeting mode and the PowerPoint pack of the seeded, published province report: an
// official presents it by keyboard (a clicker sends PageDown/PageUp), the position survives a
// reload, Escape returns to the report; the pack downloads from the report page with native
// charts; a commune official finds neither (the report is outside their subtree).
import fs from "node:fs";
import JSZip from "jszip";
import { expect, test } from "./test";

test.describe("a province official", () => {
  test.use({ account: "lanhdao" });

  test("presents the quarterly report by keyboard and buttons, and comes back to it with Escape", async ({ page }) => {
    await page.goto("/quarterly-reports/1");
    await page.getByRole("link", { name: "Trình chiếu tại hội nghị" }).click();
    const heading = page.getByRole("heading", { level: 1 });
    const controls = page.getByRole("navigation", { name: "Điều khiển trình chiếu" });
    const counter = controls.getByText(/^Trang \d+ \/ \d+$/);
    await expect(heading).toHaveText("Tình hình dư luận xã hội quý II năm 2026 — Tỉnh Sơn Hà");
    await expect(counter).toHaveText(/^Trang 1 \/ \d+$/);
    await expect(counter).toHaveAttribute("aria-live", "polite");
    const total = Number((await counter.textContent())!.split("/")[1]);
    expect(total).toBeGreaterThan(8);
    // A published report carries no draft mark.
    await expect(page.getByText("DỰ THẢO")).toHaveCount(0);

    await page.keyboard.press("ArrowRight");
    await expect(counter).toHaveText(`Trang 2 / ${total}`);
    await expect(heading).toHaveText("Những điểm chính");
    await page.keyboard.press("PageDown");
    await expect(counter).toHaveText(`Trang 3 / ${total}`);
    await expect(heading).toHaveText("III. Biến động so với quý trước và cùng kỳ năm trước");
    await page.keyboard.press("ArrowLeft");
    await expect(counter).toHaveText(`Trang 2 / ${total}`);
    await expect(heading).toHaveText("Những điểm chính");

    // The position is in the URL: a reload comes back to the same slide.
    await expect(page).toHaveURL(/[?&]slide=2\b/);
    await page.reload();
    await expect(counter).toHaveText(`Trang 2 / ${total}`);
    await expect(heading).toHaveText("Những điểm chính");

    // The buttons, then a chart slide: Chart.js canvas with its name, n and source above it.
    await controls.getByRole("button", { name: "Trang sau" }).click();
    await controls.getByRole("button", { name: "Trang sau" }).click();
    await controls.getByRole("button", { name: "Trang sau" }).click();
    await expect(counter).toHaveText(`Trang 5 / ${total}`);
    await expect(heading).toHaveText("Ý kiến theo chủ đề và chiều hướng");
    await expect(page.getByRole("img", { name: "Biểu đồ cột chồng: số ý kiến theo chủ đề và chiều hướng, Quý II/2026 · Tỉnh Sơn Hà" })).toBeVisible();
    await expect(page.getByText(/^Quý II\/2026 · Tỉnh Sơn Hà · n = [\d.]+ · Nguồn: báo cáo dư luận/)).toBeVisible();
    await controls.getByRole("button", { name: "Trang trước" }).click();
    await expect(counter).toHaveText(`Trang 4 / ${total}`);

    await page.keyboard.press("End");
    await expect(counter).toHaveText(`Trang ${total} / ${total}`);
    await expect(heading).toHaveText("Xin trân trọng cảm ơn!");
    await expect(controls.getByRole("button", { name: "Trang sau" })).toBeDisabled();
    await page.keyboard.press("Home");
    await expect(counter).toHaveText(`Trang 1 / ${total}`);

    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/quarterly-reports\/1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tình hình dư luận xã hội quý II năm 2026 — Tỉnh Sơn Hà" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toBeVisible();
  });

  test("downloads the PowerPoint pack from the report page: it opens, with native charts of the report", async ({ page }) => {
    await page.goto("/quarterly-reports/1");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Bộ trình chiếu PowerPoint (.pptx)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("BaoCaoQuy-II-2026-SH-v1.pptx");
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const charts = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const topics = charts.find((xml) => xml.includes('<c:grouping val="stacked"/>') && xml.includes("Băn khoăn, lo lắng"));
    expect(topics).toContain("<c:v>Giá cả, đời sống</c:v>");
    expect(await zip.file("ppt/slides/slide1.xml")!.async("string")).toContain("BÁO CÁO");
  });
});

test.describe("a commune official", () => {
  test.use({ account: "lanhdao.xa" });

  test("finds neither the province's PowerPoint pack nor its meeting mode (404)", async ({ page }) => {
    expect((await page.request.get("/quarterly-reports/1/export.pptx")).status()).toBe(404);
    expect((await page.goto("/quarterly-reports/1/present"))?.status()).toBe(404);
  });
});
