import { withConnection } from "~/db/db.server";
import { backupHealth } from "~/operations/backup-marker.server";
import { migrationStatus, type MigrationStatus } from "~/operations/migrations.server";

/**
 * Liveness and readiness in one, for the reverse proxy, the e2e runner and monitoring: 200 when
 * the database answers and holds every migration of this code; 503 when it does not answer or
 * while migrations are pending (or it is newer than the code). The last backup's age is reported,
 * not judged: an old backup is an operator's alarm, not a reason to stop serving. No secrets, no
 * paths. Two small queries and one small file read.
 */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  let migrations: MigrationStatus;
  try {
    migrations = await withConnection((raw) => migrationStatus(raw));
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers });
  }
  const ready = migrations.state === "current";
  return Response.json(
    {
      status: ready ? "ok" : "not-ready",
      database: "ok",
      migrations: { state: migrations.state, pending: migrations.pending.length },
      backup: await backupHealth(process.env.BACKUP_DIR),
    },
    { status: ready ? 200 : 503, headers },
  );
}
