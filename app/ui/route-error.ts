import { isRouteErrorResponse } from "@remix-run/react";

export type RouteErrorKind = "notFound" | "forbidden" | "badRequest" | "serverError";

/**
 * What an error page says about a route error: its kind (the texts under errorPage.*) and, for a
 * server error, the id the server logged it under (server/error-ids.js), shown so the user can
 * quote it and an operator can find the stack trace.
 */
export function describeRouteError(error: unknown): { kind: RouteErrorKind; errorId?: string } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status < 500 ? "badRequest" : "serverError";
  const data: unknown = isRouteErrorResponse(error) ? error.data : undefined;
  const errorId = data && typeof data === "object" && "errorId" in data ? data.errorId : undefined;
  return typeof errorId === "string" && /^[0-9a-f]{8}$/.test(errorId) ? { kind, errorId } : { kind };
}
