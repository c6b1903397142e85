/**
 * A form's draft on this device (IndexedDB, store.ts), the one hook both field forms use:
 * restored after hydration, written back on every change the user makes, followed
 * when another tab edits the same draft, and removed when the form is done with it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { deleteDraft, getDraft, onDeviceChange, putDraft, TAB_ID } from "./store";

type Options<T> = {
  /** A draft that holds nothing worth restoring (an untouched form). */
  isEmpty?: (value: T) => boolean;
  /** What a restored draft becomes (e.g. moved to the page's version); defaults to itself. */
  adopt?: (saved: T) => T;
};

export function useDeviceDraft<T>(key: string, owner: string, fresh: () => T, { isEmpty, adopt }: Options<T> = {}) {
  const [value, setValue] = useState<T>(fresh);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const touched = useRef(false);
  // A value that came from another tab is not written back (two tabs would echo it forever).
  const followed = useRef(false);
  const opts = useRef({ isEmpty, adopt, fresh });
  opts.current = { isEmpty, adopt, fresh };

  useEffect(() => {
    let live = true;
    touched.current = false;
    setLoaded(false);
    void getDraft<T>(key)
      .then((saved) => {
        if (!live) return;
        if (saved !== undefined && !opts.current.isEmpty?.(saved)) {
          setValue(opts.current.adopt ? opts.current.adopt(saved) : saved);
          setRestored(true);
        }
      })
      .catch(() => {})
      .finally(() => live && setLoaded(true));
    // Another tab edits (or finishes) the same draft: follow it, so two tabs never hold two
    // contents under one key.
    const stop = onDeviceChange((change) => {
      if (change.store !== "drafts" || change.key !== key || change.from === TAB_ID) return;
      followed.current = true;
      setValue(change.value ? (change.value as T) : opts.current.fresh());
    });
    return () => {
      live = false;
      stop();
    };
  }, [key]);

  useEffect(() => {
    if (followed.current) {
      followed.current = false;
      return;
    }
    if (loaded && touched.current) void putDraft(key, owner, value).catch(() => {});
  }, [key, owner, value, loaded]);

  const update = useCallback((change: T | ((v: T) => T)) => {
    touched.current = true;
    setValue(change);
  }, []);

  /** The form is done with this draft (sent to the outbox, or discarded): the next one starts fresh. */
  const finish = useCallback(
    async (next: T) => {
      touched.current = false;
      setValue(next);
      setRestored(false);
      await deleteDraft(key, owner).catch(() => {});
    },
    [key, owner],
  );

  return { value, update, loaded, restored, finish };
}
