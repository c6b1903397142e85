// The roster import preview says nothing about accounts outside the
// importer's roster; a taken name is refused at import with one generic message.
import { describe, expect, it } from "vitest";
import { checkRosterFile, importRoster } from "~/collaborators/roster.server";
import { db } from "~/db/db.server";
import { realViewerAt } from "./fixtures";
import { reportingWorld } from "./report-fixtures";

const HEADER = "username,displayName,unitCode,sector,status,termStart,termEnd";
const csvFile = (...rows: string[]) => new File([[HEADER, ...rows].join("\n")], "roster.csv", { type: "text/csv" });
const line = (username: string) => `${username},Người Mới,T.A,press,active,2026-01-01,`;

describe("roster import and accounts outside the importer's roster", () => {
  it("previews a name outside the subtree, another kind of account and a free name exactly alike", async () => {
    const w = await reportingWorld();
    const communeSecretariat = await realViewerAt(w.a, "thuky.a", "secretariat");
    // ctv.b: a collaborator of commune B; thuky: the province's secretariat; nobody.here: free.
    const answers = [];
    for (const name of ["ctv.b", "thuky", "nobody.here"]) {
      const check = await checkRosterFile(communeSecretariat, csvFile(line(name)));
      answers.push(JSON.stringify(check, (key, value: unknown) => (key === "username" ? "…" : value)));
    }
    expect(new Set(answers).size).toBe(1);
    const check = await checkRosterFile(communeSecretariat, csvFile(line("ctv.b"), line("thuky"), line("nobody.here"), line("ctv.a")));
    expect("rows" in check && check.errors).toEqual([]);
    expect("rows" in check && check.rows.map((r) => [r.username, r.action])).toEqual([["ctv.b", "create"], ["thuky", "create"], ["nobody.here", "create"], ["ctv.a", "update"]]);
  });

  it("refuses a taken name at import with one message whoever holds it, writing nothing", async () => {
    const w = await reportingWorld();
    const communeSecretariat = await realViewerAt(w.a, "thuky.a", "secretariat");
    const result = await importRoster(communeSecretariat, csvFile(line("nobody.here"), line("ctv.b"), line("thuky"), line("ctv.a")));
    expect(result.imported).toBe(false);
    const errors = !result.imported && "errors" in result.check ? result.check.errors : [];
    expect(errors).toEqual([
      { row: 3, field: "username", key: "roster.import.errors.usernameUnavailable" },
      { row: 4, field: "username", key: "roster.import.errors.usernameUnavailable" },
    ]);
    expect(await db.account.count({ where: { username: "nobody.here" } })).toBe(0);
    const b = await db.account.findUniqueOrThrow({ where: { username: "ctv.b" }, include: { unit: true } });
    expect([b.displayName, b.unit.code]).toEqual(["ctv.b", "T.B"]);
    // Without the taken names the same file imports: the free one created, their own updated.
    expect(await importRoster(communeSecretariat, csvFile(line("nobody.here"), line("ctv.a")))).toEqual({ imported: true, created: 1, updated: 1 });
  });
});
