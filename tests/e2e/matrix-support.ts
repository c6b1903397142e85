// Shared by the access matrix and the fuzz run: HTTP sessions signed in once per account (no
// browser pages), a deterministic PRNG, and row counts of the e2e database (read-only).
import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import { seededRandom } from "../../prisma/seed/random";
import { DEMO_PASSWORD, queryOne } from "./support";

export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3210}`;
/** State-changing requests need an Origin of the server itself (server/cross-site.js). */
export const ORIGIN = { Origin: BASE_URL };

/** One signed-in HTTP session: every request carries the account's session cookie. */
export type Session = { username: string; request: APIRequestContext };

/**
 * Signs an account in with one POST to /login and returns a request context that sends its
 * session cookie explicitly (the cookie is `__Host-`/Secure; sending it by hand does not depend
 * on how a cookie jar treats Secure cookies over http://localhost). `null` signs nobody in.
 */
export async function openSession(playwright: PlaywrightWorkerArgs["playwright"], username: string | null): Promise<Session> {
  if (username === null) {
    return { username: "(signed out)", request: await playwright.request.newContext({ baseURL: BASE_URL }) };
  }
  const login = await playwright.request.newContext({ baseURL: BASE_URL });
  try {
    const response = await login.post("/login", { form: { username, password: DEMO_PASSWORD }, headers: ORIGIN, maxRedirects: 0 });
    expect(response.status(), `sign-in of ${username}`).toBe(302);
    const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session="));
    expect(cookie, `session cookie of ${username}`).toBeTruthy();
    const pair = cookie!.value.split(";")[0]!;
    return { username, request: await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Cookie: pair } }) };
  } finally {
    await login.dispose();
  }
}

// The seed's PRNG (mulberry32): every fuzz run sends exactly the same cases.
export { seededRandom as mulberry32 };
export type Rng = ReturnType<typeof seededRandom>;

/** A v4-shaped UUID from the PRNG (lower case), deterministic per seed. */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[rng.int(0, 3)]!;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function count(sql: string, ...params: unknown[]): number {
  return queryOne<{ n: number }>(sql, ...params).n;
}

export function accountOf(username: string) {
  return queryOne<{ id: number; unitId: number; path: string; code: string; role: string }>(
    `SELECT a.id, a."unitId", u.path, u.code, a.role FROM "Account" a JOIN "Unit" u ON u.id = a."unitId" WHERE a.username = ?`,
    username,
  );
}

/** Runs requests a few at a time: fast on an idle machine, gentle on a busy one. */
export async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

export async function statusOfResponse(response: Promise<APIResponse>): Promise<number> {
  const r = await response;
  const status = r.status();
  await r.dispose();
  return status;
}
