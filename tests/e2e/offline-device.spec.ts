// The phone as a device (issue 14, beside offline-field-work.spec.ts): an item the server refuses
// is fixed from the outbox and sent; drafts the earlier app kept in localStorage move into the
// device database; the app is installable and its service worker alone opens a form offline; a
// report the secretariat returned is fixed offline through the outbox. One collaborator per test.
import { expect, test, type Page } from "./test";
import { countSends, december, fillItem, outboxItems, phoneContext, PHONE, readyOffline } from "./offline-support";
import { addTopic, deviceDraftKeys, queryOne, signInAs } from "./support";

const reportOf = (username: string, periodId: number) =>
  queryOne<{ id: number; status: string; clientUuid: string } | undefined>(
    'SELECT r.id, r.status, r."clientUuid" FROM "OpinionReport" r JOIN "Account" a ON a.id = r."collaboratorId" WHERE a.username = ? AND r."periodId" = ? AND r.kind = \'monthly\'',
    username,
    periodId,
  );
const topicsOf = (reportId: number) =>
  queryOne<{ topics: string }>('SELECT group_concat(t.code) AS topics FROM "OpinionItem" i JOIN "Topic" t ON t.id = i."topicId" WHERE i."reportId" = ? ORDER BY i.position', reportId).topics;
const legacyKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("duluan:draft:")));

test("a report refused after being sent offline (its topic retired meanwhile) is fixed from the outbox and sent", async ({ browser }) => {
  test.setTimeout(180_000);
  const USER = "ctv.x045.1";
  const periodId = december();
  const reportForm = `/reports/new?period=${periodId}`;
  expect(reportOf(USER, periodId)).toBeUndefined();
  // The office adds a topic the collaborator will use.
  const office = await browser.newPage();
  await signInAs(office, "thuky");
  await office.goto("/topics");
  await addTopic(office, { code: "E2E_OFFLINE_FIX", vi: "Chủ đề tạm E2E", en: "Temporary topic" });
  await expect(office.getByRole("cell", { name: "Chủ đề tạm E2E" })).toBeVisible();

  const context = await phoneContext(browser);
  const sends = countSends(context);
  const page = await context.newPage();
  await signInAs(page, USER);
  await readyOffline(page, [reportForm]);
  await context.setOffline(true);
  await page.goto(reportForm);
  await fillItem(page, 1, "Chợ tạm ngoại tuyến", "Chủ đề tạm E2E");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Báo cáo đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();

  // The office retires the topic while the phone is offline: the server refuses the report.
  await office.getByRole("button", { name: "Ngừng dùng E2E_OFFLINE_FIX" }).click();
  await expect(office.getByRole("button", { name: "Dùng lại E2E_OFFLINE_FIX" })).toBeVisible();
  await office.close();
  await context.setOffline(false);
  await page.goto("/outbox");
  const refused = outboxItems(page, "Bị từ chối");
  await expect(refused).toContainText("Chủ đề không có trong danh sách.");
  await expect(refused).toContainText("Bấm “Sửa” để mở lại biểu mẫu");
  await expect(page.getByText("1 mục bị máy chủ từ chối")).toBeVisible();
  await page.screenshot({ path: "tests/.output/outbox-refused-fix.png", fullPage: true });
  expect(reportOf(USER, periodId)).toBeUndefined();

  // "Sửa": the form with the item's content and the server's reason on its field.
  await refused.getByRole("link", { name: "Sửa" }).click();
  await expect(page).toHaveURL(/\/reports\/new\?period=\d+&fix=[0-9a-f-]{36}$/);
  const item = page.getByRole("group", { name: "Ý kiến 1", exact: true });
  await expect(item.getByLabel("Sự kiện, vấn đề")).toHaveValue("Chợ tạm ngoại tuyến");
  await expect(item.getByText("Chủ đề không có trong danh sách.")).toBeVisible();
  await item.getByLabel("Chủ đề").selectOption({ label: "Giá cả, đời sống" });
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByText("Đã gửi báo cáo. Cảm ơn bạn!")).toBeVisible();

  const filed = reportOf(USER, periodId)!;
  expect(topicsOf(filed.id)).toBe("PRICES");
  await page.goto("/outbox");
  await expect(outboxItems(page, "Đã gửi")).toHaveCount(1);
  await expect(outboxItems(page, "Bị từ chối")).toHaveCount(0);
  // Refused once, accepted once, under the same UUID.
  expect(Object.fromEntries(sends)).toEqual({ [filed.clientUuid]: 2 });
  await context.close();
});

