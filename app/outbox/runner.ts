/**
 * Draining this device's outbox for the signed-in account: one pass at a time across every tab
 * (the Web Locks API: a second tab waits, then finds nothing due), and the next pass scheduled at
 * the earliest back-off. Where the browser has no Web Locks, the server's idempotency by UUID
 * still keeps a double send from storing anything twice.
 */
import { drainOnce, SENT_KEPT_MS, type DrainSummary } from "./drain";
import { sendItem } from "./sending";
import { deleteOutboxItem, listOutbox, outboxStore } from "./store";

const LOCK = "duluan-outbox-drain";

function withDrainLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK, run) as Promise<T>) : run();
}

export async function drainOutbox(owner: string): Promise<DrainSummary> {
  return withDrainLock(async () => {
    const summary = await drainOnce(owner, { store: outboxStore, send: sendItem });
    await forgetOldSent(owner);
    return summary;
  });
}

async function forgetOldSent(owner: string) {
  const old = Date.now() - SENT_KEPT_MS;
  for (const item of await listOutbox(owner)) if (item.state === "sent" && (item.sentAt ?? 0) < old) await deleteOutboxItem(item);
}
