// npm run backup [-- --label <word>]: an online, checked, compressed copy of the database into
// BACKUP_DIR, then the rotation (7 daily, 4 weekly, 12 monthly; labelled backups are kept).
// The systemd timer in deploy/ runs it nightly. app/operations/backup.server.ts.
import path from "node:path";
import { takeBackup } from "~/operations/backup.server";
import { backupDirSetting, databaseFileSetting } from "~/operations/settings.server";
import { fileSize, option, runCommand } from "./lib/command";

await runCommand(async (args) => {
  const backupDir = backupDirSetting();
  const result = await takeBackup({ databaseFile: databaseFileSetting(), backupDir, label: option(args, "label") });
  console.log(`Backup written: ${path.join(backupDir, result.file)}`);
  console.log(`  snapshot at ${result.takenAt}, ${fileSize(result.bytes)}, sha256 ${result.sha256}, migration ${result.migration}`);
  console.log(`  checked: integrity_check ok, foreign_key_check ok`);
  if (result.pruned.length) console.log(`  rotation removed: ${result.pruned.join(", ")}`);
  for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
});