test("drafts the earlier app kept in localStorage move into the device database at the first open: nothing lost, nothing left behind", async ({ page }) => {
  const USER = "ctv.x046.1";
  const OTHER = "ctv.x046.2";
  const periodId = december();
  const pendingUuid = "5d7c1a2e-8b3f-4c6d-9e0a-1b2c3d4e5f60";
  await page.setViewportSize(PHONE.viewport);
  await signInAs(page, USER);
  // The earlier app's formats (app/drafts/device-drafts.ts keys): a questionnaire sent while the
  // reply was lost (`pending`, frozen with its version), a report being typed, and another
  // account's questionnaire on the same phone.
  await page.evaluate(
    ({ user, other, periodId, pendingUuid }) => {
      const bands = { ageBand: "45-59", gender: "male", occupation: "farmer", area: "rural" };
      localStorage.setItem(
        `duluan:draft:${user}:survey:2:new`,
        JSON.stringify({ uuid: pendingUuid, version: 1, revision: 1, bands, answers: { Q1: "Q1_2", Q3: ["Q3_1"], Q4: "Q4_4", Q5: 8 }, pending: true }),
      );
      localStorage.setItem(
        `duluan:draft:${user}:report:${periodId}`,
        JSON.stringify({
          clientUuid: "6e8d2b3f-9c4a-4d7e-8f1b-2c3d4e5f6a71",
          urgent: false,
          note: "Ghi chú từ bản nháp cũ",
          confirmNoPersonalData: false,
          items: [{ topicCode: "PRICES", title: "Giá phân bón (bản nháp cũ)", summary: "Bà con hỏi giá phân bón.", areaCode: "SH.X046", groupCodes: [], direction: "worried", strength: "moderate", prevalence: "some", channel: "direct", verified: true, proposal: "", urgent: false }],
        }),
      );
      localStorage.setItem(`duluan:draft:${other}:survey:2:new`, JSON.stringify({ uuid: "7f9e3c4a-0d5b-4e8f-9a2c-3d4e5f6a7b82", version: 1, revision: 1, bands: {}, answers: { Q1: "Q1_1" }, pending: false }));
    },
    { user: USER, other: OTHER, periodId, pendingUuid },
  );

  // The report draft is in its form.
  await page.goto(`/reports/new?period=${periodId}`);
  await expect(page.getByText("Đã khôi phục bản nháp chưa gửi.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Ý kiến 1", exact: true }).getByLabel("Sự kiện, vấn đề")).toHaveValue("Giá phân bón (bản nháp cũ)");
  await expect(page.getByLabel("Ghi chú chung")).toHaveValue("Ghi chú từ bản nháp cũ");
  expect(await legacyKeys(page)).toEqual([]);
  // The other account's draft moved under its owner: kept, and not shown to this account.
  expect(await deviceDraftKeys(page, OTHER)).toEqual([`duluan:draft:${OTHER}:survey:2:new`]);
  await page.goto("/surveys/2/fill");
  await expect(page.getByLabel("Nhóm tuổi")).toHaveValue("");
  await expect(page.getByText("Đã khôi phục bản nháp lưu trên máy.")).toHaveCount(0);

  // The questionnaire whose reply was lost went to the outbox as it was sent, and reaches the office once.
  await page.goto("/outbox");
  await expect(outboxItems(page, "Đã gửi")).toHaveCount(1, { timeout: 30_000 });
  await expect(outboxItems(page, "Đã gửi")).toContainText("Phiếu khảo sát");
  expect(queryOne<{ n: number }>('SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "clientUuid" = ? AND "surveyId" = 2', pendingUuid).n).toBe(1);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("installable: the web app manifest in Vietnamese with its icons, and a service worker whose precache alone opens a form offline", async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const served = await page.request.get(href!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = (await served.json()) as { name: string; short_name: string; lang: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string }[] };
  expect(manifest).toMatchObject({ name: "Dư luận xã hội", short_name: "Dư luận", lang: "vi", start_url: "/", display: "standalone" });
  const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
  expect(pngs.map((icon) => icon.sizes).sort()).toEqual(["192x192", "512x512"]);
  for (const icon of manifest.icons) {
    const answer = await page.request.get(icon.src);
    expect(answer.status(), icon.src).toBe(200);
    expect(answer.headers()["content-type"], icon.src).toBe(icon.type === "image/png" ? "image/png" : "image/svg+xml");
    if (icon.type === "image/png") expect(pngSize(await answer.body()), icon.src).toBe(icon.sizes);
  }

  // A collaborator's first visit registers the worker; after a reload it controls the page.
  await signInAs(page, "ctv.x047.1");
  await readyOffline(page, ["/surveys/2/fill"]);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  // What the worker precached: the field pages' code, none of the office's (Chart.js, results).
  const precached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((key) => key.startsWith("workbox-precache"));
    return name ? (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) : [];
  });
  expect(precached).toEqual(expect.arrayContaining(["/manifest.webmanifest", "/icon-192.png", "/icon-512.png", expect.stringMatching(/^\/assets\/_app\.surveys\._surveyId\.fill-/), expect.stringMatching(/^\/assets\/questionnaire-check-/)]));
  expect(precached.filter((url) => /results|chart|build|admin/.test(url))).toEqual([]);

  // Offline with the browser's HTTP cache emptied (a phone that evicted it): the form opens and
  // hydrates from the worker alone.
  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  const offline = await context.newPage();
  const failed: string[] = [];
  offline.on("requestfailed", (request) => failed.push(new URL(request.url()).pathname));
  await offline.goto("/surveys/2/fill");
  await expect(offline.getByRole("heading", { level: 1, name: /Đời sống nhân dân/ })).toBeVisible();
  await expect(offline.getByRole("button", { name: "Gửi phiếu" })).toBeEnabled();
  await offline.getByLabel("Nhóm tuổi").selectOption("18-29");
  await expect(offline.getByLabel("Nhóm tuổi")).toHaveValue("18-29");
  expect(failed.filter((path) => path.startsWith("/assets/"))).toEqual([]);
  await context.close();
});

