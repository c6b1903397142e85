import { expect, test } from "./test";
import { queryOne, signInAs } from "./support";

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

test("day fields read and take dd/MM/yyyy in English too (a native date input would show mm/dd/yyyy)", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.getByRole("button", { name: "English" }).click();
  await page.goto("/proposals");
  await page.locator("summary").filter({ hasText: "Forward a proposal" }).click();
  const form = page.getByRole("form", { name: "Forward a proposal" });
  const forwarded = form.getByLabel("Forwarded on");
  await expect(forwarded).toHaveAttribute("placeholder", "dd/mm/yyyy");
  // The default (today) is shown day first.
  await expect(forwarded).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await form.getByLabel("Agency").selectOption({ label: "Sở Y tế" });
  await form.getByLabel("Unit code (area)").fill("SH.X001");
  await form.getByLabel("Issue").fill("Day fields E2E");
  await form.getByLabel("Proposal", { exact: true }).fill("Review the clinic's opening hours.");
  await forwarded.fill("05/08/2026");
  await form.getByLabel("Answer due").fill("31/13/2026");
  await form.getByRole("button", { name: "Forward a proposal" }).click();
  // An impossible day is refused at the field; the rest is kept.
  await expect(form.getByLabel("Answer due")).toHaveAccessibleDescription(/./);
  await expect(form.getByLabel("Issue")).toHaveValue("Day fields E2E");
  await form.getByLabel("Answer due").fill("05/09/2026");
  await form.getByRole("button", { name: "Forward a proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Day fields E2E" })).toBeVisible();
  const row = queryOne<{ forwardedOn: number; dueOn: number }>(`SELECT forwardedOn, dueOn FROM "Proposal" WHERE title = 'Day fields E2E'`);
  expect(new Date(row.forwardedOn).toISOString().slice(0, 10)).toBe("2026-08-05");
  expect(new Date(row.dueOn).toISOString().slice(0, 10)).toBe("2026-09-05");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
});
