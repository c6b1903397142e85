import { describe, expect, it } from "vitest";
import { subtreeRange, unitsVisibleTo } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { createUnit, getUnitDetail, mergeUnit, moveUnit, renameUnit, searchUnits } from "~/units/units.server";
import { addAccount, addUnit, catchError, day, provinceWithTwoUnits, realViewerAt, thrownStatus, viewerAt } from "./fixtures";

describe("subtree ranges on materialised paths", () => {
  it("include exactly the descendants, even when ids share a prefix (1 vs 10, 11...)", async () => {
    const root = await addUnit(null, "R");
    const units = [];
    for (let i = 0; i < 12; i++) units.push(await addUnit(root, `C${i}`));
    const first = units[0]!;
    // Children of the first child, plus units whose ids start with the same digits.
    const grandchild = await addUnit(first, "G1");
    const range = subtreeRange(first.path);
    const inRange = await db.unit.findMany({ where: { path: range }, orderBy: { id: "asc" } });
    expect(inRange.map((u) => u.code)).toEqual([first.code, grandchild.code]);
    const all = await db.unit.count({ where: unitsVisibleTo(viewerAt(root)) });
    expect(all).toBe(14);
  });
});

describe("creating, renaming, moving", () => {
  it("creates under a parent in scope with path and depth, audited", async () => {
    const root = await addUnit(null, "P");
    const viewer = await realViewerAt(root, "admin1");
    const unit = await createUnit(viewer, { code: "P.X1", name: "Xã Một", kind: "commune", parentCode: "P", validFrom: day("2025-07-01") });
    expect(unit.path).toBe(`${root.path}${unit.id}/`);
    expect(unit.depth).toBe(1);
    expect(unit.searchText).toBe("p.x1 xa mot");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "unit.create", entityId: String(unit.id) } });
    expect(audit.actorId).toBe(viewer.id);
  });

  it("refuses a taken code and a parent outside the viewer's subtree", async () => {
    const { a, b } = await provinceWithTwoUnits();
    const viewerA = await realViewerAt(a, "adminA");
    const input = { code: "A.1", name: "x", kind: "commune" as const, validFrom: day("2025-07-01") };
    const outside = await catchError(createUnit(viewerA, { ...input, parentCode: b.code }));
    expect(outside).toEqual(new FieldError("parentCode", "errors.unitNotFound"));
    const taken = await catchError(createUnit(viewerA, { ...input, code: "B", parentCode: "A" }));
    expect(taken).toEqual(new FieldError("code", "errors.codeTaken"));
    expect(await db.unit.count()).toBe(3);
  });

  it("moves a whole subtree: every descendant's path and depth follow", async () => {
    const { root, a, b } = await provinceWithTwoUnits();
    const a1 = await addUnit(a, "A1");
    const a11 = await addUnit(a1, "A11");
    const viewer = await realViewerAt(root, "admin");
    await moveUnit(viewer, a.id, "B");
    const moved = await db.unit.findMany({ where: { id: { in: [a.id, a1.id, a11.id] } }, orderBy: { id: "asc" } });
    expect(moved.map((u) => [u.path, u.depth])).toEqual([
      [`${b.path}${a.id}/`, 2],
      [`${b.path}${a.id}/${a1.id}/`, 3],
      [`${b.path}${a.id}/${a1.id}/${a11.id}/`, 4],
    ]);
    expect(moved[0]!.parentId).toBe(b.id);
    const loop = await catchError(moveUnit(viewer, b.id, "A11"));
    expect(loop).toEqual(new FieldError("parentCode", "errors.moveIntoOwnSubtree"));
  });

  it("renames and finds the new name without diacritics", async () => {
    const root = await addUnit(null, "P");
    const a = await addUnit(root, "A", "Phường 1");
    const viewer = await realViewerAt(root, "admin");
    await renameUnit(viewer, a.id, "Phường Đông Hòa");
    const found = await searchUnits(viewer, "dong hoa");
    expect(found.map((u) => u.code)).toEqual(["A"]);
  });
});

