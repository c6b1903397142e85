// Builds one migrated template database per test run; each test file copies it (setup.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export const TEMPLATE_DB = "tests/.output/unit-template.db";

export default function setup() {
  fs.rmSync("tests/.output/unit", { recursive: true, force: true });
  fs.mkdirSync("tests/.output/unit", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(TEMPLATE_DB + suffix, { force: true });
  execFileSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:./${TEMPLATE_DB}`, CHECKPOINT_DISABLE: "1" },
    stdio: "pipe",
  });
}
