import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkRosterFile, deactivateCollaborator, importRoster, listRoster, ROSTER_PAGE_SIZE } from "~/collaborators/roster.server";
import { db } from "~/db/db.server";
import { neutraliseFormula, toCsv } from "~/exports/table-export.server";
import { FieldError } from "~/forms/field-error.server";
import { answerProposal, closeProposal, createProposal, isOverdue, proposalsByAgency } from "~/proposals/proposals.server";
import { catchError, day, thrownStatus } from "./fixtures";
import { reportingWorld } from "./report-fixtures";

const HEADER = "username,displayName,unitCode,sector,status,termStart,termEnd";
const csvFile = (...rows: string[]) => new File([[HEADER, ...rows].join("\n")], "roster.csv", { type: "text/csv" });

describe("roster import", () => {
  it("previews without writing, then imports new and existing collaborators in one go", async () => {
    const w = await reportingWorld();
    const file = csvFile("ctv.new,Nguyễn Văn Mới,T.B,press,active,2026-01-01,2030-12-31", "ctv.a,Tên Mới,T.A.1,mass_org,paused,01/01/2025,");
    const check = await checkRosterFile(w.secretariat, file);
    expect("rows" in check && check.rows.map((r) => [r.row, r.action])).toEqual([[2, "create"], [3, "update"]]);
    expect(await db.account.count({ where: { username: "ctv.new" } })).toBe(0);
    expect(await importRoster(w.secretariat, file)).toEqual({ imported: true, created: 1, updated: 1 });
    const moved = await db.account.findUniqueOrThrow({ where: { username: "ctv.a" }, include: { collaborator: true, unit: true } });
    expect([moved.displayName, moved.unit.code, moved.collaborator?.status]).toEqual(["Tên Mới", "T.A.1", "paused"]);
    expect((await listRoster(w.secretariat, { unitCode: "T.B" })).rows.map((r) => r.username)).toEqual(["ctv.b", "ctv.new"]);
  });

  it("lists the roster a page at a time", async () => {
    const w = await reportingWorld();
    await db.account.createMany({
      data: Array.from({ length: ROSTER_PAGE_SIZE + 3 }, (_, i) => ({ username: `ctv.p${String(i).padStart(3, "0")}`, displayName: `P ${i}`, role: "collaborator", unitId: w.b.id, passwordHash: "x" })),
    });
    const first = await listRoster(w.secretariat, { unitCode: "T.B" });
    // ctv.b and the new ones, ordered by username.
    expect(first.total).toBe(ROSTER_PAGE_SIZE + 4);
    expect(first.rows).toHaveLength(ROSTER_PAGE_SIZE);
    const second = await listRoster(w.secretariat, { unitCode: "T.B" }, 2);
    expect(second.rows.map((r) => r.username)).toEqual(["ctv.p099", "ctv.p100", "ctv.p101", "ctv.p102"]);
  });

  it("rejects a file with any bad row as a whole, naming the rows", async () => {
    const w = await reportingWorld();
    const file = csvFile(
      "ctv.ok,Đúng,T.B,press,active,2026-01-01,",
      "ctv.x,Sai đơn vị,T.NOPE,press,active,2026-01-01,",
      "ctv.y,Sai ngày,T.B,press,active,2026-02-30,",
      "ctv.ok,Trùng,T.B,press,active,2026-01-01,",
      "thuky,Tài khoản khác,T.B,press,active,2026-01-01,",
      "ctv.z,Hết trước khi bắt đầu,T.B,press,active,2026-05-01,2026-01-01",
    );
    const result = await importRoster(w.secretariat, file);
    expect(result.imported).toBe(false);
    const errors = !result.imported && "errors" in result.check ? result.check.errors : [];
    expect(errors.map((e) => [e.row, e.field])).toEqual([[3, "unitCode"], [4, "termStart"], [5, "username"], [6, "username"], [7, "termEnd"]]);
    expect(await db.account.count({ where: { username: { startsWith: "ctv.ok" } } })).toBe(0);
  });

  it("refuses files that are not rosters: wrong columns, not UTF-8, too big, not a spreadsheet", async () => {
    const w = await reportingWorld();
    const fileError = async (file: File) => {
      const check = await checkRosterFile(w.secretariat, file);
      return "fileError" in check ? check.fileError : null;
    };
    expect(await fileError(new File(["name,unit\nA,B"], "x.csv"))).toBe("roster.import.errors.columns");
    expect(await fileError(new File([new Uint8Array([0x75, 0x73, 0xff, 0xfe, 0x0a])], "x.csv"))).toBe("roster.import.errors.encoding");
    expect(await fileError(new File([new Uint8Array(3 * 1024 * 1024).fill(120)], "x.csv"))).toBe("roster.import.errors.tooLarge");
    expect(await fileError(new File([new Uint8Array([0x50, 0x4b, 1, 2, 3])], "x.xlsx"))).toBe("roster.import.errors.unreadable");
    expect(await fileError(new File([HEADER], "x.csv"))).toBe("roster.import.errors.empty");
  });

  it("reads XLSX files too", async () => {
    const w = await reportingWorld();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("CTV");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["ctv.xl", "Từ Excel", "T.B", "press", "active", new Date("2026-01-01T00:00:00Z"), ""]);
    const bytes = await workbook.xlsx.writeBuffer();
    const result = await importRoster(w.secretariat, new File([bytes], "r.xlsx"));
    expect(result).toEqual({ imported: true, created: 1, updated: 0 });
  });

  it("deactivation ends the membership and the sessions", async () => {
    const w = await reportingWorld();
    await deactivateCollaborator(w.secretariat, w.other.id);
    const account = await db.account.findUniqueOrThrow({ where: { id: w.other.id }, include: { collaborator: true } });
    expect([account.active, account.collaborator?.status]).toEqual([false, "ended"]);
    expect(thrownStatus(await catchError(deactivateCollaborator(w.official(w.a), w.other.id)))).toBe(404);
  });
});

