/**
 * The marker a successful backup leaves in BACKUP_DIR (last-backup.json): /healthz reads the last
 * backup's age from it, and an operator reads which file to restore and its checksum.
 */
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./files.server";

export const MARKER_FILE = "last-backup.json";

export type BackupMarker = {
  /** File name in BACKUP_DIR. */
  file: string;
  /** When the consistent snapshot began: every write acknowledged before this is in the file. */
  takenAt: string;
  finishedAt: string;
  /** Size and SHA-256 of the compressed file (`sha256sum` prints the same). */
  bytes: number;
  sha256: string;
  /** The database's newest migration: which code version the backup belongs to. */
  migration: string | null;
};

export function writeBackupMarker(backupDir: string, marker: BackupMarker) {
  writeFileAtomic(path.join(backupDir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}

export async function readBackupMarker(backupDir: string): Promise<BackupMarker | null> {
  try {
    return JSON.parse(await fs.promises.readFile(path.join(backupDir, MARKER_FILE), "utf8")) as BackupMarker;
  } catch {
    return null;
  }
}

// A nightly timer with a day's slack: older than this, the last backup run failed or never ran.
const STALE_AFTER_HOURS = 26;

/** What /healthz says about backups: no secrets, no paths. */
export async function backupHealth(backupDir: string | undefined, now = new Date()) {
  if (!backupDir) return { configured: false } as const;
  const marker = await readBackupMarker(backupDir);
  if (!marker) return { configured: true, last: null, stale: true } as const;
  const ageHours = Math.round(((now.getTime() - new Date(marker.takenAt).getTime()) / 3_600_000) * 10) / 10;
  return { configured: true, last: marker.takenAt, ageHours, stale: ageHours > STALE_AFTER_HOURS } as const;
}
