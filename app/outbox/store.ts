/**
 * The device's store: IndexedDB through `idb` (a 1.2 KB wrapper), never localStorage (which is
 * synchronous, small, and cleared by some browsers under pressure). Two object stores, both keyed
 * by the account that wrote them (decision 0018): `outbox` (finished questionnaires and reports,
 * machine.ts) and `drafts` (forms being filled). Every change is announced to this tab and to the
 * others (BroadcastChannel), so badges, lists and forms follow. Decision 0034.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { retryNow, type OutboxItem } from "./machine";

type DraftRecord = { key: string; owner: string; value: unknown; updatedAt: number };

interface DeviceDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { owner: string } };
  drafts: { key: string; value: DraftRecord; indexes: { owner: string } };
}

const DB_NAME = "duluan";
const CHANNEL = "duluan-device";
export type DeviceChange = { store: "outbox" | "drafts"; owner: string; key?: string; value?: unknown; from: string };

/** This tab's id: a tab ignores the echo of its own changes. */
export const TAB_ID = typeof crypto !== "undefined" ? Math.random().toString(36).slice(2) : "server";

let dbPromise: Promise<IDBPDatabase<DeviceDb>> | null = null;

export function deviceDb(): Promise<IDBPDatabase<DeviceDb>> {
  dbPromise ??= openDB<DeviceDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "id" }).createIndex("owner", "owner");
      db.createObjectStore("drafts", { keyPath: "key" }).createIndex("owner", "owner");
    },
  }).then(async (db) => {
    await moveLocalStorageDrafts(db);
    return db;
  });
  return dbPromise;
}

// In the browser the device's database starts opening as this module loads, before React hydrates:
// the form's draft read (what enables its send button) then finds it open, which matters on a
// slow phone opening the app offline (bench step 9).
if (typeof indexedDB !== "undefined" && typeof window !== "undefined") void deviceDb().catch(() => undefined);

// --- change notifications -------------------------------------------------------------------
const listeners = new Set<(change: DeviceChange) => void>();
let channel: BroadcastChannel | null = null;

export function onDeviceChange(listener: (change: DeviceChange) => void): () => void {
  if (!channel && typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<DeviceChange>) => listeners.forEach((l) => l(e.data));
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(change: Omit<DeviceChange, "from">) {
  const full = { ...change, from: TAB_ID };
  listeners.forEach((l) => l(full));
  channel?.postMessage(full);
}

// --- outbox ---------------------------------------------------------------------------------
export async function listOutbox(owner: string): Promise<OutboxItem[]> {
  return (await deviceDb()).getAllFromIndex("outbox", "owner", owner);
}

export async function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  return (await deviceDb()).get("outbox", id);
}

export async function putOutboxItem(item: OutboxItem): Promise<void> {
  await (await deviceDb()).put("outbox", item);
  announce({ store: "outbox", owner: item.owner, key: item.id });
}

/**
 * Every waiting item of this account due at once (back online, "send now"), in one read-write
 * transaction: it reads each item as it is now, so an item another tab has just sent is never
 * written back as waiting from a stale copy (which would send it a second time).
 */
export async function retryWaitingNow(owner: string): Promise<void> {
  const tx = (await deviceDb()).transaction("outbox", "readwrite");
  let changed = false;
  for (const item of await tx.store.index("owner").getAll(owner)) {
    if (item.state !== "pending") continue;
    await tx.store.put(retryNow(item));
    changed = true;
  }
  await tx.done;
  if (changed) announce({ store: "outbox", owner });
}

export async function deleteOutboxItem(item: Pick<OutboxItem, "id" | "owner">): Promise<void> {
  await (await deviceDb()).delete("outbox", item.id);
  announce({ store: "outbox", owner: item.owner, key: item.id });
}

/** The store drain.ts works on. */
export const outboxStore = { list: listOutbox, put: putOutboxItem };

// --- drafts ---------------------------------------------------------------------------------
export async function getDraft<T>(key: string): Promise<T | undefined> {
  return (await (await deviceDb()).get("drafts", key))?.value as T | undefined;
}

export async function putDraft(key: string, owner: string, value: unknown): Promise<void> {
  await (await deviceDb()).put("drafts", { key, owner, value, updatedAt: Date.now() });
  announce({ store: "drafts", owner, key, value });
}

export async function deleteDraft(key: string, owner: string): Promise<void> {
  await (await deviceDb()).delete("drafts", key);
  announce({ store: "drafts", owner, key, value: null });
}

export async function countDrafts(owner: string): Promise<number> {
  return (await deviceDb()).countFromIndex("drafts", "owner", owner);
}

/** Signing out for good: the account's drafts and outbox (sent history included) leave the device. */
export async function clearOwner(owner: string): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction(["outbox", "drafts"], "readwrite");
  for (const name of ["outbox", "drafts"] as const) {
    for (const key of await tx.objectStore(name).index("owner").getAllKeys(owner)) await tx.objectStore(name).delete(key);
  }
  await tx.done;
  announce({ store: "outbox", owner });
  announce({ store: "drafts", owner, value: null });
}

// --- storage health -------------------------------------------------------------------------
/** Asks the browser not to evict the store under storage pressure (granted silently or not at all). */
export async function askPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}

/** True when the origin has used 90 % of what the browser grants it. */
export async function storageNearlyFull(): Promise<boolean> {
  if (!navigator.storage?.estimate) return false;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return quota > 0 && usage / quota > 0.9;
}

// --- moving today's localStorage drafts -----------------------------------------------------
const LOCAL_PREFIX = "duluan:draft:";
const SURVEY_DRAFT = /^duluan:draft:([^:]+):survey:(\d+):(new|r\d+)$/;

/**
 * Drafts kept in localStorage before this store existed move here at the first open, each under
 * its account and key; a questionnaire that was sent and not yet answered (`pending`) goes to the
 * outbox as it was sent, since it may already be stored. The localStorage copy is removed only
 * after the move committed, so a crash in between moves it again (the same keys: no duplicate).
 */
async function moveLocalStorageDrafts(db: IDBPDatabase<DeviceDb>) {
  if (typeof localStorage === "undefined") return;
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(LOCAL_PREFIX));
  if (!keys.length) return;
  const tx = db.transaction(["outbox", "drafts"], "readwrite");
  for (const key of keys) {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(localStorage.getItem(key) ?? "null") as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!value || typeof value !== "object") continue;
    const owner = key.slice(LOCAL_PREFIX.length).split(":")[0]!;
    const survey = SURVEY_DRAFT.exec(key);
    if (survey && value.pending === true && typeof value.uuid === "string") {
      const surveyId = Number(survey[2]);
      const responseId = survey[3]!.startsWith("r") ? survey[3]!.slice(1) : null;
      const now = Date.now();
      await tx.objectStore("outbox").put({
        id: value.uuid,
        kind: "survey",
        owner,
        title: "",
        href: `/surveys/${surveyId}/fill${responseId ? `?response=${responseId}` : ""}`,
        payload: { uuid: value.uuid, surveyId, version: value.version ?? 1, revision: value.revision ?? 1, bands: value.bands ?? {}, answers: value.answers ?? {}, confirmNoPersonalData: value.confirmNoPersonalData === true },
        createdAt: now,
        state: "pending",
        attempts: 0,
        nextAttemptAt: now,
      });
    } else {
      const { pending: _pending, version: _version, ...draft } = value;
      await tx.objectStore("drafts").put({ key, owner, value: draft, updatedAt: Date.now() });
    }
  }
  await tx.done;
  for (const key of keys) localStorage.removeItem(key);
}
