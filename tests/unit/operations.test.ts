// The operations commands' core: migrations against the code, backups (checked, compressed,
// rotated, marked for /healthz), restores that refuse what they should, the first admin.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { db, withExclusiveConnection } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { preAggregateMismatches } from "~/operations/aggregates.server";
import { backupHealth, readBackupMarker } from "~/operations/backup-marker.server";
import { backupsToKeep } from "~/operations/backup-rotation";
import { backupName, parseBackupName, pruneBackups, takeBackup } from "~/operations/backup.server";
import { createInstallationAdmin } from "~/operations/first-admin.server";
import { codeMigrations, compareMigrations, migrationStatusOfFile } from "~/operations/migrations.server";
import { restoreBackup } from "~/operations/restore.server";
import { OperationError } from "~/operations/settings.server";
import { storeSubmission } from "~/surveys/storage.server";
import { loader as healthz } from "~/routes/healthz";
import { databaseFileFromUrl } from "../../server/database-url.js";
import { catchError } from "./fixtures";
import { body, publishedSurvey } from "./surveys-fixtures";

const liveDatabase = databaseFileFromUrl(process.env.DATABASE_URL)!;
const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), "du-luan-ops-"));
const at = (iso: string) => new Date(iso);

async function someSubmissions() {
  const { survey, ctv1, ctv2 } = await publishedSurvey();
  await storeSubmission(ctv1, body(survey.id, { Q1: "Q1_1", Q2: ["Q2_1", "Q2_3"], Q4: 8, Q5: 4, Q6: { Q6_A: "T" } }));
  await storeSubmission(ctv2, body(survey.id, { Q1: "Q1_3", Q3: "giá cao", Q4: 3 }));
  return survey;
}

/** A copy of the live test database with one SQL statement applied to the copy. */
async function alteredCopy(sql: string): Promise<string> {
  const dir = folder();
  const file = path.join(dir, "altered.db");
  const source = new Database(liveDatabase);
  await source.backup(file);
  source.close();
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
  return file;
}

/**
 * Another process with the database open in WAL mode and idle after one read, as a running server
 * has it (app/db/db.server.ts). A second connection in this process would not do: SQLite shares
 * one process's locks among its connections.
 */
async function holdOpenInAnotherProcess(file: string): Promise<ChildProcess> {
  const script = `const db = new (require("better-sqlite3"))(${JSON.stringify(file)}); db.pragma("journal_mode = WAL"); db.prepare("SELECT COUNT(*) FROM sqlite_master").get(); console.log("open"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the holder exited with ${code}`)));
  });
  return child;
}

describe("migrations against the code", () => {
  const code = ["1_a", "2_b", "3_c"];
  const applied = (...names: string[]) => names.map((name) => ({ name, finished: 1, rolledBack: 0 }));

  it("tells current, pending, newer than the code, and a failed upgrade apart", () => {
    expect(compareMigrations(code, applied("1_a", "2_b", "3_c"))).toMatchObject({ state: "current", latestApplied: "3_c" });
    expect(compareMigrations(code, applied("1_a"))).toMatchObject({ state: "pending", pending: ["2_b", "3_c"] });
    expect(compareMigrations(code, applied("1_a", "2_b", "3_c", "4_d"))).toMatchObject({ state: "ahead", unknown: ["4_d"] });
    expect(compareMigrations(code, [...applied("1_a", "2_b"), { name: "3_c", finished: 0, rolledBack: 0 }])).toMatchObject({ state: "failed", failed: ["3_c"] });
    expect(compareMigrations(code, [])).toMatchObject({ state: "pending", pending: code, latestApplied: null });
  });

  it("the test database holds every migration of the code", () => {
    expect(migrationStatusOfFile(liveDatabase)).toMatchObject({ state: "current", latestApplied: codeMigrations().at(-1) });
  });
});

