// What the offline specs share: a phone's browser context, the service worker ready with the
// collaborator's pages kept, a report item filled in, and the sends that reached the APIs.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { queryOne } from "./support";

/** A mid-range phone's screen: 360 px wide, touch. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;

export const phoneContext = (browser: Browser) => browser.newContext(PHONE);

export const december = () => queryOne<{ id: number }>('SELECT id FROM "ReportingPeriod" WHERE year = 2026 AND month = 12').id;

/** The page is controlled by the service worker, and the collaborator's pages are kept for offline use. */
export async function readyOffline(page: Page, pages: string[]) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open("duluan-pages")).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search)), { timeout: 60_000 })
    .toEqual(expect.arrayContaining(pages));
}

/** Fills item `n` of the report form. */
export async function fillItem(page: Page, n: number, title: string, topic = "Giá cả, đời sống") {
  const box = page.getByRole("group", { name: `Ý kiến ${n}`, exact: true });
  await box.getByLabel("Chủ đề").selectOption({ label: topic });
  await box.getByLabel("Sự kiện, vấn đề").fill(title);
  await box.getByLabel("Nội dung dư luận (nhân dân nói gì)").fill("Bà con lo chi phí vụ đông xuân.");
  await box.getByLabel("Chiều hướng").selectOption({ label: "Băn khoăn, lo lắng" });
}

/** POSTs that reached the APIs (answered; an offline attempt fails before), by client UUID, across every page of the context. */
export function countSends(context: BrowserContext) {
  const sends = new Map<string, number>();
  context.on("requestfinished", (request) => {
    if (request.method() !== "POST" || !/\/api\/(surveys\/responses|reports)$/.test(request.url())) return;
    const body = request.postDataJSON() as { uuid?: string; clientUuid?: string };
    const id = body.uuid ?? body.clientUuid ?? "?";
    sends.set(id, (sends.get(id) ?? 0) + 1);
  });
  return sends;
}

/** The outbox page's items in one state ("Chờ gửi", "Đã gửi", "Bị từ chối"). */
export const outboxItems = (page: Page, state: string) => page.getByRole("main").getByRole("listitem").filter({ hasText: state });
