import { accountsVisibleTo, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { vietnamDayEnd, vietnamDayStart } from "~/utils/dates";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** Inclusive calendar days in Vietnam time (stored as UTC midnight, as parseDay returns them). */
  from?: Date;
  to?: Date;
  page: number;
};

/** Entries made by accounts in the viewer's subtree, newest first. */
export async function listAuditEntries(viewer: Viewer, filters: AuditFilters) {
  const where: Prisma.AuditEntryWhereInput = {
    AND: [
      { actor: accountsVisibleTo(viewer) },
      filters.action ? { action: { startsWith: filters.action } } : {},
      filters.entityType ? { entityType: filters.entityType } : {},
      filters.entityId ? { entityId: filters.entityId } : {},
      filters.actor ? { actor: { username: filters.actor.toLowerCase() } } : {},
      // Times are shown in Vietnam time, so the days are Vietnam days: [00:00, next 00:00) UTC+7.
      filters.from ? { at: { gte: vietnamDayStart(filters.from) } } : {},
      filters.to ? { at: { lt: vietnamDayEnd(filters.to) } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { username: true, displayName: true } } },
    }),
  ]);
  return { total, rows };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
