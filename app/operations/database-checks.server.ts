/**
 * Checks of a database file before it is trusted (a fresh backup, a file about to be restored) and
 * the guards the operations commands share: the database is not in use by a running server, and
 * root does not leave files the service user cannot open.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { preAggregateMismatches } from "./aggregates.server";
import { migrationStatus, type MigrationStatus } from "./migrations.server";
import { OperationError } from "./settings.server";

export type DatabaseCheck = {
  /** `PRAGMA integrity_check` lines other than "ok". */
  integrityErrors: string[];
  /** Rows `PRAGMA foreign_key_check` reports. */
  foreignKeyViolations: number;
  migrations: MigrationStatus;
  /** Survey tallies that disagree with a GROUP BY over their rows (aggregates.server.ts). */
  aggregateMismatches: string[];
};

// How many problems a check lists before it stops counting: the rest say nothing new.
const MAX_REPORTED = 20;

/** Runs every check on a database file no one else is using (a copy: it is opened read-only). */
export function checkDatabaseFile(file: string): DatabaseCheck {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = raw.pragma(`integrity_check(${MAX_REPORTED})`, { simple: false }) as { integrity_check: string }[];
    const integrityErrors = integrity.map((row) => row.integrity_check).filter((line) => line !== "ok");
    // A damaged file cannot answer the other checks reliably.
    if (integrityErrors.length > 0) {
      return { integrityErrors, foreignKeyViolations: 0, migrations: migrationStatus(raw), aggregateMismatches: [] };
    }
    return {
      integrityErrors,
      foreignKeyViolations: (raw.pragma("foreign_key_check") as unknown[]).length,
      migrations: migrationStatus(raw),
      aggregateMismatches: preAggregateMismatches(raw).slice(0, MAX_REPORTED),
    };
  } finally {
    raw.close();
  }
}

/** A copy is sound when SQLite finds no damage and no dangling reference. */
export function soundnessProblems(check: DatabaseCheck): string[] {
  const problems = [];
  if (check.integrityErrors.length) problems.push(`PRAGMA integrity_check: ${check.integrityErrors.join("; ")}`);
  if (check.foreignKeyViolations) problems.push(`PRAGMA foreign_key_check: ${check.foreignKeyViolations} row(s) point at nothing`);
  return problems;
}

/**
 * Refuses when another process has the database open (a running server, a backup under way).
 * The server keeps the database in WAL mode and opens its WAL index as it starts (db.server.ts);
 * from then on it holds a lock on the index for as long as it runs, so taking SQLite's exclusive
 * lock fails here even while the server is idle. A file SQLite cannot open at all (damaged) is
 * not "in use".
 */
export function assertDatabaseNotInUse(file: string) {
  if (!fs.existsSync(file)) return;
  let raw: Database.Database | undefined;
  try {
    raw = new Database(file, { timeout: 0, fileMustExist: true });
    raw.pragma("locking_mode = EXCLUSIVE");
    raw.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      throw new OperationError(
        `The database ${file} is in use: the server (or a backup) has it open. Stop the service first: systemctl stop du-luan.`,
      );
    }
  } finally {
    raw?.close();
  }
}

/**
 * Run as root on a folder that belongs to the service user, SQLite would leave root-owned files
 * (the database, its -wal and -shm) that the service can no longer open. Refused: run the command
 * as the service user (deploy/du-luan-run does).
 */
export function assertNotRootOnServiceFiles(folder: string) {
  if (process.getuid?.() !== 0 || !fs.existsSync(folder)) return;
  const owner = fs.statSync(folder).uid;
  if (owner !== 0) {
    throw new OperationError(
      `Run this command as the owner of ${path.resolve(folder)} (uid ${owner}), not as root: files root creates there would lock the service out. Use deploy/du-luan-run (docs/operations.md).`,
    );
  }
}
