// One rule for an ended collaborator (app/collaborators/membership.server.ts),
// applied by every path that changes the status.
import { describe, expect, it } from "vitest";
import { setAccountActive } from "~/accounts/accounts.server";
import { findSessionAccount, startSession } from "~/auth/session.server";
import { deactivateCollaborator, importRoster, updateCollaborator } from "~/collaborators/roster.server";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { catchError, day, viewerAt } from "./fixtures";
import { reportingWorld } from "./report-fixtures";

const HEADER = "username,displayName,unitCode,sector,status,termStart,termEnd";
const csvFile = (...rows: string[]) => new File([[HEADER, ...rows].join("\n")], "roster.csv", { type: "text/csv" });

async function signedIn(accountId: number) {
  const cookie = (await startSession(accountId)).split(";")[0]!;
  return new Request("http://localhost/", { headers: { Cookie: cookie } });
}

async function state(accountId: number) {
  const a = await db.account.findUniqueOrThrow({ where: { id: accountId }, include: { collaborator: true } });
  return { active: a.active, status: a.collaborator?.status, sessions: await db.session.count({ where: { accountId } }) };
}

const edit = (status: "active" | "paused" | "ended") => ({ intent: "update" as const, displayName: "CTV A", unitCode: "T.A", sector: "press" as const, status, termStart: day("2025-01-01"), termEnd: undefined });

describe("an ended collaborator can no longer sign in or submit", () => {
  it("edit form: status 'ended' deactivates the account and ends its sessions; back to 'active' reopens it", async () => {
    const w = await reportingWorld();
    const request = await signedIn(w.collaborator.id);
    expect((await findSessionAccount(request))?.id).toBe(w.collaborator.id);
    await updateCollaborator(w.secretariat, w.collaborator.id, edit("ended"));
    expect(await state(w.collaborator.id)).toEqual({ active: false, status: "ended", sessions: 0 });
    expect(await findSessionAccount(request)).toBeNull();
    await updateCollaborator(w.secretariat, w.collaborator.id, edit("active"));
    expect(await state(w.collaborator.id)).toEqual({ active: true, status: "active", sessions: 0 });
  });

  it("edit form: 'paused' keeps the account usable", async () => {
    const w = await reportingWorld();
    const request = await signedIn(w.collaborator.id);
    await updateCollaborator(w.secretariat, w.collaborator.id, edit("paused"));
    expect(await state(w.collaborator.id)).toEqual({ active: true, status: "paused", sessions: 1 });
    expect((await findSessionAccount(request))?.id).toBe(w.collaborator.id);
  });

  it("import: an existing collaborator set to 'ended' loses access and sessions; a new 'ended' one starts inactive", async () => {
    const w = await reportingWorld();
    const request = await signedIn(w.other.id);
    const file = csvFile("ctv.b,CTV B,T.B,press,ended,2025-01-01,2026-01-31", "ctv.gone,Đã nghỉ,T.B,press,ended,2025-01-01,2026-01-31");
    expect(await importRoster(w.secretariat, file)).toEqual({ imported: true, created: 1, updated: 1 });
    expect(await state(w.other.id)).toEqual({ active: false, status: "ended", sessions: 0 });
    expect(await findSessionAccount(request)).toBeNull();
    const created = await db.account.findUniqueOrThrow({ where: { username: "ctv.gone" } });
    expect(await state(created.id)).toEqual({ active: false, status: "ended", sessions: 0 });
    // Re-importing as active reopens the membership and the account.
    await importRoster(w.secretariat, csvFile("ctv.b,CTV B,T.B,press,active,2025-01-01,"));
    expect(await state(w.other.id)).toEqual({ active: true, status: "active", sessions: 0 });
  });

  it("deactivate: status 'ended', account inactive, sessions ended", async () => {
    const w = await reportingWorld();
    const request = await signedIn(w.other.id);
    await deactivateCollaborator(w.secretariat, w.other.id);
    expect(await state(w.other.id)).toEqual({ active: false, status: "ended", sessions: 0 });
    expect(await findSessionAccount(request)).toBeNull();
  });

  it("admin account page: an ended collaborator's account cannot be switched back on", async () => {
    const w = await reportingWorld();
    await deactivateCollaborator(w.secretariat, w.other.id);
    const admin = viewerAt(w.province, "admin", w.secretariat.id);
    const error = await catchError(setAccountActive(admin, w.other.id, true));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).key).toBe("roster.endedStaysInactive");
    expect((await state(w.other.id)).active).toBe(false);
  });
});
