/**
 * The benchmark's data: a realistic province at a chosen scale, written through the app's own
 * storage code so the figures measure the real schema, indexes and aggregate tables.
 * Scale 1: ~120 communes/wards, ~400 collaborators, 8 quarters; per quarter one survey wave of
 * 100,000 questionnaires × 25 questions and 30,000 opinion items. Deterministic (seeded).
 * The waves form one series (previousWaveId) and each closes at its quarter's end, except the
 * oldest, which stays open for the load test; every collaborator is expected every month
 * (completeness), as the quarterly report reads them.
 */
import crypto from "node:crypto";
import type { Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { bulkInsertReports, type BulkReport } from "~/opinion-reports/bulk.server";
import { CHANNELS, DIRECTIONS, PREVALENCES, STRENGTHS } from "~/opinion-reports/report-vocab";
import { calendarQuarter, periodBounds } from "~/periods/period-math";
import { storeResponses } from "~/surveys/storage.server";
import { changeStatus, createSurvey, saveDefinition, setAssignment } from "~/surveys/surveys.server";
import { TOPICS, SOCIAL_GROUPS } from "../prisma/seed/opinion-reports-data";
import { seedProvince } from "../prisma/seed/province";
import { seededRandom } from "../prisma/seed/random";
import { answerGenerator, benchDefinition } from "./survey-fixture";

/** The eight quarters measured, oldest first: Q4/2024 … Q3/2026 (quarterKey = year*10 + q). */
export const QUARTERS = [20244, 20251, 20252, 20253, 20254, 20261, 20262, 20263];
const SURVEY_BATCH = 1_000;
const REPORT_BATCH = 500;

export type Generated = {
  rootPath: string;
  surveys: { quarterKey: number; surveyId: number; responses: number }[];
  opinionItems: number;
  topicIds: number[];
  seconds: { province: number; surveys: number; opinion: number };
};

const seconds = (since: number) => (performance.now() - since) / 1000;

async function adminViewer(): Promise<Viewer> {
  const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, include: { unit: true } });
  return {
    id: admin.id,
    username: admin.username,
    displayName: admin.displayName,
    role: admin.role,
    unitId: admin.unitId,
    unitName: admin.unit.name,
    unitPath: admin.unit.path,
    mustChangePassword: false,
  };
}

async function generateSurveys(scale: number, viewer: Viewer) {
  const perQuarter = Math.max(10, Math.round(100_000 * scale));
  const collaborators = await db.account.findMany({
    where: { role: "collaborator", unit: { kind: { in: ["commune", "ward", "special_zone"] }, validTo: null } },
    select: { id: true, unitId: true, unit: { select: { code: true } } },
    orderBy: { id: "asc" },
  });
  const unitCodes = [...new Set(collaborators.map((c) => c.unit.code))];
  const unitIndex = new Map(unitCodes.map((code, i) => [code, i]));
  const definition = JSON.stringify(benchDefinition());
  const generator = answerGenerator(7);
  const random = seededRandom(11);
  const surveys: Generated["surveys"] = [];
  for (const quarterKey of QUARTERS) {
    const id = await createSurvey(viewer, {
      code: `BENCH.${quarterKey}`,
      seriesCode: "BENCH",
      title: `Khảo sát quý ${quarterKey % 10}/${Math.floor(quarterKey / 10)}`,
      period: String(quarterKey),
    });
    await saveDefinition(viewer, id, definition);
    const quota = Math.ceil(perQuarter / unitCodes.length);
    await setAssignment(viewer, id, {
      opensOn: new Date(Date.UTC(2020, 0, 1)),
      closesOn: new Date(Date.UTC(2030, 0, 1)),
      targets: unitCodes.map((code) => ({ code, quota })),
    });
    await changeStatus(viewer, id, "publish");
    for (let done = 0; done < perQuarter; done += SURVEY_BATCH) {
      const batch = Array.from({ length: Math.min(SURVEY_BATCH, perQuarter - done) }, () => {
        // Skewed towards some collaborators (and so some units), like real fieldwork.
        const c = collaborators[Math.floor(random.next() ** 1.6 * collaborators.length)]!;
        const { bands, answers } = generator.next(unitIndex.get(c.unit.code)!);
        return { clientUuid: crypto.randomUUID(), unitId: c.unitId, collaboratorId: c.id, bands, answers };
      });
      await storeResponses(id, 1, batch);
    }
    surveys.push({ quarterKey, surveyId: id, responses: perQuarter });
  }
  // One series of waves, each closed at its quarter's end (section 4 of the quarterly report and
  // its trend); the oldest keeps taking questionnaires for the load test.
  for (const [i, wave] of surveys.entries()) {
    if (i === 0) continue;
    const closesOn = new Date(calendarQuarter(wave.quarterKey).before.getTime() - 86_400_000);
    await db.survey.update({ where: { id: wave.surveyId }, data: { previousWaveId: surveys[i - 1]!.surveyId, closesOn } });
  }
  return surveys;
}

