import { expect, test } from "./test";
import { signInAs, unitId } from "./support";

// The README's screenshots, taken by the real app in a real browser on every test run.
test("README screenshots", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "admin");
  await page.goto(`/units/${unitId("SH.X001")}`);
  await expect(page.getByRole("region", { name: "Lịch sử sáp nhập" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/unit-page.png", fullPage: true });

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  await page.screenshot({ path: "docs/screenshots/dashboard-phone.png" });

  // Meeting mode on a 720p projector: the seeded report's topic × direction slide.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/quarterly-reports/1/present?slide=5");
  await expect(page.getByRole("img", { name: /Biểu đồ cột chồng: số ý kiến theo chủ đề và chiều hướng/ })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/meeting-mode.png" });
});

// The PDF as it comes out of the server: its first page (the party document's heading)
// and the page where section II opens (a chart with its caption), rendered by pdf.js side by side.
test("README: two pages of the quarterly report's PDF", async ({ page }) => {
  test.slow();
  await signInAs(page, "lanhdao");
  const response = await page.request.get("/quarterly-reports/1/export.pdf");
  expect(response.status()).toBe(200);
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(await response.body()), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let flows = 2;
  for (let n = 1; n <= doc.numPages; n++) {
    const text = (await (await doc.getPage(n)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" ");
    if (text.includes("II. Các luồng dư luận chính")) {
      flows = n;
      break;
    }
  }
  const scale = 1.2;
  const gap = 24;
  const first = await doc.getPage(1);
  const { width, height } = first.getViewport({ scale });
  // pdf.js draws with its own copy of @napi-rs/canvas (paths of one copy do not fill in another):
  // every canvas here comes from its factory.
  type NodeCanvas = { width: number; height: number; toBuffer(type: "image/png"): Buffer };
  const canvases = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D } } }).canvasFactory;
  const { canvas: sheet, context: ctx } = canvases.create(Math.ceil(2 * width + 3 * gap), Math.ceil(height + 2 * gap));
  ctx.fillStyle = "#d8dee4";
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  for (const [i, n] of [1, flows].entries()) {
    const pdfPage = await doc.getPage(n);
    const viewport = pdfPage.getViewport({ scale });
    const { canvas, context } = canvases.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await pdfPage.render({ canvasContext: context, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    ctx.drawImage(canvas as unknown as CanvasImageSource, gap + i * (width + gap), gap);
  }
  const fs = await import("node:fs");
  fs.writeFileSync("docs/screenshots/quarterly-report-pdf.png", sheet.toBuffer("image/png"));
});