describe("/healthz", () => {
  it("is ready with every migration applied, and reports the last backup's age", async () => {
    const dir = folder();
    process.env.BACKUP_DIR = dir;
    try {
      let response = await healthz();
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations: { state: "current", pending: 0 }, backup: { configured: true, last: null, stale: true } });
      const backup = await takeBackup({ databaseFile: liveDatabase, backupDir: dir });
      response = await healthz();
      expect((await response.json()).backup).toEqual({ configured: true, last: backup.takenAt, ageHours: 0, stale: false });
    } finally {
      delete process.env.BACKUP_DIR;
    }
    expect(await backupHealth(undefined)).toEqual({ configured: false });
    expect(await backupHealth("/nowhere", new Date())).toMatchObject({ last: null, stale: true });
  });

  it("is not ready (503) while a migration is pending", async () => {
    await withExclusiveConnection((raw) => raw.prepare(`DELETE FROM _prisma_migrations WHERE migration_name = ?`).run(codeMigrations().at(-1)));
    const response = await healthz();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "not-ready", database: "ok", migrations: { state: "pending", pending: 1 } });
  });
});

describe("backup rotation", () => {
  it("keeps the newest backup of each of the last 7 days, 4 ISO weeks and 12 months (Vietnam time)", () => {
    // One backup a day at 02:00 Vietnam time (19:00 UTC the day before) for 400 days, plus a
    // second one on the last day.
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 11, 31, 19) - i * 86_400_000));
    const backups = [...days, new Date(Date.UTC(2027, 0, 1, 3))].map((takenAt) => ({ name: backupName(takenAt), takenAt }));
    const kept = [...backupsToKeep(backups)].map((name) => parseBackupName(name)!.takenAt.toISOString()).sort().reverse();
    // A backup at 19:00 UTC belongs to the next day in Vietnam: 2026-12-30T19:00Z is 31 Dec, 02:00.
    expect(kept).toEqual([
      // daily: 1 Jan 2027 (its newest: the extra one), 31 … 26 Dec; also ISO week 2026-W53 and January
      "2027-01-01T03:00:00.000Z",
      "2026-12-30T19:00:00.000Z", // 31 Dec, also December's newest
      "2026-12-29T19:00:00.000Z", "2026-12-28T19:00:00.000Z", "2026-12-27T19:00:00.000Z",
      "2026-12-26T19:00:00.000Z", // 27 Dec, also the newest of week 2026-W52
      "2026-12-25T19:00:00.000Z",
      // weekly: Sundays 20 Dec (2026-W51) and 13 Dec (2026-W50)
      "2026-12-19T19:00:00.000Z", "2026-12-12T19:00:00.000Z",
      // monthly: the last day of November … February
      "2026-11-29T19:00:00.000Z", "2026-10-30T19:00:00.000Z", "2026-09-29T19:00:00.000Z", "2026-08-30T19:00:00.000Z",
      "2026-07-30T19:00:00.000Z", "2026-06-29T19:00:00.000Z", "2026-05-30T19:00:00.000Z", "2026-04-29T19:00:00.000Z",
      "2026-03-30T19:00:00.000Z", "2026-02-27T19:00:00.000Z",
    ]);
  });

  it("never prunes labelled backups or other files; deletes the rest of what it does not keep", () => {
    const dir = folder();
    const labelled = backupName(at("2025-01-01T00:00:00Z"), "pre-upgrade");
    const lastYear = backupName(at("2025-01-01T00:00:00Z"));
    for (const name of [labelled, lastYear, "notes.txt"]) fs.writeFileSync(path.join(dir, name), "");
    // 1 … 30 January 2026, one a day.
    const january = Array.from({ length: 30 }, (_, i) => backupName(new Date(Date.UTC(2026, 0, 1 + i))));
    for (const name of january) fs.writeFileSync(path.join(dir, name), "");
    const removed = pruneBackups(dir);
    // Kept: 24–30 Jan (daily), Sundays 18 and 11 Jan (weekly), January 2025 (monthly).
    const kept = [...january.slice(23), january[17], january[10]];
    expect(removed.sort()).toEqual(january.filter((name) => !kept.includes(name)).sort());
    expect(fs.readdirSync(dir).sort()).toEqual([...kept, labelled, lastYear, "notes.txt"].sort());
  });
});

