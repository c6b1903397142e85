// A small reporting world: a province with two communes (one with a hamlet), topics, groups, a
// period, and collaborators with profiles — through the real schema.
import { db } from "~/db/db.server";
import type { BulkItem } from "~/opinion-reports/bulk.server";
import { DIRECTIONS, PREVALENCES, STRENGTHS } from "~/opinion-reports/report-vocab";
import type { ReportContent } from "~/opinion-reports/report-schemas";
import { periodBounds } from "~/periods/period-math";
import { addUnit, day, realViewerAt, viewerAt } from "./fixtures";

export async function addPeriod(year: number, month: number, status = "open") {
  const b = periodBounds(year, month);
  return db.reportingPeriod.create({
    data: { year, month, quarter: b.quarter, quarterKey: b.quarterKey, cutoffDay: 20, startsOn: b.startsOn, endsOn: b.endsOn, deadline: b.deadline, status },
  });
}

export async function addCollaborator(unit: { id: number; code: string; path: string; depth: number }, username: string) {
  const viewer = await realViewerAt(unit, username, "collaborator");
  await db.collaboratorProfile.create({ data: { accountId: viewer.id, sector: "press", status: "active", termStart: day("2025-01-01") } });
  return viewer;
}

export async function reportingWorld() {
  const province = await addUnit(null, "T", "Tỉnh", "province");
  const a = await addUnit(province, "T.A", "Xã A");
  const hamlet = await addUnit(a, "T.A.1", "Thôn 1", "other");
  const b = await addUnit(province, "T.B", "Xã B");
  await db.topic.createMany({
    data: [
      { code: "PRICES", nameVi: "Giá cả", nameEn: "Prices", group: "economy", sortOrder: 1 },
      { code: "LAND", nameVi: "Đất đai", nameEn: "Land", group: "economy", sortOrder: 2 },
      { code: "OLD", nameVi: "Cũ", nameEn: "Old", group: "other", active: false, sortOrder: 3 },
    ],
  });
  await db.socialGroup.createMany({ data: [{ code: "FARMERS", nameVi: "Nông dân", nameEn: "Farmers" }, { code: "YOUTH", nameVi: "Thanh niên", nameEn: "Youth" }] });
  await db.agency.create({ data: { code: "SO.YT", name: "Sở Y tế" } });
  const period = await addPeriod(2026, 3);
  const collaborator = await addCollaborator(a, "ctv.a");
  const other = await addCollaborator(b, "ctv.b");
  await db.reportExpectation.createMany({
    data: [
      { periodId: period.id, collaboratorId: collaborator.id, unitId: a.id },
      { periodId: period.id, collaboratorId: other.id, unitId: b.id },
    ],
  });
  const secretariat = await realViewerAt(province, "thuky", "secretariat");
  return { province, a, hamlet, b, period, collaborator, other, secretariat, official: (unit: typeof a) => viewerAt(unit, "official", secretariat.id) };
}

export function content(overrides: Partial<ReportContent["items"][number]> = {}, report: Partial<ReportContent> = {}): ReportContent {
  return {
    urgent: false,
    note: undefined,
    confirmNoPersonalData: false,
    items: [
      {
        topicCode: "PRICES",
        title: "Giá điện tăng",
        summary: "Nhiều ý kiến lo ngại chi phí sinh hoạt.",
        areaCode: "T.A",
        groupCodes: ["FARMERS"],
        direction: "worried",
        strength: "moderate",
        prevalence: "many",
        channel: "direct",
        verified: true,
        proposal: undefined,
        urgent: false,
        ...overrides,
      },
    ],
    ...report,
  };
}

/** A seeded pseudo-random integer source (a linear congruential generator): the same data every run. */
export function seededRandom(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/**
 * Items of random topics, areas, directions, strengths and prevalences. `groupIds`: none, one or
 * two groups per item, the third group rare (its row stays under 5 items in a quarter);
 * `urgentOneIn`: about one item in that many is urgent.
 */
export function randomItems(rand: (n: number) => number, n: number, pick: { topicIds: number[]; areaIds: number[]; groupIds?: number[]; urgentOneIn?: number }): BulkItem[] {
  return Array.from({ length: n }, (_, i) => ({
    topicId: pick.topicIds[rand(pick.topicIds.length)]!,
    areaUnitId: pick.areaIds[rand(pick.areaIds.length)]!,
    direction: DIRECTIONS[rand(DIRECTIONS.length)]!,
    strength: STRENGTHS[rand(STRENGTHS.length)]!,
    prevalence: PREVALENCES[rand(PREVALENCES.length)]!,
    channel: "press",
    verified: true,
    title: "t",
    summary: "s",
    ...(pick.urgentOneIn ? { urgent: rand(pick.urgentOneIn) === 0 } : {}),
    ...(pick.groupIds ? { groupIds: pick.groupIds.filter((_, g) => i % [2, 3, 37][g]! === 0) } : {}),
  }));
}
