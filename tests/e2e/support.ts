import Database from "better-sqlite3";
import { expect, type Page, type Request, type Route } from "@playwright/test";

export const DEMO_PASSWORD = "DuLuan@2026";
const E2E_DB = (process.env.E2E_DATABASE_URL ?? "file:./tests/.output/e2e.db").replace(/^file:/, "");

/** Reads the e2e server's real database (read-only), to find ids behind stable codes. */
export function queryOne<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** Like queryOne, every row. */
export function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function unitId(code: string): number {
  return queryOne<{ id: number }>('SELECT id FROM "Unit" WHERE code = ?', code).id;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

export async function signInAs(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByRole("heading", { level: 1, name: "Tổng quan" })).toBeVisible();
}

/** Fills the admin's new-account form and sends it (the caller checks what the page answers). */
export async function submitNewAccount(page: Page, account: { username: string; displayName: string; role: string; unitCode: string; password: string }) {
  await page.goto("/admin/accounts/new");
  await page.getByLabel("Tên đăng nhập").fill(account.username);
  await page.getByLabel("Họ và tên").fill(account.displayName);
  await page.getByLabel("Vai trò").selectOption(account.role);
  await page.getByLabel("Mã đơn vị").fill(account.unitCode);
  await page.getByLabel("Mật khẩu ban đầu").fill(account.password);
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
}

/** On the proposals page, opens "Chuyển kiến nghị", fills it and sends it (dates left as the form's defaults unless given). */
export async function forwardProposal(
  page: Page,
  proposal: { agency: string; unitCode: string; title: string; content: string; forwardedOn?: string; dueOn?: string },
) {
  await page.locator("summary").filter({ hasText: "Chuyển kiến nghị" }).click();
  const form = page.getByRole("form", { name: "Chuyển kiến nghị" });
  await form.getByLabel("Cơ quan").selectOption({ label: proposal.agency });
  await form.getByLabel("Mã đơn vị (địa bàn)").fill(proposal.unitCode);
  await form.getByLabel("Vấn đề").fill(proposal.title);
  await form.getByLabel("Nội dung kiến nghị").fill(proposal.content);
  if (proposal.forwardedOn) await form.getByLabel("Ngày chuyển").fill(proposal.forwardedOn);
  if (proposal.dueOn) await form.getByLabel("Hạn trả lời").fill(proposal.dueOn);
  await form.getByRole("button", { name: "Chuyển kiến nghị" }).click();
}

/** Adds a topic through the topics page's form (the secretariat signed in, on /topics). */
export async function addTopic(page: Page, topic: { code: string; vi: string; en: string }) {
  const add = page.getByRole("form", { name: "Thêm chủ đề" });
  await add.getByLabel("Mã").fill(topic.code);
  await add.getByLabel("Tên tiếng Việt").fill(topic.vi);
  await add.getByLabel("Tên tiếng Anh").fill(topic.en);
  await add.getByRole("button", { name: "Thêm chủ đề" }).click();
  return add;
}

/** Opens a URL and returns the HTTP status of the document. */
export async function statusOf(page: Page, url: string): Promise<number> {
  const response = await page.goto(url);
  return response?.status() ?? 0;
}

/**
 * Changes one field of the next form POST the page sends, as a stale page or a tampered form
 * would (editing the DOM is not enough: React may restore a hidden input's value).
 */
export async function rewriteNextPost(page: Page, field: string, value: string) {
  let done = false;
  const handler = async (route: Route, request: Request) => {
    const body = request.method() === "POST" ? new URLSearchParams(request.postData() ?? "") : null;
    if (done || !body?.has(field)) return route.fallback();
    done = true;
    body.set(field, value);
    await route.continue({ postData: body.toString() });
    await page.unroute("**/*", handler);
  };
  await page.route("**/*", handler);
}

/** A draft the page keeps in the device's IndexedDB (app/outbox/store.ts), or undefined. */
export function deviceDraft<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(
    (k) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open("duluan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("drafts")) return resolve(undefined);
          const get = db.transaction("drafts").objectStore("drafts").get(k);
          get.onsuccess = () => resolve((get.result as { value: T } | undefined)?.value);
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** Writes a draft's value in the device's IndexedDB, as an older page or another tab would have left it. */
export function putDeviceDraft(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("duluan");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction("drafts", "readwrite").objectStore("drafts");
          const get = store.get(k);
          get.onsuccess = () => {
            store.put({ ...(get.result as object), value: v }).onsuccess = () => resolve();
          };
        };
      }),
    [key, value] as const,
  );
}

/** The keys of the device drafts an account keeps in IndexedDB. */
export function deviceDraftKeys(page: Page, username: string): Promise<string[]> {
  return page.evaluate(
    (owner) =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open("duluan");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("drafts")) return resolve([]);
          const keys = db.transaction("drafts").objectStore("drafts").index("owner").getAllKeys(owner);
          keys.onsuccess = () => resolve(keys.result.map(String));
        };
        open.onerror = () => resolve([]);
      }),
    username,
  );
}