async function generateOpinionItems(scale: number) {
  const itemsPerQuarter = Math.max(30, Math.round(30_000 * scale));
  await db.topic.createMany({ data: TOPICS.map(({ weight: _w, ...t }, i) => ({ ...t, sortOrder: i + 1 })) });
  await db.socialGroup.createMany({ data: [...SOCIAL_GROUPS] });
  const topics = await db.topic.findMany({ orderBy: { sortOrder: "asc" } });
  const groups = await db.socialGroup.findMany();
  const collaborators = await db.account.findMany({ where: { role: "collaborator" }, select: { id: true, unitId: true } });
  const random = seededRandom(23);
  let total = 0;
  for (const quarterKey of QUARTERS) {
    const year = Math.floor(quarterKey / 10);
    const firstMonth = (quarterKey % 10) * 3 - 2;
    const periods = [];
    for (let month = firstMonth; month < firstMonth + 3; month++) {
      const b = periodBounds(year, month);
      periods.push(
        await db.reportingPeriod.create({
          data: { year, month, quarter: b.quarter, quarterKey: b.quarterKey, cutoffDay: 20, startsOn: b.startsOn, endsOn: b.endsOn, deadline: b.deadline, status: "closed" },
        }),
      );
    }
    // Everyone is expected every month (the completeness the quarterly report reads) and files
    // one report, over which the quarter's items are spread.
    for (const period of periods) {
      await db.reportExpectation.createMany({ data: collaborators.map((c) => ({ periodId: period.id, collaboratorId: c.id, unitId: c.unitId })) });
    }
    const reports: BulkReport[] = [];
    const perReport = Math.max(1, Math.round(itemsPerQuarter / (periods.length * collaborators.length)));
    for (const period of periods) {
      for (const c of collaborators) {
        reports.push({
          clientUuid: crypto.randomUUID(),
          period: { id: period.id, quarterKey },
          collaboratorId: c.id,
          unitId: c.unitId,
          submittedAt: period.deadline,
          timeliness: "on_time",
          status: "accepted",
          items: Array.from({ length: perReport }, () => ({
            topicId: random.weighted(topics, TOPICS.map((t) => t.weight)).id,
            areaUnitId: c.unitId,
            direction: random.weighted(DIRECTIONS, [5, 2, 3, 1]),
            strength: random.weighted(STRENGTHS, [2, 5, 3]),
            prevalence: random.weighted(PREVALENCES, [1, 3, 4, 5]),
            channel: random.weighted(CHANNELS, [6, 3, 4, 2, 1]),
            verified: random.next() < 0.85,
            title: "Ý kiến về giá điện, giá xăng dầu",
            summary: "Nhân dân bày tỏ lo lắng về việc giá cả tăng.",
            groupIds: [groups[Math.floor(random.next() * groups.length)]!.id],
          })),
        });
      }
    }
    for (let i = 0; i < reports.length; i += REPORT_BATCH) {
      total += await db.$transaction((tx) => bulkInsertReports(tx, reports.slice(i, i + REPORT_BATCH)), { timeout: 600_000 });
    }
  }
  return { total, topicIds: topics.map((t) => t.id) };
}

export async function generate(scale: number): Promise<Generated> {
  let t = performance.now();
  const province = await db.$transaction((tx) => seedProvince(tx, { collaboratorsPerCommune: [3, 4] }), { timeout: 600_000 });
  const provinceSeconds = seconds(t);
  const viewer = await adminViewer();
  t = performance.now();
  const surveys = await generateSurveys(scale, viewer);
  const surveySeconds = seconds(t);
  t = performance.now();
  const opinion = await generateOpinionItems(scale);
  return {
    rootPath: province.province.path,
    surveys,
    opinionItems: opinion.total,
    topicIds: opinion.topicIds,
    seconds: { province: provinceSeconds, surveys: surveySeconds, opinion: seconds(t) },
  };
}

/** What an earlier run generated (for --reuse): the same facts, generation not timed. */
export async function describeGenerated(): Promise<Generated> {
  const province = await db.unit.findFirstOrThrow({ where: { parentId: null }, select: { path: true } });
  const surveys = await db.survey.findMany({ where: { seriesCode: "BENCH" }, orderBy: { period: "asc" }, select: { id: true, period: true } });
  const counts = await db.surveyResponse.groupBy({ by: ["surveyId"], _count: { _all: true } });
  const responsesOf = new Map(counts.map((c) => [c.surveyId, c._count._all]));
  const topics = await db.topic.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true } });
  return {
    rootPath: province.path,
    surveys: surveys.map((s) => ({ quarterKey: Number(s.period), surveyId: s.id, responses: responsesOf.get(s.id) ?? 0 })),
    opinionItems: await db.opinionItem.count(),
    topicIds: topics.map((t) => t.id),
    seconds: { province: 0, surveys: 0, opinion: 0 },
  };
}
