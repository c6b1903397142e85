import { expect, test } from "./test";
import { forwardProposal, queryOne, rewriteNextPost, signInAs } from "./support";

test("a proposal is forwarded, answered and shows in the agency view; the register exports", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Kiến nghị" }).click();
  await forwardProposal(page, { agency: "Sở Y tế", unitCode: "SH.X001", title: "Viện phí E2E tăng cao", content: "Đề nghị Sở Y tế công khai lộ trình điều chỉnh giá dịch vụ." });
  await expect(page.getByRole("heading", { level: 1, name: "Viện phí E2E tăng cao" })).toBeVisible();
  await expect(page.getByText("Sở Y tế · Đã chuyển")).toBeVisible();

  const answer = page.getByRole("form", { name: "Trả lời của cơ quan" });
  await answer.getByLabel("Nội dung trả lời").fill("Sở Y tế sẽ công khai lộ trình trên cổng thông tin trong tháng.");
  await answer.getByRole("button", { name: "Ghi nhận trả lời" }).click();
  await expect(page.getByText("Sở Y tế · Đã trả lời")).toBeVisible();
  expect(queryOne<{ status: string }>('SELECT status FROM "Proposal" WHERE title = ?', "Viện phí E2E tăng cao").status).toBe("answered");

  await page.getByRole("link", { name: "← Kiến nghị với cơ quan chức năng" }).click();
  const agency = page.getByRole("region", { name: "Sở Y tế" });
  const row = agency.getByRole("row", { name: /Viện phí E2E tăng cao/ });
  await expect(row).toContainText("Đã trả lời");
  await expect(row).toContainText("Sở Y tế sẽ công khai lộ trình");
  // Seeded unanswered proposals past their due date are flagged.
  await expect(page.getByText("Quá hạn").first()).toBeVisible();

  const csv = await page.request.get("/proposals/export?format=csv");
  expect(csv.status()).toBe(200);
  const body = Buffer.from(await csv.body());
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(body.toString("utf8")).toContain("Viện phí E2E tăng cao");
  const xlsx = await page.request.get("/proposals/export?format=xlsx");
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});

test("an official of a commune sees only proposals about their commune", async ({ page }) => {
  await signInAs(page, "lanhdao.xa");
  await page.goto("/proposals");
  const foreign = queryOne<{ id: number }>(`SELECT p.id FROM "Proposal" p JOIN "Unit" u ON u.id = p."unitId" WHERE u.code <> 'SH.X001' LIMIT 1`);
  expect((await page.goto(`/proposals/${foreign.id}`))?.status()).toBe(404);
  expect((await page.request.post(`/proposals/${foreign.id}`, { form: { intent: "answer", answerText: "x", answeredOn: "2026-11-01" }, headers: { Origin: new URL(page.url()).origin } })).status()).toBe(404);
});

test("a proposal from an opinion that is no longer in scope is refused with a visible message", async ({ page }) => {
  const item = queryOne<{ id: number }>('SELECT id FROM "OpinionItem" ORDER BY id LIMIT 1');
  await signInAs(page, "thuky");
  await page.goto(`/proposals?fromItem=${item.id}`);
  const form = page.getByRole("form", { name: "Chuyển kiến nghị" });
  await form.getByLabel("Cơ quan").selectOption({ label: "Sở Y tế" });
  await form.getByLabel("Vấn đề").fill("Kiến nghị E2E từ ý kiến không còn");
  await form.getByLabel("Nội dung kiến nghị").fill("Đề nghị xem xét.");
  // The opinion vanished from the viewer's scope meanwhile: the server gets an id it cannot find.
  await rewriteNextPost(page, "itemId", "999999999");
  await form.getByRole("button", { name: "Chuyển kiến nghị" }).click();
  await expect(form.getByRole("alert")).toHaveText("Không có ý kiến này trong phạm vi của bạn.");
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "Proposal" WHERE title = ?', "Kiến nghị E2E từ ý kiến không còn").n).toBe(0);
});