describe("backup and restore", () => {
  it("writes a checked, compressed copy with its marker, and restores it into a fresh folder", async () => {
    const survey = await someSubmissions();
    const dir = folder();
    const backup = await takeBackup({ databaseFile: liveDatabase, backupDir: dir });
    expect(backup.file).toMatch(/^du-luan-\d{8}T\d{6}\.\d{3}Z\.db\.gz$/);
    expect(backup.warnings).toEqual([]);
    expect(await readBackupMarker(dir)).toEqual({ file: backup.file, takenAt: backup.takenAt, finishedAt: backup.finishedAt, bytes: backup.bytes, sha256: backup.sha256, migration: codeMigrations().at(-1) });
    const plain = zlib.gunzipSync(fs.readFileSync(path.join(dir, backup.file)));
    expect(plain.subarray(0, 15).toString()).toBe("SQLite format 3");
    expect(fs.readdirSync(dir).sort()).toEqual([backup.file, "last-backup.json"]);
    // Whatever the umask: the file holds the whole database.
    expect(fs.statSync(path.join(dir, backup.file)).mode & 0o777).toBe(0o640);

    const target = path.join(folder(), "restored.db");
    const restored = await restoreBackup({ backupFile: path.join(dir, backup.file), databaseFile: target });
    expect(restored).toMatchObject({ replacedFile: null, migrations: { state: "current" }, warnings: [] });
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    const raw = new Database(target, { readonly: true });
    expect(raw.prepare(`SELECT COUNT(*) AS n FROM "SurveyResponse" WHERE "surveyId" = ?`).get(survey.id)).toEqual({ n: 2 });
    raw.close();
  });

  it("keeps the replaced database beside the restored one, with its -wal and -shm", async () => {
    const dir = folder();
    const backup = await takeBackup({ databaseFile: liveDatabase, backupDir: dir });
    const target = path.join(folder(), "du-luan.db");
    fs.copyFileSync(liveDatabase, target);
    fs.writeFileSync(`${target}-wal`, "");
    const restored = await restoreBackup({ backupFile: path.join(dir, backup.file), databaseFile: target });
    expect(restored.replacedFile).toMatch(/du-luan\.db\.replaced-\d{8}T\d{6}\.\d{3}Z$/);
    expect(fs.existsSync(`${restored.replacedFile}-wal`)).toBe(true);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
  });

  it("refuses to restore over a database in use, and refuses files that are not sound backups of this code", async () => {
    const dir = folder();
    const backup = path.join(dir, (await takeBackup({ databaseFile: liveDatabase, backupDir: dir })).file);
    const server = await holdOpenInAnotherProcess(liveDatabase);
    try {
      const inUse = await catchError(restoreBackup({ backupFile: backup, databaseFile: liveDatabase }));
      expect(inUse).toBeInstanceOf(OperationError);
      expect((inUse as Error).message).toContain("is in use");
    } finally {
      server.kill();
    }

    const target = path.join(folder(), "du-luan.db");
    const refusal = async (file: string) => ((await catchError(restoreBackup({ backupFile: file, databaseFile: target }))) as Error).message;
    const garbage = path.join(dir, "garbage.db.gz");
    fs.writeFileSync(garbage, zlib.gzipSync("not a database"));
    expect(await refusal(garbage)).toContain("is not a readable SQLite database");
    expect(await refusal(path.join(dir, "last-backup.json"))).toContain("is not a readable SQLite database");
    const newer = await alteredCopy(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_future', '2999-01-01', '2999-01-01', 1)`);
    expect(await refusal(newer)).toContain("was upgraded by a newer version of Dư luận");
    const failed = await alteredCopy(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${codeMigrations().at(-1)}'`);
    expect(await refusal(failed)).toContain("started and never finished");
    const dangling = await alteredCopy(`PRAGMA foreign_keys = OFF; INSERT INTO "Account" ("username", "displayName", "role", "unitId", "passwordHash", "updatedAt") VALUES ('x', 'x', 'admin', 999999, 'x', '2026-01-01')`);
    expect(await refusal(dangling)).toContain("foreign_key_check");
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it("refuses a bad label, and a missing database", async () => {
    expect(await catchError(takeBackup({ databaseFile: liveDatabase, backupDir: folder(), label: "Before Upgrade" }))).toBeInstanceOf(OperationError);
    expect(((await catchError(takeBackup({ databaseFile: "/nowhere/x.db", backupDir: folder() }))) as Error).message).toContain("does not exist");
  });
});

describe("pre-aggregates", () => {
  it("agree with a GROUP BY over the raw rows, and a wrong tally is reported", async () => {
    const survey = await someSubmissions();
    expect(await withExclusiveConnection((raw) => preAggregateMismatches(raw))).toEqual([]);
    await withExclusiveConnection((raw) => {
      raw.prepare(`UPDATE "SurveyTally" SET "count" = "count" + 1 WHERE "surveyId" = ? AND "question" = 'Q1' AND "option" = 'Q1_1'`).run(survey.id);
      raw.prepare(`UPDATE "SurveyUnitTally" SET "accepted" = 5 WHERE "surveyId" = ?`).run(survey.id);
    });
    const mismatches = await withExclusiveConnection((raw) => preAggregateMismatches(raw));
    expect(mismatches).toHaveLength(3);
    expect(mismatches[0]).toMatch(/^SurveyTally \d+\|Q1\|Q1_1\|\d+: stored 2\|0, rows say 1\|0$/);
  });
});

describe("the first admin (npm run create-admin)", () => {
  it("creates the root unit on an empty database and an admin with a verified Argon2id hash, audited without an actor", async () => {
    const created = await createInstallationAdmin({ username: "quantri", displayName: "Quản trị", password: "MatKhau@2026" }, { code: "SH", name: "Tỉnh Sơn Hà" });
    expect(created).toMatchObject({ createdUnit: true, unit: { code: "SH", name: "Tỉnh Sơn Hà" }, account: { username: "quantri", role: "admin" } });
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "SH" } });
    expect(unit).toMatchObject({ parentId: null, depth: 0, kind: "province", path: `/${unit.id}/` });
    const account = await db.account.findUniqueOrThrow({ where: { username: "quantri" } });
    expect(account).toMatchObject({ unitId: unit.id, mustChangePassword: false, active: true });
    expect(await verifyPassword(account.passwordHash, "MatKhau@2026")).toBe(true);
    const audit = await db.auditEntry.findMany({ orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["unit.create", null], ["account.create", null]]);
    expect(audit[1]!.after).not.toContain("argon2");

    const second = await createInstallationAdmin({ username: "quantri2", displayName: "Quản trị 2", password: "MatKhau@2027" });
    expect(second).toMatchObject({ createdUnit: false, unit: { id: unit.id } });
    expect(await catchError(createInstallationAdmin({ username: "quantri", displayName: "x", password: "MatKhau@2028" }))).toBeInstanceOf(FieldError);
  });

  it("needs the root unit when the database has none", async () => {
    const error = await catchError(createInstallationAdmin({ username: "quantri", displayName: "Quản trị", password: "MatKhau@2026" }));
    expect(error).toBeInstanceOf(OperationError);
    expect(await db.account.count()).toBe(0);
  });
});

describe("npm run db:upgrade", () => {
  it("refuses a database newer than the code, and changes nothing", async () => {
    const newer = await alteredCopy(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_future', '2999-01-01', '2999-01-01', 1)`);
    const before = fs.readFileSync(newer);
    const run = spawnSync("npx", ["--no-install", "vite-node", "--config", "vite.node.config.ts", "scripts/db-upgrade.ts"], {
      env: { ...process.env, DATABASE_URL: `file:${newer}`, BACKUP_DIR: "" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("was upgraded by a newer version of Dư luận");
    expect(run.stderr).toContain("29990101000000_future");
    expect(run.stderr).toContain("Nothing was changed.");
    expect(fs.readFileSync(newer).equals(before)).toBe(true);
  });
});
