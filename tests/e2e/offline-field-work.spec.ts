// Issue 14's acceptance: a collaborator works a whole day offline. After one visit online, the app
// opens from its URL with no connection, takes three questionnaires and a monthly report into the
// device's outbox, keeps them across a reload, and sends each exactly once when the connection
// returns, with a second tab open; an item the server refuses stays with its reason.
import { expect, test, type Page } from "./test";
import { countSends, december, fillItem, outboxItems, phoneContext, readyOffline } from "./offline-support";
import { queryOne, signInAs } from "./support";
import { publishSurveyFromJson } from "./surveys-support";

const USER = "ctv.x001.1";
const TITLE = "Phiếu ngoại tuyến E2E";
const definition = {
  title: TITLE,
  questions: [
    { code: "Q1", type: "single", title: "Đời sống so với quý trước", required: true, options: [{ code: "Q1_1", label: "Tốt hơn" }, { code: "Q1_2", label: "Như cũ" }] },
    { code: "Q2", type: "shortText", title: "Ghi chú", required: false },
  ],
};
const responses = (surveyId: number) => queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "surveyId" = ?', surveyId).n;
const reports = (periodId: number) =>
  queryOne<{ reports: number; items: number }>(
    'SELECT COUNT(DISTINCT r.id) AS reports, COUNT(i.id) AS items FROM "OpinionReport" r JOIN "Account" a ON a.id = r."collaboratorId" LEFT JOIN "OpinionItem" i ON i."reportId" = r.id WHERE a.username = ? AND r."periodId" = ?',
    USER,
    periodId,
  );

async function fillQuestionnaire(page: Page, note: string) {
  await page.getByLabel("Nhóm tuổi").selectOption("30-44");
  await page.getByLabel("Giới tính").selectOption("female");
  await page.getByLabel("Nghề nghiệp").selectOption("farmer");
  await page.getByLabel("Khu vực").selectOption("rural");
  await page.getByRole("group", { name: /Q1\./ }).getByLabel("Như cũ").check();
  await page.getByLabel(/Q2\. Ghi chú/).fill(note);
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  // The form starts empty for the next respondent at once.
  await expect(page.getByLabel("Nhóm tuổi")).toHaveValue("");
}

test("offline all day: three questionnaires and a monthly report wait on the phone, survive a reload, and each reaches the office exactly once", async ({ browser }) => {
  test.setTimeout(240_000);
  const office = await browser.newPage();
  const surveyId = await publishSurveyFromJson(office, "KS.E2E.OFFLINE", definition);
  const periodId = december();
  const fill = `/surveys/${surveyId}/fill`;
  const reportForm = `/reports/new?period=${periodId}`;

  const context = await phoneContext(browser);
  const sends = countSends(context);
  let page = await context.newPage();
  await signInAs(page, USER);
  // One visit online: the service worker keeps the collaborator's pages.
  await readyOffline(page, ["/", "/surveys", fill, reportForm, "/outbox"]);

  await context.setOffline(true);
  await page.close();
  page = await context.newPage();
  await page.goto(fill);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(/Đang mất kết nối/)).toBeVisible();
  // Usable once hydrated with the device's draft read (how long that takes: bench step 9).
  await expect(page.getByRole("button", { name: "Gửi phiếu" })).toBeEnabled();
  for (const note of ["Người thứ nhất", "Người thứ hai", "Người thứ ba"]) await fillQuestionnaire(page, note);
  await expect(page.getByText("Phiếu đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();
  await page.screenshot({ path: "tests/.output/offline-form-after-outbox.png", fullPage: true });

  await page.goto(reportForm);
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo dư luận Tháng 12/2026" })).toBeVisible();
  await fillItem(page, 1, "Giá phân bón ngoại tuyến");
  await page.getByRole("button", { name: "Thêm ý kiến" }).click();
  await fillItem(page, 2, "Giá lúa ngoại tuyến");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Báo cáo đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();

  await page.getByRole("link", { name: /Hộp thư đi/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Hộp thư đi trên máy này" })).toBeVisible();
  await expect(page.getByText("4 mục đang chờ gửi.")).toBeVisible();
  await expect(outboxItems(page, "Chờ gửi")).toHaveCount(4);

  // The browser reloads: nothing is lost, nothing was sent.
  await page.reload();
  await expect(page.getByText("4 mục đang chờ gửi.")).toBeVisible();
  expect(responses(surveyId)).toBe(0);
  expect(reports(periodId).reports).toBe(0);

  // A second tab is open when the connection returns: both drain, nothing is sent twice.
  const second = await context.newPage();
  await second.goto("/outbox");
  await expect(second.getByText("4 mục đang chờ gửi.")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText("Không có gì chờ gửi.")).toBeVisible({ timeout: 60_000 });
  await expect(outboxItems(page, "Đã gửi")).toHaveCount(4);
  await expect(second.getByText("Không có gì chờ gửi.")).toBeVisible();
  expect(responses(surveyId)).toBe(3);
  expect(reports(periodId)).toEqual({ reports: 1, items: 2 });
  expect([...sends.values()]).toEqual([1, 1, 1, 1]);

  // The survey closes while the phone is offline again: the questionnaire filled meanwhile is
  // refused, and stays on the phone with the reason and what to do.
  await office.goto(`/surveys/${surveyId}`);
  await context.setOffline(true);
  await office.getByRole("button", { name: "Kết thúc" }).click();
  await expect(office.getByText("Đã kết thúc").first()).toBeVisible();
  await page.goto(fill);
  await fillQuestionnaire(page, "Người thứ tư");
  await context.setOffline(false);
  await page.goto("/outbox");
  const refused = outboxItems(page, "Bị từ chối");
  await expect(refused).toContainText("Khảo sát đã kết thúc hoặc chưa mở; phiếu không được lưu.");
  await expect(refused.getByRole("button", { name: "Bỏ" })).toBeVisible();
  await page.screenshot({ path: "tests/.output/outbox-refused.png", fullPage: true });
  expect(responses(surveyId)).toBe(3);
  await office.close();
  await context.close();
});
