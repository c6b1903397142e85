import { accountsVisibleTo, unitsVisibleTo, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";

/** Headline counts for the viewer's subtree: open units, active accounts by role. */
export async function getOverview(viewer: Viewer) {
  const [openUnits, accountsByRole] = await Promise.all([
    db.unit.count({ where: { AND: [unitsVisibleTo(viewer), { validTo: null }] } }),
    db.account.groupBy({
      by: ["role"],
      where: { AND: [accountsVisibleTo(viewer), { active: true }] },
      _count: { _all: true },
    }),
  ]);
  const byRole = Object.fromEntries(accountsByRole.map((r) => [r.role, r._count._all]));
  return { openUnits, byRole: byRole as Record<string, number | undefined> };
}
