import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { ConnectionLock, serializedFactory } from "./serialized-adapter.server";

/**
 * One PrismaClient (one SQLite connection) per process. SQLite runs in WAL mode so readers never
 * block the writer; busy_timeout lets a second process (a seed, a script) wait instead of failing.
 * synchronous=FULL: an acknowledged write survives a power cut, which a submission receipt
 * promises (docs/decisions/0008-sqlite-durability.md). Override with SQLITE_SYNCHRONOUS=NORMAL.
 */
function createClient() {
  const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
  const lock = new ConnectionLock();
  const { factory, rawConnection } = serializedFactory<Database.Database>(new PrismaBetterSQLite3({ url, timeout: 5_000 }), lock);
  return { client: new PrismaClient({ adapter: factory }), lock, rawConnection };
}

const SYNCHRONOUS_MODES = new Set(["FULL", "NORMAL", "EXTRA"]);

async function applyPragmas(client: PrismaClient) {
  const synchronous = (process.env.SQLITE_SYNCHRONOUS ?? "FULL").toUpperCase();
  if (!SYNCHRONOUS_MODES.has(synchronous)) throw new Error(`Bad SQLITE_SYNCHRONOUS: ${synchronous}`);
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe(`PRAGMA synchronous = ${synchronous}`);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  // A first read opens the WAL index now, not at the first request: from here on the server holds
  // the database in a way other processes see (`npm run restore` and `db:upgrade` refuse then).
  await client.$queryRawUnsafe("SELECT count(*) FROM sqlite_master");
}

// Survives Vite's module reloads in development.
const globalForDb = globalThis as unknown as { __db?: ReturnType<typeof createClient>; __dbReady?: Promise<void> };

const connection = (globalForDb.__db ??= createClient());
export const db: PrismaClient = connection.client;
export const dbReady: Promise<void> = (globalForDb.__dbReady ??= applyPragmas(db));

async function lendConnection<T>(work: (raw: Database.Database) => T, transactional: boolean): Promise<T> {
  if (!connection.rawConnection()?.open) {
    await db.$connect();
    if (!connection.rawConnection()?.open) throw new Error("No SQLite connection to lend");
  }
  const release = await connection.lock.acquire();
  const live = connection.rawConnection()!;
  // Prisma's adapter reads integers as BigInt; app code reads plain numbers (ids fit 2^53).
  // Statements prepared during `work` keep this setting; Prisma prepares its own afresh.
  live.defaultSafeIntegers(false);
  try {
    return transactional ? live.transaction(work).immediate(live) : work(live);
  } finally {
    live.defaultSafeIntegers(true);
    release();
  }
}

/**
 * Runs `work` synchronously on the app's one SQLite connection, inside one IMMEDIATE transaction,
 * while no Prisma query or transaction can interleave (docs/decisions/0010-one-connection.md).
 * For hot write paths where the ORM's per-statement cost matters: prepared statements cost
 * microseconds. `work` must not await: the connection is lent for one synchronous run.
 */
export function withExclusiveConnection<T>(work: (raw: Database.Database) => T): Promise<T> {
  return lendConnection(work, true);
}

type GroupJob = { work: (raw: Database.Database) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * The first job of a group waits one timer turn (~1 ms) for others. Under load no wait is needed:
 * while one group commits (the fsync blocks the event loop), the next group queues up; at 50
 * concurrent clients groups average ~25 jobs. At most 32 per group keeps each synchronous run
 * (inserts plus one fsync) near 20 ms.
 */
const GROUP_WINDOW_MS = 1;
const GROUP_MAX_JOBS = 32;
const groupQueue: GroupJob[] = [];
let groupScheduled = false;

function scheduleGroup() {
  if (groupScheduled || groupQueue.length === 0) return;
  groupScheduled = true;
  setTimeout(() => void commitGroup(), GROUP_WINDOW_MS);
}

async function commitGroup() {
  const jobs = groupQueue.splice(0, GROUP_MAX_JOBS);
  groupScheduled = false;
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[];
  try {
    outcomes = await lendConnection(
      (raw) =>
        jobs.map((job) => {
          // A nested better-sqlite3 transaction is a SAVEPOINT: a job that throws leaves nothing.
          try {
            return { ok: true as const, value: raw.transaction(job.work)(raw) };
          } catch (error) {
            // Some errors (disk full, I/O) roll back the whole transaction, not just the savepoint:
            // then the group fails as one, rather than later jobs committing on their own.
            if (!raw.inTransaction) throw error;
            return { ok: false as const, error };
          }
        }),
      true,
    );
  } catch (error) {
    // BEGIN or COMMIT failed: nothing of the group is stored, and every job says so.
    for (const job of jobs) job.reject(error);
    scheduleGroup();
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
  scheduleGroup();
}

/**
 * Group commit: `work` runs like withExclusiveConnection's (synchronous, exclusive, all or
 * nothing), but the jobs that arrive within a few milliseconds share one IMMEDIATE transaction
 * and so one fsync, each inside its own savepoint. A job's promise settles only after the shared
 * COMMIT: acknowledged still means durable. On this hardware the fsync of a commit costs more than
 * the inserts of a whole questionnaire (docs/decisions/0009-group-commit.md).
 */
export function withGroupCommit<T>(work: (raw: Database.Database) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    groupQueue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    scheduleGroup();
  });
}

/** Like withExclusiveConnection, without a transaction: for hot-path reads (one statement). */
export function withConnection<T>(work: (raw: Database.Database) => T): Promise<T> {
  return lendConnection(work, false);
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement of the lent connection, prepared once per connection. */
export function prepared(raw: Database.Database, sql: string): Database.Statement {
  let statements = statementCache.get(raw);
  if (!statements) statementCache.set(raw, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = raw.prepare(sql)));
  return statement;
}

export type Db = PrismaClient;
/** A transaction client: what `db.$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
