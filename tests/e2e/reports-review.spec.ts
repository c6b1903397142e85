import { expect, test } from "@playwright/test";
import { queryOne, signInAs } from "./support";

const reportOf = (username: string, year: number, month: number) =>
  queryOne<{ id: number; status: string; quality: string | null }>(
    `SELECT r.id, r.status, r.quality FROM "OpinionReport" r JOIN "Account" a ON a.id = r."collaboratorId"
     JOIN "ReportingPeriod" p ON p.id = r."periodId" WHERE a.username = ? AND p.year = ? AND p.month = ?`,
    username,
    year,
    month,
  );

test("the secretariat rates one report and returns another, which comes back fixed", async ({ page, browser }) => {
  const rated = reportOf("ctv.tinh01", 2026, 10);
  const returned = reportOf("ctv2", 2026, 11);
  expect(returned.status).toBe("submitted");

  await signInAs(page, "thuky");
  await page.getByRole("link", { name: "Hộp báo cáo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hộp báo cáo" })).toBeVisible();
  await page.goto(`/reports/${rated.id}`);
  const rate = page.getByRole("form", { name: "Đánh giá chất lượng" });
  await rate.getByLabel("Chất lượng").selectOption({ label: "Hữu ích" });
  await rate.getByRole("button", { name: "Lưu đánh giá" }).click();
  await expect(page.getByText("Chất lượng: Hữu ích")).toBeVisible();
  expect(reportOf("ctv.tinh01", 2026, 10).quality).toBe("useful");

  await page.goto(`/reports/${returned.id}`);
  const back = page.getByRole("form", { name: "Trả lại để bổ sung" });
  await back.getByLabel("Nội dung cần bổ sung, sửa").fill("Cần nêu rõ số hộ bị ảnh hưởng và kiến nghị cụ thể.");
  await back.getByRole("button", { name: "Trả lại" }).click();
  await expect(page.getByText("Tổ thư ký trả lại: Cần nêu rõ số hộ bị ảnh hưởng")).toBeVisible();
  expect(reportOf("ctv2", 2026, 11).status).toBe("returned");

  const collaborator = await browser.newPage();
  await signInAs(collaborator, "ctv2");
  await collaborator.goto("/reports");
  await collaborator.getByRole("link", { name: "Sửa và gửi lại" }).click();
  await expect(collaborator.getByText("Tổ thư ký trả lại: Cần nêu rõ số hộ bị ảnh hưởng")).toBeVisible();
  const first = collaborator.getByRole("group", { name: "Ý kiến 1", exact: true });
  await first.getByLabel("Nội dung dư luận (nhân dân nói gì)").fill("Khoảng 40 hộ ven kênh bị ảnh hưởng; đề nghị xã sớm nạo vét.");
  await first.getByLabel("Kiến nghị, đề xuất (nếu có)").fill("Đề nghị UBND xã bố trí kinh phí nạo vét trước mùa mưa.");
  await collaborator.getByRole("button", { name: "Gửi lại báo cáo đã sửa" }).click();
  await expect(collaborator.getByText("Đã gửi báo cáo. Cảm ơn bạn!")).toBeVisible();
  await collaborator.close();

  expect(reportOf("ctv2", 2026, 11).status).toBe("submitted");
  const history = queryOne<{ kinds: string; snapshots: number }>(
    'SELECT group_concat(kind, \',\') AS kinds, COUNT(snapshot) AS snapshots FROM (SELECT kind, snapshot FROM "ReportEvent" WHERE "reportId" = ? ORDER BY id)',
    returned.id,
  );
  expect(history).toEqual({ kinds: "submitted,returned,resubmitted", snapshots: 1 });
  await page.reload();
  await expect(page.getByRole("region", { name: "Lịch sử xử lý" })).toContainText("Gửi lại");
  await expect(page.getByText("Khoảng 40 hộ ven kênh bị ảnh hưởng")).toBeVisible();
});

test("a collaborator sees only their own reports; officials see reports of their subtree only", async ({ page, browser }) => {
  const foreign = reportOf("ctv.tinh02", 2026, 10);
  await signInAs(page, "ctv");
  expect((await page.goto(`/reports/${foreign.id}`))?.status()).toBe(404);
  expect((await page.goto("/reports/inbox"))?.status()).toBe(404);
  const official = await (await browser.newContext()).newPage();
  await signInAs(official, "lanhdao.xa");
  expect((await official.goto(`/reports/${foreign.id}`))?.status()).toBe(404);
  const own = reportOf("ctv", 2026, 10);
  expect((await official.goto(`/reports/${own.id}`))?.status()).toBe(200);
  await official.context().close();
});
