// The throttle under concurrency: the attempts that arrive together must not
// all pass the count before any of them is recorded. The password module is wrapped so the test
// can count the Argon2 verifications that really run (the known and the unknown-user path).
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db/db.server";
import { addAccount, addUnit } from "./fixtures";

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/auth/password.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/auth/password.server")>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      verifications.count++;
      return original.verifyPassword(hash, password);
    },
    burnPasswordCheck: async (password: string) => {
      verifications.count++;
      return original.burnPasswordCheck(password);
    },
  };
});

const { hashPassword } = await import("~/auth/password.server");
const { MAX_FAILURES, signIn } = await import("~/auth/sign-in.server");

describe("sign-in throttling under concurrency", () => {
  it("30 concurrent wrong passwords plus the right one: at most 5 verifications, the right one throttled", async () => {
    const unit = await addUnit(null, "P");
    await addAccount(unit, "thuky", "secretariat", await hashPassword("right-password"));
    verifications.count = 0;
    const wrong = Array.from({ length: 30 }, (_, i) => signIn("thuky", `wrong-${i}`, "10.0.0.9"));
    const right = signIn("thuky", "right-password", "10.0.0.9");
    const results = await Promise.all([...wrong, right]);

    expect(verifications.count).toBeLessThanOrEqual(MAX_FAILURES);
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled" });
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(MAX_FAILURES);
    expect(await db.loginAttempt.count({ where: { username: "thuky" } })).toBe(MAX_FAILURES);
    // Another IP still gets its own five.
    expect((await signIn("thuky", "right-password", "10.0.0.10")).ok).toBe(true);
  });

  it("holds for unknown usernames too (the same Argon2 work is burnt)", async () => {
    verifications.count = 0;
    await Promise.all(Array.from({ length: 20 }, () => signIn("nobody", "x", "10.0.0.9")));
    expect(verifications.count).toBe(MAX_FAILURES);
  });
});
