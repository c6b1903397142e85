import { expect, test } from "./test";
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

test("an official reading a report goes back to the inbox, a collaborator to their own reports", async ({ page, browser }) => {
  await signInAs(page, "lanhdao");
  await page.goto(`/reports/${reportOf("ctv.tinh01", 2026, 10).id}`);
  await page.getByRole("link", { name: "← Hộp báo cáo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hộp báo cáo" })).toBeVisible();

  const collaborator = await (await browser.newContext()).newPage();
  await signInAs(collaborator, "ctv");
  await collaborator.goto(`/reports/${reportOf("ctv", 2026, 10).id}`);
  await collaborator.getByRole("link", { name: "← Báo cáo dư luận của tôi" }).click();
  await expect(collaborator.getByRole("heading", { level: 1, name: "Báo cáo dư luận của tôi" })).toBeVisible();
  await collaborator.context().close();
});

test("accepting a report someone else has just accepted is refused with a visible message", async ({ page }) => {
  const report = reportOf("ctv.tinh22", 2026, 11);
  expect(report.status).toBe("submitted");
  await signInAs(page, "thuky");
  await page.goto(`/reports/${report.id}`);
  // A second secretariat tab accepts it first.
  const other = await page.context().newPage();
  await other.goto(`/reports/${report.id}`);
  await other.getByRole("form", { name: "Tiếp nhận báo cáo" }).getByRole("button", { name: "Tiếp nhận", exact: true }).click();
  await expect(other.getByRole("form", { name: "Tiếp nhận báo cáo" })).toHaveCount(0);
  expect(reportOf("ctv.tinh22", 2026, 11).status).toBe("accepted");
  await other.close();

  await page.getByRole("form", { name: "Tiếp nhận báo cáo" }).getByRole("button", { name: "Tiếp nhận", exact: true }).click();
  await expect(page.getByRole("region", { name: "Xử lý báo cáo" }).getByRole("alert")).toHaveText("Chỉ tiếp nhận được báo cáo đang chờ xử lý.");
});

test("the inbox pages through every report, keeping its filters", async ({ page }) => {
  const period = queryOne<{ id: number }>('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 10').id;
  const total = queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "OpinionReport" WHERE "periodId" = ?', period).n;
  const pages = Math.ceil(total / 50);
  expect(pages).toBeGreaterThan(2);
  await signInAs(page, "thuky");
  await page.goto("/reports/inbox");
  await page.getByLabel("Trạng thái").selectOption({ label: "Tất cả" });
  await page.getByLabel("Kỳ báo cáo").selectOption({ label: "Tháng 10/2026" });
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${total} báo cáo` })).toBeVisible();
  const table = page.getByRole("table", { name: "Hộp báo cáo" });
  const nav = page.getByRole("navigation", { name: "Phân trang" });
  await expect(nav).toContainText(`Trang 1/${pages}`);
  await expect(table.locator("tbody tr")).toHaveCount(50);
  const firstOnPage1 = await table.locator("tbody tr").first().textContent();

  await nav.getByRole("link", { name: "Trang sau →" }).click();
  await expect(nav).toContainText(`Trang 2/${pages}`);
  expect(new URL(page.url()).searchParams.get("period")).toBe(String(period));
  expect(new URL(page.url()).searchParams.get("status")).toBe("all");
  await expect(page.getByRole("status").filter({ hasText: `${total} báo cáo` })).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(50);
  expect(await table.locator("tbody tr").first().textContent()).not.toBe(firstOnPage1);

  await page.goto(`/reports/inbox?status=all&period=${period}&page=${pages}`);
  await expect(table.locator("tbody tr")).toHaveCount(total - (pages - 1) * 50);
  await expect(nav.getByRole("link", { name: "Trang sau →" })).toHaveCount(0);
});

test("accept and open the next: the next report waiting in the inbox's order opens", async ({ page }) => {
  await signInAs(page, "thuky");
  const first = queryOne<{ id: number; submittedAt: number }>(`SELECT id, "submittedAt" FROM "OpinionReport" WHERE status = 'submitted' ORDER BY "submittedAt" DESC, id DESC LIMIT 1`);
  const next = queryOne<{ id: number }>(
    `SELECT id FROM "OpinionReport" WHERE status = 'submitted' AND ("submittedAt" < ? OR ("submittedAt" = ? AND id < ?)) ORDER BY "submittedAt" DESC, id DESC LIMIT 1`,
    first.submittedAt, first.submittedAt, first.id,
  );
  await page.goto(`/reports/${first.id}`);
  await page.getByRole("form", { name: "Tiếp nhận báo cáo" }).getByRole("button", { name: "Tiếp nhận và mở báo cáo tiếp theo" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/${next.id}$`));
  await expect(page.getByRole("form", { name: "Tiếp nhận báo cáo" })).toBeVisible();
  expect(queryOne<{ status: string }>('SELECT status FROM "OpinionReport" WHERE id = ?', first.id).status).toBe("accepted");
  expect(queryOne<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE action = 'report.accept' AND "entityId" = ?`, String(first.id)).n).toBe(1);
});
