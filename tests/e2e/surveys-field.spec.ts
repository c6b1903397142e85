import { expect, test, type Browser, type Page, type Route } from "./test";
import { expectNoViolations } from "./axe";
import { deviceDraft, queryOne, signInAs } from "./support";
import { FULL_DEFINITION, fillBasics, publishSurveyFromJson } from "./surveys-support";

test("a collaborator on a phone fills a form, goes offline, reloads, keeps the draft and submits once back online", async ({ browser }) => {
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
  await expect(page.getByText("Phiếu đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Hộp thư đi 1 chờ gửi" })).toBeVisible();
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

// --- Submission safety through the outbox: lost replies, backoff, 409 recovery, tabs. ---
// Each test publishes its own small survey to the collaborator's unit (SH.X001): stored forms would
// otherwise race the seeded wave's figures that surveys-results.spec.ts reads.
const API = "**/api/surveys/responses";
const quickDefinition = (title: string) => ({
  title,
  questions: [
    { code: "Q1", type: "single", title: "Đời sống so với quý trước", required: true, options: [
      { code: "Q1_1", label: "Tốt hơn" }, { code: "Q1_2", label: "Như cũ" } ] },
    { code: "Q2", type: "shortText", title: "Ghi chú", required: false },
  ],
});
const responses = (id: number) =>
  queryOne<{ n: number; uuids: string | null }>('SELECT COUNT(*) AS n, GROUP_CONCAT("clientUuid") AS uuids FROM "SurveyResponse" WHERE "surveyId" = ?', id);

/** Publishes a small survey and opens its form as the collaborator `ctv` (in a context of its own). */
async function openQuickForm(browser: Browser, code: string) {
  const office = await browser.newPage();
  const id = await publishSurveyFromJson(office, code, quickDefinition(`Phiếu nhanh ${code}`));
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, "ctv");
  await page.goto(`/surveys/${id}/fill`);
  await expect(page.getByRole("heading", { level: 1, name: `Phiếu nhanh ${code}` })).toBeVisible();
  return { id, office, context, page, key: `duluan:draft:ctv:survey:${id}:new` };
}

async function fillQuick(page: Page, choice = "Tốt hơn", note?: string) {
  await page.getByLabel("Nhóm tuổi").selectOption("30-44");
  await page.getByLabel("Giới tính").selectOption("female");
  await page.getByLabel("Nghề nghiệp").selectOption("farmer");
  await page.getByLabel("Khu vực").selectOption("rural");
  await page.getByRole("group", { name: /Q1\./ }).getByLabel(choice).check();
  if (note) await page.getByLabel(/Q2\. Ghi chú/).fill(note);
}

const draftUuid = (page: Page, key: string) => deviceDraft<{ uuid?: string }>(page, key).then((d) => d?.uuid ?? "");
const postedUuid = (route: Route) => (route.request().postDataJSON() as { uuid: string }).uuid;

