/**
 * One pass over the outbox: every due item, oldest first, one request each. Storage and network
 * come in as arguments so the unit tests drive it with a memory store and a fake server, crashes
 * included. The caller holds the device-wide lock (lock.ts) for the whole pass: a second tab
 * never sends an item this one is sending, and an item found "sending" was left by a tab that died
 * between the server's reply and recording it; it is sent again, and the server's idempotency by
 * UUID answers with the stored record (no duplicate).
 */
import { beginSend, byCreation, isDue, recover, settle, type OutboxItem, type Outcome } from "./machine";

export type OutboxStore = {
  list(owner: string): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
};

export type DrainDeps = {
  store: OutboxStore;
  send: (item: OutboxItem) => Promise<Outcome>;
  now?: () => number;
  random?: () => number;
};

export type DrainSummary = { sent: number; refused: number; waiting: number };

/** Sent items older than this leave the list (the office's own records say what arrived). */
export const SENT_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export async function drainOnce(owner: string, { store, send, now = Date.now, random = Math.random }: DrainDeps): Promise<DrainSummary> {
  const summary: DrainSummary = { sent: 0, refused: 0, waiting: 0 };
  const items = (await store.list(owner)).sort(byCreation);
  let reachable = true;
  for (const found of items) {
    let item = found.state === "sending" ? recover(found) : found;
    if (item !== found) await store.put(item);
    if (!reachable || !isDue(item, now())) {
      if (item.state === "pending") summary.waiting++;
      continue;
    }
    item = beginSend(item);
    await store.put(item);
    const outcome = await send(item);
    item = settle(item, outcome, now(), random());
    await store.put(item);
    if (item.state === "sent") summary.sent++;
    else if (item.state === "pending") {
      summary.waiting++;
      // No answer: the rest would meet the same closed door; they wait for the next pass.
      reachable = outcome.type !== "unreachable" && outcome.type !== "signedOut";
    } else summary.refused++;
  }
  return summary;
}
