/**
 * `npm run backup`: an online, consistent copy of the live database, checked, compressed and
 * written atomically into BACKUP_DIR, then the rotation (backup-rotation.ts). The copy comes from
 * SQLite's backup API in one step: one read transaction, so it is the database as of one moment,
 * while the server keeps writing (WAL: a reader never blocks the writer). A plain file copy of a
 * live WAL database could be torn. docs/decisions/0029-backups.md.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { writeBackupMarker, type BackupMarker } from "./backup-marker.server";
import { backupsToKeep } from "./backup-rotation";
import { assertNotRootOnServiceFiles, checkDatabaseFile, soundnessProblems } from "./database-checks.server";
import { commitFile, PRIVATE_FILE_MODE, scratchPathBeside } from "./files.server";
import { OperationError } from "./settings.server";

const NAME = /^du-luan-(\d{8}T\d{6}\.\d{3}Z)(?:-([a-z0-9-]+))?\.db\.gz$/;
const SCRATCH = /^\.(backup|gzip|write)-[0-9a-f]+\.tmp$/;
// Pages per step of the backup API: all of them, so the copy is one read transaction.
const ALL_PAGES = 0x7fffffff;

/** du-luan-20260501T020000.123Z.db.gz, or …Z-<label>.db.gz: UTC, sorts by time. */
export function backupName(takenAt: Date, label?: string): string {
  const stamp = takenAt.toISOString().replace(/[-:]/g, "");
  return `du-luan-${stamp}${label ? `-${label}` : ""}.db.gz`;
}

export function parseBackupName(name: string): { takenAt: Date; label?: string } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const s = match[1]!;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13)}`;
  return { takenAt: new Date(iso), label: match[2] };
}

/** Copies the live database into `copy` as of one moment, through SQLite's backup API. */
async function snapshot(databaseFile: string, copy: string) {
  // Read-write, though nothing is written: a read-only connection cannot open a WAL database
  // whose -shm file is missing (the server stopped cleanly).
  const source = new Database(databaseFile, { fileMustExist: true, timeout: 5_000 });
  try {
    await source.backup(copy, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

/**
 * The copy carries the live database's WAL mode in its header; a backup file is better one
 * self-contained file (the server turns WAL back on when it opens a restored database).
 */
export function makeSelfContained(file: string) {
  const raw = new Database(file, { fileMustExist: true });
  try {
    raw.pragma("journal_mode = DELETE");
  } finally {
    raw.close();
  }
}

/** gzip `source` into `target` atomically; returns the compressed size and SHA-256. */
async function compress(source: string, target: string): Promise<{ bytes: number; sha256: string }> {
  const scratch = scratchPathBeside(target, "gzip");
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(source), zlib.createGzip({ level: 6 }), measure, fs.createWriteStream(scratch, { mode: PRIVATE_FILE_MODE }));
    commitFile(scratch, target);
  } finally {
    fs.rmSync(scratch, { force: true });
  }
  return { bytes, sha256: hash.digest("hex") };
}

/** Deletes unlabelled backups the rotation does not keep, and scratch files a crash left behind. */
export function pruneBackups(backupDir: string, now = new Date()): string[] {
  const names = fs.readdirSync(backupDir);
  const rotated = names.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed && !parsed.label ? [{ name, takenAt: parsed.takenAt }] : [];
  });
  const keep = backupsToKeep(rotated);
  const dayAgo = now.getTime() - 24 * 3_600_000;
  const leftovers = names.filter((name) => SCRATCH.test(name) && fs.statSync(path.join(backupDir, name)).mtimeMs < dayAgo);
  const removed = [...rotated.map((b) => b.name).filter((name) => !keep.has(name)), ...leftovers];
  for (const name of removed) fs.rmSync(path.join(backupDir, name), { force: true });
  return removed;
}

export type BackupResult = BackupMarker & { pruned: string[]; warnings: string[] };

export async function takeBackup(options: { databaseFile: string; backupDir: string; label?: string }): Promise<BackupResult> {
  const { databaseFile, backupDir, label } = options;
  if (label !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(label)) {
    throw new OperationError(`A backup label is lower-case letters, digits and dashes (got "${label}").`);
  }
  if (!fs.existsSync(databaseFile)) throw new OperationError(`The database ${databaseFile} does not exist: nothing to back up.`);
  assertNotRootOnServiceFiles(backupDir);
  const copy = scratchPathBeside(path.join(backupDir, "copy"), "backup");
  try {
    const takenAt = new Date();
    await snapshot(databaseFile, copy);
    makeSelfContained(copy);
    const check = checkDatabaseFile(copy);
    const problems = soundnessProblems(check);
    if (problems.length) {
      throw new OperationError(`The copy of ${databaseFile} failed its checks, so no backup was kept: ${problems.join("; ")}.`);
    }
    const file = backupName(takenAt, label);
    const { bytes, sha256 } = await compress(copy, path.join(backupDir, file));
    const marker: BackupMarker = {
      file,
      takenAt: takenAt.toISOString(),
      finishedAt: new Date().toISOString(),
      bytes,
      sha256,
      migration: check.migrations.latestApplied,
    };
    writeBackupMarker(backupDir, marker);
    return { ...marker, pruned: pruneBackups(backupDir), warnings: check.aggregateMismatches };
  } finally {
    fs.rmSync(copy, { force: true });
    fs.rmSync(`${copy}-journal`, { force: true });
  }
}
