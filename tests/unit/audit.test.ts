import { describe, expect, it } from "vitest";
import { recordAudit } from "~/audit/audit.server";
import { AUDIT_PAGE_SIZE, formatCursor, listAuditActions, listAuditEntries, parseCursor, type AuditFilters } from "~/audit/audit-viewer.server";
import { db } from "~/db/db.server";
import { addUnit, day, provinceWithTwoUnits, realViewerAt } from "./fixtures";

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
    const { root, a, b } = await provinceWithTwoUnits();
    const adminA = await realViewerAt(a, "admin.a");
    const adminB = await realViewerAt(b, "admin.b");
    await recordAudit(db, { actorId: adminA.id, action: "unit.rename", entityType: "Unit", entityId: a.id });
    await recordAudit(db, { actorId: adminB.id, action: "unit.rename", entityType: "Unit", entityId: b.id });
    await recordAudit(db, { actorId: null, action: "unit.rename", entityType: "Unit", entityId: root.id });
    const seenByA = await listAuditEntries(adminA, {});
    expect(seenByA.rows.map((r) => r.entityId)).toEqual([String(a.id)]);
    // The province sees every entry made by an account (the one by no account is not listed, as before).
    const seenByRoot = await listAuditEntries(await realViewerAt(root, "root"), { action: "unit.rename" });
    expect(seenByRoot.rows.map((r) => r.entityId).sort()).toEqual([String(a.id), String(b.id)].sort());
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
      (await listAuditEntries(admin, { from, to })).rows.map((r) => r.entityId).sort();
    expect(await ids(day("2026-03-15"), day("2026-03-15"))).toEqual(["early-15th", "late-15th"]);
    expect(await ids(day("2026-03-15"))).toEqual(["early-15th", "late-15th", "start-16th"]);
    expect(await ids(undefined, day("2026-03-14"))).toEqual(["late-14th"]);
  });

  it("pages by keyset, newest first: every entry once going older, the same pages coming back, ties on the time kept apart by id", async () => {
    const root = await addUnit(null, "P");
    const admin = await realViewerAt(root, "admin");
    const other = await realViewerAt(root, "other");
    // 130 entries, many sharing their time (a group commit writes several in one millisecond).
    const data = Array.from({ length: 130 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 2, 1) + Math.floor(i / 4) * 60_000),
      actorId: i % 3 === 0 ? other.id : admin.id,
      action: i % 2 === 0 ? "test.even" : "test.odd",
      entityType: "Thing",
      entityId: String(i),
    }));
    await db.auditEntry.createMany({ data });
    const expected = (where: (d: (typeof data)[number]) => boolean) =>
      data.map((d, i) => ({ ...d, id: i })).filter(where).sort((a, b) => b.at.getTime() - a.at.getTime() || Number(b.entityId) - Number(a.entityId)).map((d) => d.entityId);
    async function walk(filters: AuditFilters) {
      const pages: string[][] = [];
      let older: string | null = null;
      do {
        const page = await listAuditEntries(admin, { ...filters, older: parseCursor(older) });
        expect(page.rows.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
        pages.push(page.rows.map((r) => r.entityId));
        older = page.older ? formatCursor(page.older) : null;
      } while (older);
      return pages;
    }
    const all = await walk({});
    expect(all.map((p) => p.length)).toEqual([50, 50, 30]);
    expect(all.flat()).toEqual(expected(() => true));
    expect((await walk({ action: "test.odd" })).flat()).toEqual(expected((d) => d.action === "test.odd"));
    expect((await walk({ actor: "OTHER" })).flat()).toEqual(expected((d) => d.actorId === other.id));
    expect((await walk({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-01T00:00:00Z") })).flat()).toEqual(expected(() => true));

    // Back from the last page: the newer link gives the middle page again, then the first.
    const last = await listAuditEntries(admin, { older: parseCursor(formatCursor((await listAuditEntries(admin, { older: parseCursor(formatCursor((await listAuditEntries(admin, {})).older!)) })).older!)) });
    expect(last.rows.map((r) => r.entityId)).toEqual(all[2]);
    expect(last.older).toBeNull();
    const middle = await listAuditEntries(admin, { newer: last.newer! });
    expect(middle.rows.map((r) => r.entityId)).toEqual(all[1]);
    const first = await listAuditEntries(admin, { newer: middle.newer! });
    expect(first.rows.map((r) => r.entityId)).toEqual(all[0]);
    expect(first.newer).toBeNull();
    expect(first.older).not.toBeNull();
    expect(parseCursor("2026-03-01T00:00:00.000Z~12; DROP")).toBeUndefined();
  });

  it("lists the distinct actions in order", async () => {
    for (const action of ["b.two", "a.one", "b.two", "c.three", "a.one"]) {
      await recordAudit(db, { actorId: null, action, entityType: "Thing", entityId: 1 });
    }
    expect(await listAuditActions()).toEqual(["a.one", "b.two", "c.three"]);
  });
});
