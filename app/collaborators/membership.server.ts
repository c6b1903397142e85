/**
 * The one rule for a collaborator's membership status, applied by every path
 * that changes it: the roster edit form, the roster import, "end membership" (deactivate), and the
 * admin's account page.
 *
 * - "ended": the person can do nothing any more — the account is inactive (sign-in refused, the
 *   session lookup refuses inactive accounts) and every session is deleted at once.
 * - "active" / "paused": the account may sign in ("paused" only means no reports are expected).
 *   Leaving "ended" reactivates the account; a change between "active" and "paused" leaves the
 *   account's `active` flag as it is, so an admin's separate deactivation stands.
 */
import type { Tx } from "~/db/db.server";

export type MembershipStatus = "active" | "paused" | "ended";

/** Whether an account with this membership status may be active (sign in, submit). */
export function statusAllowsAccess(status: string | null | undefined): boolean {
  return status !== "ended";
}

/**
 * Writes the collaborator's status and applies what it means for the account, in the caller's
 * transaction. `previous` is the status before (null for a new profile). Returns the account's
 * `active` flag afterwards when it changed, for the caller's audit entry.
 */
export async function applyCollaboratorStatus(
  tx: Tx,
  accountId: number,
  status: MembershipStatus,
  previous: string | null | undefined,
): Promise<{ active?: boolean }> {
  await tx.collaboratorProfile.updateMany({ where: { accountId }, data: { status } });
  if (!statusAllowsAccess(status)) {
    await tx.account.update({ where: { id: accountId }, data: { active: false } });
    await tx.session.deleteMany({ where: { accountId } });
    return { active: false };
  }
  if (previous === "ended") {
    await tx.account.update({ where: { id: accountId }, data: { active: true } });
    return { active: true };
  }
  return {};
}
