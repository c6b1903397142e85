import { expect, test } from "./test";
import { signIn, signInAs, submitNewAccount } from "./support";

test("an admin creates a collaborator who must change the password, then deactivates them", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await submitNewAccount(page, { username: "ctv.moi", displayName: "Cộng tác viên Mới", role: "collaborator", unitCode: "SH.X021", password: "TamThoi@2026" });
  // Collaborator facts are required for a collaborator.
  await expect(page.getByRole("group", { name: "Thông tin cộng tác viên" }).getByText("Vui lòng nhập thông tin này.")).toHaveCount(2);
  await page.getByLabel("Lĩnh vực").selectOption("press");
  await page.getByLabel("Nhiệm kỳ từ").fill("2025-10-01");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cộng tác viên Mới" })).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signIn(user, "ctv.moi", "TamThoi@2026");
  await expect(user).toHaveURL(/\/account\/password$/);
  await expect(user.getByText("Bạn cần đặt mật khẩu mới trước khi tiếp tục.")).toBeVisible();
  // Every other page sends them back here until they do.
  await user.goto("/");
  await expect(user).toHaveURL(/\/account\/password$/);
  await user.getByLabel("Mật khẩu hiện tại", { exact: true }).fill("TamThoi@2026");
  await user.getByLabel("Mật khẩu mới", { exact: true }).fill("RiengToi@2026");
  await user.getByLabel("Nhập lại mật khẩu mới").fill("KhacHan@2026");
  await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(user.getByText("Hai mật khẩu không khớp.")).toBeVisible();
  await user.getByLabel("Mật khẩu hiện tại", { exact: true }).fill("TamThoi@2026");
  await user.getByLabel("Mật khẩu mới", { exact: true }).fill("RiengToi@2026");
  await user.getByLabel("Nhập lại mật khẩu mới").fill("RiengToi@2026");
  await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(user.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();
  await expect(user.getByRole("status").filter({ hasText: "Đã đổi mật khẩu." })).toBeVisible();

  // Deactivation ends the open session at once.
  await page.getByRole("button", { name: "Khóa", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Mở khóa tài khoản" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Đã cập nhật trạng thái tài khoản.");
  await user.goto("/");
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, "ctv.moi", "RiengToi@2026");
  await expect(user.getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await userContext.close();
});

test("an admin cannot lock themselves out, and the list filters by role", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/accounts?role=official");
  await expect(page.getByRole("status")).toHaveText("2 tài khoản");
  await page.goto("/admin/accounts?q=admin");
  await page.getByRole("link", { name: "admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Khóa tài khoản" })).toHaveCount(0);
  const edit = page.getByRole("form", { name: "Sửa thông tin" });
  await edit.getByLabel("Vai trò").selectOption("official");
  await edit.getByRole("button", { name: "Lưu" }).click();
  await expect(edit.getByRole("alert")).toHaveText("Bạn không thể tự đổi vai trò hoặc tự khóa tài khoản của mình.");
});
