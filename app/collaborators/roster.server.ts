/** The collaborator roster: listing, editing, deactivation, all-or-nothing import, export. */
import crypto from "node:crypto";
import type { z } from "zod";
import { accountsVisibleTo, isInSubtree, type Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import { db, type Tx } from "~/db/db.server";
import { countedPage } from "~/db/paging.server";
import { FieldError } from "~/forms/field-error.server";
import { decodeErrorKey } from "~/forms/zod";
import type { Prisma } from "~/generated/prisma/client";
import { notFound } from "~/utils/http.server";
import { applyCollaboratorStatus, statusAllowsAccess } from "./membership.server";
import { readRosterFile } from "./roster-file.server";
import { rosterRowSchema, type editCollaboratorSchema } from "./roster-schemas";

export type RosterFilters = { unitCode?: string; sector?: string; status?: string; termYear?: number };

function rosterWhere(viewer: Viewer, f: RosterFilters): Prisma.AccountWhereInput {
  const yearStart = f.termYear ? new Date(Date.UTC(f.termYear, 0, 1)) : null;
  const yearEnd = f.termYear ? new Date(Date.UTC(f.termYear, 11, 31)) : null;
  return {
    AND: [
      accountsVisibleTo(viewer),
      { role: "collaborator" },
      f.unitCode ? { unit: { code: f.unitCode.toUpperCase() } } : {},
      f.sector ? { collaborator: { sector: f.sector } } : {},
      f.status ? { collaborator: { status: f.status } } : {},
      yearStart && yearEnd
        ? { collaborator: { termStart: { lte: yearEnd }, OR: [{ termEnd: null }, { termEnd: { gte: yearStart } }] } }
        : {},
    ],
  };
}

const ROSTER_ROW = {
  id: true,
  username: true,
  displayName: true,
  active: true,
  unit: { select: { id: true, code: true, name: true } },
  collaborator: { select: { sector: true, status: true, termStart: true, termEnd: true } },
} as const;

export const ROSTER_PAGE_SIZE = 100;

export async function listRoster(viewer: Viewer, filters: RosterFilters, page = 1) {
  const where = rosterWhere(viewer, filters);
  return countedPage(
    page,
    ROSTER_PAGE_SIZE,
    () => db.account.count({ where }),
    (window) => db.account.findMany({ where, orderBy: [{ unit: { path: "asc" } }, { username: "asc" }], ...window, select: ROSTER_ROW }),
  );
}

export async function getCollaborator(viewer: Viewer, id: number) {
  const account = await db.account.findFirst({ where: { AND: [{ id }, accountsVisibleTo(viewer), { role: "collaborator" }] }, select: ROSTER_ROW });
  if (!account) notFound();
  return account;
}

async function unitInScope(tx: Tx, viewer: Viewer, code: string) {
  const unit = await tx.unit.findUnique({ where: { code } });
  if (!unit || !isInSubtree(viewer.unitPath, unit.path)) return null;
  return unit;
}

export async function updateCollaborator(viewer: Viewer, id: number, input: z.output<typeof editCollaboratorSchema>) {
  await db.$transaction(async (tx) => {
    const before = await tx.account.findFirst({ where: { AND: [{ id }, accountsVisibleTo(viewer), { role: "collaborator" }] }, include: { collaborator: true } });
    if (!before) notFound();
    const unit = await unitInScope(tx, viewer, input.unitCode);
    if (!unit) throw new FieldError("unitCode", "errors.unitNotFound");
    if (unit.validTo) throw new FieldError("unitCode", "errors.unitClosed");
    const profile = { sector: input.sector, status: input.status, termStart: input.termStart, termEnd: input.termEnd ?? null };
    await tx.account.update({ where: { id }, data: { displayName: input.displayName, unitId: unit.id } });
    await tx.collaboratorProfile.upsert({ where: { accountId: id }, create: { accountId: id, ...profile }, update: profile });
    const access = await applyCollaboratorStatus(tx, id, input.status, before.collaborator?.status ?? null);
    await recordAudit(tx, { actorId: viewer.id, action: "roster.update", entityType: "Account", entityId: id, before: { displayName: before.displayName, unitId: before.unitId, active: before.active, collaborator: before.collaborator }, after: { displayName: input.displayName, unitId: unit.id, ...access, collaborator: profile } });
  });
}

/** Ends the collaborator's membership: profile "ended", account inactive, sessions ended. */
export async function deactivateCollaborator(viewer: Viewer, id: number) {
  await db.$transaction(async (tx) => {
    const before = await tx.account.findFirst({ where: { AND: [{ id }, accountsVisibleTo(viewer), { role: "collaborator" }] }, include: { collaborator: true } });
    if (!before) notFound();
    await applyCollaboratorStatus(tx, id, "ended", before.collaborator?.status ?? null);
    await recordAudit(tx, { actorId: viewer.id, action: "roster.deactivate", entityType: "Account", entityId: id, before: { active: before.active, status: before.collaborator?.status }, after: { active: false, status: "ended" } });
  });
}

export type RowError = { row: number; field: string; key: string; params?: Record<string, unknown> };
export type PreviewRow = { row: number; username: string; displayName: string; unitCode: string; sector: string; status: string; action: "create" | "update" };
export type ImportCheck =
  | { fileError: string; params?: Record<string, string | number> }
  | { rows: PreviewRow[]; errors: RowError[]; parsed: ParsedRow[] };
type ParsedRow = z.output<typeof rosterRowSchema> & { row: number };

/** Reads and checks every row; writes nothing. */
export async function checkRosterFile(viewer: Viewer, file: File): Promise<ImportCheck> {
  const read = await readRosterFile(file);
  if (!read.ok) return { fileError: read.error, params: read.params };
  const errors: RowError[] = [];
  const parsed: ParsedRow[] = [];
  for (const raw of read.rows) {
    const result = rosterRowSchema.safeParse(raw.values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const { key, params } = decodeErrorKey(issue.message);
        errors.push({ row: raw.row, field: String(issue.path[0] ?? ""), key, params });
      }
    } else parsed.push({ ...result.data, row: raw.row });
  }
  const seen = new Map<string, number>();
  for (const p of parsed) {
    if (seen.has(p.username)) errors.push({ row: p.row, field: "username", key: "roster.import.errors.duplicate", params: { row: seen.get(p.username)! } });
    else seen.set(p.username, p.row);
  }
  const units = await db.unit.findMany({ where: { code: { in: [...new Set(parsed.map((p) => p.unitCode))] } }, select: { code: true, path: true, validTo: true } });
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  // Only the viewer's own collaborators are looked up: any other name, taken elsewhere or by
  // another kind of account or free, is answered alike ("create"), so the preview reveals nothing
  // about accounts outside the roster the viewer manages.
  const mine = new Set(await ownCollaboratorUsernames(db, viewer, parsed.map((p) => p.username)));
  for (const p of parsed) {
    const unit = unitByCode.get(p.unitCode);
    if (!unit || !isInSubtree(viewer.unitPath, unit.path)) errors.push({ row: p.row, field: "unitCode", key: "errors.unitNotFound" });
    else if (unit.validTo) errors.push({ row: p.row, field: "unitCode", key: "errors.unitClosed" });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    errors,
    parsed,
    rows: parsed.map((p) => ({ row: p.row, username: p.username, displayName: p.displayName, unitCode: p.unitCode, sector: p.sector, status: p.status, action: mine.has(p.username) ? "update" : "create" })),
  };
}

