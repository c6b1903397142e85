import { expect, test } from "./test";
import { queryOne, signInAs } from "./support";
import { assignAndPublish, createDraft, surveyId } from "./surveys-support";

const TYPES = [
  ["Chọn một", "Đời sống so với quý trước"],
  ["Chọn nhiều", "Vấn đề quan tâm"],
  ["Trả lời ngắn", "Khó khăn lớn nhất"],
  ["Thang Likert", "Hài lòng với chính quyền xã"],
  ["Ma trận", "Chất lượng dịch vụ"],
  ["Chấm điểm 0–10", "Điểm thái độ phục vụ"],
  ["Số", "Số người trong hộ"],
  ["Ngày", "Ngày làm thủ tục"],
  ["Trả lời dài", "Kiến nghị"],
  ["Xếp hạng", "Ưu tiên đầu tư"],
] as const;

test("the secretariat builds every question type with a skip condition, previews and publishes", async ({ page }) => {
  test.slow(); // eleven question types built through the UI
  await signInAs(page, "thuky");
  await createDraft(page, "KS.E2E.BUILD", "Khảo sát dựng phiếu");

  for (const [index, [type, title]] of TYPES.entries()) {
    await page.getByLabel("Loại câu hỏi mới").selectOption({ label: type });
    await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
    const q = page.getByRole("group", { name: `Câu hỏi ${index + 1}`, exact: true });
    await q.getByLabel("Nội dung câu hỏi").fill(title);
    if (["Chọn một", "Chọn nhiều", "Xếp hạng"].includes(type)) {
      await q.getByLabel("Nội dung phương án 1", { exact: true }).fill("Phương án A");
      await q.getByLabel("Nội dung phương án 2", { exact: true }).fill("Phương án B");
      await q.getByRole("button", { name: "Thêm phương án" }).click();
      await q.getByLabel("Nội dung phương án 3", { exact: true }).fill("Phương án C");
    }
    if (type === "Ma trận") await q.getByRole("group", { name: "Các dòng của ma trận" }).getByLabel("Nội dung phương án 1").fill("Y tế");
  }
  // Required flags, validation and the skip condition: Q3 only when Q1 = "Phương án C".
  const q1 = page.getByRole("group", { name: "Câu hỏi 1", exact: true });
  await q1.getByLabel("Bắt buộc trả lời").check();
  const q2 = page.getByRole("group", { name: "Câu hỏi 2", exact: true });
  await q2.getByLabel("Chọn tối đa").fill("2");
  const q3 = page.getByRole("group", { name: "Câu hỏi 3", exact: true });
  await q3.getByLabel("Chỉ hiện khi câu").selectOption("Q1");
  await q3.getByLabel("Giá trị").selectOption("Q1_3");
  const q7 = page.getByRole("group", { name: "Câu hỏi 7", exact: true });
  await q7.getByLabel("Giá trị nhỏ nhất").fill("1");
  await q7.getByLabel("Giá trị lớn nhất").fill("30");
  await q7.getByLabel("Chỉ nhận số nguyên").check();
  // Reorder: move the last question up one place and back. Each button names its question.
  await expect(page.getByRole("button", { name: "Xóa câu hỏi", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Đưa câu hỏi 10 (Q10) lên", exact: true }).click();
  await expect(page.getByRole("group", { name: "Câu hỏi 9", exact: true }).getByLabel("Nội dung câu hỏi")).toHaveValue("Ưu tiên đầu tư");
  await expect(page.getByRole("button", { name: "Đưa câu hỏi 10 (Q9) xuống", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Đưa câu hỏi 9 (Q10) xuống", exact: true }).click();
  // Options move both ways, each keeping its code.
  await q2.getByRole("button", { name: "Đưa phương án 1 xuống" }).click();
  await expect(q2.getByLabel("Nội dung phương án 2", { exact: true })).toHaveValue("Phương án A");
  await expect(q2.getByLabel("Mã phương án 2", { exact: true })).toHaveValue("Q2_1");
  await expect(q2.getByRole("button", { name: "Đưa phương án 3 xuống" })).toBeDisabled();
  await q2.getByRole("button", { name: "Đưa phương án 2 lên" }).click();
  await expect(q2.getByLabel("Nội dung phương án 1", { exact: true })).toHaveValue("Phương án A");

  // Preview exactly as a collaborator sees it: the skip condition applies live.
  await page.getByRole("tab", { name: "Xem trước" }).click();
  const preview = page.getByRole("region", { name: "Xem trước" });
  await expect(preview.getByRole("group", { name: /Q3\./ })).toHaveCount(0);
  await preview.getByRole("group", { name: /Q1\./ }).getByLabel("Phương án C").check();
  await expect(preview.getByRole("group", { name: /Q3\./ })).toBeVisible();
  await preview.getByRole("group", { name: /Q1\./ }).getByLabel("Phương án A").check();
  await expect(preview.getByRole("group", { name: /Q3\./ })).toHaveCount(0);

  await page.getByRole("tab", { name: "Soạn thảo" }).click();
  await page.getByRole("button", { name: "Lưu phiếu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu (phiên bản 1)" })).toBeVisible();

  const id = surveyId("KS.E2E.BUILD");
  const stored = JSON.parse(queryOne<{ definition: string }>('SELECT definition FROM "Survey" WHERE id = ?', id).definition);
  expect(stored.questions.map((q: { type: string }) => q.type)).toEqual([
    "single", "multiple", "shortText", "likert", "matrix", "rating", "number", "date", "longText", "ranking",
  ]);
  expect(stored.questions[2].showIf).toEqual([{ question: "Q1", op: "equals", value: "Q1_3" }]);
  expect(stored.questions[6]).toMatchObject({ min: 1, max: 30, integer: true });

  // A unit written twice is refused with a message naming it (not a server error).
  await page.goto(`/surveys/${id}`);
  const assign = page.getByRole("form", { name: "Giao chỉ tiêu" });
  await assign.getByLabel("Ngày bắt đầu").fill("2026-01-01");
  await assign.getByLabel("Ngày kết thúc").fill("2027-12-31");
  await assign.getByLabel("Đơn vị và chỉ tiêu").fill("SH.X001 40\nsh.x001 30");
  await assign.getByRole("button", { name: "Lưu giao chỉ tiêu" }).click();
  await expect(assign.getByRole("alert")).toHaveText("Đơn vị SH.X001 được giao hơn một lần: mỗi đơn vị chỉ ghi một dòng.");

  await assignAndPublish(page, id, "SH.X001 40\nSH.X002 30");
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyVersion" WHERE "surveyId" = ?', id).n).toBe(1);
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "AuditEntry" WHERE action = ? AND "entityId" = ?', "survey.publish", String(id)).n).toBe(1);
});

test("a broken JSON import shows clear errors and changes nothing", async ({ page }) => {
  await signInAs(page, "thuky");
  await page.goto(`/surveys/${surveyId("KS.DSHL.2026Q4")}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đời sống nhân dân");
  await createDraft(page, "KS.E2E.IMPORT", "Khảo sát nhập JSON");
  await page.getByText("Nhập từ JSON").click();
  await page.getByLabel("Nội dung JSON").fill('{"title":"X","questions":[{"code":"Q1","type":"single","title":"A","options":[{"code":"A","label":"a"}]},{"code":"Q1","type":"number","title":"B"}]}');
  await page.getByRole("button", { name: "Nạp JSON vào phiếu" }).click();
  await expect(page.getByText("Câu Q1 cần ít nhất 2 phương án.")).toBeVisible();
  await expect(page.getByText("Mã Q1 bị trùng.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Câu hỏi 1", exact: true })).toHaveCount(0);

  // Reuse from the question bank: the seeded Q4 (the bank lists it once, from the latest survey
  // that asks it) keeps its code and options.
  const bank = page.getByLabel("Ngân hàng câu hỏi");
  const q4 = await bank.locator("option", { hasText: "Q4. Mức độ hài lòng với chính quyền cấp xã sau sắp xếp" }).first().getAttribute("value");
  await bank.selectOption(q4!);
  await page.getByRole("button", { name: "Thêm câu từ ngân hàng" }).click();
  const reused = page.getByRole("group", { name: "Câu hỏi 1", exact: true });
  await expect(reused.getByLabel("Mã câu hỏi")).toHaveValue("Q4");
  await expect(reused.getByLabel("Nội dung phương án 5", { exact: true })).toHaveValue("Rất hài lòng");
  await reused.getByRole("button", { name: "Xóa câu hỏi 1 (Q4)", exact: true }).click();
  await expect(page.getByRole("group", { name: "Câu hỏi 1", exact: true })).toHaveCount(0);
});

test("a survey is copied as its next wave with the same codes and targets", async ({ page }) => {
  await signInAs(page, "thuky");
  const previous = surveyId("KS.DSHL.2026Q4");
  await page.goto(`/surveys/${previous}`);
  const form = page.getByRole("form", { name: "Sao chép thành đợt sau" });
  await form.getByLabel("Mã đợt khảo sát").fill("KS.DSHL.2027Q1");
  await form.getByLabel("Tên khảo sát").fill("Đời sống nhân dân, Quý I/2027");
  await form.getByLabel("Đợt", { exact: true }).fill("Quý I/2027");
  await form.getByRole("button", { name: "Tạo đợt sau" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Soạn phiếu khảo sát" })).toBeVisible();
  const next = queryOne<{ id: number; previousWaveId: number; seriesCode: string; status: string; definition: string }>(
    'SELECT id, "previousWaveId", "seriesCode", status, definition FROM "Survey" WHERE code = ?', "KS.DSHL.2027Q1",
  );
  expect(next).toMatchObject({ previousWaveId: previous, seriesCode: "KS.DSHL", status: "draft" });
  const codes = (json: string) => (JSON.parse(json) as { questions: { code: string }[] }).questions.map((q) => q.code);
  expect(codes(next.definition)).toEqual(codes(queryOne<{ definition: string }>('SELECT definition FROM "Survey" WHERE id = ?', previous).definition));
  const targets = (id: number) => queryOne<{ n: number; q: number }>('SELECT COUNT(*) AS n, SUM(quota) AS q FROM "SurveyTarget" WHERE "surveyId" = ?', id);
  expect(targets(next.id)).toEqual(targets(previous));
});
