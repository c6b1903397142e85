// npm run restore -- <backup file>: restores a backup into the stopped installation's DATABASE_URL
// after checking it; the database it replaces is kept beside it. app/operations/restore.server.ts.
import { restoreBackup } from "~/operations/restore.server";
import { databaseFileSetting, OperationError } from "~/operations/settings.server";
import { runCommand } from "./lib/command";

await runCommand(async ([backupFile]) => {
  if (!backupFile) throw new OperationError("Usage: npm run restore -- <backup file (.db.gz)>");
  const databaseFile = databaseFileSetting();
  const result = await restoreBackup({ backupFile, databaseFile });
  console.log(`Restored ${backupFile} into ${databaseFile} (checked: integrity, foreign keys, migrations).`);
  if (result.replacedFile) console.log(`The database it replaced is kept as ${result.replacedFile}: delete it once the restore is confirmed.`);
  for (const warning of result.warnings) console.warn(`warning: ${warning}`);
  if (result.migrations.state === "pending") {
    console.log(`The backup is from an older version: run \`npm run db:upgrade\` before starting the service.`);
  }
  console.log("Start the service: systemctl start du-luan");
});
