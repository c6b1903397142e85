import { NotFound } from "~/errors/domain-errors";

/** The record does not exist or is outside the user's scope (a 404 through the route layer's adapter). */
export function notFound(): never {
  throw new NotFound();
}

/** The largest id a record can have: INT4, so ids stay valid on PostgreSQL, our scale-out path. */
const MAX_ID = 2_147_483_647;

/** A positive integer id from a param or query value, or undefined for anything else. */
export function parseId(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 && id <= MAX_ID ? id : undefined;
}

/** Parses a route param as a positive integer id, or answers 404. */
export function requireIdParam(value: string | undefined): number {
  return parseId(value) ?? notFound();
}
