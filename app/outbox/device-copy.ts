/**
 * What an account leaves on this device, for the sign-out: its unsent work (drafts and outbox
 * items not yet acknowledged), and clearing all of it, with the pages the service worker kept for
 * offline use (decision 0035), so the next person on a shared phone finds nothing of it.
 */
import { isUnsent } from "./machine";
import { clearOwner, countDrafts, listOutbox } from "./store";

/** The service worker's cache of the collaborator's pages (public/sw source: app/service-worker/sw.ts). */
export const PAGE_CACHE = "duluan-pages";

export async function unsentOnDevice(username: string): Promise<number> {
  try {
    return (await countDrafts(username)) + (await listOutbox(username)).filter(isUnsent).length;
  } catch {
    return 0;
  }
}

export async function clearDeviceCopy(username: string): Promise<void> {
  await clearOwner(username).catch(() => {});
  await forgetCachedPages();
}

export async function forgetCachedPages(): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(PAGE_CACHE).catch(() => false);
}
