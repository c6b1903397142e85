/**
 * The outbox's state machine, pure (no storage, no network), so every transition is unit-tested
 * (tests/unit/outbox-machine.test.ts). An item is one questionnaire or report waiting on the
 * device, keyed by its client UUID, which the server uses for idempotency (decision 0034):
 *
 *   pending ──beginSend──▶ sending ──ack──▶ sent
 *      ▲                      │ ├──refused──▶ refused   (kept; fix or discard)
 *      │                      │ └──conflict─▶ conflict  (the UUID holds other content)
 *      └──unreachable/signedOut (back-off)
 *   sending ──recover──▶ pending   (found by the next drain: the tab that sent it died before
 *                                   recording the reply; the resend is answered "already have it")
 */
export type OutboxState = "pending" | "sending" | "sent" | "refused" | "conflict";
export type OutboxKind = "survey" | "report";

export type OutboxError = { message: string; errors?: Record<string, string[]>; status?: number };

export type OutboxItem = {
  /** The client UUID: the item's key here and its idempotency key on the server. */
  id: string;
  kind: OutboxKind;
  /** The account that filled it: only that account's session may send it (decision 0018). */
  owner: string;
  /** What the list shows (the survey's title, the report's period). */
  title: string;
  /** Where to fix it: the form it came from. */
  href: string;
  /** Exactly what is sent, frozen when the item was queued. */
  payload: Record<string, unknown>;
  createdAt: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError?: OutboxError;
  /** The server's record once acknowledged (the questionnaire's or report's id). */
  receiptId?: number;
  sentAt?: number;
};

/** What one send came back with, as sending.ts reads the server's answer. */
export type Outcome =
  | { type: "ack"; receiptId: number }
  | { type: "refused"; error: OutboxError }
  | { type: "conflict"; error: OutboxError }
  /** No answer, a 5xx, or something that is not the API's receipt (a proxy's or captive portal's page). */
  | { type: "unreachable" }
  /** The session ended (idle or absolute limit): kept until the collaborator signs in again. */
  | { type: "signedOut" };

export const MAX_BACKOFF_MS = 60_000;

/** 2 s, 4 s, 8 s … at most 60 s, spread ×0.75–1.25 so phones coming back online do not retry in step. */
export function backoffMs(attempts: number, random: number): number {
  return Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.max(0, attempts - 1) * (0.75 + random / 2));
}

export function queued(input: Pick<OutboxItem, "id" | "kind" | "owner" | "title" | "href" | "payload">, now: number): OutboxItem {
  return { ...input, createdAt: now, state: "pending", attempts: 0, nextAttemptAt: now };
}

export function isDue(item: OutboxItem, now: number): boolean {
  return item.state === "pending" && item.nextAttemptAt <= now;
}

/** Waiting on the device: everything not yet acknowledged by the server. */
export function isUnsent(item: OutboxItem): boolean {
  return item.state !== "sent";
}

export function beginSend(item: OutboxItem): OutboxItem {
  if (item.state !== "pending") throw new Error(`outbox: cannot send an item that is ${item.state}`);
  return { ...item, state: "sending", attempts: item.attempts + 1 };
}

export function settle(item: OutboxItem, outcome: Outcome, now: number, random: number): OutboxItem {
  if (item.state !== "sending") throw new Error(`outbox: no send in flight for an item that is ${item.state}`);
  switch (outcome.type) {
    case "ack":
      return { ...item, state: "sent", receiptId: outcome.receiptId, sentAt: now, lastError: undefined };
    case "refused":
      return { ...item, state: "refused", lastError: outcome.error };
    case "conflict":
      return { ...item, state: "conflict", lastError: outcome.error };
    case "unreachable":
      return { ...item, state: "pending", nextAttemptAt: now + backoffMs(item.attempts, random), lastError: undefined };
    case "signedOut":
      return { ...item, state: "pending", nextAttemptAt: now + backoffMs(item.attempts, random), lastError: { message: "outbox.signedOut", status: 401 } };
  }
}

/** A send left in flight by a tab that is gone (only the drain that holds the lock calls this). */
export function recover(item: OutboxItem): OutboxItem {
  return item.state === "sending" ? { ...item, state: "pending", nextAttemptAt: 0 } : item;
}

/** "Send now", or the connection came back: a waiting item goes at once, its back-off forgotten. */
export function retryNow(item: OutboxItem): OutboxItem {
  return item.state === "pending" ? { ...item, attempts: 0, nextAttemptAt: 0 } : item;
}

/**
 * A conflict's way out: the same content as a new questionnaire or report under a new UUID (the
 * old UUID holds other content on the server, which stays as it is).
 */
export function asNew(item: OutboxItem, id: string, now: number): OutboxItem {
  if (item.state !== "conflict") throw new Error(`outbox: only a conflict is saved as new, not ${item.state}`);
  const payload = item.kind === "survey" ? { ...item.payload, uuid: id, revision: 1 } : { ...item.payload, clientUuid: id };
  return queued({ ...item, id, payload }, now);
}

/** Oldest first: the outbox drains in the order the collaborator filled it. */
export const byCreation = (a: OutboxItem, b: OutboxItem) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
