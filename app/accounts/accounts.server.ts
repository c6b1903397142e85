/** Accounts: listing within the viewer's scope, and the admin's changes, each audited. */
import type { z } from "zod";
import { accountsVisibleTo, isInSubtree, type Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { replaceAllSessions } from "~/auth/session.server";
import { db, type Tx } from "~/db/db.server";
import { countedPage } from "~/db/paging.server";
import type { Prisma } from "~/generated/prisma/client";
import { statusAllowsAccess } from "~/collaborators/membership.server";
import { FieldError } from "~/forms/field-error.server";
import { notFound } from "~/utils/http.server";
import type { createAccountSchema, updateAccountSchema } from "./account-schemas";

export const ACCOUNTS_PAGE_SIZE = 50;

export type AccountFilters = {
  q?: string;
  role?: string;
  unitCode?: string;
  status?: "active" | "inactive";
  page: number;
};

const ACCOUNT_ROW = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  unit: { select: { id: true, code: true, name: true } },
} as const;

export async function listAccounts(viewer: Viewer, filters: AccountFilters) {
  const where: Prisma.AccountWhereInput = {
    AND: [
      accountsVisibleTo(viewer),
      filters.q
        ? { OR: [{ username: { contains: filters.q.toLowerCase() } }, { displayName: { contains: filters.q } }] }
        : {},
      filters.role ? { role: filters.role } : {},
      filters.unitCode ? { unit: { code: filters.unitCode.toUpperCase() } } : {},
      filters.status ? { active: filters.status === "active" } : {},
    ],
  };
  return countedPage(
    filters.page,
    ACCOUNTS_PAGE_SIZE,
    () => db.account.count({ where }),
    (window) => db.account.findMany({ where, orderBy: [{ unit: { path: "asc" } }, { username: "asc" }], ...window, select: ACCOUNT_ROW }),
  );
}

export async function getAccount(viewer: Viewer, id: number) {
  const account = await db.account.findFirst({
    where: { AND: [{ id }, accountsVisibleTo(viewer)] },
    select: {
      ...ACCOUNT_ROW,
      mustChangePassword: true,
      createdAt: true,
      collaborator: true,
    },
  });
  if (!account) notFound();
  return account;
}

async function findUnitForAccount(tx: Tx, viewer: Viewer, code: string) {
  const unit = await tx.unit.findUnique({ where: { code } });
  if (!unit || !isInSubtree(viewer.unitPath, unit.path)) throw new FieldError("unitCode", "errors.unitNotFound");
  if (unit.validTo) throw new FieldError("unitCode", "errors.unitClosed");
  return unit;
}

type AccountFields = z.output<typeof updateAccountSchema>;

function collaboratorProfile(input: AccountFields | z.output<typeof createAccountSchema>) {
  if (input.role !== "collaborator" || !input.sector || !input.termStart) return null;
  return { sector: input.sector, termStart: input.termStart, termEnd: input.termEnd ?? null, status: "active" };
}

export async function assertUsernameFree(tx: Tx, username: string) {
  if (await tx.account.findUnique({ where: { username } })) {
    throw new FieldError("username", "errors.usernameTaken");
  }
}

type NewAccount = {
  username: string;
  displayName: string;
  role: string;
  unitId: number;
  passwordHash: string;
  mustChangePassword: boolean;
  collaborator: ReturnType<typeof collaboratorProfile>;
};

/** Inserts an account (its username checked free by the caller) and its audit entry. */
export async function insertAccount(tx: Tx, actorId: number | null, input: NewAccount) {
  const { collaborator, ...fields } = input;
  const account = await tx.account.create({
    data: { ...fields, collaborator: collaborator ? { create: collaborator } : undefined },
    select: { id: true, username: true, displayName: true, role: true, unitId: true },
  });
  await recordAudit(tx, { actorId, action: "account.create", entityType: "Account", entityId: account.id, after: { ...account, collaborator } });
  return account;
}

