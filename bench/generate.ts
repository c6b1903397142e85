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
import { viewerOfAccount, type Viewer } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { bulkInsertReports, type BulkReport } from "~/opinion-reports/bulk.server";
import { CHANNELS, DIRECTIONS, PREVALENCES, STRENGTHS } from "~/opinion-reports/report-vocab";
import { calendarQuarter, periodBounds } from "~/periods/period-math";
import { storeResponses } from "~/surveys/storage.server";
import { changeStatus, createSurvey, saveDefinition, setAssignment } from "~/surveys/surveys.server";
import { AGENCIES, SOCIAL_GROUPS, TOPICS } from "../prisma/seed/opinion-reports-data";
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

/** An account as the gate's Viewer (the generator acts through the app's own functions). */
async function viewerOf(where: { username: string } | { id: number }): Promise<Viewer> {
  const a = await db.account.findUniqueOrThrow({ where, include: { unit: true } });
  return viewerOfAccount(a);
}
/** The generated province's admin (the measured paths that need a viewer act as them). */
export const adminViewer = () => viewerOf({ username: "admin" });

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

/**
 * What a province accumulates besides questionnaires and items, added to a generated (or reused)
 * database once: each wave compares with the previous one; every period expects every active
 * collaborator (about one in ten did not report, so completeness has gaps); some items are urgent;
 * proposals forwarded to agencies; in the latest wave about 2% of questionnaires returned through
 * the review path and half of those resubmitted (other answers, other bands) through the
 * submission path, so the tallies have been moved both ways. Returns what it added.
 */
export async function addRealism(): Promise<{ expectations: number; urgent: number; proposals: number; returned: number; resubmitted: number }> {
  const { reviewResponse } = await import("~/surveys/review.server");
  const { storeSubmission } = await import("~/surveys/storage.server");
  const random = seededRandom(31);
  const surveys = await db.survey.findMany({ where: { seriesCode: "BENCH" }, orderBy: { period: "asc" }, select: { id: true } });
  for (const [i, s] of surveys.entries()) {
    if (i > 0) await db.survey.update({ where: { id: s.id }, data: { previousWaveId: surveys[i - 1]!.id } });
  }
  // Expectations: every collaborator in every period; a report's outcome is its timeliness, no report is "missing".
  const periods = await db.reportingPeriod.findMany({ select: { id: true } });
  const collaborators = await db.account.findMany({ where: { role: "collaborator" }, select: { id: true, unitId: true } });
  let expectations = 0;
  if ((await db.reportExpectation.count()) === 0) {
    for (const p of periods) {
      expectations += (await db.reportExpectation.createMany({ data: collaborators.map((c) => ({ periodId: p.id, collaboratorId: c.id, unitId: c.unitId })) })).count;
    }
    await db.$executeRaw`
      UPDATE "ReportExpectation" SET "outcome" = (SELECT r."timeliness" FROM "OpinionReport" r
        WHERE r."periodId" = "ReportExpectation"."periodId" AND r."collaboratorId" = "ReportExpectation"."collaboratorId" AND r."kind" = 'monthly')
      WHERE EXISTS (SELECT 1 FROM "OpinionReport" r WHERE r."periodId" = "ReportExpectation"."periodId" AND r."collaboratorId" = "ReportExpectation"."collaboratorId")`;
    // About one in ten expected reports never came: those expectations stay "missing" (their reports are deleted).
    await db.$executeRaw`DELETE FROM "OpinionReport" WHERE "id" % 10 = 3`;
    await db.$executeRaw`
      UPDATE "ReportExpectation" SET "outcome" = 'missing'
      WHERE NOT EXISTS (SELECT 1 FROM "OpinionReport" r WHERE r."periodId" = "ReportExpectation"."periodId" AND r."collaboratorId" = "ReportExpectation"."collaboratorId")`;
  }
  const urgent = await db.$executeRaw`UPDATE "OpinionItem" SET "urgent" = true WHERE "id" % 50 = 7 AND "urgent" = false`;
  let proposals = 0;
  if ((await db.proposal.count()) === 0) {
    const agencies = await Promise.all(
      AGENCIES.map((a) => db.agency.upsert({ where: { code: a.code }, create: a, update: {}, select: { id: true } })),
    );
    const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const items = await db.opinionItem.findMany({ orderBy: { id: "asc" }, take: 600, select: { id: true, areaUnitId: true, createdAt: true } });
    const data = items.filter((_, i) => i % 2 === 0).map((item) => {
      const forwardedOn = new Date(item.createdAt.getTime() + 7 * 86_400_000);
      const answered = random.chance(0.6);
      return {
        itemId: item.id, agencyId: random.pick(agencies).id, unitId: item.areaUnitId, title: "Kiến nghị về giá điện",
        content: "Đề nghị xem xét lại biểu giá điện sinh hoạt.", forwardedOn, dueOn: new Date(forwardedOn.getTime() + 30 * 86_400_000),
        status: answered ? "answered" : "forwarded", answerText: answered ? "Đã tiếp thu, đang rà soát." : null,
        answeredOn: answered ? new Date(forwardedOn.getTime() + 20 * 86_400_000) : null, createdById: admin.id,
      };
    });
    proposals = (await db.proposal.createMany({ data })).count;
  }
  // Returns and resubmissions in the latest wave, through the app's own review and submission paths.
  let returned = 0;
  let resubmitted = 0;
  // The wave still open for entry (the others closed at their quarter's end): a resubmission to a
  // closed wave is refused, as in the app.
  const latest = await db.survey.findFirst({ where: { seriesCode: "BENCH", closesOn: { gt: new Date() } }, orderBy: { period: "desc" }, select: { id: true } });
  if (latest && (await db.surveyResponse.count({ where: { surveyId: latest.id, status: { not: "submitted" } } })) === 0) {
    const secretary = await viewerOf({ username: "thuky" });
    const generator = answerGenerator(77);
    const responses = await db.$queryRaw<{ id: number; clientUuid: string; collaboratorId: number }[]>`
      SELECT "id", "clientUuid", "collaboratorId" FROM "SurveyResponse" WHERE "surveyId" = ${latest.id} AND "id" % 50 = 11 ORDER BY "id"`;
    for (const r of responses) {
      await reviewResponse(secretary, Number(r.id), { intent: "return", comment: "Câu 12 chưa rõ" });
      returned++;
      if (random.chance(0.5)) {
        const { bands, answers } = generator.next(0);
        const collaborator = await viewerOf({ id: Number(r.collaboratorId) });
        await storeSubmission(collaborator, { uuid: r.clientUuid, surveyId: latest.id, version: 1, revision: 2, bands, answers });
        resubmitted++;
      }
    }
  }
  return { expectations, urgent, proposals, returned, resubmitted };
}

