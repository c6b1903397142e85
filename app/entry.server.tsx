import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { dbReady } from "~/db/db.server";
import { createI18n } from "~/i18n/i18n";
import { enField } from "~/i18n/locales/en";
import { enOffice } from "~/i18n/locales/en.office";
import { viField } from "~/i18n/locales/vi";
import { viOffice } from "~/i18n/locales/vi.office";
import { getLanguage } from "~/i18n/language.server";
import { NonceProvider } from "~/ui/nonce";
import { ViewPaddingStripper } from "~/ssr/view-padding.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string;
    /**
     * Logs a server error with a new id (server/error-ids.js) and returns the id. server.js always
     * sets it; contexts built by unit tests for calling a loader directly need not.
     */
    reportError?: (error: unknown, request?: Request) => string;
  }
}

// SQLite pragmas (WAL, synchronous, foreign keys) are set before the first request is served.
await dbReady;

export const streamTimeout = 5_000;

// Read by server/error-ids.js: every loader's and action's domain error becomes its response here.
export { httpErrorFor } from "~/errors/http.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const language = await getLanguage(request);
  // The server holds every text; what a page may use is checked in the browser (see i18n.ts).
  const i18n = language === "en" ? createI18n(language, enField, enOffice) : createI18n(language, viField, viOffice);
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          // Not a PassThrough: React 18.3 pads some chunks with NUL bytes (view-padding.server.ts).
          const body = new ViewPaddingStripper();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) reportError(loadContext, error, request);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Remix reports here what went wrong outside a loader's or action's own code (rendering, a route
 * that does not exist). Errors of loaders and actions are logged, with their id, where server.js
 * wraps them (server/error-ids.js). A 4xx (a missing or foreign record, a refused request) is an
 * answer, not a fault: the request's log line says it, with no stack trace, each time someone
 * follows a stale link or probes ids. Aborted requests are not faults either.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  reportError(context, error, request);
}

function reportError(context: AppLoadContext, error: unknown, request: Request) {
  if (context.reportError) context.reportError(error, request);
  else console.error(error);
}
