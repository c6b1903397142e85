import { expect, test } from "./test";
import { queryOne, signInAs, statusOf, unitId } from "./support";

test("a collaborator cannot open admin pages or the unit tree", async ({ page }) => {
  await signInAs(page, "ctv");
  for (const url of ["/admin/accounts", "/admin/accounts/new", "/admin/audit", "/units", `/units/${unitId("SH.X001")}`]) {
    expect(await statusOf(page, url), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  }
});

test("a commune official sees their own unit but another commune's answers 404", async ({ page }) => {
  await signInAs(page, "lanhdao.xa");
  const own = unitId("SH.X001");
  expect(await statusOf(page, `/units/${own}`)).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Xã");

  for (const code of ["SH.X002", "SH.P004", "SH"]) {
    expect(await statusOf(page, `/units/${unitId(code)}`), code).toBe(404);
  }
  // An id that does not exist looks exactly the same as a foreign one.
  expect(await statusOf(page, "/units/999999")).toBe(404);
  expect(await statusOf(page, "/units/not-a-number")).toBe(404);
  // Admin pages too.
  expect(await statusOf(page, "/admin/accounts")).toBe(404);
  // Search never reaches outside the subtree.
  await page.goto("/units?q=SH.X002");
  await expect(page.getByRole("status")).toHaveText("0 đơn vị");
});

test("an official cannot post to an admin action (404), and nothing changes", async ({ page }) => {
  await signInAs(page, "lanhdao");
  const target = unitId("SH.X005");
  const before = queryOne<{ name: string }>('SELECT name FROM "Unit" WHERE id = ?', target).name;
  const response = await page.request.post(`/units/${target}`, {
    form: { intent: "rename", name: "Tên bị đổi trái phép" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(404);
  expect(queryOne<{ name: string }>('SELECT name FROM "Unit" WHERE id = ?', target).name).toBe(before);
});

test("a commune administrator's overview counts only their subtree", async ({ page }) => {
  await signInAs(page, "admin.xa");
  const card = page.locator(".stat-card", { hasText: "Đơn vị đang hoạt động" });
  await expect(card.locator(".stat-value")).toHaveText("1");
});
