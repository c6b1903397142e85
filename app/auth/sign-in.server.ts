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

/**
 * Reserves one of the pair's MAX_FAILURES slots before any password is verified: the count and
 * the insert run in one transaction, and a Prisma transaction holds the app's only connection
 * from BEGIN to COMMIT (docs/decisions/0010), so no concurrent request can count in between.
 * The reserved row says "failed" until the verification proves otherwise; an attempt still
 * being verified therefore counts against the limit, which is what bounds the verifications
 * to MAX_FAILURES per window whatever the concurrency. Returns the attempt's id, or null when
 * the pair is locked out. Failures are counted after the pair's last success (by id, which is
 * the order of reservation: timestamps can tie within a millisecond).
 */
async function reserveAttempt(username: string, ip: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  return db.$transaction(async (tx) => {
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { username, ip, succeeded: true, at: { gt: since } },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    const failures = await tx.loginAttempt.count({
      where: { username, ip, succeeded: false, at: { gt: since }, id: { gt: lastSuccess?.id ?? 0 } },
    });
    if (failures >= MAX_FAILURES) return null;
    const attempt = await tx.loginAttempt.create({ data: { username, ip, succeeded: false, at: now }, select: { id: true } });
    return attempt.id;
  });
}

/**
 * Checks a username and password. Unknown user, wrong password and inactive account all answer
 * "invalid" after the same Argon2 work, so the answer reveals nothing about which accounts exist.
 */
export async function signIn(rawUsername: string, password: string, ip: string): Promise<SignInResult> {
  const username = normaliseUsername(rawUsername);
  const now = new Date();
  const attemptId = await reserveAttempt(username, ip, now);
  // Refusals of a locked-out pair are not audited one by one: they cost an attacker nothing, so
  // logging each would let anyone grow the append-only log at will. The (at most five) failures
  // that led to the lock-out are audited below.
  if (attemptId === null) return { ok: false, reason: "throttled" };
  const account = await db.account.findUnique({ where: { username } });
  const valid = account?.active
    ? await verifyPassword(account.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  await db.loginAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - ATTEMPT_RETENTION_MS) } } });
  if (!valid || !account) {
    // Who tried which name from where; the actor is the account when the name exists (an
    // administrator sees attacks on it), and the typed name is kept because no actor exists
    // otherwise. The password never is.
    await recordAudit(db, {
      actorId: account?.id ?? null,
      action: "auth.sign_in_failed",
      entityType: "LoginAttempt",
      entityId: attemptId,
      after: { username, ip },
    });
    return { ok: false, reason: "invalid" };
  }
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
    await recordAudit(tx, {
      actorId: account.id,
      action: "auth.sign_in",
      entityType: "Account",
      entityId: account.id,
      after: { ip },
    });
  });
  return { ok: true, accountId: account.id, mustChangePassword: account.mustChangePassword };
}