test("a reply lost after the commit is resent from the outbox without a 409; the form starts blank for the next respondent at once", async ({ browser }) => {
  const { id, office, context, page } = await openQuickForm(browser, "KS.E2E.LOST");
  await office.close();
  await fillQuick(page, "Như cũ", "Ghi chú thứ nhất");

  // The first request reaches the server and commits; its reply is held, then lost.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const sent: string[] = [];
  const lose = async (route: Route) => {
    sent.push(postedUuid(route));
    if (sent.length > 1) return route.continue();
    await route.fetch();
    await held;
    await route.abort("connectionreset");
  };
  await page.route(API, lose);
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  // Not frozen: the next respondent can be interviewed while the first is on its way.
  for (const band of ["Nhóm tuổi", "Giới tính", "Nghề nghiệp", "Khu vực"]) await expect(page.getByLabel(band)).toHaveValue("");
  await expect(page.getByRole("group", { name: /Q1\./ }).getByLabel("Như cũ")).not.toBeChecked();
  await expect(page.getByLabel(/Q2\. Ghi chú/)).toBeEnabled();
  await expect(page.getByRole("status").filter({ hasText: "Đang gửi…" })).toBeVisible();
  await expect.poll(() => responses(id).n).toBe(1);

  release();
  // The retry (same UUID, same content) is answered with the stored record: one questionnaire.
  await expect(page.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible({ timeout: 15_000 });
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  expect(responses(id)).toEqual({ n: 1, uuids: sent[0] });
  await page.unroute(API, lose);
  expect(queryOne<{ text: string }>('SELECT text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE r."surveyId" = ? AND a.question = ?', id, "Q2").text).toBe("Ghi chú thứ nhất");

  // The blank form is a new questionnaire under a new UUID, checked like the first.
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByLabel("Nhóm tuổi")).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("a questionnaire sent as version 1 whose reply was lost is resent as version 1 after version 2 is published", async ({ browser }) => {
  const { id, office, context, page } = await openQuickForm(browser, "KS.E2E.VERSION");
  await fillQuick(page, "Tốt hơn");
  // Committed, reply lost; then the server stays unreachable.
  let first = true;
  const down = async (route: Route) => {
    if (first) {
      first = false;
      await route.fetch();
    }
    await route.abort("connectionreset");
  };
  await page.route(API, down);
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect.poll(() => responses(id).n).toBe(1);
  await page.close(); // the phone closes the tab while the server is unreachable

  // The designer saves the published survey: version 2.
  await office.goto(`/surveys/${id}/build`);
  await office.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
  await expect(office.getByRole("status").filter({ hasText: "phiên bản 2" })).toBeVisible();
  await office.close();
  expect(queryOne<{ version: number }>('SELECT version FROM "Survey" WHERE id = ?', id).version).toBe(2);

  // Reopened, the outbox drains: the questionnaire goes out as it was sent, no 409, one stored.
  const reopened = await context.newPage();
  await reopened.goto("/outbox");
  await expect(reopened.getByRole("listitem").filter({ hasText: "Phiếu nhanh KS.E2E.VERSION" })).toContainText("Đã gửi");
  expect(responses(id).n).toBe(1);
  expect(queryOne<{ version: number }>('SELECT version FROM "SurveyResponse" WHERE "surveyId" = ?', id).version).toBe(1);
  await context.close();
});

test("a 409 for the questionnaire's UUID keeps it in the outbox, which saves it as a new questionnaire", async ({ browser }) => {
  const { id, office, context, page, key } = await openQuickForm(browser, "KS.E2E.CONFLICT");
  await office.close();
  await fillQuick(page, "Như cũ", "Người thứ hai");
  // The same UUID already holds other content (as after a lost reply on another device).
  await expect.poll(() => draftUuid(page, key)).not.toBe("");
  const uuid = await draftUuid(page, key);
  const other = await page.request.post("/api/surveys/responses", {
    data: { uuid, surveyId: id, version: 1, revision: 1, bands: { ageBand: "60+", gender: "male", occupation: "retired", area: "urban" }, answers: { Q1: "Q1_1" } },
  });
  expect(other.status()).toBe(201);

  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Mã phiếu này đã được gửi với nội dung khác; phiếu chưa được lưu.");
  await page.getByRole("link", { name: /Mở hộp thư đi/ }).click();
  const item = page.getByRole("listitem").filter({ hasText: "Phiếu nhanh KS.E2E.CONFLICT" });
  await expect(item).toContainText("Trùng mã");
  await expect(item.getByRole("button", { name: "Bỏ" })).toBeVisible();
  await expectNoViolations(page);
  await item.getByRole("button", { name: "Lưu thành mục mới" }).click();
  await expect(item).toContainText("Đã gửi");

  const stored = queryOne<{ n: number; uuid: string; ageBand: string }>(
    'SELECT COUNT(*) AS n, MAX("clientUuid") FILTER (WHERE "clientUuid" <> ?) AS uuid, MAX("ageBand") FILTER (WHERE "clientUuid" <> ?) AS ageBand FROM "SurveyResponse" WHERE "surveyId" = ?',
    uuid, uuid, id,
  );
  expect(stored.n).toBe(2);
  expect(stored.uuid).toMatch(/^[0-9a-f-]{36}$/);
  expect(stored.ageBand).toBe("30-44");
  expect(queryOne<{ text: string }>('SELECT text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE r."clientUuid" = ? AND a.question = ?', stored.uuid, "Q2").text).toBe("Người thứ hai");
  await context.close();
});

test("an unanswered questionnaire is retried with backoff, and at once when the connection returns", async ({ browser }) => {
  const { id, office, context, page } = await openQuickForm(browser, "KS.E2E.BACKOFF");
  await office.close();
  await fillQuick(page);
  const times: number[] = [];
  const down = (route: Route) => {
    times.push(Date.now());
    return route.abort("connectionrefused");
  };
  await page.route(API, down);
  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect.poll(() => times.length).toBe(1);
  await page.waitForTimeout(8_000);
  // 2 s (±25 %), then 4 s: two or three requests in 8 s, not a tight loop.
  expect(times.length).toBeGreaterThanOrEqual(2);
  expect(times.length).toBeLessThanOrEqual(3);
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  expect(gaps[0]!).toBeGreaterThan(1_300);
  if (gaps[1] !== undefined) expect(gaps[1]).toBeGreaterThan(gaps[0]!);
  expect(responses(id).n).toBe(0);
  await expect(page.getByText("Phiếu đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();
  await expectNoViolations(page);

  // The next retry is seconds away; the browser's `online` event sends at once.
  await page.unroute(API, down);
  await context.setOffline(true);
  await expect(page.getByText(/Đang mất kết nối/)).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();
  expect(responses(id).n).toBe(1);
  await context.close();
});

test("a second tab follows the draft and starts afresh once the first hands it to the outbox, under a new UUID", async ({ browser }) => {
  const { id, office, context, page, key } = await openQuickForm(browser, "KS.E2E.TABS");
  await office.close();
  await fillQuick(page, "Như cũ");
  const second = await context.newPage();
  await second.goto(`/surveys/${id}/fill`);
  await expect(second.getByText("Đã khôi phục bản nháp lưu trên máy.")).toBeVisible();
  // An edit in one tab shows in the other.
  await page.getByLabel(/Q2\. Ghi chú/).fill("Từ thẻ thứ nhất");
  await expect(second.getByLabel(/Q2\. Ghi chú/)).toHaveValue("Từ thẻ thứ nhất");
  await expect.poll(() => draftUuid(page, key)).not.toBe("");
  const uuid = await draftUuid(page, key);

  await page.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(page.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();
  // The second tab's form is now a new questionnaire.
  await expect(second.getByLabel("Nhóm tuổi")).toHaveValue("");
  expect(responses(id)).toEqual({ n: 1, uuids: uuid });

  await fillQuick(second, "Tốt hơn");
  await second.getByRole("button", { name: "Gửi phiếu" }).click();
  await expect(second.getByRole("heading", { name: "Đã gửi phiếu" })).toBeVisible();
  const after = responses(id);
  expect(after.n).toBe(2);
  expect(new Set(after.uuids!.split(",")).size).toBe(2);
  await context.close();
});

test.describe("on a 360 px phone", () => {
  test.use({ account: "ctv", viewport: { width: 360, height: 740 } });

  test("the header is compact, every link still there, and my submissions are cards, not a wide table", async ({ page }) => {
    await page.goto("/surveys");
    const header = page.getByRole("banner");
    expect((await header.boundingBox())!.height).toBeLessThan(130);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    for (const name of ["Tổng quan", "Khảo sát", "Báo cáo của tôi"]) await expect(nav.getByRole("link", { name })).toBeAttached();
    await expect(header.getByRole("link", { name: "Đổi mật khẩu" })).toBeVisible();
    await expect(header.getByRole("button", { name: "Đăng xuất" })).toBeVisible();
    const table = page.getByRole("table", { name: "Phiếu tôi đã gửi" });
    const first = table.getByRole("row").nth(1);
    await expect(first).toContainText(/#\d+/);
    // A card: the number and status on one line, the survey below, within the screen.
    const box = (await first.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(360);
    expect(box.height).toBeLessThan(110);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
