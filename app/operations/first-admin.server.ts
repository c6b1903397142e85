/**
 * `npm run create-admin`: the first administrator of a real installation (never the demo seed),
 * with the app's own rules, hashing and audit. On an empty database it also creates the root of
 * the unit tree (the province). Run again later, it adds another province-level administrator:
 * the way back in when every admin password is lost.
 */
import { assertUsernameFree, insertAccount } from "~/accounts/accounts.server";
import { hashPassword } from "~/auth/password.server";
import { db, type Tx } from "~/db/db.server";
import { createRootUnit } from "~/units/units.server";
import { todayInVietnam } from "~/utils/dates";
import { OperationError } from "./settings.server";

export type RootUnit = { id: number; code: string; name: string };

async function rootUnits(client: Tx | typeof db): Promise<RootUnit[]> {
  return client.unit.findMany({ where: { parentId: null, validTo: null }, select: { id: true, code: true, name: true } });
}

/** The installation's root unit, or null on an empty database (create-admin then asks for one). */
export async function findRootUnit(client: Tx | typeof db = db): Promise<RootUnit | null> {
  const roots = await rootUnits(client);
  if (roots.length > 1) {
    throw new OperationError(`The unit tree has ${roots.length} roots (${roots.map((u) => u.code).join(", ")}): create further accounts in the app.`);
  }
  return roots[0] ?? null;
}

export type FirstAdmin = { username: string; displayName: string; password: string };

export async function createInstallationAdmin(admin: FirstAdmin, newRoot?: { code: string; name: string }) {
  const passwordHash = await hashPassword(admin.password);
  return db.$transaction(async (tx) => {
    await assertUsernameFree(tx, admin.username);
    const existing = await findRootUnit(tx);
    if (!existing && !newRoot) throw new OperationError("The database has no units yet: the root unit (the province) is needed.");
    const unit = existing ?? (await createRootUnit(tx, newRoot!, todayInVietnam()));
    const account = await insertAccount(tx, null, {
      username: admin.username,
      displayName: admin.displayName,
      role: "admin",
      unitId: unit.id,
      passwordHash,
      // Chosen by the person who will use it, at the server's console.
      mustChangePassword: false,
      collaborator: null,
    });
    return { account, unit: { id: unit.id, code: unit.code, name: unit.name }, createdUnit: !existing };
  });
}
