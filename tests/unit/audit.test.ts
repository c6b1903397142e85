import { describe, expect, it } from "vitest";
import { recordAudit } from "~/audit/audit.server";
import { listAuditEntries } from "~/audit/audit-viewer.server";
import { db } from "~/db/db.server";
import { addUnit, realViewerAt } from "./fixtures";

describe("the audit log", () => {
  it("is append-only: the database refuses updates and deletes", async () => {
    await recordAudit(db, { actorId: null, action: "test.write", entityType: "Thing", entityId: 1, after: { a: 1 } });
    await expect(db.auditEntry.updateMany({ data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.deleteMany()).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe('DELETE FROM "AuditEntry"')).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it("never stores secrets, whatever the caller passes", async () => {
    await recordAudit(db, { actorId: null, action: "x", entityType: "Account", entityId: 1, after: { password: "p", nested: { passwordHash: "h" }, name: "n" } });
    const entry = await db.auditEntry.findFirstOrThrow();
    expect(JSON.parse(entry.after!)).toEqual({ password: "[redacted]", nested: { passwordHash: "[redacted]" }, name: "n" });
  });

  it("shows a viewer only entries by actors in their subtree", async () => {
    const root = await addUnit(null, "P");
    const a = await addUnit(root, "A");
    const b = await addUnit(root, "B");
    const adminA = await realViewerAt(a, "admin.a");
    const adminB = await realViewerAt(b, "admin.b");
    await recordAudit(db, { actorId: adminA.id, action: "unit.rename", entityType: "Unit", entityId: a.id });
    await recordAudit(db, { actorId: adminB.id, action: "unit.rename", entityType: "Unit", entityId: b.id });
    const seenByA = await listAuditEntries(adminA, { page: 1 });
    expect(seenByA.rows.map((r) => r.entityId)).toEqual([String(a.id)]);
    const seenByRoot = await listAuditEntries(await realViewerAt(root, "root"), { page: 1, action: "unit." });
    expect(seenByRoot.total).toBe(2);
  });
});
