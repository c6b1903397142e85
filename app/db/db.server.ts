import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

/**
 * One PrismaClient (one SQLite connection) per process. SQLite runs in WAL mode so readers never
 * block the writer; busy_timeout lets a second process (a seed, a script) wait instead of failing.
 * synchronous=FULL: an acknowledged write survives a power cut, which a submission receipt
 * promises (docs/decisions/0008-sqlite-durability.md). Override with SQLITE_SYNCHRONOUS=NORMAL.
 */
function createClient() {
  const url = process.env.DATABASE_URL ?? "file:./data/dev.db";
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5_000 });
  return new PrismaClient({ adapter });
}

const SYNCHRONOUS_MODES = new Set(["FULL", "NORMAL", "EXTRA"]);

async function applyPragmas(client: PrismaClient) {
  const synchronous = (process.env.SQLITE_SYNCHRONOUS ?? "FULL").toUpperCase();
  if (!SYNCHRONOUS_MODES.has(synchronous)) throw new Error(`Bad SQLITE_SYNCHRONOUS: ${synchronous}`);
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe(`PRAGMA synchronous = ${synchronous}`);
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}

// Survives Vite's module reloads in development.
const globalForDb = globalThis as unknown as { __db?: PrismaClient; __dbReady?: Promise<void> };

export const db: PrismaClient = (globalForDb.__db ??= createClient());
export const dbReady: Promise<void> = (globalForDb.__dbReady ??= applyPragmas(db));

export type Db = PrismaClient;
/** A transaction client: what `db.$transaction(async (tx) => …)` hands to its callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
