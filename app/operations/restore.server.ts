/**
 * `npm run restore -- <file>`: puts a backup in place of the database of a stopped installation.
 * The file is checked before anything is touched (decompressed beside the database, integrity,
 * foreign keys, a Dư luận database no newer than this code); the current database and its -wal
 * and -shm are moved aside (renamed, never deleted), then the restored file is renamed into place.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { makeSelfContained } from "./backup.server";
import { assertDatabaseNotInUse, assertNotRootOnServiceFiles, checkDatabaseFile, soundnessProblems } from "./database-checks.server";
import { commitFile, PRIVATE_FILE_MODE, scratchPathBeside } from "./files.server";
import { migrationProblem, type MigrationStatus } from "./migrations.server";
import { OperationError } from "./settings.server";

const DATABASE_COMPANIONS = ["", "-wal", "-shm", "-journal"];

async function unpack(backupFile: string, target: string) {
  const source = fs.createReadStream(backupFile);
  const destination = fs.createWriteStream(target, { mode: PRIVATE_FILE_MODE });
  if (backupFile.endsWith(".gz")) await pipeline(source, zlib.createGunzip(), destination);
  else await pipeline(source, destination);
}

/** The scratch copy as a database, or why it is not one. */
function openedAsDatabase(file: string, backupFile: string) {
  try {
    makeSelfContained(file);
    return checkDatabaseFile(file);
  } catch (error) {
    throw new OperationError(`${backupFile} is not a readable SQLite database (${(error as Error).message}). Nothing was changed.`);
  }
}

function refusals(check: ReturnType<typeof checkDatabaseFile>): string[] {
  const problems = soundnessProblems(check);
  if (!check.migrations.latestApplied) problems.push("it holds no Dư luận migrations (not a Dư luận database?)");
  const state = check.migrations.state;
  if (state === "ahead" || state === "failed") problems.push(migrationProblem(check.migrations, "The backup")!);
  return problems;
}

/** Renames the database and its companions to <file>.replaced-<time>…; returns the new name. */
function moveAside(databaseFile: string, at: Date): string | null {
  if (!fs.existsSync(databaseFile)) return null;
  const aside = `${databaseFile}.replaced-${at.toISOString().replace(/[-:]/g, "")}`;
  for (const suffix of DATABASE_COMPANIONS) {
    if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, aside + suffix);
  }
  return aside;
}

export type RestoreResult = { replacedFile: string | null; migrations: MigrationStatus; warnings: string[] };

export async function restoreBackup(options: { backupFile: string; databaseFile: string }): Promise<RestoreResult> {
  const { backupFile, databaseFile } = options;
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) throw new OperationError(`${backupFile} is not a file.`);
  const folder = path.dirname(path.resolve(databaseFile));
  if (!fs.existsSync(folder)) throw new OperationError(`The database folder ${folder} does not exist.`);
  assertNotRootOnServiceFiles(folder);
  assertDatabaseNotInUse(databaseFile);
  const scratch = scratchPathBeside(databaseFile, "restore");
  try {
    await unpack(backupFile, scratch).catch((error: Error) => {
      throw new OperationError(`${backupFile} could not be decompressed (${error.message}). Nothing was changed.`);
    });
    const check = openedAsDatabase(scratch, backupFile);
    const problems = refusals(check);
    if (problems.length) throw new OperationError(`Not restored: ${problems.join("; ")}. Nothing was changed.`);
    // Checking took a while: make sure nobody opened the database meanwhile.
    assertDatabaseNotInUse(databaseFile);
    const replacedFile = moveAside(databaseFile, new Date());
    commitFile(scratch, databaseFile);
    return { replacedFile, migrations: check.migrations, warnings: check.aggregateMismatches };
  } finally {
    fs.rmSync(scratch, { force: true });
    fs.rmSync(`${scratch}-journal`, { force: true });
  }
}
