// The server's log: one JSON line per request with no query string and the signed-in account's
// id; a 404 is one line, no stack; a server error gets an id that is logged with its stack, put on
// the request's line and handed to the error page.
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { Conflict, NotFound } from "~/errors/domain-errors";
import { httpErrorFor } from "~/errors/http.server";
import { describeRouteError } from "~/ui/route-error";
import { reportServerError, withErrorIds } from "../../server/error-ids.js";
import { createLogger } from "../../server/logger.js";
import { noteRequestAccount } from "../../server/request-context.js";
import { logRequests } from "../../server/request-log.js";

type Line = Record<string, unknown> & { level: string; msg: string };

function memoryLogger() {
  const lines: Line[] = [];
  const logger = createLogger({ write: (chunk: string) => void lines.push(JSON.parse(chunk) as Line) });
  return { logger, lines };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Serves `app` on an ephemeral port for the requests `run` makes. */
async function serve(app: express.Express, run: (base: string) => Promise<void>) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function appWithLog(enabled: boolean) {
  const { logger, lines } = memoryLogger();
  const app = express();
  app.use(logRequests(logger, { enabled }));
  app.get("/surveys/:id", async (_req, res) => {
    // The account is noted deep in the app, after awaits: the request's store follows.
    await tick();
    noteRequestAccount(7);
    res.send("ok");
  });
  const failingLoader = withErrorIds(
    { routes: { failing: { module: { loader: async () => Promise.reject(new Error("disk on fire")) } } } },
    (error, request) => reportServerError(logger, error, request),
  ).routes.failing.module.loader as (args: { request: Request }) => Promise<unknown>;
  app.get("/failing", async (req, res) => {
    const thrown = await failingLoader({ request: new Request(`http://x${req.originalUrl}`) }).catch((e: unknown) => e);
    res.status((thrown as Response).status).json(await (thrown as Response).json());
  });
  app.use((_req, res) => res.status(404).send("missing"));
  return { app, lines };
}

describe("request log", () => {
  it("writes one JSON line per request: path without the query, status, duration, account id", async () => {
    const { app, lines } = appWithLog(true);
    await serve(app, async (base) => {
      expect((await fetch(`${base}/surveys/12?q=Nguy%E1%BB%85n%20V%C4%83n%20A`)).status).toBe(200);
      expect((await fetch(`${base}/nowhere?token=abc`)).status).toBe(404);
    });
    await tick();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/surveys/12", status: 200, account: 7 });
    expect(typeof lines[0]!.ms).toBe("number");
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
    // A 404 is one ordinary line, with no account (nobody signed in) and no error.
    expect(lines[1]).toEqual({ level: "info", time: lines[1]!.time, msg: "request", method: "GET", path: "/nowhere", status: 404, ms: lines[1]!.ms });
    expect(JSON.stringify(lines)).not.toMatch(/Nguy|token|abc/);
  });

  it("LOG_REQUESTS=0 silences the request lines", async () => {
    const { app, lines } = appWithLog(false);
    await serve(app, async (base) => {
      expect((await fetch(`${base}/surveys/12`)).status).toBe(200);
    });
    await tick();
    expect(lines).toEqual([]);
  });
});

describe("error ids", () => {
  it("logs a failing loader's error with an id and its stack, answers 500 with only the id, and puts the id on the request line", async () => {
    const { app, lines } = appWithLog(true);
    let body: unknown;
    await serve(app, async (base) => {
      const response = await fetch(`${base}/failing?q=secret`);
      expect(response.status).toBe(500);
      body = await response.json();
    });
    await tick();
    const [error, request] = lines;
    const errorId = (body as { errorId: string }).errorId;
    expect(errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(body).toEqual({ errorId });
    expect(error).toMatchObject({ level: "error", msg: "server error", errorId, method: "GET", path: "/failing" });
    expect((error!.err as { stack: string }).stack).toContain("disk on fire");
    expect(request).toMatchObject({ msg: "request", status: 500, errorId });
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("lets thrown Responses (404, redirects) through untouched and logs nothing", async () => {
    const { logger, lines } = memoryLogger();
    const notFound = new Response(null, { status: 404 });
    const loader = withErrorIds({ routes: { r: { module: { loader: async () => Promise.reject(notFound) } } } }, (error, request) =>
      reportServerError(logger, error, request),
    ).routes.r.module.loader as (args: { request: Request }) => Promise<unknown>;
    expect(await loader({ request: new Request("http://x/units/9") }).catch((e: unknown) => e)).toBe(notFound);
    expect(lines).toEqual([]);
  });

  it("answers a domain error with its status through the entry's adapter, and logs nothing", async () => {
    const { logger, lines } = memoryLogger();
    const build = (error: Error) => ({ entry: { module: { httpErrorFor } }, routes: { r: { module: { loader: async () => Promise.reject(error) } } } });
    const loaderOf = (error: Error) =>
      withErrorIds(build(error), (e, request) => reportServerError(logger, e, request)).routes.r.module.loader as (args: { request: Request }) => Promise<unknown>;
    const thrown = async (error: Error) => (await loaderOf(error)({ request: new Request("http://x/units/9") }).catch((e: unknown) => e)) as { data: unknown; init: { status: number } };
    expect(await thrown(new NotFound())).toMatchObject({ data: { message: "not_found" }, init: { status: 404 } });
    expect(await thrown(new Conflict("quarterly.errors.publishedMeanwhile"))).toMatchObject({ data: { message: "quarterly.errors.publishedMeanwhile" }, init: { status: 409 } });
    expect(lines).toEqual([]);
  });

  it("the error page shows the id of a server error, and none for anything else", () => {
    const routeError = (status: number, data: unknown) => ({ status, statusText: "", internal: false, data });
    expect(describeRouteError(routeError(500, { errorId: "0a1b2c3d" }))).toEqual({ kind: "serverError", errorId: "0a1b2c3d" });
    expect(describeRouteError(routeError(404, { message: "not_found" }))).toEqual({ kind: "notFound" });
    expect(describeRouteError(routeError(500, { errorId: "<script>" }))).toEqual({ kind: "serverError" });
    expect(describeRouteError(new Error("Unexpected Server Error"))).toEqual({ kind: "serverError" });
  });
});
