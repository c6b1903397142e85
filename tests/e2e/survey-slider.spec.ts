// The slider, the question type added through the registry alone (app/surveys/question-types/slider.tsx):
// built in the builder, answered on a phone (touch and keyboard), read as ranges in the results.
import { expect, test } from "./test";
import { queryOne, signInAs } from "./support";
import { assignAndPublish, createDraft, surveyId } from "./surveys-support";

test("a slider question is built, answered on a 360 px phone with its skip logic, and read as ranges with a mean", async ({ browser }) => {
  test.slow(); // a survey built and published through the pages, then filled on a phone
  const office = await browser.newPage();
  await signInAs(office, "thuky");
  await createDraft(office, "KS.E2E.SLIDER", "Khảo sát niềm tin");

  await office.getByLabel("Loại câu hỏi mới").selectOption({ label: "Thanh trượt" });
  await office.getByRole("button", { name: "Thêm câu hỏi" }).click();
  const q1 = office.getByRole("group", { name: "Câu hỏi 1", exact: true });
  await q1.getByLabel("Nội dung câu hỏi").fill("Mức độ tin tưởng vào thông tin của chính quyền");
  await expect(q1.getByLabel("Giá trị nhỏ nhất")).toHaveValue("0");
  await expect(q1.getByLabel("Giá trị lớn nhất")).toHaveValue("100");
  await q1.getByLabel("Nhãn đầu nhỏ").fill("Không tin");
  await q1.getByLabel("Nhãn đầu lớn").fill("Rất tin");
  await q1.getByLabel("Bắt buộc trả lời").check();
  // A step that does not divide the range is named before anything is saved.
  await q1.getByLabel("Bước").fill("7");
  await expect(office.getByText(/Câu Q1: bước phải lớn hơn 0/)).toBeVisible();
  await expect(office.getByRole("button", { name: "Lưu phiếu" })).toBeDisabled();
  await q1.getByLabel("Bước").fill("5");

  await office.getByLabel("Loại câu hỏi mới").selectOption({ label: "Trả lời ngắn" });
  await office.getByRole("button", { name: "Thêm câu hỏi" }).click();
  const q2 = office.getByRole("group", { name: "Câu hỏi 2", exact: true });
  await q2.getByLabel("Nội dung câu hỏi").fill("Vì sao chưa tin?");
  await q2.getByLabel("Chỉ hiện khi câu").selectOption("Q1");
  // A slider's conditions compare numbers: ≤ is offered, and the value is a number.
  await q2.getByLabel("Điều kiện").selectOption({ label: "≤" });
  await q2.getByLabel("Giá trị").fill("30");
  await office.getByRole("button", { name: "Lưu phiếu" }).click();
  await expect(office.getByRole("status").filter({ hasText: "Đã lưu (phiên bản 1)" })).toBeVisible();

  const id = surveyId("KS.E2E.SLIDER");
  const stored = JSON.parse(queryOne<{ definition: string }>('SELECT definition FROM "Survey" WHERE id = ?', id).definition);
  expect(stored.questions[0]).toEqual({
    code: "Q1", type: "slider", title: "Mức độ tin tưởng vào thông tin của chính quyền", required: true,
    min: 0, max: 100, step: 5, minLabel: "Không tin", maxLabel: "Rất tin",
  });
  expect(stored.questions[1].showIf).toEqual([{ question: "Q1", op: "lte", value: 30 }]);
  await assignAndPublish(office, id, "SH.X001 10");

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, "ctv");
  await page.goto(`/surveys/${id}/fill`);
  const slider = page.getByRole("slider", { name: /Q1\. Mức độ tin tưởng/ });
  // Unanswered until touched: the resting thumb is not an answer.
  await expect(slider).toHaveAttribute("aria-valuetext", "Chưa chọn");
  await expect(page.getByText("Đã trả lời 0/1 câu")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByLabel("Nhóm tuổi").selectOption("30-44");
  await page.getByLabel("Giới tính").selectOption("female");
  await page.getByLabel("Nghề nghiệp").selectOption("farmer");
  await page.getByLabel("Khu vực").selectOption("rural");
  await slider.fill("20");
  await expect(slider).toHaveAttribute("aria-valuetext", "20");
  await expect(page.getByRole("group", { name: /Q2\./ })).toBeVisible();
  // The keyboard moves it a step at a time; past 30 the follow-up question hides.
  await slider.press("End");
  await expect(slider).toHaveAttribute("aria-valuetext", "100");
  await expect(page.getByRole("group", { name: /Q2\./ })).toHaveCount(0);
  await page.getByRole("button", { name: /Bỏ chọn giá trị của câu Q1/ }).click();
  await expect(slider).toHaveAttribute("aria-valuetext", "Chưa chọn");
  await slider.fill("20");
  await page.getByLabel(/Q2\. Vì sao chưa tin/).fill("Thiếu thông tin chính thức");
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();
  expect(queryOne<{ num: number }>('SELECT a.num FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE r."surveyId" = ? AND a.question = ?', id, "Q1").num).toBe(20);
  await context.close();

  // 0–100 in steps of 5 is 21 values: the results read them in ranges of ten.
  await office.goto(`/surveys/${id}/results`);
  const result = office.getByRole("region", { name: /Câu 1/ });
  await expect(result.getByText("trung bình 20")).toBeVisible();
  await expect(result.getByRole("row", { name: /20–25 1 100/ })).toBeVisible();
  await office.close();
});
