/**
 * The suite's `test`: Playwright's, plus an optional CPU throttle so slowness shows on a fast
 * machine before CI meets it on a slow one. `E2E_CPU_THROTTLE=4 npm run test:e2e` makes every
 * page of the test's context run its JavaScript four times slower (Chromium's DevTools
 * emulation), as on a loaded 2-core machine or a cheap phone.
 */
import { mkdirSync } from "node:fs";
import { test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signInAs } from "./support";

export * from "@playwright/test";

const throttleRate = Number(process.env.E2E_CPU_THROTTLE ?? 1);

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttleRate });
}

// Signed-in browser states, one per account and worker: a test that only needs to be someone
// starts there instead of paying for a sign-in (an Argon2 verification and two page loads).
const STATE_DIR = "tests/.output/auth";
const signedIn = new Map<string, Promise<string>>();

async function signInOnce(browser: Browser, baseURL: string, username: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    await signInAs(await context.newPage(), username);
    mkdirSync(STATE_DIR, { recursive: true });
    const path = `${STATE_DIR}/${username}-${process.pid}.json`;
    await context.storageState({ path });
    return path;
  } finally {
    await context.close();
  }
}

export const test = base.extend<{ account: string | undefined }>({
  /** `test.use({ account: "thuky" })`: the test's page starts signed in as that demo account. */
  account: [undefined, { option: true }],
  storageState: async ({ account, storageState, browser, baseURL }, use) => {
    if (!account) return use(storageState);
    if (!signedIn.has(account)) signedIn.set(account, signInOnce(browser, baseURL!, account));
    await use(await signedIn.get(account)!);
  },
  context: async ({ context }, use) => {
    // Pages a test opens later in the same context (popups, context.newPage()).
    if (throttleRate > 1) context.on("page", (page) => void throttle(context, page).catch(() => {}));
    await use(context);
  },
  page: async ({ context, page }, use) => {
    if (throttleRate > 1) await throttle(context, page);
    await use(page);
  },
});
