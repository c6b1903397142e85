// Builds small unit trees and viewers in the test's own SQLite database, through the real schema.
import type { Viewer } from "~/access/gate.server";
import { refusalOf } from "~/errors/http.server";
import type { Role } from "~/accounts/roles";
import { db } from "~/db/db.server";
import { unitSearchText } from "~/units/units.server";

export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

type TreeUnit = { id: number; code: string; path: string; depth: number };

export async function addUnit(parent: TreeUnit | null, code: string, name = code, kind = "commune"): Promise<TreeUnit> {
  const created = await db.unit.create({
    data: {
      code,
      name,
      kind,
      searchText: unitSearchText(code, name),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: "",
      validFrom: day("2025-07-01"),
    },
  });
  return db.unit.update({
    where: { id: created.id },
    data: { path: `${parent?.path ?? "/"}${created.id}/` },
    select: { id: true, code: true, path: true, depth: true },
  });
}

/** The smallest tree with two sibling subtrees: a root unit "P" standing for the province, with "A" and "B" under it. */
export async function provinceWithTwoUnits() {
  const root = await addUnit(null, "P");
  return { root, a: await addUnit(root, "A"), b: await addUnit(root, "B") };
}

export async function addAccount(unit: TreeUnit, username: string, role = "collaborator", passwordHash = "x") {
  return db.account.create({ data: { username, displayName: username, role, unitId: unit.id, passwordHash } });
}

export function viewerAt(unit: TreeUnit, role: Role = "admin", id = 0): Viewer {
  return {
    id,
    username: `viewer${id}`,
    displayName: "Viewer",
    role,
    unitId: unit.id,
    unitName: unit.code,
    unitPath: unit.path,
    mustChangePassword: false,
  };
}

/** A viewer backed by a real account (audit entries reference their actor). */
export async function realViewerAt(unit: TreeUnit, username: string, role: Role = "admin"): Promise<Viewer> {
  const account = await addAccount(unit, username, role);
  return viewerAt(unit, role, account.id);
}

export async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

/**
 * The HTTP status a thrown error answers with: a Response's, or a domain error's through the
 * route layer's adapter, as the server maps it.
 */
export function thrownStatus(error: unknown): number | undefined {
  if (error instanceof Response) return error.status;
  return refusalOf(error)?.status;
}

/** The JSON body (`{ message, errors? }`) a thrown domain error answers with, as the server maps it. */
export function thrownBody(error: unknown) {
  return refusalOf(error)?.body;
}
