// The opinion summary drilled into units and compared with the previous quarter, on a real
// database: the aggregates, the summary built on them, and the page's loader with a session.
import { describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { Prisma } from "~/generated/prisma/client";
import { countItemsByChildUnit, countItemsByTopic, itemsByChildUnitSql, itemsByTopicSql } from "~/opinion-reports/aggregates.server";
import { bulkInsertReports } from "~/opinion-reports/bulk.server";
import { opinionSummary } from "~/opinion-reports/summary.server";
import { loader as summaryLoader } from "~/routes/_app.opinion-summary";
import { catchError, thrownStatus } from "./fixtures";
import { addCollaborator, addPeriod, reportingWorld } from "./report-fixtures";

const Q1 = 20261;
const Q2 = 20262;

/**
 * Quarter I/2026 (March): A 1 prices-worried, hamlet 3 land-oppose; B 2 prices-approve, 1 land-worried.
 * Quarter II/2026 (April): A 2 prices-worried, hamlet 1 prices-oppose + 1 land-approve; B 1 prices-worried;
 * the province itself 1 land-unclear.
 */
async function world() {
  const w = await reportingWorld();
  const april = await addPeriod(2026, 4);
  const provincial = await addCollaborator(w.province, "ctv.tinh");
  const [prices, land] = await db.topic.findMany({ orderBy: { sortOrder: "asc" } });
  const item = (topicId: number, direction: string, areaUnitId: number) => ({
    topicId, direction, areaUnitId, strength: "weak", prevalence: "some", channel: "press", verified: true, title: "t", summary: "s",
  });
  const times = <T>(n: number, x: T) => Array.from({ length: n }, () => x);
  const report = (clientUuid: string, period: typeof april, collaboratorId: number, unitId: number, items: ReturnType<typeof item>[]) => ({
    clientUuid, period, collaboratorId, unitId, submittedAt: new Date(), timeliness: "on_time" as const, items,
  });
  await bulkInsertReports(db, [
    report("a1", w.period, w.collaborator.id, w.a.id, [item(prices!.id, "worried", w.a.id), ...times(3, item(land!.id, "oppose", w.hamlet.id))]),
    report("b1", w.period, w.other.id, w.b.id, [...times(2, item(prices!.id, "approve", w.b.id)), item(land!.id, "worried", w.b.id)]),
    report("a2", april, w.collaborator.id, w.a.id, [
      ...times(2, item(prices!.id, "worried", w.a.id)), item(prices!.id, "oppose", w.hamlet.id), item(land!.id, "approve", w.hamlet.id),
    ]),
    report("b2", april, w.other.id, w.b.id, [item(prices!.id, "worried", w.b.id)]),
    report("t2", april, provincial.id, w.province.id, [item(land!.id, "unclear", w.province.id)]),
  ]);
  return { ...w, prices: prices!, land: land!, april };
}

const zero = { approve: 0, oppose: 0, worried: 0, unclear: 0 };

describe("the opinion aggregates by unit", () => {
  it("rolls a quarter's items up to the direct children, the unit's own items apart", async () => {
    const w = await world();
    const key = (rows: { unitId: number; direction: string; count: number }[]) =>
      Object.fromEntries(rows.map((r) => [`${r.unitId}/${r.direction}`, r.count]));
    expect(key(await countItemsByChildUnit(Q2, w.province))).toEqual({
      [`${w.province.id}/unclear`]: 1,
      [`${w.a.id}/worried`]: 2,
      [`${w.a.id}/oppose`]: 1,
      [`${w.a.id}/approve`]: 1,
      [`${w.b.id}/worried`]: 1,
    });
    // Drilled into commune A: its own items and its hamlet's; nothing of B or the province.
    expect(key(await countItemsByChildUnit(Q2, w.a))).toEqual({
      [`${w.a.id}/worried`]: 2,
      [`${w.hamlet.id}/oppose`]: 1,
      [`${w.hamlet.id}/approve`]: 1,
    });
    // A unit without children: everything is its own.
    expect(key(await countItemsByChildUnit(Q2, w.hamlet))).toEqual({ [`${w.hamlet.id}/oppose`]: 1, [`${w.hamlet.id}/approve`]: 1 });
  });

  it("totals a topic per quarter within a subtree", async () => {
    const w = await world();
    const byTopic = async (quarterKey: number, path: string) =>
      Object.fromEntries((await countItemsByTopic(quarterKey, path)).map((r) => [r.topicId, r.count]));
    expect(await byTopic(Q1, w.province.path)).toEqual({ [w.prices.id]: 3, [w.land.id]: 4 });
    expect(await byTopic(Q1, w.a.path)).toEqual({ [w.prices.id]: 1, [w.land.id]: 3 });
    expect(await byTopic(Q2, w.b.path)).toEqual({ [w.prices.id]: 1 });
    expect(await byTopic(20254, w.province.path)).toEqual({});
  });

  it("answers both from the covering quarter index, the subtree by a seek on Unit(path)", async () => {
    const w = await world();
    const plan = async (sql: Prisma.Sql) =>
      (await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`)).map((r) => r.detail).join(" | ");
    for (const sql of [itemsByTopicSql(Q2, w.a.path), itemsByChildUnitSql(Q2, w.a)]) {
      const detail = await plan(sql);
      expect(detail).toMatch(/SEARCH i USING COVERING INDEX OpinionItem_quarterKey_topicId_direction_areaUnitId_idx \(quarterKey=\?\)/);
      expect(detail).toMatch(/SEARCH Unit USING COVERING INDEX Unit_path_idx \(path>\? AND path<\?\)/);
      expect(detail).not.toMatch(/SCAN (i|OpinionItem|Unit)\b/);
    }
    // Children outermost, each child's subtree by a range seek: no comparison of every unit with every child.
    expect(await plan(itemsByChildUnitSql(Q2, w.a))).toMatch(
      /SEARCH c USING INDEX Unit_parentId_idx \(parentId=\?\) \| SEARCH u USING COVERING INDEX Unit_path_idx \(path>\? AND path<\?\)/,
    );
  });
});

describe("the opinion summary of a unit", () => {
  it("counts the province's quarter with the previous quarter's totals and the change", async () => {
    const w = await world();
    const s = await opinionSummary(w.secretariat, Q2);
    expect(s.unit.id).toBe(w.province.id);
    expect(s.previousQuarterKey).toBe(Q1);
    expect(s.rows.map((r) => [r.topic.code, r.byDirection, r.total, r.previousTotal, r.change])).toEqual([
      ["PRICES", { ...zero, worried: 3, oppose: 1 }, 4, 3, 1],
      ["LAND", { ...zero, approve: 1, unclear: 1 }, 2, 4, -2],
    ]);
    expect(s.totals).toEqual({ byDirection: { approve: 1, oppose: 1, worried: 3, unclear: 1 }, total: 6, previousTotal: 7, change: -1 });
    // Per direct child, largest first, the province's own items apart; they add up to the total.
    expect(s.children.map((c) => [c.unit.code, c.own, c.byDirection, c.total])).toEqual([
      ["T", true, { ...zero, unclear: 1 }, 1],
      ["T.A", false, { ...zero, worried: 2, oppose: 1, approve: 1 }, 4],
      ["T.B", false, { ...zero, worried: 1 }, 1],
    ]);
    expect(s.children.reduce((a, c) => a + c.total, 0)).toBe(s.totals.total);
    expect([s.ancestors, s.upUnitId]).toEqual([[], null]);
    expect(s.unitOptions.map((u) => [u.code, u.level])).toEqual([["T", 0], ["T.A", 1], ["T.A.1", 2], ["T.B", 1]]);
  });

  it("drills into a commune: only its subtree's items, its trend, a way back up", async () => {
    const w = await world();
    const s = await opinionSummary(w.secretariat, Q2, w.prices.id, w.a.id);
    expect(s.unit).toEqual({ id: w.a.id, code: "T.A", name: "Xã A" });
    expect(s.rows.map((r) => [r.topic.code, r.byDirection, r.total, r.previousTotal, r.change])).toEqual([
      ["PRICES", { ...zero, worried: 2, oppose: 1 }, 3, 1, 2],
      ["LAND", { ...zero, approve: 1 }, 1, 3, -2],
    ]);
    expect(s.children.map((c) => [c.unit.code, c.own, c.total])).toEqual([["T.A", true, 2], ["T.A.1", false, 2]]);
    expect(s.ancestors.map((a) => a.id)).toEqual([w.province.id]);
    expect(s.upUnitId).toBe(w.province.id);
    expect(s.trend).toHaveLength(8);
    expect(s.trend.slice(-2)).toEqual([
      { quarterKey: Q1, byDirection: { ...zero, worried: 1 } },
      { quarterKey: Q2, byDirection: { ...zero, worried: 2, oppose: 1 } },
    ]);
    expect(s.trend.slice(0, 6).every((p) => Object.values(p.byDirection).every((n) => n === 0))).toBe(true);
  });

  it("keeps a topic that disappeared since the previous quarter, and shows no comparison before the first period", async () => {
    const w = await world();
    const b = await opinionSummary(w.secretariat, Q2, undefined, w.b.id);
    expect(b.rows.map((r) => [r.topic.code, r.total, r.previousTotal, r.change])).toEqual([
      ["PRICES", 1, 2, -1],
      ["LAND", 0, 1, -1],
    ]);
    // Commune B has no units below it: nothing to drill into.
    expect(b.children).toEqual([]);
    // No reporting period in quarter IV/2025: "—", not zero.
    const first = await opinionSummary(w.secretariat, Q1);
    expect(first.previousQuarterKey).toBeNull();
    expect(first.rows.every((r) => r.previousTotal === null && r.change === null)).toBe(true);
    expect(first.totals).toMatchObject({ total: 7, previousTotal: null, change: null });
  });

  it("stays inside the viewer's subtree: a commune official starts at their commune and gets 404 elsewhere", async () => {
    const w = await world();
    const official = w.official(w.a);
    const own = await opinionSummary(official, Q2);
    expect(own.unit.id).toBe(w.a.id);
    expect(own.totals.total).toBe(4);
    // Nothing above their own unit is offered: no breadcrumb, no way up, no foreign units to pick.
    expect([own.ancestors, own.upUnitId]).toEqual([[], null]);
    expect(own.unitOptions.map((u) => [u.code, u.level])).toEqual([["T.A", 0], ["T.A.1", 1]]);
    const hamlet = await opinionSummary(official, Q2, undefined, w.hamlet.id);
    expect([hamlet.ancestors.map((a) => a.id), hamlet.upUnitId, hamlet.totals.total]).toEqual([[w.a.id], w.a.id, 2]);
    for (const foreign of [w.b.id, w.province.id, 999_999]) {
      expect(thrownStatus(await catchError(opinionSummary(official, Q2, undefined, foreign)))).toBe(404);
    }
  });
});

describe("a provisional quarter", () => {
  it("counts the ended months only and compares them with the same months of the previous quarter", async () => {
    const w = await world();
    const may10 = new Date("2026-05-10T00:00:00Z");
    // Quarter I has no January period yet: no like month to compare with, so no comparison at all.
    const alone = await opinionSummary(w.secretariat, Q2, undefined, undefined, may10);
    expect([alone.previousQuarterKey, alone.provisional?.compared, alone.totals.previousTotal]).toEqual([null, [], null]);
    // January 2026 (the first month of quarter I, like April of quarter II): 2 land items in A.
    const january = await addPeriod(2026, 1);
    const land = { topicId: w.land.id, direction: "oppose", areaUnitId: w.a.id, strength: "weak", prevalence: "some", channel: "press", verified: true, title: "t", summary: "s" };
    await bulkInsertReports(db, [
      { clientUuid: "j1", period: january, collaboratorId: w.collaborator.id, unitId: w.a.id, submittedAt: new Date(), timeliness: "on_time" as const, items: [land, land] },
    ]);
    // 10/05/2026: April has ended, May runs (21/04–20/05): quarter II is provisional, 1 month of 3.
    const s = await opinionSummary(w.secretariat, Q2, w.land.id, undefined, may10);
    expect(s.provisional).toEqual({ asOf: new Date("2026-04-20T00:00:00Z"), months: 1, compared: [1] });
    expect(s.previousQuarterKey).toBe(Q1);
    // January's items only, not all of quarter I.
    expect(s.totals).toMatchObject({ total: 6, previousTotal: 2, change: 4 });
    expect(s.rows.map((r) => [r.topic.code, r.total, r.previousTotal])).toEqual([["PRICES", 4, 0], ["LAND", 2, 2]]);
    // The trend's last point is what the table counts.
    expect(s.trend.at(-1)).toEqual({ quarterKey: Q2, byDirection: { ...zero, approve: 1, unclear: 1 } });

    // Once June is over, the whole quarter is compared with the whole previous one.
    const closed = await opinionSummary(w.secretariat, Q2, undefined, undefined, new Date("2026-06-21T00:00:00Z"));
    expect([closed.provisional, closed.previousQuarterKey, closed.totals.previousTotal]).toEqual([null, Q1, 9]);
  });
});

describe("the opinion summary page's loader", () => {
  async function load(accountId: number, url: string) {
    const cookie = (await startSession(accountId)).split(";")[0]!;
    const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
    return summaryLoader({ request, params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } });
  }

  it("reads the unit from the query, falls back to the viewer's own on a malformed id, and answers 404 for a foreign one", async () => {
    const w = await world();
    await db.reportingPeriod.updateMany({ data: { status: "closed" } });
    const official = await db.account.create({ data: { username: "lanhdao.b", displayName: "B", role: "official", unitId: w.b.id, passwordHash: "x" } });
    const drilled = await load(w.secretariat.id, `/opinion-summary?unit=${w.a.id}&quarter=${Q2}`);
    expect([drilled.quarterKey, drilled.summary?.unit.id, drilled.summary?.totals.total]).toEqual([Q2, w.a.id, 4]);
    expect((await load(official.id, "/opinion-summary?unit=abc")).summary?.unit.id).toBe(w.b.id);
    expect(thrownStatus(await catchError(load(official.id, `/opinion-summary?unit=${w.a.id}`)))).toBe(404);
    expect(thrownStatus(await catchError(load(official.id, `/opinion-summary?unit=${w.province.id}`)))).toBe(404);
    // With no quarter given, it opens on the last closed quarter (today, both are over).
    expect((await load(w.secretariat.id, "/opinion-summary")).quarterKey).toBe(Q2);
    // Also before any period has started.
    await db.reportingPeriod.updateMany({ data: { status: "open", startsOn: new Date("2099-01-01"), endsOn: new Date("2099-01-20") } });
    expect(thrownStatus(await catchError(load(official.id, `/opinion-summary?unit=${w.a.id}`)))).toBe(404);
    expect((await load(official.id, `/opinion-summary?unit=${w.b.id}`)).summary).toBeNull();
  });
});
