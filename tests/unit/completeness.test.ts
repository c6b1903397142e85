// The completeness page: not-due periods, merged and same-named units, the
// share reported and the sort, the non-reporters' period, a collaborator's overdue periods, the
// export — on real SQLite through the reporting fixtures.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startSession } from "~/auth/session.server";
import { completenessSheet } from "~/completeness/completeness-export.server";
import { completenessTable, nonReportersPeriod } from "~/completeness/completeness-table.server";
import { nextSort, readSort, sortRows, summarise } from "~/completeness/completeness-view";
import { missingReporters } from "~/completeness/completeness.server";
import { collaboratorOverview } from "~/dashboard/role-overview.server";
import { db } from "~/db/db.server";
import { textsFor } from "~/i18n/server-texts.server";
import { fileReport, myReportingOverview } from "~/opinion-reports/reports.server";
import { deadlinePassed, periodBounds } from "~/periods/period-math";
import { listPeriods } from "~/periods/periods.server";
import { loader as exportLoader } from "~/routes/_app.completeness_.export";
import { unitNameContexts } from "~/units/unit-labels";
import { addUnit, catchError, day, thrownStatus } from "./fixtures";
import { addCollaborator, addPeriod, content, reportingWorld } from "./report-fixtures";

const uuid = (n: number) => `8f14e45f-ceea-4e7a-9b1f-0c2d3e4f5a${String(n).padStart(2, "0")}`;
/** 10 April 2026: March's deadline (23/03) has passed, April's (23/04) has not. */
const NOW = new Date("2026-04-10T05:00:00Z");

afterEach(() => {
  vi.useRealTimers();
});

describe("a period's deadline", () => {
  it("has passed only after the last moment of its deadline day, as a filing's timeliness says", () => {
    const march = periodBounds(2026, 3);
    expect(deadlinePassed(march, new Date("2026-03-23T23:59:59.999Z"))).toBe(false);
    expect(deadlinePassed(march, new Date("2026-03-24T00:00:00.000Z"))).toBe(true);
    expect(deadlinePassed(march, NOW)).toBe(true);
    expect(deadlinePassed(periodBounds(2026, 4), NOW)).toBe(false);
  });
});

describe("unit names that repeat", () => {
  it("get the parent where it tells them apart, the code where it does not; unique names stay bare", () => {
    const contexts = unitNameContexts([
      { id: 1, code: "T.A.1", name: "Thôn 1", parentName: "Xã A" },
      { id: 2, code: "T.B.1", name: "Thôn 1", parentName: "Xã B" },
      { id: 3, code: "T.OLD1", name: "Phường 1", parentName: "Tỉnh" },
      { id: 4, code: "T.P1", name: "Phường 1", parentName: "Tỉnh" },
      { id: 5, code: "T.A", name: "Xã A", parentName: "Tỉnh" },
      { id: 5, code: "T.A", name: "Xã A", parentName: "Tỉnh" }, // the same unit twice is not a repeat
    ]);
    expect(Object.fromEntries(contexts)).toEqual({ 1: "Xã A", 2: "Xã B", 3: "T.OLD1", 4: "T.P1", 5: null });
  });
});

describe("the share reported and the sort", () => {
  const periods = [
    { id: 1, due: true },
    { id: 2, due: false },
  ];
  it("counts only the periods whose deadline has passed", () => {
    expect(summarise({ 1: { on_time: 2, late: 1, missing: 1 }, 2: { on_time: 1, late: 0, missing: 3 } }, periods)).toEqual({ expected: 4, reported: 3, missing: 1, rate: 0.75 });
    expect(summarise({ 1: { on_time: 0, late: 0, missing: 0 }, 2: { on_time: 1, late: 0, missing: 3 } }, periods)).toEqual({ expected: 0, reported: 0, missing: 0, rate: null });
  });

  it("reads the sort from the URL, each column starting its own way, and toggles it", () => {
    expect(readSort(new URLSearchParams(""))).toEqual({ key: null, dir: "asc" });
    expect(readSort(new URLSearchParams("sort=missing"))).toEqual({ key: "missing", dir: "desc" });
    expect(readSort(new URLSearchParams("sort=rate&dir=desc"))).toEqual({ key: "rate", dir: "desc" });
    expect(readSort(new URLSearchParams("sort=drop%20table&dir=up"))).toEqual({ key: null, dir: "asc" });
    expect(nextSort({ key: null, dir: "asc" }, "rate")).toEqual({ key: "rate", dir: "asc" });
    expect(nextSort({ key: "rate", dir: "asc" }, "rate")).toEqual({ key: "rate", dir: "desc" });
    expect(nextSort({ key: "rate", dir: "asc" }, "missing")).toEqual({ key: "missing", dir: "desc" });
  });

  it("puts rows with nothing due last whichever way the share is sorted", () => {
    const row = (label: string, rate: number | null) => ({ label, summary: { expected: rate === null ? 0 : 1, reported: 0, missing: 0, rate } });
    const rows = [row("Xã Ê", null), row("Xã B", 0.5), row("Xã Á", 1)];
    expect(sortRows(rows, { key: "rate", dir: "asc" }).map((r) => r.label)).toEqual(["Xã B", "Xã Á", "Xã Ê"]);
    expect(sortRows(rows, { key: "rate", dir: "desc" }).map((r) => r.label)).toEqual(["Xã Á", "Xã B", "Xã Ê"]);
    // Vietnamese order: A, Á … B … E, Ê.
    expect(sortRows(rows, { key: "name", dir: "asc" }).map((r) => r.label)).toEqual(["Xã Á", "Xã B", "Xã Ê"]);
    expect(sortRows(rows, { key: null, dir: "asc" })).toBe(rows);
  });
});

