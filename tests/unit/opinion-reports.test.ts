import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { FieldError } from "~/forms/field-error.server";
import { countItemsByTopicDirection, countItemsByTopicDirectionUnit, topicTrend, topicTrendInScope } from "~/opinion-reports/aggregates.server";
import { bulkInsertReports } from "~/opinion-reports/bulk.server";
import { fileReportSchema, reportContentSchema } from "~/opinion-reports/report-schemas";
import { fileReport, getReport, INBOX_PAGE_SIZE, listReports, listUrgentItems, resubmitReport, reviewReport } from "~/opinion-reports/reports.server";
import { completenessMatrix, collaboratorCoverage, missingReporters } from "~/completeness/completeness.server";
import { openPeriod, setExpected } from "~/periods/periods.server";
import { catchError, thrownStatus } from "./fixtures";
import { addCollaborator, addPeriod, content, reportingWorld } from "./report-fixtures";

const UUID = "8f14e45f-ceea-4e7a-9b1f-0c2d3e4f5a6b";
const UUID2 = "9f14e45f-ceea-4e7a-9b1f-0c2d3e4f5a6b";
const inPeriod = (period: { deadline: Date }, days: number) => new Date(period.deadline.getTime() + days * 86_400_000);

describe("filing a report", () => {
  it("stores the report, its items with codes resolved, the expectation outcome, history and audit", async () => {
    const w = await reportingWorld();
    const result = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content({ urgent: true }) }, inPeriod(w.period, -2));
    expect(result.replayed).toBe(false);
    const report = await getReport(w.collaborator, result.id);
    expect(report.timeliness).toBe("on_time");
    expect(report.items).toHaveLength(1);
    expect(report.items[0]!.topic.code).toBe("PRICES");
    expect(report.items[0]!.groups.map((g) => g.group.code)).toEqual(["FARMERS"]);
    expect(report.items[0]!.quarterKey).toBe(20261);
    expect((await db.reportExpectation.findFirstOrThrow({ where: { collaboratorId: w.collaborator.id } })).outcome).toBe("on_time");
    expect(await db.auditEntry.count({ where: { action: "report.submit", entityId: String(result.id) } })).toBe(1);
    expect((await listUrgentItems(w.secretariat)).map((i) => i.title)).toEqual(["Giá điện tăng"]);
  });

  it("marks a report after the deadline as late", async () => {
    const w = await reportingWorld();
    const { id } = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() }, inPeriod(w.period, 1));
    expect((await db.opinionReport.findUniqueOrThrow({ where: { id } })).timeliness).toBe("late");
    expect((await db.reportExpectation.findFirstOrThrow({ where: { collaboratorId: w.collaborator.id } })).outcome).toBe("late");
  });

  it("replays the same UUID and content, and answers 409 when the content changed", async () => {
    const w = await reportingWorld();
    const first = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() });
    const again = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() });
    expect(again).toEqual({ id: first.id, replayed: true });
    const changed = await catchError(fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content({ title: "Khác" }) }));
    expect(thrownStatus(changed)).toBe(409);
    // Another collaborator replaying someone's UUID is also refused.
    expect(thrownStatus(await catchError(fileReport(w.other, w.period.id, { clientUuid: UUID, payload: content({ areaCode: "T.B" }) })))).toBe(409);
    expect(await db.opinionReport.count()).toBe(1);
    expect(await db.opinionItem.count()).toBe(1);
  });

  it("refuses unknown or retired codes, an area outside the scope, a closed period, a second report — writing nothing", async () => {
    const w = await reportingWorld();
    const cases: [Parameters<typeof content>[0], string][] = [
      [{ topicCode: "NOPE" }, "payload.items[0].topicCode"],
      [{ topicCode: "OLD" }, "payload.items[0].topicCode"],
      [{ groupCodes: ["ALIENS"] }, "payload.items[0].groupCodes"],
      [{ areaCode: "T.B" }, "payload.items[0].areaCode"],
      [{ areaCode: "T" }, "payload.items[0].areaCode"],
    ];
    for (const [override, field] of cases) {
      const error = await catchError(fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content(override) }));
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).field).toBe(field);
    }
    // The hamlet lies inside the collaborator's commune: allowed.
    await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content({ areaCode: "T.A.1" }) });
    const second = await catchError(fileReport(w.collaborator, w.period.id, { clientUuid: UUID2, payload: content() }));
    expect((second as FieldError).key).toBe("reports.errors.alreadyFiled");
    const closed = await addPeriod(2026, 1, "closed");
    const refused = await catchError(fileReport(w.collaborator, closed.id, { clientUuid: UUID2, payload: content() }));
    expect((refused as FieldError).key).toBe("reports.errors.periodClosed");
    expect(await db.opinionReport.count()).toBe(1);
    expect(await db.opinionItem.count()).toBe(1);
  });
});

