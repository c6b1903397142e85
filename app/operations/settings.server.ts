/** The settings the operations commands read: the same environment file as the service. */
import fs from "node:fs";
import { databaseFileFromUrl } from "../../server/database-url.js";

export class OperationError extends Error {}

/** The database file of DATABASE_URL; no default: an operations command never guesses which database. */
export function databaseFileSetting(env = process.env): string {
  const file = databaseFileFromUrl(env.DATABASE_URL);
  if (!file) {
    throw new OperationError(
      env.DATABASE_URL
        ? `DATABASE_URL=${env.DATABASE_URL} does not name a database file (expected file:/path/to/du-luan.db).`
        : "DATABASE_URL is not set. Run the command with the service's environment (docs/operations.md: deploy/du-luan-run).",
    );
  }
  return file;
}

/** The backup folder of BACKUP_DIR, which must exist. */
export function backupDirSetting(env = process.env): string {
  const dir = env.BACKUP_DIR;
  if (!dir) throw new OperationError("BACKUP_DIR is not set: it names the folder backups are written to.");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new OperationError(`BACKUP_DIR=${dir} is not a folder.`);
  return dir;
}
