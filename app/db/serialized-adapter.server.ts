/**
 * One SQLite connection, used by one thing at a time.
 *
 * Prisma's better-sqlite3 adapter has a single connection. While an interactive transaction is
 * open (BEGIN … awaits … COMMIT), a query from another request would run on that same connection
 * and so INSIDE the open transaction: acknowledged, then silently undone if that transaction rolls
 * back (shown by tests/unit/db-serialization.test.ts). This wrapper gives the connection a FIFO
 * lock: a transaction holds it from BEGIN to COMMIT/ROLLBACK, a lone query holds it for its own
 * (synchronous) run. The same lock lets app code borrow the raw better-sqlite3 connection for a
 * synchronous, exclusive unit of work (see withExclusiveConnection in db.server.ts).
 */
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** A FIFO async lock: `acquire()` resolves with a release function, in arrival order. */
export class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      let released = false;
      release = () => {
        if (!released) {
          released = true;
          resolve();
        }
      };
    });
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

function serializedTransaction(tx: Transaction, release: () => void): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: SqlQuery) => tx.queryRaw(query),
    executeRaw: (query: SqlQuery) => tx.executeRaw(query),
    commit: () => tx.commit().finally(release),
    rollback: () => tx.rollback().finally(release),
  };
}

function serializedAdapter(adapter: SqlDriverAdapter, lock: ConnectionLock): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => lock.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => lock.run(() => adapter.executeRaw(query)),
    executeScript: (script) => lock.run(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel?: IsolationLevel) {
      const release = await lock.acquire();
      try {
        return serializedTransaction(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

/**
 * Wraps an adapter factory so every connection it makes is serialized by `lock`, and remembers
 * the latest raw connection (for exclusive synchronous work).
 */
export function serializedFactory<Raw>(inner: SqlMigrationAwareDriverAdapterFactory, lock: ConnectionLock) {
  let latest: SqlDriverAdapter | null = null;
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      latest = await inner.connect();
      return serializedAdapter(latest, lock);
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  /** The raw driver connection of the live adapter, or null before the first connect. */
  function rawConnection(): Raw | null {
    // The better-sqlite3 adapter keeps its Database in a public `client` field (pinned 6.19.3).
    const raw = (latest as unknown as { client?: Raw } | null)?.client;
    return raw ?? null;
  }
  return { factory, rawConnection };
}
