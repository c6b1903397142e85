import { expect, test } from "./test";
import { forwardProposal, signInAs } from "./support";

// The whole life of a quarterly report: compiled by the secretariat for a seeded, closed quarter,
// written, published; read by an official (drilling into a unit); a later correction shows as
// changed figures; republishing makes version 2 while version 1 stays readable.
test("the secretariat compiles, publishes and republishes the province's quarterly report; an official reads it", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  await signInAs(page, "thuky");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Báo cáo quý" }).click();
  const create = page.getByRole("form", { name: "Lập báo cáo quý" });
  await create.getByLabel("Quý").selectOption({ label: "Quý III/2026" });
  await create.getByRole("button", { name: "Lập báo cáo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /quý III năm 2026/ })).toBeVisible();
  await expect(page.getByText("Bản nháp: số liệu được tính trực tiếp, chưa công bố.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "II. Các luồng dư luận chính" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Biểu đồ cột chồng: số ý kiến theo chủ đề và chiều hướng, Quý III\/2026/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Số ý kiến theo chủ đề và chiều hướng, Quý III\/2026 .*\(n = [\d.]+\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "So với quý trước (Quý II/2026)" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "IV. Kết quả khảo sát kết thúc trong quý" })).toBeVisible();

  const narrative = page.getByRole("form", { name: "Soạn phần nhận định" });
  await narrative.getByLabel("Đánh giá chung").fill("# Nhận định\nDư luận quý III ổn định.<script>window.__pwned = 1</script>\n\n- Quan tâm giá cả\n- Đất đai");
  await narrative.getByLabel("Dự báo").fill("Quý IV dư luận tiếp tục quan tâm giá cả.");
  await narrative.getByRole("button", { name: "Lưu phần nhận định" }).click();
  const assessment = page.getByRole("region", { name: "VII. Đánh giá, dự báo, kiến nghị" });
  await expect(assessment.getByText("Dư luận quý III ổn định.")).toBeVisible();
  await expect(assessment.getByRole("listitem").filter({ hasText: "Quan tâm giá cả" })).toBeVisible();
  expect(await page.content()).not.toContain("__pwned = 1");

  // Section 6: the secretariat enters a follow-up task (the guard refuses a phone number until
  // confirmed away), then edits its status.
  const followUp = page.getByRole("region", { name: "VI. Theo dõi thực hiện nhiệm vụ quý trước" });
  const addTask = followUp.getByRole("form", { name: "Thêm nhiệm vụ theo dõi" });
  await addTask.getByLabel("Nhiệm vụ").fill("Rà soát giá dịch vụ y tế E2E");
  const unitSelect = addTask.getByLabel("Đơn vị thực hiện");
  await unitSelect.selectOption((await unitSelect.locator("option", { hasText: "(SH.X001)" }).getAttribute("value"))!);
  await addTask.getByLabel("Thời hạn").fill("30/09/2026");
  await addTask.getByLabel("Tình trạng").selectOption({ label: "Đang thực hiện" });
  await addTask.getByLabel("Ghi chú").fill("Liên hệ số 0912345678");
  await addTask.getByRole("button", { name: "Thêm nhiệm vụ" }).click();
  await expect(addTask.getByText(/Nội dung có vẻ chứa thông tin cá nhân/).first()).toBeVisible();
  await addTask.getByLabel("Ghi chú").fill("Phối hợp Sở Y tế");
  await addTask.getByRole("button", { name: "Thêm nhiệm vụ" }).click();
  const taskRow = followUp.getByRole("table", { name: "VI. Theo dõi thực hiện nhiệm vụ quý trước" }).getByRole("row", { name: /Rà soát giá dịch vụ y tế E2E/ });
  await expect(taskRow).toContainText("30/09/2026");
  await expect(taskRow).toContainText("Đang thực hiện");
  await expect(followUp.getByRole("form", { name: "Thêm nhiệm vụ theo dõi" }).getByLabel("Nhiệm vụ")).toHaveValue("");
  await followUp.getByText("Sửa nhiệm vụ: Rà soát giá dịch vụ y tế E2E").click();
  const editTask = followUp.getByRole("form", { name: "Sửa nhiệm vụ: Rà soát giá dịch vụ y tế E2E" });
  await expect(editTask.getByLabel("Thời hạn")).toHaveValue("30/09/2026");
  await editTask.getByLabel("Tình trạng").selectOption({ label: "Đã hoàn thành" });
  await editTask.getByRole("button", { name: "Lưu nhiệm vụ" }).click();
  await expect(taskRow).toContainText("Đã hoàn thành");

  await page.getByRole("form", { name: "Công bố" }).getByRole("button", { name: "Công bố" }).click();
  await expect(page.getByText(/Đã công bố phiên bản 1 lúc/)).toBeVisible();
  await expect(page.getByText("Số liệu hiện tại trùng khớp với bản đã công bố.")).toBeVisible();
  const reportUrl = page.url();

  // An official of the province opens it from the list and drills into a unit.
  const officialContext = await browser.newContext({ baseURL });
  const official = await officialContext.newPage();
  await signInAs(official, "lanhdao");
  await official.goto("/quarterly-reports");
  await official.getByRole("link", { name: /quý III năm 2026/ }).click();
  await expect(official.getByText(/Đã công bố phiên bản 1 lúc/)).toBeVisible();
  await expect(official.getByText("Dư luận quý III ổn định.")).toBeVisible();
  await expect(official.getByRole("form", { name: "Công bố" })).toHaveCount(0);
  await expect(official.getByRole("row", { name: /Rà soát giá dịch vụ y tế E2E/ })).toContainText("Đã hoàn thành");
  await expect(official.getByRole("form", { name: "Thêm nhiệm vụ theo dõi" })).toHaveCount(0);
  // The 8-quarter trend of a chosen topic: a GET form, so the choice lives in the URL.
  const trend = official.getByRole("region", { name: "Xu hướng 8 quý (đến Quý III/2026)" });
  await trend.getByLabel("Chủ đề hoặc câu hỏi khảo sát").selectOption({ label: "Y tế, viện phí" });
  await trend.getByRole("button", { name: "Xem xu hướng" }).click();
  await expect(official).toHaveURL(/[?&]trend=topic%3AHEALTH/);
  await expect(trend.getByRole("heading", { name: "Y tế, viện phí: chiều hướng dư luận từ Quý IV/2024 đến Quý III/2026" })).toBeVisible();
  await expect(trend.getByRole("img", { name: /Biểu đồ đường: tỉ lệ % từng chiều hướng của chủ đề Y tế, viện phí/ })).toBeVisible();
  const trendTable = trend.getByRole("table", { name: /^Số ý kiến về Y tế, viện phí theo chiều hướng và quý/ });
  await expect(trendTable.getByRole("row")).toHaveCount(9);
  await expect(trendTable.getByRole("row", { name: /^Quý III\/2026 / })).toBeVisible();
  // The per-unit breakdowns are folded under each section's headline figures.
  const flows = official.getByRole("region", { name: /^II\. / });
  await expect(flows.getByRole("link", { name: /^Xem tổng hợp dư luận của / })).toHaveCount(0);
  await flows.getByText(/^Chi tiết theo đơn vị \(\d+ đơn vị\)$/).click();
  await flows.getByRole("link", { name: /^Xem tổng hợp dư luận của / }).first().click();
  await expect(official.getByRole("heading", { level: 1, name: "Tổng hợp dư luận" })).toBeVisible();
  expect(official.url()).toContain("quarter=20263");

  // A late correction: a proposal forwarded during the quarter is entered now.
  await page.goto("/proposals");
  await forwardProposal(page, {
    agency: "Sở Y tế",
    unitCode: "SH.X001",
    title: "Kiến nghị bổ sung quý III E2E",
    content: "Đề nghị rà soát giá dịch vụ y tế.",
    forwardedOn: "2026-08-10",
    dueOn: "2026-09-10",
  });
  await expect(page.getByRole("heading", { level: 1, name: "Kiến nghị bổ sung quý III E2E" })).toBeVisible();

  await official.goto(reportUrl);
  const changed = official.getByRole("region", { name: "Số liệu đã thay đổi từ khi công bố" });
  await expect(changed).toBeVisible();
  const row = changed.getByRole("row", { name: /^Kiến nghị · Đã chuyển/ });
  await expect(row).toBeVisible();
  const [before, after] = (await row.getByRole("cell").allTextContents()).map((s) => Number(s.replace(/\./g, "")));
  expect(after).toBe(before! + 1);

  // Republishing makes version 2; version 1 stays readable, still with its own figures.
  await page.goto(reportUrl);
  await page.getByRole("form", { name: "Công bố phiên bản 2" }).getByRole("button", { name: "Công bố phiên bản 2" }).click();
  await expect(page.getByText(/Đã công bố phiên bản 2 lúc/)).toBeVisible();
  await expect(page.getByText("Số liệu hiện tại trùng khớp với bản đã công bố.")).toBeVisible();
  await official.goto(reportUrl);
  await expect(official.getByText("Số liệu hiện tại trùng khớp với bản đã công bố.")).toBeVisible();
  await expect(official.getByRole("region", { name: "Số liệu đã thay đổi từ khi công bố" })).toHaveCount(0);
  await official.getByRole("link", { name: /^Phiên bản 1 · công bố/ }).click();
  await expect(official.getByText("Bạn đang xem phiên bản 1 (không phải bản mới nhất).")).toBeVisible();
  await expect(official.getByRole("region", { name: "Số liệu đã thay đổi từ khi công bố" })).toBeVisible();
  await officialContext.close();
});
