// The outbox's state machine and one drain pass (app/outbox/machine.ts, drain.ts), with a memory
// store and a fake server that is idempotent by UUID like the real APIs.
import { describe, expect, it } from "vitest";
import { drainOnce, type OutboxStore } from "~/outbox/drain";
import { asNew, backoffMs, beginSend, isDue, queued, recover, retryNow, settle, type OutboxItem, type Outcome } from "~/outbox/machine";
import { readAnswer } from "~/outbox/sending";
import { newUuid } from "~/outbox/uuid";

const item = (id: string, createdAt = 1000, payload: Record<string, unknown> = { uuid: id, answers: { Q1: "A" } }) =>
  queued({ id, kind: "survey", owner: "ctv", title: "Phiếu", href: "/surveys/1/fill", payload }, createdAt);

function memoryStore(items: OutboxItem[] = []) {
  const rows = new Map(items.map((i) => [i.id, i]));
  const store: OutboxStore & { rows: Map<string, OutboxItem> } = {
    rows,
    async list(owner) {
      return [...rows.values()].filter((i) => i.owner === owner);
    },
    async put(i) {
      rows.set(i.id, i);
    },
  };
  return store;
}

/** A server that stores by UUID: the same content again answers the stored record, other content 409. */
function fakeServer() {
  const stored = new Map<string, { id: number; body: string }>();
  let down = false;
  const requests: string[] = [];
  return {
    stored,
    requests,
    setDown(value: boolean) {
      down = value;
    },
    async send(i: OutboxItem): Promise<Outcome> {
      requests.push(i.id);
      if (down) return { type: "unreachable" };
      const body = JSON.stringify(i.payload);
      const found = stored.get(i.id);
      if (found) return found.body === body ? readAnswer(i, 200, { responseId: found.id, duplicate: true }) : readAnswer(i, 409, { message: "surveys.api.uuidConflict" });
      if ((i.payload as { closed?: boolean }).closed) return readAnswer(i, 409, { message: "surveys.api.surveyClosed" });
      stored.set(i.id, { id: stored.size + 1, body });
      return readAnswer(i, 201, { responseId: stored.size });
    },
  };
}

