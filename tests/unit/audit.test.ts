import { describe, expect, it } from "vitest";
import { recordAudit } from "~/audit/audit.server";
import { listAuditEntries } from "~/audit/audit-viewer.server";
import { db } from "~/db/db.server";
import { addUnit, day, realViewerAt } from "./fixtures";

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

  it("filters by Vietnam calendar days, as the times are shown", async () => {
    const root = await addUnit(null, "P");
    const admin = await realViewerAt(root, "admin");
    const at = (iso: string, entityId: string) =>
      db.auditEntry.create({ data: { at: new Date(iso), actorId: admin.id, action: "test.at", entityType: "Thing", entityId } });
    await at("2026-03-14T16:59:00Z", "late-14th"); // 23:59 on 14/03 in Vietnam
    await at("2026-03-14T20:00:00Z", "early-15th"); // 03:00 on 15/03 in Vietnam
    await at("2026-03-15T16:30:00Z", "late-15th"); // 23:30 on 15/03 in Vietnam
    await at("2026-03-15T17:00:00Z", "start-16th"); // 00:00 on 16/03 in Vietnam
    const ids = async (from?: Date, to?: Date) =>
      (await listAuditEntries(admin, { page: 1, from, to })).rows.map((r) => r.entityId).sort();
    expect(await ids(day("2026-03-15"), day("2026-03-15"))).toEqual(["early-15th", "late-15th"]);
    expect(await ids(day("2026-03-15"))).toEqual(["early-15th", "late-15th", "start-16th"]);
    expect(await ids(undefined, day("2026-03-14"))).toEqual(["late-14th"]);
  });
});
