/**
 * Which migrations the database has, against the ones this code ships (prisma/migrations). Read
 * by /healthz (not ready while any is pending), `npm run db:upgrade` (refuses a database newer
 * than the code) and `npm run restore` (refuses a backup newer than the code). Prisma records
 * applied migrations in `_prisma_migrations`; a started but unfinished one is a failed upgrade.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type MigrationState = "current" | "pending" | "ahead" | "failed";

export type MigrationStatus = {
  state: MigrationState;
  /** In the code, not applied yet: `npm run db:upgrade` applies them. */
  pending: string[];
  /** Applied, but unknown to this code: the database was upgraded by a newer version. */
  unknown: string[];
  /** Started and never finished (a failed upgrade): restore the backup taken before it. */
  failed: string[];
  latestApplied: string | null;
};

type AppliedRow = { name: string; finished: number; rolledBack: number };

const MIGRATIONS_DIR = path.join("prisma", "migrations");
let shipped: string[] | undefined;

/** The migrations this code ships, oldest first (folder names sort by their timestamp). */
export function codeMigrations(dir = MIGRATIONS_DIR): string[] {
  if (dir === MIGRATIONS_DIR && shipped) return shipped;
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  if (dir === MIGRATIONS_DIR) shipped = names;
  return names;
}

function appliedMigrations(raw: Database.Database): AppliedRow[] {
  const table = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
  if (!table) return [];
  return raw
    .prepare(
      `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolledBack
       FROM _prisma_migrations ORDER BY started_at`,
    )
    .all() as AppliedRow[];
}

export function compareMigrations(code: string[], applied: AppliedRow[]): MigrationStatus {
  const done = applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name);
  const failed = applied.filter((m) => !m.finished && !m.rolledBack).map((m) => m.name);
  const pending = code.filter((name) => !done.includes(name));
  const unknown = done.filter((name) => !code.includes(name));
  const state: MigrationState = failed.length ? "failed" : unknown.length ? "ahead" : pending.length ? "pending" : "current";
  return { state, pending, unknown, failed, latestApplied: [...done].sort().at(-1) ?? null };
}

export function migrationStatus(raw: Database.Database, code = codeMigrations()): MigrationStatus {
  return compareMigrations(code, appliedMigrations(raw));
}

/** What an operator reads when the database and the code disagree; null when they agree. */
export function migrationProblem(status: MigrationStatus, what = "The database"): string | null {
  switch (status.state) {
    case "failed":
      return `${what} holds a migration that started and never finished (${status.failed.join(", ")}): an upgrade failed half-way. Restore the backup taken before it (docs/operations.md, "Roll back").`;
    case "ahead":
      return `${what} was upgraded by a newer version of Dư luận: it has migrations this code does not know (${status.unknown.join(", ")}). Install that version again, or restore the backup taken before the upgrade (docs/operations.md, "Roll back").`;
    case "pending":
      return `${what} lacks ${status.pending.length} migration(s) of this code (${status.pending.join(", ")}): run \`npm run db:upgrade\`.`;
    default:
      return null;
  }
}

/** The status of a database file (every migration pending when there is no file yet). */
export function migrationStatusOfFile(file: string): MigrationStatus {
  if (!fs.existsSync(file)) return compareMigrations(codeMigrations(), []);
  // Read-write, though nothing is written: read-only cannot open a WAL database without its -shm.
  const raw = new Database(file, { fileMustExist: true, timeout: 5_000 });
  try {
    return migrationStatus(raw);
  } finally {
    raw.close();
  }
}
