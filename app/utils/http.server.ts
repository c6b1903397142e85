import { data } from "@remix-run/node";

/** Throw from a loader or action: the record does not exist or is outside the user's scope. */
export function notFound(): never {
  throw data({ message: "not_found" }, { status: 404 });
}

/** Parses a route param as a positive integer id, or answers 404. */
export function requireIdParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
