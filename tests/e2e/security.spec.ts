import { expect, test } from "./test";
import { signInAs } from "./support";

test("pages carry an enforced nonce CSP and the hardening headers, and still hydrate", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["content-security-policy-report-only"]).toBeUndefined();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The nonce changes per response.
  const second = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(second).not.toBe(csp);

  // Hydrated under the CSP: client-side validation answers without a round trip.
  await signInAs(page, "admin");
  await page.goto("/units/new?parent=SH");
  let posted = false;
  page.on("request", (r) => { if (r.method() === "POST") posted = true; });
  await page.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(page.getByText("Vui lòng nhập thông tin này.").first()).toBeVisible();
  expect(posted).toBe(false);
  expect(violations).toEqual([]);
});

test("the session cookie is __Host-, HttpOnly, Secure, SameSite=Lax and holds only a random token", async ({ page, context }) => {
  await signInAs(page, "thuky");
  const cookie = (await context.cookies()).find((c) => c.name.includes("session"));
  expect(cookie).toMatchObject({ name: "__Host-dl_session", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
  expect(cookie!.value).not.toContain("thuky");
});

test("a state-changing request from another site is refused before any action runs", async ({ page }) => {
  await signInAs(page, "admin");
  const crossSite = await page.request.post("/logout", { headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  // Still signed in: the logout action never ran.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();
});

test("malformed requests get 4xx, never 500", async ({ page, request }) => {
  await signInAs(page, "admin");
  const origin = new URL(page.url()).origin;
  const post = (url: string, form: Record<string, string>) => page.request.post(url, { form, headers: { Origin: origin } });
  expect((await post("/units/abc", { intent: "rename", name: "x" })).status()).toBe(404);
  expect((await post("/units/1", { intent: "explode" })).status()).toBe(400);
  expect((await post("/units/1", { intent: "rename", name: "x".repeat(5000) })).status()).toBe(400);
  expect((await post("/admin/accounts/1", { intent: "setActive", active: "maybe" })).status()).toBe(400);
  // Signed out (the request fixture has no cookies): an empty or body-less sign-in is a 400.
  expect((await request.post("/login", { form: {} })).status()).toBe(400);
  expect((await request.post("/login", { headers: { "Content-Type": "multipart/form-data; boundary=x" }, data: "--x\r\nbroken" })).status()).toBe(400);
  expect((await request.post("/login", { data: "x".repeat(13 * 1024 * 1024) })).status()).toBe(413);
  expect((await page.request.get("/admin/accounts?page=-5&role=<script>")).status()).toBe(200);
  expect((await page.request.get("/admin/audit?from=99/99/9999")).status()).toBe(200);
  expect((await page.request.get("/healthz")).status()).toBe(200);
  const icon = await page.request.get("/favicon.ico", { maxRedirects: 0 });
  expect([icon.status(), icon.headers().location]).toEqual([301, "/favicon.svg"]);
});
