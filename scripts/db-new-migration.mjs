// Replaces `prisma migrate dev`, which does not work with the wasm schema engine: writes the diff
// between prisma/migrations and prisma/schema into a new timestamped migration folder.
// Usage: npm run db:new-migration -- <name>
import fs from "node:fs";
import path from "node:path";
import { isEmptyMigration, pendingSchemaDiff } from "./prisma-cli.mjs";

const name = (process.argv[2] ?? "change").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
const sql = pendingSchemaDiff().stdout;
if (isEmptyMigration(sql)) {
  console.log("Schema and migrations agree: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql`);
