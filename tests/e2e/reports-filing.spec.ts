import { expect, test, type Page } from "./test";
import { deviceDraft, deviceDraftKeys, putDeviceDraft, queryOne, signInAs } from "./support";

const december = () => queryOne<{ id: number }>('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12').id;
const accountId = (username: string) => queryOne<{ id: number }>('SELECT id FROM "Account" WHERE username = ?', username).id;
const reportCount = (username: string, periodId: number) =>
  queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "OpinionReport" WHERE "collaboratorId" = ? AND "periodId" = ?', accountId(username), periodId).n;

async function fillItem(page: Page, n: number, item: { topic: string; title: string; summary: string; direction: string }) {
  const box = page.getByRole("group", { name: `Ý kiến ${n}`, exact: true });
  await box.getByLabel("Chủ đề").selectOption({ label: item.topic });
  await box.getByLabel("Sự kiện, vấn đề").fill(item.title);
  await box.getByLabel("Nội dung dư luận (nhân dân nói gì)").fill(item.summary);
  await box.getByLabel("Chiều hướng").selectOption({ label: item.direction });
  await box.getByLabel("Nông dân").check();
  return box;
}

test.use({ viewport: { width: 360, height: 780 } });

test("a collaborator files a monthly report with three items on a phone, one urgent; the guard stops a phone number; the urgent item reaches the secretariat's dashboard", async ({ page, browser }) => {
  const periodId = december();
  await signInAs(page, "ctv");
  await page.getByRole("link", { name: "Báo cáo của tôi" }).click();
  await page.getByRole("link", { name: "Lập báo cáo Tháng 12/2026" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo dư luận Tháng 12/2026" })).toBeVisible();

  await fillItem(page, 1, { topic: "Giá cả, đời sống", title: "Giá phân bón tăng cao", summary: "Bà con lo chi phí vụ đông xuân tăng.", direction: "Băn khoăn, lo lắng" });
  await page.getByRole("button", { name: "Thêm ý kiến" }).click();
  const urgent = await fillItem(page, 2, { topic: "Thiên tai, dịch bệnh", title: "Sạt lở bờ sông E2E khẩn", summary: "Nhiều hộ ven sông lo mất nhà khi lũ về.", direction: "Băn khoăn, lo lắng" });
  await urgent.getByLabel("Ý kiến này cần báo cáo nhanh").check();
  await page.getByRole("button", { name: "Thêm ý kiến" }).click();
  const third = await fillItem(page, 3, { topic: "Giáo dục", title: "Sáp nhập điểm trường", summary: "Phụ huynh gọi 0912 345 678 để phản ánh việc đưa đón.", direction: "Phản đối" });

  // The guard warns while typing, and the form refuses to send the phone number.
  await expect(third.getByRole("alert").filter({ hasText: "số điện thoại" })).toBeVisible();
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(third.getByText("Nội dung có vẻ chứa thông tin cá nhân")).toBeVisible();
  expect(reportCount("ctv", periodId)).toBe(0);

  // The draft survives a reload on this device.
  await page.reload();
  await expect(page.getByText("Đã khôi phục bản nháp chưa gửi.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Ý kiến 3", exact: true }).getByLabel("Sự kiện, vấn đề")).toHaveValue("Sáp nhập điểm trường");

  await page.getByRole("group", { name: "Ý kiến 3", exact: true }).getByLabel("Nội dung dư luận (nhân dân nói gì)").fill("Phụ huynh phản ánh việc đưa đón học sinh xa hơn.");
  await expect(page.getByText("Có vẻ có thông tin cá nhân")).toHaveCount(0);
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Đã gửi báo cáo. Cảm ơn bạn!")).toBeVisible();
  await page.getByRole("link", { name: "Xem báo cáo đã gửi" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /Sạt lở bờ sông E2E khẩn/ })).toBeVisible();
  expect(reportCount("ctv", periodId)).toBe(1);
  const stored = queryOne<{ items: number; urgent: number }>(
    'SELECT COUNT(*) AS items, SUM(i.urgent) AS urgent FROM "OpinionItem" i JOIN "OpinionReport" r ON r.id = i."reportId" WHERE r."collaboratorId" = ? AND r."periodId" = ?',
    accountId("ctv"),
    periodId,
  );
  expect(stored).toEqual({ items: 3, urgent: 1 });

  const secretariat = await browser.newPage();
  await signInAs(secretariat, "thuky");
  await expect(secretariat.getByRole("region", { name: "Báo cáo nhanh mới nhất" }).getByRole("link", { name: "Sạt lở bờ sông E2E khẩn" })).toBeVisible();
  await secretariat.close();
});

