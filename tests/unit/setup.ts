// Runs before each test file, before the app's db module is imported: the file gets its own
// database path, and every test starts from a fresh copy of the migrated template, so tests
// never see each other's rows (and the append-only audit log needs no cleanup).
import crypto from "node:crypto";
import fs from "node:fs";
import { beforeEach } from "vitest";

const TEMPLATE = "tests/.output/unit-template.db";
const file = `tests/.output/unit/${crypto.randomUUID()}.db`;
process.env.DATABASE_URL = `file:./${file}`;

const { db, dbReady } = await import("~/db/db.server");
// Survey ids restart in every fresh copy, so definitions cached by id must not outlive a test.
const { forgetCachedVersions } = await import("~/surveys/storage.server");
// The read pool's connections would keep reading the replaced file: closed, reopened on next read.
const { closeReadConnections } = await import("~/db/read-pool.server");
// The module sets its pragmas as it loads; let that finish before the first disconnect below.
await dbReady;

beforeEach(async () => {
  // The adapter reconnects on the next query, to the fresh file.
  await db.$disconnect();
  await closeReadConnections();
  forgetCachedVersions();
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(TEMPLATE, file);
});
