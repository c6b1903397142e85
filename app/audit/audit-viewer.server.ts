/**
 * The audit log as its viewer reads it: newest first, in keyset pages. At a million entries a
 * COUNT (with the visibility join) or an OFFSET walks every entry before the page; here every
 * page of every filter is one index seek and 51 steps (the indexes in prisma/schema/audit.prisma
 * each end in (at, id)). So the page says how many entries it shows, not how many match in all.
 */
import { auditActorsVisibleTo, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { numberRows } from "~/db/sql-rules.server";
import { Prisma } from "~/generated/prisma/client";
import { vietnamDayEnd, vietnamDayStart } from "~/utils/dates";

export const AUDIT_PAGE_SIZE = 50;

/** A position in the log: the entry a page starts after (older) or before (newer). */
export type AuditCursor = { at: Date; id: number };

export type AuditFilters = {
  /** An exact action (the page offers those found in the log). */
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** Inclusive calendar days in Vietnam time (stored as UTC midnight, as parseDay returns them). */
  from?: Date;
  to?: Date;
  /** Entries older than this (the next page), or newer than this (the previous page). */
  older?: AuditCursor;
  newer?: AuditCursor;
};

/** `<at ISO>~<id>` in a URL, and back (null for anything malformed). */
export function formatCursor(c: AuditCursor): string {
  return `${c.at.toISOString()}~${c.id}`;
}
export function parseCursor(value: string | null | undefined): AuditCursor | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)~(\d{1,15})$/.exec(value ?? "");
  if (!match) return undefined;
  const at = new Date(match[1]!);
  return Number.isNaN(at.getTime()) ? undefined : { at, id: Number(match[2]) };
}

function conditions(viewer: Viewer, filters: AuditFilters, actorId: number | null): Prisma.Sql[] {
  const where = [auditActorsVisibleTo(viewer)];
  if (filters.action) where.push(Prisma.sql`e."action" = ${filters.action}`);
  if (filters.entityType) where.push(Prisma.sql`e."entityType" = ${filters.entityType}`);
  if (filters.entityId) where.push(Prisma.sql`e."entityId" = ${filters.entityId}`);
  if (filters.actor) where.push(Prisma.sql`e."actorId" = ${actorId ?? -1}`);
  // Times are shown in Vietnam time, so the days are Vietnam days: [00:00, next 00:00) UTC+7.
  if (filters.from) where.push(Prisma.sql`e."at" >= ${vietnamDayStart(filters.from)}`);
  if (filters.to) where.push(Prisma.sql`e."at" < ${vietnamDayEnd(filters.to)}`);
  // Row values: one index range, in SQLite as in PostgreSQL.
  if (filters.older) where.push(Prisma.sql`(e."at", e."id") < (${filters.older.at}, ${filters.older.id})`);
  else if (filters.newer) where.push(Prisma.sql`(e."at", e."id") > (${filters.newer.at}, ${filters.newer.id})`);
  return where;
}

/**
 * One page of the entries made by accounts in the viewer's subtree, newest first, with the
 * cursors of the pages around it (null where there is none).
 */
export async function listAuditEntries(viewer: Viewer, filters: AuditFilters) {
  const actor = filters.actor ? await db.account.findUnique({ where: { username: filters.actor.toLowerCase() }, select: { id: true } }) : null;
  // Going back (newer) reads upwards from the cursor, then turns the page round.
  const backwards = !filters.older && Boolean(filters.newer);
  const order = backwards ? Prisma.sql`e."at" ASC, e."id" ASC` : Prisma.sql`e."at" DESC, e."id" DESC`;
  const found = numberRows(await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT e."id" FROM "AuditEntry" e
    WHERE ${Prisma.join(conditions(viewer, filters, actor?.id ?? null), " AND ")}
    ORDER BY ${order} LIMIT ${AUDIT_PAGE_SIZE + 1}`);
  const more = found.length > AUDIT_PAGE_SIZE;
  const ids = found.slice(0, AUDIT_PAGE_SIZE).map((r) => r.id);
  const entries = await db.auditEntry.findMany({
    where: { id: { in: ids } },
    include: { actor: { select: { username: true, displayName: true } } },
  });
  const rows = entries.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const cursor = (e: { at: Date; id: number } | undefined) => (e ? { at: e.at, id: e.id } : null);
  return {
    rows,
    // Older entries exist past this page when reading down found more, or whenever we came up.
    older: (backwards ? rows.length > 0 : more) ? cursor(last) : null,
    // Newer ones exist when this page was reached from a cursor (or reading up found more).
    newer: (backwards ? more : Boolean(filters.older)) ? cursor(first) : null,
  };
}

/**
 * The actions in the log, for the filter's list: one index seek per distinct action on
 * (action, at, id) instead of a GROUP BY over every entry (a recursive "loose index scan").
 */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE "actions"("action") AS (
      SELECT MIN("action") FROM "AuditEntry"
      UNION ALL
      SELECT (SELECT MIN(e."action") FROM "AuditEntry" e WHERE e."action" > a."action") FROM "actions" a WHERE a."action" IS NOT NULL
    )
    SELECT "action" FROM "actions" WHERE "action" IS NOT NULL`;
  return rows.map((r) => r.action);
}
