// Sign-in, sessions, redirects, caching: what an attacker probing the production
// build found, checked through the real HTTP server.
import { expect, test } from "./test";
import { signIn, signInAs, submitNewAccount } from "./support";
import { surveyId } from "./surveys-support";

const HOSTILE_TARGETS = [
  "/\t/evil.example",
  "/\n/x",
  "/\r\n/x",
  "//evil.example",
  "/\\evil.example",
  "/.//evil.example",
  "javascript:alert(1)",
  "https://evil.example/",
];

/** A Location header is same-origin when it resolves against our origin to our origin. */
function expectSameOrigin(location: string | undefined, origin: string) {
  expect(location).toBeDefined();
  expect(new URL(location!, origin).origin).toBe(origin);
  expect(location).toMatch(/^\/(?![/\\])/);
}

test("redirectTo on /set-language and /login never leaves the origin and never answers 500", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const target of HOSTILE_TARGETS) {
    const language = await request.post("/set-language", { form: { lang: "en", redirectTo: target }, maxRedirects: 0 });
    expect(language.status(), JSON.stringify(target)).toBe(302);
    expect(language.headers().location).toBe("/");

    const login = await request.post("/login", { form: { username: "admin", password: "DuLuan@2026", redirectTo: target }, maxRedirects: 0 });
    expect(login.status(), JSON.stringify(target)).toBe(302);
    expectSameOrigin(login.headers().location, origin);
    expect(login.headers().location).toBe("/");
  }
  // A same-origin path is kept (percent-encoded as the URL parser writes it).
  const kept = await request.post("/set-language", { form: { lang: "vi", redirectTo: "/surveys?q=á" }, maxRedirects: 0 });
  expect(kept.headers().location).toBe("/surveys?q=%C3%A1");
});

test("every signed-in response says Cache-Control: no-store: documents, data requests, downloads", async ({ page }) => {
  await signInAs(page, "admin");
  const id = surveyId("KS.DSHL.2026Q4");
  for (const url of [
    "/",
    "/surveys",
    `/surveys/${id}/results`,
    "/_root.data",
    `/surveys/${id}/results.data`,
    `/surveys/${id}/results.csv`,
    `/surveys/${id}/results.csv?kind=answers`,
    `/surveys/${id}/results.xlsx`,
    "/roster/export",
    "/proposals/export?format=xlsx",
    "/units/999999999",
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBeLessThan(500);
    expect(response.headers()["cache-control"], url).toBe("no-store");
  }
});

test("changing one's own password signs out the account's other sessions and rotates this one's cookie", async ({ page, browser }) => {
  // An account of its own, so no other test's sessions are touched.
  await signInAs(page, "admin");
  await submitNewAccount(page, { username: "canbo.doimatkhau", displayName: "Cán bộ Đổi Mật Khẩu", role: "official", unitCode: "SH.X022", password: "TamThoi@2026" });
  await expect(page.getByRole("heading", { level: 1, name: "Cán bộ Đổi Mật Khẩu" })).toBeVisible();

  async function changePassword(p: typeof page, from: string, to: string) {
    await p.goto("/account/password");
    await p.getByLabel("Mật khẩu hiện tại", { exact: true }).fill(from);
    await p.getByLabel("Mật khẩu mới", { exact: true }).fill(to);
    await p.getByLabel("Nhập lại mật khẩu mới").fill(to);
    await p.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();
  }
  const sessionCookie = async (p: typeof page) => (await p.context().cookies()).find((c) => c.name.includes("session"))?.value;

  const mine = await (await browser.newContext()).newPage();
  await signIn(mine, "canbo.doimatkhau", "TamThoi@2026");
  await changePassword(mine, "TamThoi@2026", "RiengToi@2026");
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "canbo.doimatkhau", "RiengToi@2026");
  await expect(other.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();

  const before = await sessionCookie(mine);
  await changePassword(mine, "RiengToi@2026", "LanHai@2026");
  expect(await sessionCookie(mine)).not.toBe(before);
  // This browser stays signed in with its new token; the other one is out.
  await mine.goto("/");
  await expect(mine.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
});
