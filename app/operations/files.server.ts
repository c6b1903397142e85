/** File steps the backup and restore commands share: fsync, atomic replace, scratch names. */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Backups and restored databases hold everything (password hashes, the audit log, answers): they
 * are created readable by their owner and group only, whatever the umask of whoever runs the command.
 */
export const PRIVATE_FILE_MODE = 0o640;

/** Flushes a file, or a folder's entries (a rename is durable once its folder is synced). */
export function fsyncPath(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A name for a scratch file beside `target`: same folder, so renaming it over `target` is atomic. */
export function scratchPathBeside(target: string, purpose: string): string {
  return path.join(path.dirname(target), `.${purpose}-${crypto.randomBytes(6).toString("hex")}.tmp`);
}

/** Moves a finished scratch file into place: flushed, renamed, the rename itself flushed. */
export function commitFile(scratch: string, target: string) {
  fsyncPath(scratch);
  fs.renameSync(scratch, target);
  fsyncPath(path.dirname(target));
}

/** Writes `content` to `target` so a reader sees the old file or the new one, never half of one. */
export function writeFileAtomic(target: string, content: string) {
  const scratch = scratchPathBeside(target, "write");
  fs.writeFileSync(scratch, content, { mode: PRIVATE_FILE_MODE });
  commitFile(scratch, target);
}
