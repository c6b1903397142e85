import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isRole, type Role } from "~/accounts/roles";
import { recordAudit } from "~/audit/audit.server";
import { db, prepared, withConnection, type Tx } from "~/db/db.server";
import { noteRequestAccount } from "../../server/request-context.js";

/**
 * Server-side sessions: the cookie carries only a random 256-bit token; the database stores its
 * SHA-256, so a leaked database cannot be replayed as cookies. Lifetimes (documented in
 * docs/decisions/0006-sessions.md): idle 30 minutes, absolute 12 hours.
 */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// lastSeenAt is refreshed at most once a minute: one write per minute per user, not per request.
const TOUCH_INTERVAL_MS = 60 * 1000;

const isProduction = process.env.NODE_ENV === "production";

// `__Host-` pins the cookie to this exact host over HTTPS, path /, no Domain attribute.
const sessionCookie = createCookie(isProduction ? "__Host-dl_session" : "dl_session", {
  path: "/",
  httpOnly: true,
  secure: isProduction,
  sameSite: "lax",
  maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
});

function digest(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(accountId: number): Promise<string> {
  const now = new Date();
  // Housekeeping: a sign-in is rare enough to carry it, and expired rows are never read again.
  await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - IDLE_TIMEOUT_MS) } }] },
  });
  return createSession(db, accountId, now);
}

async function createSession(client: typeof db | Tx, accountId: number, now: Date): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await client.session.create({
    data: {
      id: digest(token),
      accountId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
    },
  });
  return sessionCookie.serialize(token);
}

/**
 * After the account's password changes: every session of the account ends (a thief's included)
 * and the caller gets a fresh token, so a token captured before the change is worthless. Runs in
 * the caller's transaction, with the password update. Returns the Set-Cookie header value.
 */
export async function replaceAllSessions(tx: Tx, accountId: number): Promise<string> {
  await tx.session.deleteMany({ where: { accountId } });
  return createSession(tx, accountId, new Date());
}

// Read on every request: a prepared statement on the lent connection (~microseconds) rather
// than an ORM query with two joins (~1 ms of overhead; docs/performance.md).
const SESSION_SQL = `
  SELECT s."lastSeenAt", s."expiresAt", a."id", a."username", a."displayName", a."role", a."unitId",
         a."active", a."mustChangePassword", u."name" AS "unitName", u."path" AS "unitPath"
  FROM "Session" s JOIN "Account" a ON a."id" = s."accountId" JOIN "Unit" u ON u."id" = a."unitId"
  WHERE s."id" = ?`;

type SessionRow = {
  lastSeenAt: string;
  expiresAt: string;
  id: number;
  username: string;
  displayName: string;
  role: string;
  unitId: number;
  active: number;
  mustChangePassword: number;
  unitName: string;
  unitPath: string;
};

export type SessionAccount = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  unitPath: string;
  mustChangePassword: boolean;
};

/** The signed-in, active account of this request, or null (expired sessions are deleted). */
export async function findSessionAccount(request: Request): Promise<SessionAccount | null> {
  const token = await readToken(request);
  if (!token) return null;
  const id = digest(token);
  const row = await withConnection((raw) => prepared(raw, SESSION_SQL).get(id) as SessionRow | undefined);
  if (!row) return null;
  const now = Date.now();
  const lastSeenAt = new Date(row.lastSeenAt).getTime();
  const expired = new Date(row.expiresAt).getTime() <= now || lastSeenAt + IDLE_TIMEOUT_MS <= now;
  if (expired || !row.active) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - lastSeenAt > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  // A role this code does not know (a database newer than the code) opens nothing.
  if (!isRole(row.role)) return null;
  // The request's log line names the account (its id only: server/request-log.js).
  noteRequestAccount(row.id);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    unitPath: row.unitPath,
    mustChangePassword: Boolean(row.mustChangePassword),
  };
}

/**
 * Ends this request's session and returns the Set-Cookie header that clears the cookie. A real
 * session's end is audited (who signed out, when); a stale or forged cookie only gets cleared.
 */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) {
    const id = digest(token);
    await db.$transaction(async (tx) => {
      const session = await tx.session.findUnique({ where: { id }, select: { accountId: true } });
      if (!session) return;
      await tx.session.delete({ where: { id } });
      await recordAudit(tx, { actorId: session.accountId, action: "auth.sign_out", entityType: "Account", entityId: session.accountId });
    });
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