/**
 * March (due on NOW) and April (not due). Xã A's collaborator filed both on time; Xã B's filed
 * neither; an old "Phường 1", merged into Xã A, still had a collaborator in March who filed late;
 * another old "Phường 1" merged into Xã B had nobody; a live "Phường 1" has nobody either.
 */
async function world() {
  const w = await reportingWorld();
  const april = await addPeriod(2026, 4);
  const old = await addUnit(w.province, "T.OLD1", "Phường 1", "ward");
  const gone = await addUnit(w.province, "T.OLD2", "Phường 1", "ward");
  const live = await addUnit(w.province, "T.P1", "Phường 1", "ward");
  for (const [unit, successor] of [[old, w.a], [gone, w.b]] as const) {
    await db.unit.update({ where: { id: unit.id }, data: { validTo: day("2026-03-15") } });
    await db.unitLineage.create({ data: { predecessorId: unit.id, successorId: successor.id, effectiveOn: day("2026-03-15") } });
  }
  const oldCollaborator = await addCollaborator(old, "ctv.old");
  await db.reportExpectation.createMany({
    data: [
      // Filed late before the merger closed the unit (the matrix reads the outcome only).
      { periodId: w.period.id, collaboratorId: oldCollaborator.id, unitId: old.id, outcome: "late" },
      { periodId: april.id, collaboratorId: w.collaborator.id, unitId: w.a.id },
      { periodId: april.id, collaboratorId: w.other.id, unitId: w.b.id },
    ],
  });
  const before = (p: { deadline: Date }) => new Date(p.deadline.getTime() - 86_400_000);
  await fileReport(w.collaborator, w.period.id, { clientUuid: uuid(1), payload: content() }, before(w.period));
  await fileReport(w.collaborator, april.id, { clientUuid: uuid(2), payload: content() }, NOW);
  const periods = [w.period, april];
  return { ...w, april, old, gone, live, periods };
}

describe("the completeness table", () => {
  it("marks the period not due yet, keeps merged units with expectations (naming the successor), drops those without, tells same names apart", async () => {
    const w = await world();
    const table = await completenessTable(w.secretariat, w.province.id, w.periods, { key: null, dir: "asc" }, NOW);
    expect(table.periods.map((p) => [p.month, p.due])).toEqual([[3, true], [4, false]]);
    // Tree order: communes, then wards, by name; the old unit merged away with nobody expected is no row.
    expect(table.rows.map((r) => [r.unit.code, r.context, r.mergedInto])).toEqual([
      ["T.A", null, null],
      ["T.B", null, null],
      ["T.OLD1", "T.OLD1", ["Xã A"]],
      ["T.P1", "T.P1", null],
    ]);
    const row = (code: string) => table.rows.find((r) => r.unit.code === code)!;
    expect(row("T.A").cells).toEqual({ [w.period.id]: { on_time: 1, late: 0, missing: 0 }, [w.april.id]: { on_time: 1, late: 0, missing: 0 } });
    // Xã B has not filed April: not yet filed, not missing; the share counts March only.
    expect(row("T.B").cells[w.april.id]).toEqual({ on_time: 0, late: 0, missing: 1 });
    expect(row("T.B").summary).toEqual({ expected: 1, reported: 0, missing: 1, rate: 0 });
    expect(row("T.OLD1").summary).toEqual({ expected: 1, reported: 1, missing: 0, rate: 1 });
    expect(row("T.P1").summary).toEqual({ expected: 0, reported: 0, missing: 0, rate: null });
    expect(table.totals.cells[w.april.id]).toEqual({ on_time: 1, late: 0, missing: 1 });
    expect(table.totals.summary).toEqual({ expected: 3, reported: 2, missing: 1, rate: 2 / 3 });

    const order = async (key: "name" | "rate" | "missing", dir: "asc" | "desc") =>
      (await completenessTable(w.secretariat, w.province.id, w.periods, { key, dir }, NOW)).rows.map((r) => r.unit.code);
    expect(await order("rate", "asc")).toEqual(["T.B", "T.A", "T.OLD1", "T.P1"]);
    expect(await order("missing", "desc")).toEqual(["T.B", "T.A", "T.OLD1", "T.P1"]);
    expect(await order("name", "asc")).toEqual(["T.OLD1", "T.P1", "T.A", "T.B"]);
    expect(await order("name", "desc")).toEqual(["T.B", "T.A", "T.OLD1", "T.P1"]);
  });

  it("stays inside the viewer's subtree: a foreign unit answers 404", async () => {
    const w = await world();
    const own = await completenessTable(w.official(w.b), w.b.id, w.periods, { key: null, dir: "asc" }, NOW);
    expect(own.totals.summary).toEqual({ expected: 1, reported: 0, missing: 1, rate: 0 });
    expect(thrownStatus(await catchError(completenessTable(w.official(w.b), w.a.id, w.periods, { key: null, dir: "asc" }, NOW)))).toBe(404);
  });

  it("as a file: the page's columns in the reader's language, a row per unit and the total", async () => {
    const w = await world();
    const table = await completenessTable(w.secretariat, w.province.id, w.periods, { key: null, dir: "asc" }, NOW);
    const { header, rows } = completenessSheet(table, textsFor("vi").t);
    expect(header).toEqual([
      "Đơn vị", "Mã đơn vị", "Ghi chú",
      "Tháng 3/2026: đúng hạn", "Tháng 3/2026: trễ", "Tháng 3/2026: chưa báo cáo",
      "Tháng 4/2026: đúng hạn", "Tháng 4/2026: trễ", "Tháng 4/2026: chưa nộp (chưa đến hạn)",
      "Chưa báo cáo", "Đã báo cáo (%)",
    ]);
    expect(rows).toContainEqual(["Phường 1 · T.OLD1", "T.OLD1", "đã sáp nhập vào Xã A", 0, 1, 0, 0, 0, 0, 0, 100]);
    expect(rows.at(-1)).toEqual(["Tổng", "T", null, 1, 1, 1, 1, 0, 1, 1, 66.7]);
  });
});