export async function createAccount(viewer: Viewer, input: z.output<typeof createAccountSchema>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await assertUsernameFree(tx, input.username);
    const unit = await findUnitForAccount(tx, viewer, input.unitCode);
    return insertAccount(tx, viewer.id, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      unitId: unit.id,
      passwordHash,
      // The admin chose this password: its owner replaces it at the first sign-in.
      mustChangePassword: true,
      collaborator: collaboratorProfile(input),
    });
  });
}

/** Guards against an admin locking themselves out. */
function assertNotSelfLockout(viewer: Viewer, id: number, change: { role?: string; active?: boolean }, field: string) {
  if (viewer.id !== id) return;
  if ((change.role && change.role !== viewer.role) || change.active === false) {
    throw new FieldError(field, "errors.cannotChangeOwnAccess");
  }
}

export async function updateAccount(viewer: Viewer, id: number, input: AccountFields) {
  assertNotSelfLockout(viewer, id, { role: input.role }, "role");
  return db.$transaction(async (tx) => {
    const before = await getAccountForUpdate(tx, viewer, id);
    const unit = await findUnitForAccount(tx, viewer, input.unitCode);
    const profile = collaboratorProfile(input);
    const after = await tx.account.update({
      where: { id },
      data: { displayName: input.displayName, role: input.role, unitId: unit.id },
      select: { displayName: true, role: true, unitId: true },
    });
    if (profile) {
      const { status: _status, ...changes } = profile;
      await tx.collaboratorProfile.upsert({ where: { accountId: id }, create: { accountId: id, ...profile }, update: changes });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "account.update",
      entityType: "Account",
      entityId: id,
      before: { displayName: before.displayName, role: before.role, unitId: before.unitId, collaborator: before.collaborator },
      after: { ...after, collaborator: profile },
    });
  });
}

async function getAccountForUpdate(tx: Tx, viewer: Viewer, id: number) {
  const account = await tx.account.findFirst({
    where: { AND: [{ id }, accountsVisibleTo(viewer)] },
    include: { collaborator: true },
  });
  if (!account) notFound();
  return account;
}

/** Deactivation also ends every session of the account at once. */
export async function setAccountActive(viewer: Viewer, id: number, active: boolean) {
  assertNotSelfLockout(viewer, id, { active }, "active");
  await db.$transaction(async (tx) => {
    const before = await getAccountForUpdate(tx, viewer, id);
    // One rule for ended collaborators (app/collaborators/membership.server.ts): their account
    // stays inactive; reactivating them is a roster status change, not an account switch.
    if (active && before.role === "collaborator" && !statusAllowsAccess(before.collaborator?.status)) {
      throw new FieldError("active", "roster.endedStaysInactive");
    }
    await tx.account.update({ where: { id }, data: { active } });
    if (!active) await tx.session.deleteMany({ where: { accountId: id } });
    await recordAudit(tx, { actorId: viewer.id, action: active ? "account.activate" : "account.deactivate", entityType: "Account", entityId: id, before: { active: before.active }, after: { active } });
  });
}

/** An admin sets a temporary password; the user must replace it at the next sign-in. */
export async function resetPassword(viewer: Viewer, id: number, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await getAccountForUpdate(tx, viewer, id);
    await tx.account.update({ where: { id }, data: { passwordHash, mustChangePassword: true } });
    await tx.session.deleteMany({ where: { accountId: id } });
    await recordAudit(tx, { actorId: viewer.id, action: "account.reset_password", entityType: "Account", entityId: id });
  });
}

/**
 * The viewer's own change: every other session of the account ends and this one gets a new
 * token. Returns the Set-Cookie header value the response must carry.
 */
export async function changeOwnPassword(viewer: Viewer, currentPassword: string, newPassword: string): Promise<string> {
  const account = await db.account.findUniqueOrThrow({ where: { id: viewer.id } });
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    throw new FieldError("currentPassword", "errors.wrongPassword");
  }
  if (currentPassword === newPassword) throw new FieldError("newPassword", "errors.samePassword");
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: viewer.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, { actorId: viewer.id, action: "account.change_password", entityType: "Account", entityId: viewer.id });
    return replaceAllSessions(tx, viewer.id);
  });
}
