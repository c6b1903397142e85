// The HTTP server: Express in front of Remix. It owns what must hold for every request before any
// route code runs: security headers with a per-request CSP nonce, the cross-site request check on
// every non-GET request, the client IP for sign-in throttling, static files and compression,
// no-store on every dynamic response, one log line per request and an id for every server error.
// In production it first checks the settings production needs and refuses to start without them.
import crypto from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { securityHeaders } from "./server/security-headers.js";
import { rejectCrossSiteRequests } from "./server/cross-site.js";
import { limitBodySize } from "./server/body-limit.js";
import { noStore } from "./server/no-store.js";
import { createLogger } from "./server/logger.js";
import { logRequests } from "./server/request-log.js";
import { reportServerError, withErrorIds } from "./server/error-ids.js";
import { CONFIG_ERROR_EXIT_CODE, productionProblems, refusalMessage } from "./server/production-settings.js";
import { parseTrustProxy } from "./server/trust-proxy.js";

const isProduction = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const problems = isProduction ? productionProblems(process.env) : trustProxy.ok ? [] : [`TRUST_PROXY=${process.env.TRUST_PROXY} is not a number of proxies`];
if (problems.length > 0) {
  process.stderr.write(refusalMessage(problems));
  process.exit(CONFIG_ERROR_EXIT_CODE);
}

const logger = createLogger();
const reportError = (error, request) => reportServerError(logger, error, request);

const viteDevServer = isProduction
  ? undefined
  : await import("vite").then((vite) =>
      vite.createServer({ server: { middlewareMode: true } }),
    );

const app = express();
app.disable("x-powered-by");
// Only behind a reverse proxy that sets X-Forwarded-For: TRUST_PROXY=1 (server/trust-proxy.js).
app.set("trust proxy", trustProxy.hops);

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});
app.use(securityHeaders({ isProduction }));
// Not the JSON API: its answers are a few dozen bytes, and streamed bodies carry no Content-Length,
// so compression would start a zlib stream (and its 256 KB of buffers) for every submission.
app.use(compression({ filter: (req, res) => !req.path.startsWith("/api/") && compression.filter(req, res) }));

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // The service worker is checked for a new build at every visit: never from the HTTP cache.
  app.get("/sw.js", (_req, res) => res.set("Cache-Control", "no-cache").sendFile("build/client/sw.js", { root: process.cwd() }));
  // Fingerprinted assets can be cached for a year; everything else briefly.
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}
app.use(express.static("public", { maxAge: "1h" }));
// Browsers ask for /favicon.ico whatever the page links; the icon is an SVG.
app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
// Static files above are not logged: one line per page or API request, not per asset.
app.use(logRequests(logger, { enabled: process.env.LOG_REQUESTS !== "0" }));

app.use(noStore);
app.use(rejectCrossSiteRequests);
app.use(limitBodySize(Number(process.env.MAX_BODY_BYTES ?? 12 * 1024 * 1024)));

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build").then((dev) => withErrorIds(dev, reportError))
  : withErrorIds(await import("./build/server/index.js"), reportError);

app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      reportError,
    }),
  }),
);

const server = app.listen(port, host, () => {
  logger.info({ port, host }, `Dư luận listening on http://localhost:${port}`);
});
// Keep idle connections longer than the clients and proxies that reuse them (nginx, load
// balancers: 60 s). With Node's default of 5 s, a client sending on a connection the server is
// just closing gets ECONNRESET, seen under load in the test suite's API requests.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

// Graceful stop: finish in-flight requests, then exit (profilers and coverage flush on exit).
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
