/**
 * The app on a collaborator's phone (decision 0035): the service worker registered, and after each
 * visit online the collaborator's pages (and their data) handed to it to keep for offline use. An
 * office account's device gets no service worker (any left from a collaborator is removed with
 * its cached pages): office pages always come from the network.
 */
import { forgetCachedPages } from "./device-copy";

const WARMED_AT = "duluan:offline-warmed";
const WARM_EVERY_MS = 10 * 60 * 1000;

/** Single fetch's data URL of a page ("/" → "/_root.data", "/a?b" → "/a.data?b"). */
export function dataUrlOf(page: string): string {
  const url = new URL(page, "http://x");
  return `${url.pathname === "/" ? "/_root" : url.pathname}.data${url.search}`;
}

/**
 * Offline, a link opens its page as a document, which the service worker has kept; the app's
 * own in-page navigation would first ask the server for the route's manifest and data.
 */
function openLinksAsDocumentsWhenOffline() {
  window.addEventListener(
    "click",
    (event) => {
      if (navigator.onLine || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target || link.hasAttribute("download") || link.origin !== location.origin) return;
      event.preventDefault();
      event.stopPropagation();
      location.assign(link.href);
    },
    { capture: true },
  );
}

let started = false;

export async function startOfflineApp(username: string) {
  if (!("serviceWorker" in navigator)) return;
  if (!started) openLinksAsDocumentsWhenOffline();
  started = true;
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  // The page cache belongs to one account: another account's sign-in on this phone starts it afresh.
  if (localStorage.getItem("duluan:offline-owner") !== username) {
    await forgetCachedPages();
    localStorage.setItem("duluan:offline-owner", username);
    localStorage.removeItem(WARMED_AT);
  }
  if (!navigator.onLine || Date.now() - Number(localStorage.getItem(WARMED_AT) ?? 0) < WARM_EVERY_MS) return;
  const res = await fetch("/offline-pages.json", { headers: { Accept: "application/json" } });
  if (!res.ok) return;
  const { pages } = (await res.json()) as { pages: string[] };
  const worker = (await navigator.serviceWorker.ready).active ?? registration.active;
  worker?.postMessage({ type: "warm", urls: pages.flatMap((p) => [p, dataUrlOf(p)]) });
  localStorage.setItem(WARMED_AT, String(Date.now()));
}

export async function stopOfflineApp() {
  if (!("serviceWorker" in navigator)) return;
  const registrations = await navigator.serviceWorker.getRegistrations();
  if (!registrations.length) return;
  await Promise.all(registrations.map((r) => r.unregister()));
  await forgetCachedPages();
  localStorage.removeItem("duluan:offline-owner");
}
