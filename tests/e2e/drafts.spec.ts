// Device drafts belong to the account that typed them: a shared phone never
// shows, nor sends, one collaborator's answers under another's sign-in.
import { expect, test } from "./test";
import { deviceDraftKeys, queryOne, signInAs } from "./support";
import { surveyId } from "./surveys-support";


test("signing out asks about unsent drafts and removes them; the next collaborator on the phone starts blank", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const survey = surveyId("KS.DSHL.2026Q4");
  await signInAs(page, "ctv");
  await page.goto(`/surveys/${survey}/fill`);
  await page.getByLabel("Nhóm tuổi").selectOption("30-44");
  await expect.poll(() => deviceDraftKeys(page, "ctv")).toHaveLength(1);

  // Asked first; staying keeps the draft and the session.
  const signOut = page.getByRole("button", { name: "Đăng xuất" });
  await signOut.click();
  const dialog = page.getByRole("dialog", { name: "Còn bản nháp chưa gửi" });
  await expect(dialog).toContainText("Thiết bị này còn 1 bản nháp hoặc mục chưa gửi của bạn.");
  await dialog.getByRole("button", { name: "Ở lại để gửi" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Nhóm tuổi")).toHaveValue("30-44");

  await signOut.click();
  await dialog.getByRole("button", { name: "Xóa bản nháp và đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await deviceDraftKeys(page, "ctv")).toEqual([]);

  await signInAs(page, "ctv2");
  await page.goto(`/surveys/${survey}/fill`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Đã khôi phục bản nháp lưu trên máy.")).toHaveCount(0);
  await expect(page.getByLabel("Nhóm tuổi")).toHaveValue("");
  await context.close();
});

test("a draft sent under another account is refused and nothing is stored", async ({ page }) => {
  await signInAs(page, "ctv2");
  const origin = new URL(page.url()).origin;
  const survey = surveyId("KS.DSHL.2026Q4");
  const uuid = "3f1d2c4b-5a69-4788-9abc-def012345678";
  const api = await page.request.post("/api/surveys/responses", {
    headers: { "X-Draft-Owner": "ctv", Origin: origin },
    data: { uuid, surveyId: survey, version: 1, revision: 1, bands: {}, answers: {} },
  });
  expect(api.status()).toBe(409);
  expect((await api.json()).message).toBe("drafts.otherAccount");
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "clientUuid" = ?', uuid).n).toBe(0);

  // The outbox's report API refuses it the same way (a device sends each item under its own owner).
  const period = queryOne<{ id: number }>('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12').id;
  const report = await page.request.post("/api/reports", {
    headers: { "X-Draft-Owner": "ctv", Origin: origin },
    data: { clientUuid: "4f1d2c4b-5a69-4788-9abc-def012345678", periodId: period, kind: "fast", payload: { items: [{ topicCode: "EDUCATION", title: "Bản nháp của người khác", summary: "Nội dung nhập dưới tài khoản khác.", areaCode: "SH.X001", groupCodes: [], direction: "approve", strength: "moderate", prevalence: "some", channel: "direct", verified: true }] } },
  });
  expect(report.status()).toBe(409);
  expect((await report.json()).message).toBe("drafts.otherAccount");
  expect(queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "OpinionItem" WHERE title = ?`, "Bản nháp của người khác").n).toBe(0);
});
