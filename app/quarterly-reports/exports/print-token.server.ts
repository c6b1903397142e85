/**
 * How the PDF renderer's headless Chromium opens the print view of what the user asked for
 * (decision 0024): the PDF route reads the export source through the access gate as that user,
 * then mints a print token — 256 random bits, held in this process's memory only, bound to that
 * source (one report, one version), valid for a minute, good for one request — and Chromium sends
 * it in a header to this same server over the loopback interface. The print view renders the
 * source the token carries: the PDF shows exactly what the route read and audited, and the token
 * can open nothing else. It never reaches the user's browser, a URL, a log or the database; one
 * presented for another report or version, late, twice, or from another host answers 404.
 */
import crypto from "node:crypto";
import { notFound } from "~/utils/http.server";
import type { ExportSource } from "./source.server";

export const PRINT_TOKEN_HEADER = "x-print-token";
export const PRINT_TOKEN_LIFETIME_MS = 60_000;

type Grant = { source: ExportSource; expiresAt: number };

/** The version a source stands for: its published version, or null for a draft. */
export const sourceVersion = (source: ExportSource) => (source.status.kind === "published" ? source.status.version : null);

// Keyed by the token's SHA-256: even a heap dump holds no usable token.
const grants = new Map<string, Grant>();
const digest = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A token that opens the print view of `source` once. */
export function mintPrintToken(source: ExportSource, now = Date.now()): string {
  for (const [key, grant] of grants) if (grant.expiresAt <= now) grants.delete(key);
  const token = crypto.randomBytes(32).toString("base64url");
  grants.set(digest(token), { source, expiresAt: now + PRINT_TOKEN_LIFETIME_MS });
  return token;
}

/** Forgets a token (after its render, used or not). */
export function revokePrintToken(token: string): void {
  grants.delete(digest(token));
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * What a print request may render: null when it carries no print token (the caller then asks for
 * the session as usual); otherwise the token's source, consumed, if the token is live, was minted
 * for exactly this report and version (`version` as the URL gives it: none for a draft) and the
 * request comes over loopback — else 404.
 */
export function redeemPrintToken(request: Request, clientIp: string | undefined, reportId: number, version: number | null, now = Date.now()): ExportSource | null {
  const token = request.headers.get(PRINT_TOKEN_HEADER);
  if (token === null) return null;
  const key = digest(token);
  const grant = grants.get(key);
  grants.delete(key);
  const fits = grant && grant.expiresAt > now && grant.source.report.id === reportId && sourceVersion(grant.source) === version && LOOPBACK.has(clientIp ?? "");
  if (!fits) notFound();
  return grant.source;
}
