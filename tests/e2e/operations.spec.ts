// What the production build answers an operator's monitor, and what a user sees for a page that
// does not exist.
import { expect, test } from "./test";

test("/healthz: ready, every migration applied, backups not configured here, nothing cached", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({
    status: "ok",
    database: "ok",
    migrations: { state: "current", pending: 0 },
    backup: { configured: false },
  });
});

test("a page that does not exist is a 404 page without an error code", async ({ page }) => {
  const response = await page.goto("/khong-co-trang-nay?q=x");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(page.getByText("Mã lỗi")).toHaveCount(0);
});
