// Replaces `prisma migrate reset` (broken with the wasm engine): delete the SQLite file and its
// WAL companions, then apply every migration.
import fs from "node:fs";
import path from "node:path";
import { prisma } from "./prisma-cli.mjs";

process.env.DATABASE_URL ??= "file:./data/dev.db";
const file = process.env.DATABASE_URL.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
prisma(["migrate", "deploy"]);
// Prisma's own output is printed only when it fails (prisma-cli.mjs): on success it is a page of
// banners and a driver-adapter warning a newcomer reads as a fault (the url it "will not use" must
// stay in the schema: docs/decisions/0002).
const applied = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).length;
console.log(`db:reset: ${file} emptied and ${applied} migrations applied.`);