describe("proposals register", () => {
  it("forwards, answers, resolves; groups by agency; flags overdue; stays in scope", async () => {
    const w = await reportingWorld();
    const base = { intent: "create" as const, agencyCode: "SO.YT", unitCode: "T.A", title: "Viện phí", content: "Đề nghị công khai", forwardedOn: day("2026-01-10"), dueOn: day("2026-02-10"), itemId: undefined };
    const proposal = await createProposal(w.secretariat, base);
    expect((await catchError(createProposal(w.secretariat, { ...base, agencyCode: "NOPE" }))) as FieldError).toBeInstanceOf(FieldError);
    expect(((await catchError(createProposal(w.official(w.b), base))) as FieldError).field).toBe("unitCode");
    expect(isOverdue({ status: "forwarded", dueOn: day("2026-02-10") }, day("2026-02-11"))).toBe(true);
    expect(isOverdue({ status: "answered", dueOn: day("2026-02-10") }, day("2026-02-11"))).toBe(false);
    expect(((await catchError(closeProposal(w.secretariat, proposal.id, { intent: "close", status: "resolved" }))) as FieldError).key).toBe("proposals.errors.notAnswered");
    expect(((await catchError(answerProposal(w.secretariat, proposal.id, { intent: "answer", answerText: "Đã trả lời", answeredOn: day("2026-01-01") }))) as FieldError).field).toBe("answeredOn");
    await answerProposal(w.secretariat, proposal.id, { intent: "answer", answerText: "Đã trả lời", answeredOn: day("2026-01-20") });
    await closeProposal(w.secretariat, proposal.id, { intent: "close", status: "published" });
    const groups = await proposalsByAgency(w.secretariat);
    expect(groups.map((g) => [g.agency.code, g.proposals.map((p) => [p.title, p.status, p.answerText, p.overdue])])).toEqual([["SO.YT", [["Viện phí", "published", "Đã trả lời", false]]]]);
    expect(await proposalsByAgency(w.official(w.b))).toEqual([]);
    expect(thrownStatus(await catchError(answerProposal(w.official(w.b), proposal.id, { intent: "answer", answerText: "x", answeredOn: day("2026-01-20") })))).toBe(404);
    expect(await db.auditEntry.count({ where: { entityType: "Proposal" } })).toBe(3);
  });
});

describe("exports", () => {
  it("neutralise formulas and write CSV with a UTF-8 BOM", () => {
    // Text starting with = + - @ tab or return is quoted; other text and numbers pass, a missing cell is null.
    const cells = ["=HYPERLINK(\"x\")", "+84", "-2", "@SUM(A1)", "\tx", "\rx", "Giá cả", -5, null, undefined];
    expect(cells.map(neutraliseFormula)).toEqual(["'=HYPERLINK(\"x\")", "'+84", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "Giá cả", -5, null, null]);
    expect(toCsv(["a", "b"], [["x,y", "-1+1"]])).toBe('\uFEFFa,b\r\n"x,y",\'-1+1\r\n');
  });
});