describe("outbox state machine", () => {
  it("goes pending → sending → sent on the API's receipt", () => {
    const sending = beginSend(item("a"));
    expect(sending).toMatchObject({ state: "sending", attempts: 1 });
    expect(settle(sending, { type: "ack", receiptId: 7 }, 2000, 0.5)).toMatchObject({ state: "sent", receiptId: 7, sentAt: 2000 });
  });

  it("keeps a refused item with its reason, and a conflict apart", () => {
    const sending = beginSend(item("a"));
    expect(settle(sending, { type: "refused", error: { message: "surveys.api.surveyClosed", status: 409 } }, 2000, 0.5)).toMatchObject({
      state: "refused",
      lastError: { message: "surveys.api.surveyClosed" },
    });
    const conflict = settle(sending, { type: "conflict", error: { message: "surveys.api.uuidConflict", status: 409 } }, 2000, 0.5);
    expect(conflict.state).toBe("conflict");
    const renewed = asNew(conflict, "b", 3000);
    expect(renewed).toMatchObject({ id: "b", state: "pending", attempts: 0, payload: { uuid: "b", revision: 1 } });
  });

  it("backs off 2 s, 4 s, 8 s … at most 60 s when there is no answer, and retries at once on demand", () => {
    expect(backoffMs(1, 0.5)).toBe(2000);
    expect(backoffMs(2, 0.5)).toBe(4000);
    expect(backoffMs(3, 0)).toBe(6000);
    expect(backoffMs(20, 1)).toBe(60_000);
    let i = item("a");
    for (let n = 1; n <= 3; n++) i = settle(beginSend(i), { type: "unreachable" }, 10_000, 0.5);
    expect(i).toMatchObject({ state: "pending", attempts: 3, nextAttemptAt: 18_000 });
    expect(isDue(i, 17_999)).toBe(false);
    expect(isDue(retryNow(i), 10_000)).toBe(true);
  });

  it("waits for a new sign-in when the session ended, and says so", () => {
    expect(settle(beginSend(item("a")), { type: "signedOut" }, 0, 0.5)).toMatchObject({ state: "pending", lastError: { status: 401 } });
  });

  it("refuses impossible transitions", () => {
    expect(() => beginSend(beginSend(item("a")))).toThrow();
    expect(() => settle(item("a"), { type: "ack", receiptId: 1 }, 0, 0)).toThrow();
    expect(() => asNew(item("a"), "b", 0)).toThrow();
  });

  it("reads only the API's own receipt as delivered", () => {
    const survey = { kind: "survey" as const };
    expect(readAnswer(survey, 201, { responseId: 3 })).toEqual({ type: "ack", receiptId: 3 });
    expect(readAnswer(survey, 200, {})).toEqual({ type: "unreachable" }); // a captive portal's page
    expect(readAnswer(survey, 502, {})).toEqual({ type: "unreachable" });
    expect(readAnswer(survey, 401, { message: "surveys.api.signedOut" })).toEqual({ type: "signedOut" });
    expect(readAnswer({ kind: "report" }, 409, { message: "reports.errors.uuidReplayChanged" }).type).toBe("conflict");
    expect(readAnswer({ kind: "report" }, 400, { message: "reports.errors.periodClosed" }).type).toBe("refused");
    expect(readAnswer({ kind: "report" }, 201, { reportId: 9 })).toEqual({ type: "ack", receiptId: 9 });
  });

  it("makes version 4 UUIDs from getRandomValues", () => {
    const ids = new Set(Array.from({ length: 200 }, newUuid));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("draining the outbox", () => {
  it("sends every item once, in the order they were filled", async () => {
    const store = memoryStore([item("c", 3), item("a", 1), item("b", 2)]);
    const server = fakeServer();
    expect(await drainOnce("ctv", { store, send: server.send, now: () => 10 })).toEqual({ sent: 3, refused: 0, waiting: 0 });
    expect(server.requests).toEqual(["a", "b", "c"]);
    expect([...store.rows.values()].every((i) => i.state === "sent")).toBe(true);
    // A second pass sends nothing.
    await drainOnce("ctv", { store, send: server.send, now: () => 20 });
    expect(server.requests).toHaveLength(3);
  });

  it("stops at the first unanswered request and keeps the rest waiting", async () => {
    const store = memoryStore([item("a", 1), item("b", 2)]);
    const server = fakeServer();
    server.setDown(true);
    expect(await drainOnce("ctv", { store, send: server.send, now: () => 10 })).toEqual({ sent: 0, refused: 0, waiting: 2 });
    expect(server.requests).toEqual(["a"]);
    server.setDown(false);
    await drainOnce("ctv", { store, send: server.send, now: () => 10_000 });
    expect(server.stored.size).toBe(2);
  });

  it("keeps a refused item and goes on with the next", async () => {
    const store = memoryStore([item("a", 1, { closed: true }), item("b", 2)]);
    const server = fakeServer();
    expect(await drainOnce("ctv", { store, send: server.send, now: () => 10 })).toEqual({ sent: 1, refused: 1, waiting: 0 });
    expect(store.rows.get("a")).toMatchObject({ state: "refused", lastError: { message: "surveys.api.surveyClosed" } });
  });

  it("a crash between the server's receipt and the local update resends once and stores nothing twice", async () => {
    const store = memoryStore([item("a", 1)]);
    const server = fakeServer();
    // beginSend is recorded; the tab dies as it records the receipt.
    const put = store.put;
    let puts = 0;
    store.put = async (i) => {
      if (++puts === 2) throw new Error("the tab died");
      return put(i);
    };
    await expect(drainOnce("ctv", { store, send: server.send, now: () => 10 })).rejects.toThrow("the tab died");
    expect(store.rows.get("a")!.state).toBe("sending");
    expect(server.stored.size).toBe(1);

    // The next drain (it holds the lock: nobody else is sending) finds it in flight and resends.
    store.put = put;
    expect(await drainOnce("ctv", { store, send: server.send, now: () => 20 })).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.requests).toEqual(["a", "a"]);
    expect(server.stored.size).toBe(1);
    expect(store.rows.get("a")).toMatchObject({ state: "sent", receiptId: 1 });
  });

  it("recovers only items in flight", () => {
    const sending = beginSend(item("a"));
    expect(recover(sending)).toMatchObject({ state: "pending", nextAttemptAt: 0 });
    const sent = settle(sending, { type: "ack", receiptId: 1 }, 0, 0);
    expect(recover(sent)).toBe(sent);
  });

  it("drains only the signed-in account's items", async () => {
    const other = { ...item("x", 1), owner: "ctv2" };
    const store = memoryStore([other, item("a", 2)]);
    const server = fakeServer();
    await drainOnce("ctv", { store, send: server.send, now: () => 10 });
    expect(server.requests).toEqual(["a"]);
    expect(store.rows.get("x")!.state).toBe("pending");
  });
});
