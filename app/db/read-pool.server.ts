/**
 * Analytical reads (survey results, exports, the opinion summary, completeness) on read-only
 * SQLite connections in a small pool of worker threads, so a long read never holds the app's one
 * connection or its event loop: a collaborator's submission or overview runs while a province's
 * results are computed (docs/decisions/0027-read-pool.md). WAL lets these readers run beside the
 * writer; each statement (or batch) reads one committed snapshot, so a read that follows a
 * committed write sees it.
 *
 * Reads inside a transaction must stay on that transaction's client: `analyticalRead(sql, tx)`.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Prisma } from "~/generated/prisma/client";
import type { Db, Tx } from "./db.server";

/** A statement: SQL with `?` placeholders and its values (what Prisma.sql's `.sql` / `.values` give). */
export type ReadStatement = { sql: string; values: readonly unknown[]; raw?: boolean };

/**
 * The worker: one read-only connection, statements prepared once, a batch run in one read
 * transaction (one snapshot). Plain CommonJS evaluated in the thread, so it needs no build step
 * and no path to a file that the server bundle would not carry.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
let connection = null;
const statements = new Map();
function open() {
  if (!connection) {
    connection = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  }
  return connection;
}
function prepared(sql) {
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = open().prepare(sql)));
  return statement;
}
parentPort.on("message", (message) => {
  if (message.close) {
    statements.clear();
    if (connection) connection.close();
    connection = null;
    parentPort.postMessage({ id: message.id, results: [] });
    return;
  }
  try {
    const run = () => message.statements.map((s) => prepared(s.sql).raw(Boolean(s.raw)).all(...s.values));
    const results = message.statements.length > 1 ? open().transaction(run).deferred() : run();
    parentPort.postMessage({ id: message.id, results });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

type Pending = { resolve: (results: unknown[][]) => void; reject: (error: Error) => void };
type PoolWorker = { worker: Worker; pending: Map<number, Pending> };

/** Two by default: the machines this runs on have two cores, and the main thread needs one. */
const POOL_SIZE = Math.max(1, Number(process.env.READ_WORKERS ?? 2));

function databaseFile(): string {
  const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** Values as Prisma's better-sqlite3 adapter binds them (dates as ISO text, booleans as 0/1). */
function bindable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

class ReadPool {
  private workers: PoolWorker[] = [];
  private nextId = 1;

  private start(): PoolWorker[] {
    if (this.workers.length) return this.workers;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    for (let i = 0; i < POOL_SIZE; i++) {
      const entry: PoolWorker = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { file: databaseFile(), driver } }), pending: new Map() };
      entry.worker.on("message", (m: { id: number; results?: unknown[][]; error?: { message: string; code?: string } }) => {
        const job = entry.pending.get(m.id);
        entry.pending.delete(m.id);
        // An idle worker must not keep the process alive (scripts, tests end when their work does).
        if (entry.pending.size === 0) entry.worker.unref();
        if (!job) return;
        if (m.error) job.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else job.resolve(m.results!);
      });
      entry.worker.on("error", (error) => {
        for (const job of entry.pending.values()) job.reject(error);
        entry.pending.clear();
        this.workers = this.workers.filter((w) => w !== entry);
      });
      entry.worker.unref();
      this.workers.push(entry);
    }
    return this.workers;
  }

  private send(entry: PoolWorker, message: object): Promise<unknown[][]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.ref();
      entry.worker.postMessage({ id, ...message });
    });
  }

  /** Runs the statements on the least busy worker, in one read transaction when there are several. */
  run(statements: ReadStatement[]): Promise<unknown[][]> {
    const workers = this.start();
    const entry = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return this.send(entry, { statements: statements.map((s) => ({ sql: s.sql, values: s.values.map(bindable), raw: s.raw ?? false })) });
  }

  /** Closes every worker's connection (reopened on the next read): for a database file replaced under the process. */
  async closeConnections(): Promise<void> {
    await Promise.all(this.workers.map((entry) => this.send(entry, { close: true })));
  }
}

const globalForPool = globalThis as unknown as { __readPool?: ReadPool };
const pool = (globalForPool.__readPool ??= new ReadPool());

/** Rows of one statement, read on the pool. */
export async function readRows<T>(statement: ReadStatement): Promise<T[]> {
  const [rows] = await pool.run([statement]);
  return rows as T[];
}

/** The rows of several statements read from one snapshot (one read transaction), on the pool. */
export function readSnapshot(statements: ReadStatement[]): Promise<unknown[][]> {
  return pool.run(statements);
}

/**
 * An analytical query: on the read pool, or on `client` when one is given (a transaction's reads
 * must see its own writes and its snapshot).
 */
export function analyticalRead<T>(query: Prisma.Sql, client?: Db | Tx): Promise<T[]> {
  if (client) return client.$queryRaw<T[]>(query);
  return readRows<T>({ sql: query.sql, values: query.values });
}

export function closeReadConnections(): Promise<void> {
  return pool.closeConnections();
}