test("the server refuses personal data, replays the same UUID and answers 409 when its content changed", async ({ page }) => {
  const periodId = december();
  await signInAs(page, "ctv.x017.2");
  const origin = new URL(page.url()).origin;
  const item = { topicCode: "PRICES", title: "Giá điện", summary: "Nhiều ý kiến lo ngại.", areaCode: "SH.X017", groupCodes: ["FARMERS"], direction: "worried", strength: "moderate", prevalence: "many", channel: "direct", verified: true, urgent: false };
  const post = (clientUuid: string, payload: unknown) =>
    page.request.post(`/reports/new?period=${periodId}`, { form: { clientUuid, payload: JSON.stringify(payload) }, headers: { Origin: origin }, maxRedirects: 0 });
  const uuid = "5b0f6c1e-2f7a-4c55-9d3e-0a1b2c3d4e5f";

  expect((await post(uuid, { items: [{ ...item, summary: "Liên hệ 0987.654.321" }] })).status()).toBe(400);
  expect((await post(uuid, { items: [{ ...item, areaCode: "SH.X018" }] })).status()).toBe(400);
  expect((await post(uuid, { items: [{ ...item, topicCode: "NO_SUCH" }] })).status()).toBe(400);
  expect((await post(uuid, { items: [{ ...item, summary: "x".repeat(5000) }] })).status()).toBe(400);
  expect((await post(uuid, "not json")).status()).toBe(400);
  const junk = await page.request.post(`/reports/new?period=${periodId}`, { form: { clientUuid: uuid, payload: "x".repeat(10 * 1024 * 1024) }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(junk.status()).toBe(400);
  expect(reportCount("ctv.x017.2", periodId)).toBe(0);

  expect((await post(uuid, { items: [item] })).status()).toBe(302);
  expect((await post(uuid, { items: [item] })).status()).toBe(302);
  expect(reportCount("ctv.x017.2", periodId)).toBe(1);
  const changed = await post(uuid, { items: [{ ...item, title: "Giá nước" }] });
  expect(changed.status()).toBe(409);
  expect(queryOne<{ title: string }>('SELECT title FROM "OpinionItem" i JOIN "OpinionReport" r ON r.id = i."reportId" WHERE r."clientUuid" = ?', uuid).title).toBe("Giá điện");

  // A closed period takes no report.
  const closed = queryOne<{ id: number }>('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 1').id;
  const closedPost = await page.request.post(`/reports/new?period=${closed}`, { form: { clientUuid: "6b0f6c1e-2f7a-4c55-9d3e-0a1b2c3d4e5f", payload: JSON.stringify({ items: [item] }) }, headers: { Origin: origin }, maxRedirects: 0 });
  expect(closedPost.status()).toBe(400);
  expect(reportCount("ctv.x017.2", closed)).toBe(0);
});

test("a fast report outside the monthly report reaches the secretariat's dashboard at once", async ({ page, browser }) => {
  await signInAs(page, "ctv.x017.1");
  await page.goto("/reports");
  await page.getByRole("link", { name: "Gửi báo cáo nhanh" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Báo cáo nhanh/ })).toBeVisible();
  await fillItem(page, 1, { topic: "An ninh, trật tự", title: "Tụ tập đông người E2E nhanh", summary: "Nhiều người tụ tập trước trụ sở xã.", direction: "Phản đối" });
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Đã gửi báo cáo. Cảm ơn bạn!")).toBeVisible();
  expect(queryOne<{ kind: string; urgent: number }>(
    `SELECT r.kind, r.urgent FROM "OpinionReport" r JOIN "OpinionItem" i ON i."reportId" = r.id WHERE i.title = ?`, "Tụ tập đông người E2E nhanh",
  )).toEqual({ kind: "fast", urgent: 1 });

  const secretariat = await browser.newPage();
  await signInAs(secretariat, "thuky");
  await expect(secretariat.getByRole("region", { name: "Báo cáo nhanh mới nhất" }).getByRole("link", { name: "Tụ tập đông người E2E nhanh" })).toBeVisible();
  await secretariat.close();
});

test("the report form clears an error once it is fixed, and stops at 30 opinions", async ({ page }) => {
  await signInAs(page, "ctv.tinh23");
  await page.goto("/reports");
  await page.getByRole("link", { name: "Gửi báo cáo nhanh" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Báo cáo nhanh/ })).toBeVisible();
  const first = page.getByRole("group", { name: "Ý kiến 1", exact: true });
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Vui lòng sửa các lỗi bên dưới.")).toBeVisible();
  const title = first.getByLabel("Sự kiện, vấn đề");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await title.fill("Giá phân bón tăng");
  await expect(title).not.toHaveAttribute("aria-invalid", "true");
  await expect(first.locator("#item-0-title-error")).toHaveCount(0);
  // Fields not yet fixed keep their errors.
  await expect(first.getByLabel("Nội dung dư luận (nhân dân nói gì)")).toHaveAttribute("aria-invalid", "true");

  const add = page.getByRole("button", { name: "Thêm ý kiến" });
  for (let n = 2; n <= 30; n++) await add.click();
  await expect(page.getByRole("group", { name: /^Ý kiến \d+$/ })).toHaveCount(30);
  await expect(add).toBeDisabled();
  // Items added after the refused submit are not errors yet; earlier ones fold to one line (their
  // fields leave the page), except item 1, held open by its errors.
  const second = page.getByRole("group", { name: "Ý kiến 2", exact: true });
  await expect(second.getByRole("button", { name: "Mở ý kiến 2" })).toBeVisible();
  await expect(second.getByLabel("Chủ đề")).toHaveCount(0);
  await second.getByRole("button", { name: "Mở ý kiến 2" }).click();
  await expect(second.getByLabel("Chủ đề")).toBeVisible();
  await expect(second.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(first.getByLabel("Nội dung dư luận (nhân dân nói gì)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Đã đủ 30 ý kiến, số tối đa của một báo cáo.")).toBeVisible();

  // A draft past the limit (kept from before it) is refused with a message at the list.
  await expect.poll(async () => (await deviceDraftKeys(page, "ctv.tinh23")).length).toBe(1);
  const key = (await deviceDraftKeys(page, "ctv.tinh23"))[0]!;
  await expect.poll(async () => (await deviceDraft<{ items: unknown[] }>(page, key))?.items.length).toBe(30);
  const draft = (await deviceDraft<{ items: unknown[] }>(page, key))!;
  await putDeviceDraft(page, key, { ...draft, items: [...draft.items, draft.items[0]] });
  await page.reload();
  await expect(page.getByText("Đã khôi phục bản nháp chưa gửi.")).toBeVisible();
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Một báo cáo có tối đa 30 ý kiến." })).toBeVisible();
});
