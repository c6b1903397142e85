import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";

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

/** Opens a URL and returns the HTTP status of the document. */
export async function statusOf(page: Page, url: string): Promise<number> {
  const response = await page.goto(url);
  return response?.status() ?? 0;
}