describe("fast reports", () => {
  it("come any number of times beside the monthly report, always urgent, without touching completeness", async () => {
    const w = await reportingWorld();
    await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() });
    const fast = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID2, payload: content({ title: "Sạt lở" }) }, new Date(), "fast");
    await fileReport(w.other, w.period.id, { clientUuid: "7f14e45f-ceea-4e7a-9b1f-0c2d3e4f5a6b", payload: content({ areaCode: "T.B" }) }, new Date(), "fast");
    const stored = await db.opinionReport.findUniqueOrThrow({ where: { id: fast.id }, include: { items: true } });
    expect([stored.kind, stored.urgent, stored.monthlyKey, stored.items[0]!.urgent]).toEqual(["fast", true, null, true]);
    // The other collaborator's fast report leaves them missing for the month.
    expect((await db.reportExpectation.findFirstOrThrow({ where: { collaboratorId: w.other.id } })).outcome).toBe("missing");
    expect((await listUrgentItems(w.secretariat)).map((i) => i.title).sort()).toEqual(["Giá điện tăng", "Sạt lở"]);
    // The same UUID replayed as another kind is a conflict, not a second record.
    expect(thrownStatus(await catchError(fileReport(w.collaborator, w.period.id, { clientUuid: UUID2, payload: content({ title: "Sạt lở" }) })))).toBe(409);
    // The database itself refuses a second monthly report.
    const dup = await catchError(db.opinionReport.create({ data: { clientUuid: "dup", contentHash: "x", monthlyKey: `${w.period.id}:${w.collaborator.id}`, periodId: w.period.id, collaboratorId: w.collaborator.id, unitId: w.a.id, timeliness: "on_time", firstSubmittedAt: new Date(), submittedAt: new Date() } }));
    expect(String(dup)).toMatch(/Unique constraint/);
  });
});

describe("the report form's schema", () => {
  it("refuses personal data until confirmed, and oversized or malformed payloads", () => {
    const withPhone = content({ summary: "Gọi 0912 345 678" });
    const refused = reportContentSchema.safeParse(withPhone);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.path).toEqual(["items", 0, "summary"]);
    expect(reportContentSchema.safeParse({ ...withPhone, confirmNoPersonalData: true }).success).toBe(true);
    expect(reportContentSchema.safeParse(content({ summary: "x".repeat(4001) })).success).toBe(false);
    expect(reportContentSchema.safeParse(content({ direction: "maybe" as never })).success).toBe(false);
    expect(reportContentSchema.safeParse({ ...content(), items: [] }).success).toBe(false);
    expect(fileReportSchema.safeParse({ clientUuid: UUID, payload: "{not json" }).success).toBe(false);
    expect(fileReportSchema.safeParse({ clientUuid: "abc", payload: JSON.stringify(content()) }).success).toBe(false);
  });

  it("records the collaborator's confirmation that flagged text is not personal data", async () => {
    const w = await reportingWorld();
    const { id } = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content({ summary: "Quốc lộ 0912 345 678 km" }, { confirmNoPersonalData: true }) });
    expect((await db.opinionReport.findUniqueOrThrow({ where: { id } })).personalDataConfirmed).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "report.submit" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ personalDataConfirmed: true });
  });
});