/** Of these usernames, those of collaborators in the viewer's subtree (the roster they manage). */
async function ownCollaboratorUsernames(client: Tx | typeof db, viewer: Viewer, usernames: string[]): Promise<string[]> {
  const rows = await client.account.findMany({ where: { AND: [{ username: { in: usernames } }, accountsVisibleTo(viewer), { role: "collaborator" }] }, select: { username: true } });
  return rows.map((r) => r.username);
}

/** Rows that would create an account under a username already taken, by anyone, anywhere. */
async function unavailableNames(client: Tx | typeof db, viewer: Viewer, parsed: { row: number; username: string }[]): Promise<RowError[]> {
  const names = parsed.map((p) => p.username);
  const mine = new Set(await ownCollaboratorUsernames(client, viewer, names));
  const wanted = names.filter((n) => !mine.has(n));
  const taken = new Set((await client.account.findMany({ where: { username: { in: wanted } }, select: { username: true } })).map((a) => a.username));
  // One message for every taken name: neither where the account is nor what it is.
  return parsed.filter((p) => taken.has(p.username)).map((p) => ({ row: p.row, field: "username", key: "roster.import.errors.usernameUnavailable" }));
}

class ImportRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super("roster import refused");
  }
}

/**
 * Imports a checked file in one transaction: new collaborators get an account with an unusable
 * random password (an admin resets it to hand it over); existing ones are updated. All or nothing.
 */
