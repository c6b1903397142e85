import { expect, test } from "./test";
import { signInAs } from "./support";

test("the UI is Vietnamese by default and switches to English and back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Sign in · Dư luận");

  await page.getByLabel("Username").fill("thuky");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong username or password.");

  await page.getByLabel("Password").fill("DuLuan@2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page).toHaveTitle("Overview · Dư luận");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link")).toHaveText(["Overview", "Units", "Surveys", "Report inbox", "Completeness", "Opinion summary", "Proposals", "Quarterly reports", "Collaborators", "Topics and periods"]);

  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();
  await expect(page).toHaveTitle("Tổng quan · Dư luận");
});

test("dates read dd/MM/yyyy", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.goto("/units?q=SH.OLD001&closed=1");
  await expect(page.getByText("Đã đóng 01/07/2025")).toBeVisible();
});
