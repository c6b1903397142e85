/**
 * The outbox of the signed-in account in this tab: its items (kept current from IndexedDB and
 * other tabs), and the runner that drains it when the page opens, when the connection returns,
 * when the tab comes back to the front, when something is queued, and at the next back-off.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { asNew, byCreation, isUnsent, queued, type OutboxItem } from "./machine";
import { drainOutbox } from "./runner";
import { askPersistentStorage, deleteOutboxItem, getOutboxItem, listOutbox, onDeviceChange, putOutboxItem, retryWaitingNow, storageNearlyFull } from "./store";
import { newUuid } from "./uuid";

type Outbox = {
  owner: string;
  /** Null until read from the device (and on the server). */
  items: OutboxItem[] | null;
  /** Not yet acknowledged by the server (what a sign-out would lose). */
  unsent: number;
  /** Waiting to be sent (pending or in flight). */
  waiting: number;
  /** Refused or in conflict: waiting for the collaborator. */
  refused: number;
  storageFull: boolean;
  queue(item: Pick<OutboxItem, "id" | "kind" | "title" | "href" | "payload">): Promise<void>;
  sendNow(): void;
  discard(id: string): Promise<void>;
  saveAsNew(id: string): Promise<void>;
};

const OutboxContext = createContext<Outbox | null>(null);

/** The outbox, or null on an office account's pages (no field work, no outbox). */
export function useOptionalOutbox(): Outbox | null {
  return useContext(OutboxContext);
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error("useOutbox outside <OutboxProvider>");
  return outbox;
}

export function OutboxProvider({ owner, children }: { owner: string; children: ReactNode }) {
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [storageFull, setStorageFull] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const running = useRef<Promise<unknown> | null>(null);
  const again = useRef(false);

  const reload = useCallback(async () => {
    const list = await listOutbox(owner).catch(() => []);
    setItems(list.sort(byCreation));
    return list;
  }, [owner]);

  const drain = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    clearTimeout(timer.current);
    running.current = drainOutbox(owner)
      .catch(() => {})
      .then(async () => {
        running.current = null;
        const list = await reload();
        if (again.current) {
          again.current = false;
          return drain();
        }
        // The next pass at the earliest back-off of what still waits.
        const next = Math.min(...list.filter((i) => i.state === "pending").map((i) => i.nextAttemptAt));
        if (Number.isFinite(next)) timer.current = setTimeout(drain, Math.max(250, next - Date.now()));
      });
  }, [owner, reload]);

  useEffect(() => {
    void reload();
    drain();
    void askPersistentStorage().catch(() => {});
    void storageNearlyFull().then(setStorageFull, () => {});
    const stop = onDeviceChange((change) => change.store === "outbox" && change.owner === owner && void reload());
    const wake = async () => {
      // Back online or back to the front: waiting items go at once, their back-off forgotten.
      await retryWaitingNow(owner).catch(() => {});
      drain();
    };
    const onVisible = () => document.visibilityState === "visible" && void wake();
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stop();
      clearTimeout(timer.current);
      window.removeEventListener("online", wake);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [owner, reload, drain]);

  const value = useMemo<Outbox>(
    () => ({
      owner,
      items,
      unsent: items?.filter(isUnsent).length ?? 0,
      waiting: items?.filter((i) => i.state === "pending" || i.state === "sending").length ?? 0,
      refused: items?.filter((i) => i.state === "refused" || i.state === "conflict").length ?? 0,
      storageFull,
      async queue(input) {
        await putOutboxItem(queued({ ...input, owner }, Date.now()));
        drain();
      },
      sendNow() {
        void (async () => {
          await retryWaitingNow(owner).catch(() => {});
          drain();
        })();
      },
      async discard(id) {
        await deleteOutboxItem({ id, owner });
      },
      async saveAsNew(id) {
        const item = await getOutboxItem(id);
        if (!item || item.state !== "conflict") return;
        await deleteOutboxItem(item);
        await putOutboxItem(asNew(item, newUuid(), Date.now()));
        drain();
      },
    }),
    [owner, items, storageFull, drain],
  );
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}