describe("review and resubmission", () => {
  it("returns with a comment; the collaborator resubmits; the old items stay in history", async () => {
    const w = await reportingWorld();
    const { id } = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() });
    await reviewReport(w.secretariat, id, { intent: "rate", quality: "insufficient" });
    await reviewReport(w.secretariat, id, { intent: "return", comment: "Bổ sung số liệu" });
    expect((await catchError(reviewReport(w.secretariat, id, { intent: "accept" }))) as FieldError).toBeInstanceOf(FieldError);
    await resubmitReport(w.collaborator, id, { clientUuid: UUID2, payload: content({ summary: "Khoảng 40 hộ lo ngại." }) });
    const report = await getReport(w.secretariat, id);
    expect(report.status).toBe("submitted");
    expect(report.items.map((i) => i.summary)).toEqual(["Khoảng 40 hộ lo ngại."]);
    expect(report.events.map((e) => e.kind)).toEqual(["submitted", "rated", "returned", "resubmitted"]);
    expect(JSON.parse(report.events[3]!.snapshot!).items[0].summary).toBe("Nhiều ý kiến lo ngại chi phí sinh hoạt.");
    // The resubmission replays idempotently too.
    expect(await resubmitReport(w.collaborator, id, { clientUuid: UUID2, payload: content({ summary: "Khoảng 40 hộ lo ngại." }) })).toEqual({ id, replayed: true });
    await reviewReport(w.secretariat, id, { intent: "accept" });
    expect((await db.opinionReport.findUniqueOrThrow({ where: { id } })).status).toBe("accepted");
  });

  it("keeps reports inside the scope: other collaborators and foreign officials get 404", async () => {
    const w = await reportingWorld();
    const { id } = await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() });
    expect(thrownStatus(await catchError(getReport(w.other, id)))).toBe(404);
    expect(thrownStatus(await catchError(getReport(w.official(w.b), id)))).toBe(404);
    expect((await getReport(w.official(w.a), id)).id).toBe(id);
    expect(thrownStatus(await catchError(resubmitReport(w.other, id, { clientUuid: UUID2, payload: content() })))).toBe(404);
  });
});

describe("the inbox", () => {
  it("pages past the first page, newest first, keeping the filters", async () => {
    const w = await reportingWorld();
    const topic = await db.topic.findFirstOrThrow({ where: { code: "PRICES" } });
    const start = Date.UTC(2026, 2, 1);
    // One monthly report per collaborator and period: enough collaborators for two pages.
    await db.account.createMany({
      data: Array.from({ length: INBOX_PAGE_SIZE + 7 }, (_, i) => ({ username: `ctv.i${i}`, displayName: `I ${i}`, role: "collaborator", unitId: w.a.id, passwordHash: "x" })),
    });
    const collaborators = await db.account.findMany({ where: { username: { startsWith: "ctv.i" } }, orderBy: { id: "asc" } });
    await bulkInsertReports(
      db,
      collaborators.map((c, i) => ({
        clientUuid: `r${i}`, period: w.period, collaboratorId: c.id, unitId: w.a.id,
        submittedAt: new Date(start + i * 60_000), timeliness: "on_time" as const, urgent: i % 3 === 0,
        items: [{ topicId: topic.id, direction: "worried", areaUnitId: w.a.id, strength: "weak", prevalence: "some", channel: "press", verified: true, title: `t${i}`, summary: "s" }],
      })),
    );
    const first = await listReports(w.secretariat, { status: "submitted" });
    expect(first.total).toBe(INBOX_PAGE_SIZE + 7);
    expect(first.rows).toHaveLength(INBOX_PAGE_SIZE);
    const second = await listReports(w.secretariat, { status: "submitted", page: 2 });
    expect(second.rows).toHaveLength(7);
    const ids = [...first.rows, ...second.rows].map((r) => r.submittedAt.getTime());
    expect(new Set(ids).size).toBe(INBOX_PAGE_SIZE + 7);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    const urgent = await listReports(w.secretariat, { status: "submitted", urgent: true, page: 1 });
    expect(urgent.total).toBe(Math.ceil((INBOX_PAGE_SIZE + 7) / 3));
  });
});

