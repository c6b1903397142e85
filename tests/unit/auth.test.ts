import { describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { ABSOLUTE_TIMEOUT_MS, findSessionAccount, IDLE_TIMEOUT_MS, startSession } from "~/auth/session.server";
import { FAILURE_WINDOW_MS, MAX_FAILURES, signIn } from "~/auth/sign-in.server";
import { db } from "~/db/db.server";
import { changeOwnPassword } from "~/accounts/accounts.server";
import { addAccount, addUnit, viewerAt } from "./fixtures";

async function accountWithPassword(username: string, password: string) {
  const unit = await addUnit(null, "P");
  return addAccount(unit, username, "official", await hashPassword(password));
}

describe("password hashing", () => {
  it("uses Argon2id with m = 19 MiB, t = 2", async () => {
    expect(await hashPassword("secret-password")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe("sign-in throttling", () => {
  it("locks a username + IP after five failures in 15 minutes, even with the right password", async () => {
    await accountWithPassword("thuky", "right-password");
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await signIn("thuky", "wrong", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn("thuky", "right-password", "10.0.0.1")).toEqual({ ok: false, reason: "throttled" });
    // Another IP, and another username from the same IP, are not locked.
    expect((await signIn("thuky", "right-password", "10.0.0.2")).ok).toBe(true);
    expect(await signIn("other", "x", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("forgets failures older than the window and those before a success", async () => {
    const account = await accountWithPassword("ctv", "right-password");
    const old = new Date(Date.now() - FAILURE_WINDOW_MS - 1000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: 5 }, () => ({ username: "ctv", ip: "ip", succeeded: false, at: old })),
    });
    expect(await signIn("ctv", "right-password", "ip")).toMatchObject({ ok: true, accountId: account.id });
    for (let i = 0; i < 4; i++) await signIn("ctv", "wrong", "ip");
    await signIn("ctv", "right-password", "ip");
    // 4 failures, then a success: the counter restarts.
    for (let i = 0; i < 4; i++) await signIn("ctv", "wrong", "ip");
    expect((await signIn("ctv", "right-password", "ip")).ok).toBe(true);
    // Attempts older than a day are pruned at the next sign-in.
    expect(await db.loginAttempt.count({ where: { at: old } })).toBe(5);
    await db.loginAttempt.updateMany({ where: { at: old }, data: { at: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    await signIn("ctv", "wrong", "ip");
    expect(await db.loginAttempt.count({ where: { at: { lt: old } } })).toBe(0);
  });

  it("answers 'invalid' alike for an unknown user, a wrong password and a deactivated account", async () => {
    const account = await accountWithPassword("admin", "right-password");
    await db.account.update({ where: { id: account.id }, data: { active: false } });
    expect(await signIn("admin", "right-password", "ip")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("nobody", "right-password", "ip")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(" ADMIN ", "wrong", "ip")).toEqual({ ok: false, reason: "invalid" });
    expect(await db.loginAttempt.count({ where: { username: "admin" } })).toBe(2);
  });
});

describe("sign-in audit", () => {
  it("records every failed sign-in (who, which name, from where) but never the password", async () => {
    const account = await accountWithPassword("thuky", "right-password");
    await signIn("thuky", "wrong-secret", "10.1.1.1");
    await signIn("nobody", "other-secret", "10.1.1.2");
    const failed = await db.auditEntry.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
    expect(failed.map((e) => [e.actorId, JSON.parse(e.after!)])).toEqual([
      [account.id, { username: "thuky", ip: "10.1.1.1" }],
      [null, { username: "nobody", ip: "10.1.1.2" }],
    ]);
    expect(JSON.stringify(failed)).not.toMatch(/secret/);
    // A success is audited as such, and a throttled refusal writes nothing.
    await signIn("thuky", "right-password", "10.1.1.1");
    expect(await db.auditEntry.count({ where: { action: "auth.sign_in", actorId: account.id } })).toBe(1);
    for (let i = 0; i < MAX_FAILURES; i++) await signIn("thuky", "wrong", "10.1.1.3");
    const before = await db.auditEntry.count();
    expect(await signIn("thuky", "wrong", "10.1.1.3")).toEqual({ ok: false, reason: "throttled" });
    expect(await db.auditEntry.count()).toBe(before);
  });
});

describe("sessions", () => {
  async function sessionRequest(accountId: number) {
    const setCookie = await startSession(accountId);
    const cookie = setCookie.split(";")[0]!;
    return new Request("http://localhost/", { headers: { Cookie: cookie } });
  }

  it("stores only the token's hash and finds the account from the cookie", async () => {
    const account = await accountWithPassword("a", "pw-pw-pw-pw");
    const request = await sessionRequest(account.id);
    const token = decodeURIComponent(request.headers.get("Cookie")!.split("=")[1]!);
    const stored = await db.session.findFirstOrThrow();
    expect(stored.id).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.id).not.toContain(JSON.parse(atob(token)));
    expect((await findSessionAccount(request))?.id).toBe(account.id);
  });

  it("expires after 30 idle minutes and after 12 hours in all", async () => {
    const account = await accountWithPassword("a", "pw-pw-pw-pw");
    const idle = await sessionRequest(account.id);
    await db.session.updateMany({ data: { lastSeenAt: new Date(Date.now() - IDLE_TIMEOUT_MS - 1) } });
    expect(await findSessionAccount(idle)).toBeNull();
    expect(await db.session.count()).toBe(0);

    const old = await sessionRequest(account.id);
    await db.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await findSessionAccount(old)).toBeNull();
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * 60 * 1000);
  });

  it("a new sign-in clears sessions that have expired, leaving live ones", async () => {
    const account = await accountWithPassword("a", "pw-pw-pw-pw");
    const live = await sessionRequest(account.id);
    await sessionRequest(account.id);
    await db.session.updateMany({ where: { NOT: { id: (await db.session.findFirstOrThrow({ orderBy: { createdAt: "asc" } })).id } }, data: { expiresAt: new Date(Date.now() - 1) } });
    await startSession(account.id);
    expect(await db.session.count()).toBe(2);
    expect((await findSessionAccount(live))?.id).toBe(account.id);
  });

  it("changing one's own password ends every other session and rotates the current token", async () => {
    const unit = await addUnit(null, "P");
    const account = await addAccount(unit, "a", "official", await hashPassword("old-password-1"));
    const other = await addAccount(unit, "b", "official");
    const current = await sessionRequest(account.id);
    const elsewhere = await sessionRequest(account.id);
    const untouched = await sessionRequest(other.id);
    const viewer = viewerAt(unit, "official", account.id);

    const setCookie = await changeOwnPassword(viewer, "old-password-1", "new-password-2");

    expect(await findSessionAccount(current)).toBeNull();
    expect(await findSessionAccount(elsewhere)).toBeNull();
    expect((await findSessionAccount(untouched))?.id).toBe(other.id);
    const rotated = new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(setCookie.split(";")[0]).not.toBe(current.headers.get("Cookie"));
    expect((await findSessionAccount(rotated))?.id).toBe(account.id);
    expect(await db.session.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("ignores forged and malformed cookies", async () => {
    const forged = new Request("http://localhost/", { headers: { Cookie: "dl_session=InNvbWV0aGluZy1mb3JnZWQtdGhhdC1pcy1sb25nLWVub3VnaCI%3D" } });
    expect(await findSessionAccount(forged)).toBeNull();
    const garbage = new Request("http://localhost/", { headers: { Cookie: "dl_session=%%%" } });
    expect(await findSessionAccount(garbage)).toBeNull();
  });
});
