import { expect, test } from "./test";
import { signIn, signInAs } from "./support";

// Opinion reports: officials read dashboards; the secretariat and admin also manage.
const REPORTS_READ_NAV = ["Hộp báo cáo", "Tiến độ báo cáo", "Tổng hợp dư luận", "Kiến nghị", "Báo cáo quý"];
const REPORTS_ADMIN_NAV = [...REPORTS_READ_NAV, "Mạng lưới CTV", "Chủ đề, kỳ báo cáo"];

const ROLES = [
  { username: "admin", role: "Quản trị", nav: ["Tổng quan", "Đơn vị", "Khảo sát", "Tài khoản", "Nhật ký", ...REPORTS_ADMIN_NAV] },
  { username: "thuky", role: "Tổ thư ký", nav: ["Tổng quan", "Đơn vị", "Khảo sát", ...REPORTS_ADMIN_NAV] },
  { username: "lanhdao", role: "Lãnh đạo", nav: ["Tổng quan", "Đơn vị", "Khảo sát", ...REPORTS_READ_NAV] },
  { username: "lanhdao.xa", role: "Lãnh đạo", nav: ["Tổng quan", "Đơn vị", "Khảo sát", ...REPORTS_READ_NAV] },
  { username: "ctv", role: "Cộng tác viên", nav: ["Tổng quan", "Khảo sát", "Báo cáo của tôi", "Hộp thư đi"] },
];

for (const { username, role, nav } of ROLES) {
  test(`${username} signs in, sees the navigation of the role, signs out`, async ({ page }) => {
    await signInAs(page, username);
    await expect(page.locator(".account-box")).toContainText(role);
    const links = page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link");
    await expect(links).toHaveText(nav);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
    // The session is gone on the server too: a protected page sends back to sign-in.
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2F$/);
  });
}

test("wrong password and unknown user get the same message, and the typed username stays", async ({ page }) => {
  await signIn(page, "thuky", "wrong-password");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Tên đăng nhập")).toHaveValue("thuky");

  await signIn(page, "khong.co.ai", "wrong-password");
  await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
});

test("empty fields are refused with field messages", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Vui lòng nhập thông tin này.")).toHaveCount(2);
});

test("five failures lock the account for this IP with a 429, even for the right password", async ({ page }) => {
  const username = "ctv.x002.1";
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, username, `wrong-${attempt}`);
    await expect(page.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  const throttled = page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST");
  await signIn(page, username); // the correct password
  expect((await throttled).status()).toBe(429);
  await expect(page.getByRole("alert")).toHaveText("Bạn đã nhập sai quá 5 lần. Vui lòng thử lại sau 15 phút.");
  // Another account from the same IP is not affected.
  await signInAs(page, "ctv.x003.1");
});

test("after sign-in the user returns to the page they asked for", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Faudit/);
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("DuLuan@2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nhật ký thao tác" })).toBeVisible();
});
