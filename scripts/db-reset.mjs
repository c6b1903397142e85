// Replaces `prisma migrate reset` (broken with the wasm engine): delete the SQLite file and its
// WAL companions, then apply every migration.
import fs from "node:fs";
import path from "node:path";
import { prisma } from "./prisma-cli.mjs";

process.env.DATABASE_URL ??= "file:./data/dev.db";
const file = process.env.DATABASE_URL.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
const result = prisma(["migrate", "deploy"]);
process.stdout.write(result.stdout);