test("a report the secretariat returned is fixed offline: the fix waits in the outbox and reaches the office once", async ({ browser }) => {
  test.setTimeout(180_000);
  const USER = "ctv.x009.1";
  const november = queryOne<{ id: number }>('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 11').id;
  const report = reportOf(USER, november)!;
  expect(report.status).toBe("submitted");
  const office = await browser.newPage();
  await signInAs(office, "thuky");
  await office.goto(`/reports/${report.id}`);
  const back = office.getByRole("form", { name: "Trả lại để bổ sung" });
  await back.getByLabel("Nội dung cần bổ sung, sửa").fill("Nêu rõ số hộ bị ảnh hưởng.");
  await back.getByRole("button", { name: "Trả lại" }).click();
  await expect(office.getByText("Tổ thư ký trả lại: Nêu rõ số hộ bị ảnh hưởng.")).toBeVisible();
  await office.close();

  const context = await phoneContext(browser);
  const sends = countSends(context);
  let page = await context.newPage();
  await signInAs(page, USER);
  // The returned report's page is among those the phone keeps.
  await readyOffline(page, [`/reports/${report.id}`]);
  await context.setOffline(true);
  await page.close();
  page = await context.newPage();
  await page.goto(`/reports/${report.id}`);
  await expect(page.getByText("Tổ thư ký trả lại: Nêu rõ số hộ bị ảnh hưởng.")).toBeVisible();
  const first = page.getByRole("group", { name: "Ý kiến 1", exact: true });
  await first.getByLabel("Nội dung dư luận (nhân dân nói gì)").fill("Khoảng 30 hộ ven sông bị ảnh hưởng.");
  await page.getByRole("button", { name: "Gửi lại báo cáo đã sửa" }).click();
  await expect(page.getByText("Báo cáo đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();
  // Opened again offline (the kept copy still shows it returned): the fix waiting, not the form.
  await page.reload();
  await expect(page.getByText("Báo cáo đã vào hộp thư đi và sẽ tự gửi khi có mạng.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi lại báo cáo đã sửa" })).toHaveCount(0);
  expect(reportOf(USER, november)!.status).toBe("returned");

  await context.setOffline(false);
  await expect(page.getByText("Đã gửi báo cáo. Cảm ơn bạn!")).toBeVisible({ timeout: 60_000 });
  const fixed = reportOf(USER, november)!;
  expect(fixed.status).toBe("submitted");
  expect(fixed.clientUuid).not.toBe(report.clientUuid);
  expect(queryOne<{ summary: string }>('SELECT summary FROM "OpinionItem" WHERE "reportId" = ? ORDER BY position LIMIT 1', report.id).summary).toBe("Khoảng 30 hộ ven sông bị ảnh hưởng.");
  expect(queryOne<{ kinds: string }>('SELECT group_concat(kind) AS kinds FROM (SELECT kind FROM "ReportEvent" WHERE "reportId" = ? ORDER BY id)', report.id).kinds).toBe("submitted,returned,resubmitted");
  expect(Object.fromEntries(sends)).toEqual({ [fixed.clientUuid]: 1 });
  // Online, the page shows the report as sent again: no form.
  await page.reload();
  await expect(page.getByText("Đã gửi").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi lại báo cáo đã sửa" })).toHaveCount(0);
  await context.close();
});
