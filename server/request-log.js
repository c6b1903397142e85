// One log line per request: when it ended, method, path, status, duration, the signed-in
// account's id and, after a server error, its id. Never the query string (filters carry free
// text), a body, a cookie or a header: a log line holds nothing a reader of the log may not see.
import { requestContext } from "./request-context.js";

// A path longer than this is a probe, not a page of the app.
const MAX_PATH_LENGTH = 200;

/**
 * @param {import("pino").Logger} logger
 * @param {{ enabled: boolean }} options LOG_REQUESTS=0 silences the lines (the e2e server)
 */
export function logRequests(logger, { enabled }) {
  return (req, res, next) => {
    const context = {};
    if (enabled) {
      const started = process.hrtime.bigint();
      res.once("close", () => logger.info(requestLine(req, res, context, started), "request"));
    }
    requestContext.run(context, next);
  };
}

function requestLine(req, res, context, started) {
  const line = {
    method: req.method,
    path: req.path.slice(0, MAX_PATH_LENGTH),
    status: res.statusCode,
    ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
  };
  if (!res.writableFinished) line.aborted = true;
  if (context.accountId !== undefined) line.account = context.accountId;
  if (context.errorId !== undefined) line.errorId = context.errorId;
  return line;
}
