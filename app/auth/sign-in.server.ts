import { db } from "~/db/db.server";
import { recordAudit } from "~/audit/audit.server";
import { burnPasswordCheck, verifyPassword } from "./password.server";

/** 5 failed attempts for one username from one IP within 15 minutes lock that pair out. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; accountId: number; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "throttled" };

/** Sign-in attempts are kept a day: long enough to investigate, short enough not to pile up. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

async function recentFailures(username: string, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { username, ip, succeeded: true, at: { gt: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return db.loginAttempt.count({
    where: { username, ip, succeeded: false, at: { gt: lastSuccess?.at ?? since } },
  });
}

/**
 * Checks a username and password. Unknown user, wrong password and inactive account all answer
 * "invalid" after the same Argon2 work, so the answer reveals nothing about which accounts exist.
 */
export async function signIn(rawUsername: string, password: string, ip: string): Promise<SignInResult> {
  const username = normaliseUsername(rawUsername);
  const now = new Date();
  if ((await recentFailures(username, ip, now)) >= MAX_FAILURES) {
    return { ok: false, reason: "throttled" };
  }
  const account = await db.account.findUnique({ where: { username } });
  const valid = account?.active
    ? await verifyPassword(account.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  await db.loginAttempt.create({ data: { username, ip, succeeded: valid, at: now } });
  await db.loginAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - ATTEMPT_RETENTION_MS) } } });
  if (!valid || !account) return { ok: false, reason: "invalid" };
  await recordAudit(db, {
    actorId: account.id,
    action: "auth.sign_in",
    entityType: "Account",
    entityId: account.id,
    after: { ip },
  });
  return { ok: true, accountId: account.id, mustChangePassword: account.mustChangePassword };
}
