/// <reference lib="webworker" />
/**
 * The service worker (decision 0035), built by Workbox's runtime modules and bundled by esbuild
 * after the build (scripts/service-worker-build.ts), which injects the precache list: what the
 * collaborator's pages (field-pages.ts) can load from this build, lazily loaded chunks (the forms'
 * checks) included, so they work offline without the browser's HTTP cache.
 *
 * - The collaborator's pages (documents, their single-fetch `.data`, and the route manifest) are
 *   NetworkFirst with a short timeout into one cache, `duluan-pages`, which the app clears at
 *   every sign-in and sign-out: one account's pages are never served to another. A redirect (an
 *   expired session's way to the sign-in page) or an error is never cached.
 * - Everything else (office pages, APIs, every POST) is not touched: it goes to the network.
 * - A new build is a new sw.js: it installs, precaches the new assets, takes over at once and
 *   drops the old ones. The outbox lives in IndexedDB, not here, so an update strands nothing.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import type { WorkboxPlugin } from "workbox-core";
import { isFieldPage } from "./field-pages";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

const PAGE_CACHE = "duluan-pages";

self.skipWaiting();
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

/** Only a page's own successful answer is kept: never a redirect to the sign-in page, nor an error. */
const onlyOwnPages: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null),
  // Single fetch may name the routes to load (`_routes`); the page is the same either way.
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url);
    if (!url.searchParams.has("_routes")) return request;
    url.searchParams.delete("_routes");
    return url.href;
  },
};

const pages = new NetworkFirst({ cacheName: PAGE_CACHE, networkTimeoutSeconds: 4, plugins: [onlyOwnPages] });

registerRoute(({ url, request }) => url.origin === self.location.origin && request.method === "GET" && isFieldPage(url.pathname), pages);
// Lazy route discovery: the manifest of the routes a page links to (the same request on every visit).
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname === "/__manifest", pages);

/** The app asks, after a visit online, for the collaborator's pages to be kept (documents and data). */
self.addEventListener("message", (event) => {
  const data = event.data as { type?: string; urls?: string[] } | undefined;
  if (data?.type !== "warm" || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PAGE_CACHE);
      for (const url of data.urls!) {
        try {
          const response = await fetch(url, { credentials: "same-origin" });
          if (response.status === 200 && !response.redirected) await cache.put(url, response);
        } catch {
          return; // offline again: the rest waits for the next visit
        }
      }
    })(),
  );
});
