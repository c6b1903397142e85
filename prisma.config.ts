import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import { defineConfig } from "prisma/config";

// Prisma's own .env loading is off when a config file exists, so the default lives here.
process.env.DATABASE_URL ??= "file:./data/dev.db";
const url = process.env.DATABASE_URL;
// better-sqlite3 cannot create the folder of a new database file.
if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });

/**
 * The wasm schema engine replays each migration.sql into the shadow database with ONE
 * argument-less executeRaw call, which better-sqlite3 rejects for multi-statement scripts
 * (P3006). Route such calls to executeScript so `migrate diff --from-migrations` is correct.
 */
function scriptAwareShadow(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query: SqlQuery) => {
    if (query.args.length === 0) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const factory = new PrismaBetterSQLite3({ url });
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => scriptAwareShadow(await connectToShadowDb());
    return factory;
  },
});
