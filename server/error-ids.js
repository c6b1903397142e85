// Every server error gets a short random id: logged with its stack, shown to the user on the error
// page ("Mã lỗi: …"), and written on the request's log line, so an operator told the code by phone
// finds the stack with one grep.
//
// Remix replaces an Error thrown by a loader or action with a bare "Unexpected Server Error"
// before it reaches the browser, so an id attached to the error would be lost. Loaders and actions
// are therefore wrapped: an Error becomes a thrown 500 Response carrying only the id, which
// Remix hands to the error boundary unchanged. Thrown Responses (404s, redirects) pass untouched.
// A domain error (app/errors/domain-errors.ts: not found, conflict, refused, invalid) is no server
// error: the build's entry maps it to its response (`httpErrorFor`, app/errors/http.server.ts).
import crypto from "node:crypto";
import { noteRequestError } from "./request-context.js";

export function newErrorId() {
  return crypto.randomBytes(4).toString("hex");
}

/**
 * Logs a server error with a new id and returns the id.
 * @param {import("pino").Logger} logger
 * @param {unknown} error
 * @param {Request} [request]
 */
export function reportServerError(logger, error, request) {
  const errorId = newErrorId();
  noteRequestError(errorId);
  const where = request ? { method: request.method, path: new URL(request.url).pathname } : {};
  logger.error({ errorId, ...where, err: error }, "server error");
  return errorId;
}

/** The response a failed loader or action throws instead of the Error: the id, nothing else. */
export function errorIdResponse(errorId) {
  return Response.json({ errorId }, { status: 500 });
}

function wrap(handler, report, httpErrorFor) {
  if (!handler) return handler;
  return async function withErrorId(args) {
    try {
      return await handler(args);
    } catch (error) {
      const mapped = httpErrorFor?.(error);
      if (mapped) throw mapped;
      if (!(error instanceof Error) || args.request.signal.aborted) throw error;
      throw errorIdResponse(report(error, args.request));
    }
  };
}

/**
 * The server build with every route's loader and action wrapped (see above).
 * @template {{ routes: Record<string, { module: Record<string, unknown> }>, entry?: { module: Record<string, unknown> } }} Build
 * @param {Build} build
 * @param {(error: unknown, request: Request) => string} report
 * @returns {Build}
 */
export function withErrorIds(build, report) {
  const httpErrorFor = /** @type {((error: unknown) => unknown) | undefined} */ (build.entry?.module?.httpErrorFor);
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [
      id,
      {
        ...route,
        module: { ...route.module, loader: wrap(route.module.loader, report, httpErrorFor), action: wrap(route.module.action, report, httpErrorFor) },
      },
    ]),
  );
  return { ...build, routes };
}
