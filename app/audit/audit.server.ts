import type { Db, Tx } from "~/db/db.server";

export type AuditInput = {
  actorId: number | null;
  /** capability.verb, e.g. "unit.merge" */
  action: string;
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
};

// Secrets never reach the audit log, whatever a caller passes.
const REDACTED_KEYS = new Set(["password", "passwordHash", "newPassword", "token"]);

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v: unknown) => (REDACTED_KEYS.has(key) ? "[redacted]" : v));
}

/** Appends an audit entry; pass the transaction client so the entry commits with the change. */
export async function recordAudit(client: Db | Tx, entry: AuditInput): Promise<void> {
  await client.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