export async function importRoster(viewer: Viewer, file: File) {
  const check = await checkRosterFile(viewer, file);
  if ("fileError" in check) return { imported: false as const, check };
  // The preview said "create" for every name that is not the viewer's collaborator; a name taken
  // anywhere else is refused here, with one message that says nothing about the account.
  const refuse = (errors: RowError[]) => ({ imported: false as const, check: { ...check, errors: [...check.errors, ...errors].sort((a, b) => a.row - b.row) } });
  const unavailable = await unavailableNames(db, viewer, check.parsed);
  if (check.errors.length || unavailable.length) return refuse(unavailable);
  const passwordHash = await hashPassword(crypto.randomBytes(24).toString("base64url"));
  let summary: { created: number; updated: number };
  try {
    summary = await importChecked(viewer, file, check.parsed, passwordHash);
  } catch (error) {
    if (error instanceof ImportRefused) return refuse(error.errors);
    throw error;
  }
  return { imported: true as const, ...summary };
}

async function importChecked(viewer: Viewer, file: File, parsed: ParsedRow[], passwordHash: string) {
  return db.$transaction(async (tx) => {
    // Checked again inside the transaction: a name taken since the check refuses the whole file.
    const unavailable = await unavailableNames(tx, viewer, parsed);
    if (unavailable.length) throw new ImportRefused(unavailable);
    const mine = new Set(await ownCollaboratorUsernames(tx, viewer, parsed.map((p) => p.username)));
    let created = 0;
    let updated = 0;
    for (const p of parsed) {
      const unit = (await tx.unit.findUniqueOrThrow({ where: { code: p.unitCode } }));
      const profile = { sector: p.sector, status: p.status, termStart: p.termStart, termEnd: p.termEnd ?? null };
      const existing = mine.has(p.username) ? await tx.account.findUnique({ where: { username: p.username } }) : null;
      if (existing) {
        const previous = await tx.collaboratorProfile.findUnique({ where: { accountId: existing.id }, select: { status: true } });
        await tx.account.update({ where: { id: existing.id }, data: { displayName: p.displayName, unitId: unit.id } });
        await tx.collaboratorProfile.upsert({ where: { accountId: existing.id }, create: { accountId: existing.id, ...profile }, update: profile });
        await applyCollaboratorStatus(tx, existing.id, p.status, previous?.status ?? null);
        updated++;
      } else {
        await tx.account.create({
          data: { username: p.username, displayName: p.displayName, role: "collaborator", unitId: unit.id, passwordHash, mustChangePassword: true, active: statusAllowsAccess(p.status), collaborator: { create: profile } },
        });
        created++;
      }
    }
    await recordAudit(tx, { actorId: viewer.id, action: "roster.import", entityType: "Roster", entityId: file.name.slice(0, 100) || "upload", after: { created, updated, usernames: parsed.map((p) => p.username) } });
    return { created, updated };
  });
}

export async function rosterExportRows(viewer: Viewer, filters: RosterFilters) {
  const rows = await db.account.findMany({ where: rosterWhere(viewer, filters), orderBy: [{ unit: { path: "asc" } }, { username: "asc" }], select: ROSTER_ROW });
  return rows.map((r) => [
    r.username,
    r.displayName,
    r.unit.code,
    r.collaborator?.sector ?? "",
    r.collaborator?.status ?? "",
    r.collaborator?.termStart.toISOString().slice(0, 10) ?? "",
    r.collaborator?.termEnd?.toISOString().slice(0, 10) ?? "",
  ]);
}
