import { expect, test } from "@playwright/test";
import { queryOne, signInAs } from "./support";
import { FULL_DEFINITION, fillBasics, publishSurveyFromJson } from "./surveys-support";

test("a collaborator on a phone fills a form, goes offline, reloads, keeps the draft and submits once back online", async ({ browser }) => {
  test.setTimeout(90_000);
  const office = await browser.newPage();
  const id = await publishSurveyFromJson(office, "KS.E2E.FIELD", FULL_DEFINITION, "SH.X001 10");
  await office.close();

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, "ctv");
  await page.goto("/surveys");
  const card = page.getByRole("listitem").filter({ hasText: "Phiếu thử nghiệm đầy đủ" });
  await expect(card).toContainText("Đơn vị đã thu 0/10 phiếu");
  await card.getByRole("link", { name: "Nhập phiếu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Phiếu thử nghiệm đầy đủ" })).toBeVisible();
  // Nothing overflows the 360 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await fillBasics(page);
  // Skip logic live: "Khó khăn hơn" shows Q3, going back hides it again.
  await page.getByRole("group", { name: /Q1\./ }).getByLabel("Khó khăn hơn").check();
  await expect(page.getByRole("group", { name: /Q3\./ })).toBeVisible();
  await expect(page.getByText("Đã trả lời 5/10 câu")).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText("Đang mất kết nối")).toBeVisible();
  await page.getByLabel(/Q3\. Khó khăn lớn nhất/).fill("Giá phân bón tăng");
  await page.getByRole("group", { name: /Q5\./ }).getByRole("group", { name: "Y tế" }).getByLabel("Tốt").check();
  await page.getByLabel("Hạng 1").selectOption({ label: "Trạm y tế" });

  // Reload (back online only to fetch the page, as a phone would after reopening the tab).
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByText("Đã khôi phục bản nháp lưu trên máy.")).toBeVisible();
  await expect(page.getByLabel(/Q3\. Khó khăn lớn nhất/)).toHaveValue("Giá phân bón tăng");
  await expect(page.getByRole("group", { name: /Q1\./ }).getByLabel("Khó khăn hơn")).toBeChecked();
  await expect(page.getByLabel("Nhóm tuổi")).toHaveValue("30-44");

  // Submit while offline: it waits, nothing is stored, and it goes out when the connection returns.
  await context.setOffline(true);
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByText("Phiếu đã sẵn sàng và sẽ tự gửi khi có mạng trở lại.")).toBeVisible();
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "surveyId" = ?', id).n).toBe(0);
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();

  const stored = queryOne<{ n: number; uuid: string }>('SELECT COUNT(*) AS n, MAX("clientUuid") AS uuid FROM "SurveyResponse" WHERE "surveyId" = ?', id);
  expect(stored.n).toBe(1);
  expect(queryOne<{ text: string }>('SELECT text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE r."surveyId" = ? AND a.question = ?', id, "Q3").text).toBe("Giá phân bón tăng");

  // A double submit (the same UUID and content again) stores nothing new; changed content is a 409.
  const payload = {
    uuid: stored.uuid, surveyId: id, version: 1, revision: 1,
    bands: { ageBand: "30-44", gender: "female", occupation: "farmer", area: "rural" },
    answers: { Q1: "Q1_3", Q2: ["Q2_1"], Q3: "Giá phân bón tăng", Q4: "Q4_4", Q5: { Q5_A: "T" }, Q6: 8, Q7: 4, Q10: ["Q10_3"] },
  };
  const again = await page.request.post("/api/surveys/responses", { data: payload });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ duplicate: true });
  const changed = await page.request.post("/api/surveys/responses", { data: { ...payload, answers: { ...payload.answers, Q6: 2 } } });
  expect(changed.status()).toBe(409);
  expect((await changed.json()).message).toBe("surveys.api.uuidConflict");
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "surveyId" = ?', id).n).toBe(1);

  // The collaborator's list shows the submission and its status; the draft is gone.
  await page.goto("/surveys");
  await expect(page.getByRole("table", { name: "Phiếu tôi đã gửi" }).getByRole("row").filter({ hasText: "Phiếu thử nghiệm đầy đủ" })).toContainText("Chờ duyệt");
  await expect(page.getByRole("listitem").filter({ hasText: "Phiếu thử nghiệm đầy đủ" })).toContainText("Đơn vị đã thu 1/10 phiếu");
  await context.close();
});

test("bad submissions get a clear 4xx and write nothing", async ({ page, playwright }) => {
  await signInAs(page, "ctv2");
  const open = queryOne<{ id: number }>('SELECT id FROM "Survey" WHERE code = ?', "KS.DSHL.2026Q4").id;
  const closed = queryOne<{ id: number }>('SELECT id FROM "Survey" WHERE code = ?', "KS.DSHL.2026Q3").id;
  const count = () => queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse"').n;
  const before = count();
  const base = { surveyId: open, version: 1, bands: { ageBand: "18-29", gender: "male", occupation: "worker", area: "urban" } };
  const good = { Q1: "Q1_1", Q3: ["Q3_1"], Q4: "Q4_4", Q5: 7 };
  const uuid = () => crypto.randomUUID();
  const cases: [object | string, number, string][] = [
    [{ ...base, uuid: uuid(), answers: { ...good, Q99: "x" } }, 400, "surveys.api.invalidAnswers"],
    [{ ...base, uuid: uuid(), answers: { ...good, Q5: "bảy" } }, 400, "surveys.api.invalidAnswers"],
    [{ ...base, uuid: uuid(), answers: { ...good, Q5: 11 } }, 400, "surveys.api.invalidAnswers"],
    [{ ...base, uuid: uuid(), answers: { ...good, Q1: "Q1_9" } }, 400, "surveys.api.invalidAnswers"],
    [{ ...base, uuid: uuid(), answers: { ...good, Q2: "Câu bị ẩn" } }, 400, "surveys.api.invalidAnswers"],
    [{ ...base, uuid: uuid(), answers: { ...good, Q1: "Q1_3", Q2: "x".repeat(400) } }, 400, "surveys.api.invalidAnswers"],
    [{ ...base, surveyId: closed, uuid: uuid(), answers: good }, 409, "surveys.api.surveyClosed"],
    [{ ...base, surveyId: 999999, uuid: uuid(), answers: good }, 404, "surveys.api.surveyNotFound"],
    ["{ not json", 400, "surveys.api.badJson"],
  ];
  for (const [data, status, message] of cases) {
    const res = await page.request.post("/api/surveys/responses", {
      data: Buffer.from(typeof data === "string" ? data : JSON.stringify(data)),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status(), JSON.stringify(data).slice(0, 80)).toBe(status);
    expect((await res.json()).message).toBe(message);
  }
  // Without a session: 401 JSON, not a sign-in page the form could mistake for a receipt.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await anonymous.post("/api/surveys/responses", { data: { ...base, uuid: uuid(), answers: good } });
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).message).toBe("surveys.api.signedOut");
  await anonymous.dispose();
  expect(count()).toBe(before);
  // A hidden-question answer names the question in its error.
  const hidden = await page.request.post("/api/surveys/responses", { data: { ...base, uuid: uuid(), answers: { ...good, Q2: "ẩn" } } });
  expect((await hidden.json()).errors.Q2[0]).toContain("surveys.errors.hiddenAnswered");
});