describe("aggregation queries", () => {
  async function world() {
    const w = await reportingWorld();
    const q2 = await addPeriod(2026, 4);
    const [prices, land] = await db.topic.findMany({ orderBy: { sortOrder: "asc" } });
    const item = (topicId: number, direction: string, areaUnitId: number) => ({
      topicId, direction, areaUnitId, strength: "weak", prevalence: "some", channel: "press", verified: true, title: "t", summary: "s",
    });
    await bulkInsertReports(db, [
      { clientUuid: "a", period: w.period, collaboratorId: w.collaborator.id, unitId: w.a.id, submittedAt: new Date(), timeliness: "on_time",
        items: [item(prices!.id, "worried", w.a.id), item(prices!.id, "worried", w.hamlet.id), item(land!.id, "oppose", w.a.id)] },
      { clientUuid: "b", period: w.period, collaboratorId: w.other.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "late",
        items: [item(prices!.id, "worried", w.b.id), item(prices!.id, "approve", w.b.id)] },
      { clientUuid: "c", period: q2, collaboratorId: w.other.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "on_time",
        items: [item(prices!.id, "oppose", w.b.id)] },
    ]);
    return { ...w, prices: prices!, land: land!, q2 };
  }

  it("counts topic × direction × unit for a quarter", async () => {
    const w = await world();
    const rows = await countItemsByTopicDirectionUnit(20261);
    const key = (r: { topicId: number; direction: string; areaUnitId: number }) => `${r.topicId}/${r.direction}/${r.areaUnitId}`;
    expect(Object.fromEntries(rows.map((r) => [key(r), r.count]))).toEqual({
      [`${w.prices.id}/worried/${w.a.id}`]: 1,
      [`${w.prices.id}/worried/${w.hamlet.id}`]: 1,
      [`${w.land.id}/oppose/${w.a.id}`]: 1,
      [`${w.prices.id}/worried/${w.b.id}`]: 1,
      [`${w.prices.id}/approve/${w.b.id}`]: 1,
    });
    // Within a subtree: commune A and its hamlet only.
    const scoped = await countItemsByTopicDirection(20261, w.a.path);
    expect(scoped.find((r) => r.topicId === w.prices.id && r.direction === "worried")?.count).toBe(2);
    expect(scoped.some((r) => r.direction === "approve")).toBe(false);
  });

  it("gives one topic's trend over 8 quarters, across the year boundary", async () => {
    const w = await world();
    const trend = await topicTrend(w.prices.id, 20262, 8);
    expect(trend).toEqual([
      { quarterKey: 20261, direction: "approve", count: 1 },
      { quarterKey: 20261, direction: "worried", count: 3 },
      { quarterKey: 20262, direction: "oppose", count: 1 },
    ]);
    expect(await topicTrend(w.prices.id, 20254, 8)).toEqual([]);
    // Within commune B only.
    expect(await topicTrendInScope(w.prices.id, 20262, 8, w.b.path)).toEqual([
      { quarterKey: 20261, direction: "approve", count: 1 },
      { quarterKey: 20261, direction: "worried", count: 1 },
      { quarterKey: 20262, direction: "oppose", count: 1 },
    ]);
  });

  it("uses the covering indexes for both queries", async () => {
    await world();
    const plan = async (sql: string) =>
      (await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`)).map((r) => r.detail).join(" | ");
    expect(await plan(`SELECT "topicId","direction","areaUnitId",COUNT(*) FROM "OpinionItem" WHERE "quarterKey" = 20261 GROUP BY 1,2,3`)).toMatch(/USING COVERING INDEX/);
    expect(await plan(`SELECT "quarterKey","direction",COUNT(*) FROM "OpinionItem" WHERE "topicId" = 1 AND "quarterKey" >= 20244 AND "quarterKey" <= 20262 GROUP BY 1,2`)).toMatch(/USING COVERING INDEX/);
  });

  it("builds the completeness matrix, the missing list and coverage from expectations", async () => {
    const w = await reportingWorld();
    const late = await addCollaborator(w.hamlet, "ctv.hamlet");
    await db.reportExpectation.create({ data: { periodId: w.period.id, collaboratorId: late.id, unitId: w.hamlet.id } });
    await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() }, new Date(w.period.deadline.getTime() - 1000));
    await fileReport(late, w.period.id, { clientUuid: UUID2, payload: content({ areaCode: "T.A.1" }) }, new Date(w.period.deadline.getTime() + 1000));
    const matrix = await completenessMatrix(w.secretariat, w.province.id, [w.period.id]);
    const cell = (code: string) => matrix.rows.find((r) => r.unit.code === code)!.cells[w.period.id];
    expect(cell("T.A")).toEqual({ on_time: 1, late: 1, missing: 0 });
    expect(cell("T.B")).toEqual({ on_time: 0, late: 0, missing: 1 });
    expect(matrix.totals[w.period.id]).toEqual({ on_time: 1, late: 1, missing: 1 });
    expect(matrix.rows.find((r) => r.unit.code === "T.A")!.drillable).toBe(true);
    expect((await missingReporters(w.secretariat, w.province.id, w.period.id)).map((m) => m.collaborator.username)).toEqual(["ctv.b"]);
    // An official of commune B sees only B.
    const scoped = await completenessMatrix(w.official(w.b), w.b.id, [w.period.id]);
    expect(scoped.totals[w.period.id]).toEqual({ on_time: 0, late: 0, missing: 1 });
    expect(thrownStatus(await catchError(completenessMatrix(w.official(w.b), w.a.id, [w.period.id])))).toBe(404);
    await db.unitCollaboratorTarget.createMany({ data: [{ unitId: w.a.id, target: 2 }, { unitId: w.b.id, target: 3 }] });
    const coverage = await collaboratorCoverage(w.secretariat, w.province.id);
    expect(coverage).toEqual([
      { unit: { id: w.b.id, code: "T.B", name: "Xã B" }, active: 1, target: 3, thin: true },
      { unit: { id: w.a.id, code: "T.A", name: "Xã A" }, active: 2, target: 2, thin: false },
    ]);
  });

  it("opens a period expecting every active collaborator", async () => {
    const w = await reportingWorld();
    await db.collaboratorProfile.update({ where: { accountId: w.other.id }, data: { status: "paused" } });
    const period = await openPeriod(w.secretariat, { year: 2026, month: 5, cutoffDay: 25 });
    expect(period.endsOn.toISOString().slice(0, 10)).toBe("2026-05-25");
    expect((await db.reportExpectation.findMany({ where: { periodId: period.id } })).map((e) => e.collaboratorId)).toEqual([w.collaborator.id]);
    expect((await catchError(openPeriod(w.secretariat, { year: 2026, month: 5 }))) as FieldError).toBeInstanceOf(FieldError);
  });

  it("excuses a collaborator who has not reported from a period, and expects them again", async () => {
    const w = await reportingWorld();
    await fileReport(w.collaborator, w.period.id, { clientUuid: UUID, payload: content() });
    await setExpected(w.secretariat, w.period.id, w.other.id, false);
    expect(await db.reportExpectation.count({ where: { periodId: w.period.id } })).toBe(1);
    expect(((await catchError(setExpected(w.secretariat, w.period.id, w.collaborator.id, false))) as FieldError).key).toBe("periods.errors.alreadyReported");
    expect(thrownStatus(await catchError(setExpected(w.official(w.a), w.period.id, w.other.id, true)))).toBe(404);
    await setExpected(w.secretariat, w.period.id, w.other.id, true);
    expect((await completenessMatrix(w.secretariat, w.province.id, [w.period.id])).totals[w.period.id]).toEqual({ on_time: 0, late: 1, missing: 1 }); // filed now, long after March's deadline
    expect(await db.auditEntry.count({ where: { entityType: "ReportExpectation" } })).toBe(2);
  });
});