describe("merging", () => {
  it("closes the unit, records lineage and hands over sub-units and accounts", async () => {
    const root = await addUnit(null, "P");
    const old = await addUnit(root, "OLD");
    const oldChild = await addUnit(old, "OLD.1");
    const successor = await addUnit(root, "NEW");
    const member = await addAccount(old, "ctv.old");
    const viewer = await realViewerAt(root, "admin");

    await mergeUnit(viewer, old.id, { intent: "merge", successorCode: "NEW", effectiveOn: day("2026-01-01") });

    const closed = await db.unit.findUniqueOrThrow({ where: { id: old.id } });
    expect(closed.validTo).toEqual(day("2026-01-01"));
    const lineage = await db.unitLineage.findMany();
    expect(lineage).toEqual([{ predecessorId: old.id, successorId: successor.id, effectiveOn: day("2026-01-01") }]);
    const child = await db.unit.findUniqueOrThrow({ where: { id: oldChild.id } });
    expect([child.parentId, child.path]).toEqual([successor.id, `${successor.path}${oldChild.id}/`]);
    expect((await db.account.findUniqueOrThrow({ where: { id: member.id } })).unitId).toBe(successor.id);

    const { unit } = await getUnitDetail(viewer, successor.id);
    expect(unit.predecessors.map((p) => p.predecessor)).toEqual([{ id: old.id, code: "OLD", name: "OLD", visible: true }]);
    // The successor's own official reads the merged unit's name, without a link or its path.
    const local = await getUnitDetail(viewerAt(successor, "official"), successor.id);
    expect(local.unit.predecessors.map((p) => p.predecessor)).toEqual([{ id: old.id, code: "OLD", name: "OLD", visible: false }]);
    const again = await catchError(mergeUnit(viewer, old.id, { intent: "merge", successorCode: "NEW", effectiveOn: day("2026-02-01") }));
    expect(again).toEqual(new FieldError("successorCode", "errors.unitAlreadyClosed"));
  });

  it("refuses merging into a closed unit or into its own sub-unit, and writes nothing", async () => {
    const root = await addUnit(null, "P");
    const a = await addUnit(root, "A");
    await addUnit(a, "A1");
    const viewer = await realViewerAt(root, "admin");
    const own = await catchError(mergeUnit(viewer, a.id, { intent: "merge", successorCode: "A1", effectiveOn: day("2026-01-01") }));
    expect(own).toEqual(new FieldError("successorCode", "errors.mergeIntoOwnSubtree"));
    const early = await catchError(mergeUnit(viewer, a.id, { intent: "merge", successorCode: "P", effectiveOn: day("2020-01-01") }));
    expect(early).toEqual(new FieldError("effectiveOn", "errors.beforeValidFrom"));
    expect(await db.unitLineage.count()).toBe(0);
    expect((await db.unit.findUniqueOrThrow({ where: { id: a.id } })).validTo).toBeNull();
  });
});

describe("the gate on unit records", () => {
  it("answers 404 for a unit outside the viewer's subtree, as for one that does not exist", async () => {
    const { root, a, b } = await provinceWithTwoUnits();
    const viewer = viewerAt(a, "official");
    expect((await getUnitDetail(viewer, a.id)).unit.code).toBe("A");
    expect(thrownStatus(await catchError(getUnitDetail(viewer, b.id)))).toBe(404);
    expect(thrownStatus(await catchError(getUnitDetail(viewer, root.id)))).toBe(404);
    expect(thrownStatus(await catchError(getUnitDetail(viewer, 99_999)))).toBe(404);
    expect(thrownStatus(await catchError(renameUnit(viewer, b.id, "x")))).toBe(404);
    expect((await db.unit.findUniqueOrThrow({ where: { id: b.id } })).name).toBe("B");
  });

  it("breadcrumbs stop at the viewer's own unit", async () => {
    const root = await addUnit(null, "P");
    const a = await addUnit(root, "A");
    const a1 = await addUnit(a, "A1");
    const { ancestors } = await getUnitDetail(viewerAt(a, "official"), a1.id);
    expect(ancestors.map((u) => u.code)).toEqual(["A"]);
  });
});
