/**
 * The one adapter from domain errors (domain-errors.ts) to HTTP: each kind has its status, and
 * the body is `{ message, errors? }` as the pages and the field API read it. Every loader and
 * action goes through it (server/error-ids.js asks the build's entry for `httpErrorFor`), so a
 * route only catches a domain error to answer differently (a reply on the form, not an error page).
 */
import { data } from "@remix-run/node";
import { DomainError } from "./domain-errors";

const STATUS: Record<DomainError["kind"], number> = { notFound: 404, conflict: 409, refused: 403, invalid: 400 };

export type Refusal = { status: number; body: { message: string; errors?: unknown } };

/**
 * A thrown error as the refusal it answers with: a domain error by its kind. Null for anything
 * else (a bug: the 500 page with its error id; an infrastructure `data()` response, which Remix
 * answers with as it is).
 */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof DomainError)) return null;
  return { status: STATUS[error.kind], body: { message: error.messageKey, ...(error.errors ? { errors: error.errors } : {}) } };
}

/** The response a domain error answers with (thrown by Remix to the error boundary), or null. */
export function httpErrorFor(error: unknown) {
  const refusal = refusalOf(error);
  return refusal ? data(refusal.body, { status: refusal.status }) : null;
}

/**
 * Runs a form's work; a conflict (409: a replayed UUID with other content, a draft sent under
 * another account) comes back as a reply the page shows, not a thrown error.
 */
export async function withConflictReply<T>(run: () => Promise<T>): Promise<T | { conflict: ReturnType<typeof data> }> {
  try {
    return await run();
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal?.status === 409) return { conflict: data({ message: refusal.body.message }, { status: 409 }) };
    throw error;
  }
}
