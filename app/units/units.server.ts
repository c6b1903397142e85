/**
 * The unit tree: reading it within the viewer's scope, and the admin's changes to it (create,
 * rename, move, merge). Each change is one transaction with its audit entry.
 */
import type { z } from "zod";
import { assertUnitVisible, isInSubtree, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { inSubtreeSql } from "~/db/sql-rules.server";
import { recordAudit } from "~/audit/audit.server";
import { inTreeOrder } from "./unit-order";
import { db, type Tx } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { foldForSearch } from "~/utils/text";
import type { createUnitSchema, mergeUnitSchema } from "./unit-schemas";

const UNIT_SUMMARY = {
  id: true,
  code: true,
  name: true,
  kind: true,
  depth: true,
  validFrom: true,
  validTo: true,
  _count: { select: { children: true, accounts: true } },
} as const;

export function unitSearchText(code: string, name: string): string {
  return foldForSearch(`${code} ${name}`);
}

/** Ids of the ancestors (and the unit itself) encoded in a materialised path. */
export function pathIds(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

/** The viewer's own unit: the root of everything they may see. */
export function getScopeRoot(viewer: Viewer) {
  return db.unit.findUniqueOrThrow({ where: { id: viewer.unitId }, select: UNIT_SUMMARY });
}

/** Units whose code or name contains the query (accents and case ignored), within scope. */
export function searchUnits(viewer: Viewer, query: string, { includeClosed = false } = {}) {
  return db.unit.findMany({
    where: {
      AND: [
        unitsVisibleTo(viewer),
        { searchText: { contains: foldForSearch(query) } },
        includeClosed ? {} : { validTo: null },
      ],
    },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    take: 100,
    select: UNIT_SUMMARY,
  });
}

/** Every open unit in scope, in tree order: for pickers. */
/** The open units of the viewer's subtree, in a picker's order (tree; siblings by kind, then name). */
export async function listOpenUnits(viewer: Viewer) {
  const units = await db.unit.findMany({
    where: { AND: [unitsVisibleTo(viewer), { validTo: null }] },
    select: { id: true, code: true, name: true, depth: true, kind: true, path: true },
  });
  return inTreeOrder(units);
}

export async function getUnitDetail(viewer: Viewer, id: number) {
  const unit = await db.unit.findUnique({
    where: { id },
    include: {
      children: { orderBy: [{ validTo: "asc" }, { name: "asc" }], select: UNIT_SUMMARY },
      predecessors: { include: { predecessor: { select: { id: true, code: true, name: true, path: true } } } },
      successors: { include: { successor: { select: { id: true, code: true, name: true, path: true } } } },
      _count: { select: { accounts: true } },
    },
  });
  assertUnitVisible(viewer, unit);
  // Lineage names the units merged in or out (public administrative facts), but a unit outside
  // the viewer's subtree is not linked and its path (its ancestors' ids) never leaves the server.
  const lineageUnit = ({ path, ...rest }: { id: number; code: string; name: string; path: string }) => ({
    ...rest,
    visible: isInSubtree(viewer.unitPath, path),
  });
  const lineage = {
    predecessors: unit.predecessors.map((l) => ({ effectiveOn: l.effectiveOn, predecessor: lineageUnit(l.predecessor) })),
    successors: unit.successors.map((l) => ({ effectiveOn: l.effectiveOn, successor: lineageUnit(l.successor) })),
  };
  return { unit: { ...unit, ...lineage }, ancestors: await visibleAncestors(viewer, unit.path) };
}

/** A unit's ancestors, top first, for breadcrumbs: they stop at the viewer's own unit (above it is not theirs to open). */
export function visibleAncestors(viewer: Viewer, path: string) {
  return db.unit.findMany({
    where: { AND: [{ id: { in: pathIds(path).slice(0, -1) } }, unitsVisibleTo(viewer)] },
    orderBy: { depth: "asc" },
    select: { id: true, code: true, name: true },
  });
}

async function findVisibleUnitByCode(tx: Tx, viewer: Viewer, code: string, field: string) {
  const unit = await tx.unit.findUnique({ where: { code } });
  if (!unit || !unit.path.startsWith(viewer.unitPath)) throw new FieldError(field, "errors.unitNotFound");
  if (unit.validTo) throw new FieldError(field, "errors.unitClosed");
  return unit;
}

type NewUnit = { code: string; name: string; kind: string; validFrom: Date };

async function assertCodeFree(tx: Tx, code: string) {
  if (await tx.unit.findUnique({ where: { code } })) throw new FieldError("code", "errors.codeTaken");
}

/** Inserts a unit under `parent` (null: the root of the tree), its path set once its id is known; audited. */
async function insertUnit(tx: Tx, actorId: number | null, parent: { id: number; path: string; depth: number } | null, input: NewUnit) {
  const created = await tx.unit.create({
    data: {
      code: input.code,
      name: input.name,
      kind: input.kind,
      parentId: parent?.id ?? null,
      searchText: unitSearchText(input.code, input.name),
      validFrom: input.validFrom,
      depth: parent ? parent.depth + 1 : 0,
      path: "", // set below, once the id is known
    },
  });
  const unit = await tx.unit.update({
    where: { id: created.id },
    data: { path: `${parent?.path ?? "/"}${created.id}/` },
  });
  await recordAudit(tx, { actorId, action: "unit.create", entityType: "Unit", entityId: unit.id, after: unit });
  return unit;
}

export async function createUnit(viewer: Viewer, input: z.output<typeof createUnitSchema>) {
  return db.$transaction(async (tx) => {
    await assertCodeFree(tx, input.code);
    const parent = await findVisibleUnitByCode(tx, viewer, input.parentCode, "parentCode");
    return insertUnit(tx, viewer.id, parent, input);
  });
}

/**
 * The root of a new installation's tree (the province), made by `npm run create-admin` on an
 * empty database: no signed-in actor, so its audit entry has none.
 */
export async function createRootUnit(tx: Tx, input: { code: string; name: string }, validFrom: Date) {
  await assertCodeFree(tx, input.code);
  return insertUnit(tx, null, null, { ...input, kind: "province", validFrom });
}

async function loadEditableUnit(tx: Tx, viewer: Viewer, id: number) {
  const unit = await tx.unit.findUnique({ where: { id } });
  assertUnitVisible(viewer, unit);
  return unit;
}

export async function renameUnit(viewer: Viewer, id: number, name: string) {
  return db.$transaction(async (tx) => {
    const before = await loadEditableUnit(tx, viewer, id);
    const after = await tx.unit.update({
      where: { id },
      data: { name, searchText: unitSearchText(before.code, name) },
    });
    await recordAudit(tx, { actorId: viewer.id, action: "unit.rename", entityType: "Unit", entityId: id, before: { name: before.name }, after: { name } });
    return after;
  });
}

/** Re-roots a whole subtree under a new parent: every descendant's path and depth follow. */
async function reparentSubtree(tx: Tx, unit: { id: number; path: string; depth: number }, parent: { id: number; path: string; depth: number }) {
  const newPath = `${parent.path}${unit.id}/`;
  const depthShift = parent.depth + 1 - unit.depth;
  // Portable SQL (SQLite and PostgreSQL): one statement rewrites the prefix of every descendant.
  await tx.$executeRaw`
    UPDATE "Unit"
       SET "path" = ${newPath} || substr("path", ${unit.path.length + 1}),
           "depth" = "depth" + ${depthShift}
     WHERE ${inSubtreeSql(unit.path, "")}`;
  await tx.unit.update({ where: { id: unit.id }, data: { parentId: parent.id } });
}

export async function moveUnit(viewer: Viewer, id: number, parentCode: string) {
  return db.$transaction(async (tx) => {
    const unit = await loadEditableUnit(tx, viewer, id);
    if (unit.id === viewer.unitId || !unit.parentId) throw new FieldError("parentCode", "errors.cannotMoveRoot");
    const parent = await findVisibleUnitByCode(tx, viewer, parentCode, "parentCode");
    if (parent.path.startsWith(unit.path)) throw new FieldError("parentCode", "errors.moveIntoOwnSubtree");
    const before = { parentId: unit.parentId, path: unit.path };
    await reparentSubtree(tx, unit, parent);
    await recordAudit(tx, { actorId: viewer.id, action: "unit.move", entityType: "Unit", entityId: id, before, after: { parentId: parent.id, path: `${parent.path}${unit.id}/` } });
  });
}

/**
 * Closes a unit on a date and records its successor (lineage), as in the 2025 mergers: the
 * successor takes over its child units and its accounts, and reports can be compared across it.
 */
export async function mergeUnit(viewer: Viewer, id: number, input: z.output<typeof mergeUnitSchema>) {
  return db.$transaction(async (tx) => {
    const unit = await loadEditableUnit(tx, viewer, id);
    if (unit.validTo) throw new FieldError("successorCode", "errors.unitAlreadyClosed");
    if (unit.id === viewer.unitId || !unit.parentId) throw new FieldError("successorCode", "errors.cannotMergeRoot");
    const successor = await findVisibleUnitByCode(tx, viewer, input.successorCode, "successorCode");
    if (successor.path.startsWith(unit.path)) throw new FieldError("successorCode", "errors.mergeIntoOwnSubtree");
    if (input.effectiveOn < unit.validFrom) throw new FieldError("effectiveOn", "errors.beforeValidFrom");

    const children = await tx.unit.findMany({ where: { parentId: unit.id } });
    for (const child of children) await reparentSubtree(tx, child, successor);
    const movedAccounts = await tx.account.updateMany({ where: { unitId: unit.id }, data: { unitId: successor.id } });
    await tx.unit.update({ where: { id: unit.id }, data: { validTo: input.effectiveOn } });
    await tx.unitLineage.create({
      data: { predecessorId: unit.id, successorId: successor.id, effectiveOn: input.effectiveOn },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "unit.merge",
      entityType: "Unit",
      entityId: unit.id,
      before: { validTo: null },
      after: {
        validTo: input.effectiveOn,
        successor: successor.code,
        movedChildren: children.map((c) => c.code),
        movedAccounts: movedAccounts.count,
      },
    });
    return successor;
  });
}