describe("who has not reported", () => {
  it("opens on the latest period whose deadline has passed: the quarter's, else the latest anywhere", async () => {
    const w = await world();
    const all = await listPeriods();
    expect((await nonReportersPeriod(undefined, all, [w.period], NOW))?.id).toBe(w.period.id);
    // The second quarter has begun, nothing in it is due yet: March, not April (nor an older one).
    expect((await nonReportersPeriod(undefined, all, [w.april], NOW))?.id).toBe(w.period.id);
    expect((await nonReportersPeriod(w.april.id, all, [w.period], NOW))?.id).toBe(w.april.id);
    expect((await nonReportersPeriod(999_999, all, [w.period], NOW))?.id).toBe(w.period.id);
    // Before any deadline has passed: the quarter's first period.
    expect((await nonReportersPeriod(undefined, all, [w.period], new Date("2026-03-01T00:00:00Z")))?.id).toBe(w.period.id);
  });

  it("names a unit whose name repeats with its parent", async () => {
    const w = await world();
    const hamletB = await addUnit(w.b, "T.B.1", "Thôn 1", "other");
    for (const [unit, name] of [[w.hamlet, "ctv.thon.a"], [hamletB, "ctv.thon.b"]] as const) {
      const c = await addCollaborator(unit, name);
      await db.reportExpectation.create({ data: { periodId: w.period.id, collaboratorId: c.id, unitId: unit.id } });
    }
    const missing = await missingReporters(w.secretariat, w.province.id, w.period.id);
    expect(missing.map((m) => [m.collaborator.username, m.unit.name, m.unit.context])).toEqual([
      ["ctv.thon.a", "Thôn 1", "Xã A"],
      ["ctv.b", "Xã B", null],
      ["ctv.thon.b", "Thôn 1", "Xã B"],
    ]);
  });
});

describe("a collaborator's own periods to file", () => {
  it("are overdue once the deadline has passed, on their reports page and their overview alike", async () => {
    const w = await world();
    const mine = await myReportingOverview(w.other, NOW);
    expect(mine.toFile.map((p) => [p.month, p.overdue])).toEqual([[4, false], [3, true]]);
    const overview = await collaboratorOverview(w.other, NOW);
    expect(overview.toFile.map((p) => [p.month, p.overdue])).toEqual([[4, false], [3, true]]);
  });
});

describe("the export route", () => {
  it("sends the matrix as CSV with the page's filters and leaves an audit entry", async () => {
    const w = await world();
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const cookie = (await startSession(w.secretariat.id)).split(";")[0]!;
    const request = new Request(`http://localhost/completeness/export?format=csv&unit=${w.province.id}&quarter=20261&sort=rate`, { headers: { Cookie: cookie } });
    const response = await exportLoader({ request, params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="tien-do-bao-cao-T-20261.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Đơn vị,Mã đơn vị,Ghi chú,Tháng 3/2026: đúng hạn,Tháng 3/2026: trễ,Tháng 3/2026: chưa báo cáo,Chưa báo cáo,Đã báo cáo (%)");
    expect(lines[1]).toBe("Xã B,T.B,,0,0,1,1,0");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "completeness.export" } });
    expect(JSON.parse(entry.after!)).toEqual({ format: "csv", quarter: 20261, sort: "rate", dir: "asc", rows: { units: 4 } });
  });
});
