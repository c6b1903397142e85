// npm run db:upgrade: applies this code's pending migrations to DATABASE_URL (creating the
// database on a new installation). Refuses a database newer than the code, a failed earlier
// upgrade and a running server; before migrating an existing database it takes a labelled backup
// (kept out of the rotation) unless --no-backup. docs/operations.md, "Upgrade".
import fs from "node:fs";
import path from "node:path";
import { takeBackup } from "~/operations/backup.server";
import { assertDatabaseNotInUse, assertNotRootOnServiceFiles } from "~/operations/database-checks.server";
import { migrationProblem, migrationStatusOfFile } from "~/operations/migrations.server";
import { backupDirSetting, databaseFileSetting, OperationError } from "~/operations/settings.server";
import { prisma } from "./prisma-cli.mjs";
import { runCommand } from "./lib/command";

await runCommand(async (args) => {
  const databaseFile = databaseFileSetting();
  const folder = path.dirname(path.resolve(databaseFile));
  if (!fs.existsSync(folder)) throw new OperationError(`The database folder ${folder} does not exist.`);
  assertNotRootOnServiceFiles(folder);
  assertDatabaseNotInUse(databaseFile);

  const before = migrationStatusOfFile(databaseFile);
  if (before.state === "ahead" || before.state === "failed") throw new OperationError(`${migrationProblem(before)} Nothing was changed.`);
  if (before.state === "current") {
    console.log(`db:upgrade: ${databaseFile} is up to date (${before.latestApplied}).`);
    return;
  }
  if (before.latestApplied && !args.includes("--no-backup")) {
    if (!process.env.BACKUP_DIR) throw new OperationError("BACKUP_DIR is not set, so no backup can be taken before migrating. Set it, or pass --no-backup if you have one.");
    const backup = await takeBackup({ databaseFile, backupDir: backupDirSetting(), label: "pre-upgrade" });
    console.log(`db:upgrade: backup before migrating: ${path.join(backupDirSetting(), backup.file)} (kept out of the rotation).`);
  }
  prisma(["migrate", "deploy"]);
  const after = migrationStatusOfFile(databaseFile);
  if (after.state !== "current") throw new OperationError(`Migrating did not finish: ${migrationProblem(after)}`);
  console.log(`db:upgrade: applied ${before.pending.length} migration(s) to ${databaseFile}: ${before.pending.join(", ")}.`);
});
