/**
 * Bulk storage of reports with their items, for the demo seed and the benchmark's generator: the
 * same tables and columns the app writes one report at a time, written with createMany.
 */
import type { Tx } from "~/db/db.server";
import { monthlyKeyOf, opinionItemRow, type ItemFacts } from "./report-rows";

export type BulkItem = ItemFacts & {
  topicId: number;
  areaUnitId: number;
  groupIds?: number[];
  createdAt?: Date;
};

export type BulkReport = {
  clientUuid: string;
  period: { id: number; quarterKey: number };
  collaboratorId: number;
  unitId: number;
  submittedAt: Date;
  timeliness: "on_time" | "late";
  status?: string;
  quality?: string | null;
  urgent?: boolean;
  items: BulkItem[];
};

/** Writes monthly reports, items and item groups; marks the expectations' outcomes. Returns item count. */
export async function bulkInsertReports(tx: Tx, reports: BulkReport[]): Promise<number> {
  if (reports.length === 0) return 0;
  const created = await tx.opinionReport.createManyAndReturn({
    data: reports.map((r) => ({
      clientUuid: r.clientUuid,
      contentHash: "bulk",
      monthlyKey: monthlyKeyOf(r.period.id, r.collaboratorId),
      periodId: r.period.id,
      collaboratorId: r.collaboratorId,
      unitId: r.unitId,
      status: r.status ?? "submitted",
      quality: r.quality ?? null,
      urgent: r.urgent ?? false,
      timeliness: r.timeliness,
      firstSubmittedAt: r.submittedAt,
      submittedAt: r.submittedAt,
    })),
    select: { id: true, clientUuid: true },
  });
  const idOf = new Map(created.map((c) => [c.clientUuid, c.id]));
  const itemRows = reports.flatMap((r) =>
    r.items.map((item, position) => ({
      ...opinionItemRow({ reportId: idOf.get(r.clientUuid)!, position, period: r.period, reportUrgent: Boolean(r.urgent) }, item, item),
      createdAt: item.createdAt ?? r.submittedAt,
    })),
  );
  const groupsOf = reports.flatMap((r) => r.items.map((item) => item.groupIds ?? []));
  const items = await tx.opinionItem.createManyAndReturn({ data: itemRows, select: { id: true } });
  const links = items.flatMap((item, i) => [...new Set(groupsOf[i] ?? [])].map((groupId) => ({ itemId: item.id, groupId })));
  if (links.length) await tx.opinionItemGroup.createMany({ data: links });
  await tx.reportEvent.createMany({
    data: reports.map((r) => ({ reportId: idOf.get(r.clientUuid)!, actorId: r.collaboratorId, kind: "submitted", at: r.submittedAt })),
  });
  for (const outcome of ["on_time", "late"] as const) {
    const byPeriod = new Map<number, number[]>();
    for (const r of reports.filter((x) => x.timeliness === outcome)) {
      byPeriod.set(r.period.id, [...(byPeriod.get(r.period.id) ?? []), r.collaboratorId]);
    }
    for (const [periodId, collaboratorIds] of byPeriod) {
      await tx.reportExpectation.updateMany({ where: { periodId, collaboratorId: { in: collaboratorIds } }, data: { outcome } });
    }
  }
  return itemRows.length;
}