/** The first day of a quarter (quarterKey = year*10 + q), UTC. */
function quarterStart(quarterKey: number): Date {
  return new Date(Date.UTC(Math.floor(quarterKey / 10), ((quarterKey % 10) - 1) * 3, 1));
}

/**
 * The audit log a province's work leaves behind (~1 M entries at scale 1): one entry per
 * questionnaire (spread over its wave's quarter) and per opinion report, as the write paths make,
 * and every account's sign-ins every other day of the eight quarters. Written in bulk on the app's
 * connection; the viewer's indexes are the schema's.
 */
export async function generateAuditEntries(): Promise<number> {
  const { withExclusiveConnection } = await import("~/db/db.server");
  const { sqlNow } = await import("~/surveys/writer.server");
  const surveys = await db.survey.findMany({ where: { seriesCode: "BENCH" }, select: { id: true, period: true } });
  const accounts = await db.account.findMany({ select: { id: true } });
  const first = quarterStart(QUARTERS[0]!).getTime();
  const days = Math.round((quarterStart(QUARTERS[QUARTERS.length - 1]!).getTime() + 92 * 86_400_000 - first) / 86_400_000);
  return withExclusiveConnection((w) => {
    let n = 0;
    for (const s of surveys) {
      // A questionnaire's entry at a time of its quarter (ids spread over 90 days), in the stored format.
      const start = quarterStart(Number(s.period)).getTime() / 1000;
      n += w.prepare(`
        INSERT INTO "AuditEntry" ("at", "actorId", "action", "entityType", "entityId", "before", "after")
        SELECT strftime('%Y-%m-%dT%H:%M:%S.000+00:00', ? + (r."id" * 7919) % 7776000, 'unixepoch'), r."collaboratorId",
          'survey.response.submit', 'SurveyResponse', CAST(r."id" AS TEXT), NULL,
          json_object('surveyId', r."surveyId", 'unitId', r."unitId", 'clientUuid', r."clientUuid")
        FROM "SurveyResponse" r WHERE r."surveyId" = ? ORDER BY r."id"`).run(start, s.id).changes;
    }
    n += w.prepare(`
      INSERT INTO "AuditEntry" ("at", "actorId", "action", "entityType", "entityId", "before", "after")
      SELECT r."submittedAt", r."collaboratorId", 'report.submit', 'OpinionReport', CAST(r."id" AS TEXT), NULL,
        json_object('periodId', r."periodId", 'unitId', r."unitId")
      FROM "OpinionReport" r ORDER BY r."id"`).run().changes;
    const signIn = w.prepare(`
      INSERT INTO "AuditEntry" ("at", "actorId", "action", "entityType", "entityId", "before", "after")
      VALUES (?, ?, 'auth.sign_in', 'Account', ?, NULL, NULL)`);
    for (let day = 0; day < days; day += 2) {
      for (const a of accounts) {
        signIn.run(sqlNow(new Date(first + day * 86_400_000 + ((a.id * 3_600_000) % 43_200_000) + 7 * 3_600_000)), a.id, String(a.id));
        n++;
      }
    }
    return n;
  });
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
  await addRealism();
  await generateAuditEntries();
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
