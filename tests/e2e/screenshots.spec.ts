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
