// The quarterly report's completion: the 8-quarter trend and the social groups against
// GROUP BYs over the raw rows, merged units rolled into their successors, the key questions of
// section 4, and the sealed snapshot as a download.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { countItemsByChildUnit } from "~/opinion-reports/aggregates.server";
import { bulkInsertReports } from "~/opinion-reports/bulk.server";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { quarterRange } from "~/periods/period-math";
import { compileQuarter } from "~/quarterly-reports/compile.server";
import { snapshotDownload } from "~/quarterly-reports/exports/json.server";
import { keyQuestionChoices, saveKeyQuestions } from "~/quarterly-reports/key-questions.server";
import { keyQuestionsSchema } from "~/quarterly-reports/report-schemas";
import { createQuarterlyReport, differencesSincePublication, publishQuarterlyReport, readQuarterlyReport } from "~/quarterly-reports/reports.server";
import { canonicalJson, sha256Hex } from "~/quarterly-reports/snapshot.server";
import type { SurveyDefinition } from "~/surveys/definition";
import { storeSubmission } from "~/surveys/storage.server";
import { mergeUnit } from "~/units/units.server";
import { FieldError } from "~/forms/field-error.server";
import { addUnit, catchError, day, thrownStatus, viewerAt } from "./fixtures";
import { addCollaborator, addPeriod, randomItems, reportingWorld, seededRandom } from "./report-fixtures";
import { body, publishedSurvey, SAMPLE } from "./surveys-fixtures";

const Q1 = 20261;
type Count = { quarterKey: number; topicId: number; direction: string; n: number | bigint };

/** Q1/2026 (March, from the world) with Q3 and Q4/2025 before it; Q2/2025 and earlier have no periods. */
async function trendWorld(seed = 5) {
  const w = await reportingWorld();
  await db.socialGroup.create({ data: { code: "RARE", nameVi: "Hiếm", nameEn: "Rare" } });
  const topics = await db.topic.findMany({ orderBy: { sortOrder: "asc" } });
  const groups = await db.socialGroup.findMany({ orderBy: { id: "asc" } });
  const rand = seededRandom(seed);
  const areas = [w.province.id, w.a.id, w.hamlet.id, w.b.id];
  const pick = { topicIds: topics.map((t) => t.id), areaIds: areas, groupIds: groups.map((g) => g.id) };
  const periods = [await addPeriod(2025, 8, "closed"), await addPeriod(2025, 11, "closed"), w.period];
  const reports = periods.flatMap((p, i) => [
    { clientUuid: `a-${i}`, period: p, collaboratorId: w.collaborator.id, unitId: w.a.id, submittedAt: new Date(), timeliness: "on_time" as const, items: randomItems(rand, 40 + 30 * i, pick) },
    { clientUuid: `b-${i}`, period: p, collaboratorId: w.other.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "on_time" as const, items: randomItems(rand, 25, pick) },
  ]);
  await bulkInsertReports(db, reports);
  return { ...w, topics, groups };
}

const rawTrend = (areaIds?: number[]) =>
  areaIds
    ? db.$queryRawUnsafe<Count[]>(`SELECT "quarterKey", "topicId", "direction", COUNT(*) AS n FROM "OpinionItem" WHERE "areaUnitId" IN (${areaIds.join(",")}) GROUP BY 1, 2, 3`)
    : db.$queryRawUnsafe<Count[]>(`SELECT "quarterKey", "topicId", "direction", COUNT(*) AS n FROM "OpinionItem" GROUP BY 1, 2, 3`);

describe("the 8-quarter trend", () => {
  it("equals a GROUP BY over the raw rows, per topic, quarter and direction, the quarter's top topic first", async () => {
    const w = await trendWorld();
    const compiled = await compileQuarter(w.secretariat, w.province.id, Q1);
    const raw = await rawTrend();
    const count = (quarterKey: number, topicId: number, direction: string) => Number(raw.find((r) => r.quarterKey === quarterKey && r.topicId === topicId && r.direction === direction)?.n ?? 0);
    expect(compiled.trend.quarters.map((q) => [q.quarterKey, q.available])).toEqual(quarterRange(Q1, 8).map((k) => [k, [20253, 20254, 20261].includes(k)]));
    for (const q of compiled.trend.quarters) expect(q.n).toBe(raw.filter((r) => r.quarterKey === q.quarterKey).reduce((s, r) => s + Number(r.n), 0));
    expect(compiled.trend.topics.map((r) => r.topic.id).sort()).toEqual([...new Set(raw.map((r) => r.topicId))].sort());
    for (const row of compiled.trend.topics) {
      for (const p of row.points) {
        for (const d of DIRECTIONS) expect(p.byDirection[d]).toBe(count(p.quarterKey, row.topic.id, d));
        expect(p.n).toBe(DIRECTIONS.reduce((s, d) => s + count(p.quarterKey, row.topic.id, d), 0));
      }
    }
    expect(compiled.trend.topics[0]!.topic.id).toBe(compiled.flows.byTopic[0]!.topic.id);
    // The report quarter's point is the flows' row.
    for (const r of compiled.flows.byTopic) expect(compiled.trend.topics.find((t) => t.topic.id === r.topic.id)!.points.at(-1)!.byDirection).toEqual(r.byDirection);

    // Provenance: the SHA-256 of the quarter's item ids, ascending, comma-separated (the definition
    // every published snapshot used: a live compilation must hash the same way to compare).
    const ids = (await db.opinionItem.findMany({ where: { quarterKey: Q1 }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    expect(compiled.provenance).toMatchObject({ itemCount: ids.length, itemIdsSha256: sha256Hex(ids.join(",")) });
    // A commune's report: the same GROUP BY restricted to its subtree.
    const atA = await compileQuarter(w.official(w.a), w.a.id, Q1);
    const rawA = await rawTrend([w.a.id, w.hamlet.id]);
    for (const row of atA.trend.topics) {
      for (const p of row.points) expect(p.n).toBe(rawA.filter((r) => r.quarterKey === p.quarterKey && r.topicId === row.topic.id).reduce((s, r) => s + Number(r.n), 0));
    }
  });

  it("is frozen into the snapshot and a later correction to an earlier quarter shows as a difference", async () => {
    const w = await trendWorld(9);
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    await publishQuarterlyReport(w.secretariat, report.id, 0);
    const read = await readQuarterlyReport(w.official(w.province), report.id);
    expect(read.figures.trend?.topics.length).toBeGreaterThan(0);
    expect(await differencesSincePublication(w.official(w.province), read.figures)).toEqual([]);
    const topic = w.topics[1]!;
    const november = await db.reportingPeriod.findFirstOrThrow({ where: { year: 2025, month: 11 } });
    const late = await addCollaborator(w.b, "ctv.late");
    await bulkInsertReports(db, [{ clientUuid: "late", period: november, collaboratorId: late.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "late", items: randomItems(seededRandom(1), 1, { topicIds: [topic.id], areaIds: [w.b.id] }).map((i) => ({ ...i, direction: "oppose", groupIds: [] })) }]);
    const diff = await differencesSincePublication(w.official(w.province), read.figures);
    // (The late collaborator is one more active collaborator, too.)
    expect(diff.map((d) => d.key).sort()).toEqual([`trend.topic.${topic.code}.20254.oppose`, "network.collaborators.active"].sort());
    expect(diff.find((d) => d.section === "trend")).toMatchObject({ published: expect.any(Number), live: expect.any(Number) });
    const change = diff.find((d) => d.section === "trend")!;
    expect(Number(change.live) - Number(change.published)).toBe(1);
    expect((await readQuarterlyReport(w.official(w.province), report.id)).figures).toEqual(read.figures);
  });
});

describe("the social groups most concerned", () => {
  it("equal a GROUP BY over the items' groups, ranked, small groups unsplit", async () => {
    const w = await trendWorld(3);
    const compiled = await compileQuarter(w.secretariat, w.province.id, Q1);
    const raw = await db.$queryRaw<{ groupId: number; direction: string; n: number | bigint }[]>`
      SELECT g."groupId", i."direction", COUNT(*) AS n FROM "OpinionItemGroup" g JOIN "OpinionItem" i ON i."id" = g."itemId"
      WHERE i."quarterKey" = ${Q1} GROUP BY 1, 2`;
    const rows = compiled.flows.socialGroups;
    expect(rows.map((r) => r.group.id).sort()).toEqual([...new Set(raw.map((r) => r.groupId))].sort());
    for (const r of rows) {
      const mine = raw.filter((x) => x.groupId === r.group.id);
      expect(r.total).toBe(mine.reduce((s, x) => s + Number(x.n), 0));
      if (r.total < 5) expect(r.byDirection).toBeNull();
      else for (const d of DIRECTIONS) expect(r.byDirection![d]).toBe(Number(mine.find((x) => x.direction === d)?.n ?? 0));
    }
    // The data has both kinds of row (the rare group stays under 5 items).
    expect(rows.filter((r) => r.byDirection === null).map((r) => r.group.code)).toEqual(["RARE"]);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.total)).toEqual([...rows.map((r) => r.total)].sort((a, b) => b - a));
    // In the figure list, so a correction shows as a difference.
    const after = structuredClone(compiled);
    after.flows.socialGroups[0]!.total += 1;
    const { diffFigures } = await import("~/quarterly-reports/snapshot.server");
    expect(diffFigures(compiled, after).map((d) => d.key)).toEqual([`flows.group.${rows[0]!.group.code}.items`]);
    // A snapshot published before the groups and the trend existed: their absence is no difference.
    const old = structuredClone(compiled) as Partial<typeof compiled>;
    delete old.trend;
    delete (old.flows as Partial<typeof compiled.flows>).socialGroups;
    expect(diffFigures(old as typeof compiled, compiled)).toEqual([]);
  });
});

describe("merged units roll their history into their successor", () => {
  it("counts a merged unit's items and expectations under its successor, through a chain; a split unit keeps its own", async () => {
    const w = await reportingWorld();
    const older = await addUnit(w.province, "T.OLDER", "Xã Xưa (cũ)");
    const old = await addUnit(w.province, "T.OLD", "Xã Cũ (cũ)");
    const split = await addUnit(w.province, "T.SPLIT", "Xã Tách (cũ)");
    const topic = await db.topic.findFirstOrThrow({ where: { code: "PRICES" } });
    // Q3/2025, before the merger took effect in the data: items in the old units, and B's own.
    const august = await addPeriod(2025, 8, "closed");
    const ctvOld = await addCollaborator(old, "ctv.old");
    await db.reportExpectation.createMany({ data: [{ periodId: august.id, collaboratorId: ctvOld.id, unitId: old.id }, { periodId: august.id, collaboratorId: w.other.id, unitId: w.b.id }] });
    const items = (unitId: number, n: number, direction = "worried") => Array.from({ length: n }, () => ({ topicId: topic.id, areaUnitId: unitId, direction, strength: "strong", prevalence: "many", channel: "press", verified: true, title: "t", summary: "s" }));
    await bulkInsertReports(db, [
      { clientUuid: "old", period: august, collaboratorId: ctvOld.id, unitId: old.id, submittedAt: new Date(), timeliness: "on_time", items: [...items(old.id, 3), ...items(older.id, 2), ...items(split.id, 4, "approve")] },
      { clientUuid: "b", period: august, collaboratorId: w.other.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "on_time", items: items(w.b.id, 1, "oppose") },
    ]);
    // The merger, through the units admin's own function: older → old → B. A split is two lineage rows.
    const admin = viewerAt(w.province, "admin", w.secretariat.id);
    await mergeUnit(admin, older.id, { intent: "merge", successorCode: "T.OLD", effectiveOn: day("2025-07-01") });
    await mergeUnit(admin, old.id, { intent: "merge", successorCode: "T.B", effectiveOn: day("2025-07-01") });
    await db.unit.update({ where: { id: split.id }, data: { validTo: day("2025-07-01") } });
    await db.unitLineage.createMany({ data: [{ predecessorId: split.id, successorId: w.a.id, effectiveOn: day("2025-07-01") }, { predecessorId: split.id, successorId: w.b.id, effectiveOn: day("2025-07-01") }] });

    const province = await compileQuarter(w.secretariat, w.province.id, 20253);
    expect(province.flows.total).toBe(10);
    expect(province.flows.byUnit.map((r) => [r.unit.code, r.total])).toEqual([["T.B", 6], ["T.SPLIT", 4]]);
    expect(province.flows.byUnit.find((r) => r.unit.code === "T.B")!.byDirection).toEqual({ approve: 0, oppose: 1, worried: 5, unclear: 0 });
    expect(province.network.byUnit.map((r) => [r.unit.code, r.expected, r.onTime])).toEqual([["T.B", 2, 2]]);
    // The opinion summary's own breakdown is unchanged: it shows the old units as they were.
    expect((await countItemsByChildUnit(20253, w.province)).filter((c) => c.unitId === old.id)).toEqual([{ unitId: old.id, direction: "worried", count: 3 }]);

    // Commune B's own report counts its predecessors' history: its trend does not break at the merger.
    const atB = await compileQuarter(w.official(w.b), w.b.id, 20253);
    expect(atB.flows.total).toBe(6);
    expect(atB.provenance.itemCount).toBe(6);
    expect(atB.network.reports.expected).toBe(2);
    const trendB = await compileQuarter(w.official(w.b), w.b.id, Q1);
    expect(trendB.trend.topics.find((r) => r.topic.code === "PRICES")!.points.find((p) => p.quarterKey === 20253)!.n).toBe(6);
    expect(trendB.change.lastYear.quarterKey).toBe(20251);
    // Commune A gets none of it: the split unit cannot be apportioned.
    expect((await compileQuarter(w.official(w.a), w.a.id, 20253)).flows.total).toBe(0);
  });
});

const WITH_Q7: SurveyDefinition = {
  ...SAMPLE,
  questions: [
    ...SAMPLE.questions,
    { code: "Q7", type: "single", title: "An ninh trật tự", required: false, options: [{ code: "Q7_1", label: "Tốt" }, { code: "Q7_2", label: "Chưa tốt" }] },
  ],
};

/** KS1 (from the fixture, with Q7) closing in Q1/2026, after KS0 (Q4/2025, without Q7), after KSM (Q3/2025, with Q7), after KSX (2023). */
async function surveySeries() {
  const w = await publishedSurvey(WITH_Q7);
  const wave = (code: string, def: SurveyDefinition) =>
    db.survey.create({
      data: { code, seriesCode: "KS", title: def.title, period: code, status: "published", definition: JSON.stringify(def), opensOn: day("2020-01-01"), closesOn: day("2099-12-31"), createdById: w.secretary.id, versions: { create: { version: 1, definition: JSON.stringify(def) } }, targets: { create: [{ unitId: w.x1.id, quota: 10 }] } },
    });
  const ksx = await wave("KSX", WITH_Q7);
  const ksm = await wave("KSM", WITH_Q7);
  const ks0 = await wave("KS0", SAMPLE);
  const answers: Record<number, string[]> = { [ksx.id]: ["Q1_1", "Q1_1", "Q1_2", "Q1_1", "Q1_2"], [ksm.id]: ["Q1_2", "Q1_2", "Q1_1", "Q1_3", "Q1_2", "Q1_1"], [ks0.id]: ["Q1_2", "Q1_1", "Q1_1", "Q1_2", "Q1_2"], [w.survey.id]: ["Q1_1", "Q1_1", "Q1_3", "Q1_2", "Q1_1", "Q1_1", "Q1_2"] };
  for (const [id, list] of Object.entries(answers)) {
    const q7 = Number(id) !== ks0.id;
    for (const [i, a] of list.entries()) await storeSubmission(w.ctv1, body(Number(id), { Q1: a, ...(a === "Q1_3" ? { Q3: "đường hỏng" } : {}), Q4: 5, ...(q7 ? { Q7: i % 3 === 0 ? "Q7_2" : "Q7_1" } : {}) }));
  }
  const close = (id: number, closesOn: string, previousWaveId: number | null) => db.survey.update({ where: { id }, data: { closesOn: day(closesOn), previousWaveId } });
  await close(ksx.id, "2023-06-30", null);
  await close(ksm.id, "2025-09-30", ksx.id);
  await close(ks0.id, "2025-12-31", ksm.id);
  await close(w.survey.id, "2026-03-31", ks0.id);
  return { ...w, ksx, ksm, ks0 };
}

describe("a survey question's trend across its waves", () => {
  it("follows the previous waves within the 8 quarters, matched by codes, equal to a GROUP BY over the answers", async () => {
    const w = await surveySeries();
    const compiled = await compileQuarter(w.secretary, w.province.id, Q1);
    // Closed on 31/03: in the calendar quarter I/2026 (the reporting periods end on 20/03).
    expect(compiled.surveys.map((s) => s.survey.code)).toEqual(["KS1"]);
    const [series] = compiled.trend.surveys;
    expect(series!.survey.code).toBe("KS1");
    const raw = async (surveyId: number, question: string) => {
      const rows = await db.$queryRaw<{ option: string; n: number | bigint }[]>`
        SELECT a."option", COUNT(*) AS n FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
        WHERE r."surveyId" = ${surveyId} AND r."status" IN ('submitted', 'accepted') AND a."question" = ${question} GROUP BY a."option"`;
      return Object.fromEntries(rows.map((r) => [r.option, Number(r.n)]));
    };
    const q1 = series!.questions.find((q) => q.code === "Q1")!;
    expect(q1.points.map((p) => p.wave.code)).toEqual(["KSM", "KS0", "KS1"]); // KSX closed before the window
    for (const [p, id] of q1.points.map((p, i) => [p, [w.ksm.id, w.ks0.id, w.survey.id][i]!] as const)) {
      const counts = await raw(id, "Q1");
      expect(p.counts).toEqual({ Q1_1: counts.Q1_1 ?? 0, Q1_2: counts.Q1_2 ?? 0, Q1_3: counts.Q1_3 ?? 0 });
      expect(p.n).toBe(Object.values(counts).reduce((s, c) => s + c, 0));
    }
    // Q7 was not asked in KS0: no n there, and the trend goes on around it.
    const q7 = series!.questions.find((q) => q.code === "Q7")!;
    expect(q7.points.map((p) => [p.wave.code, p.n])).toEqual([["KSM", 6], ["KS0", null], ["KS1", 7]]);
  });
});

/** The key-question form as the browser posts it (repeated names), parsed as runForm does. */
function keyForm(entries: [string, string][]) {
  const data = new FormData();
  data.append("intent", "keyQuestions");
  for (const [name, value] of entries) data.append(name, value);
  const submission = parseWithZod(data, { schema: keyQuestionsSchema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value;
}

describe("key questions (section 4)", () => {
  it("shows every single-choice question by default, then only the chosen ones; refuses foreign surveys and codes", async () => {
    const w = await surveySeries();
    await addPeriod(2026, 3);
    const report = await createQuarterlyReport(w.secretary, { intent: "create", quarter: Q1, unit: w.province.id });
    const questions = async () => (await readQuarterlyReport(w.secretary, report.id)).figures.surveys[0]!.questions.map((q) => q.code);
    expect(await questions()).toEqual(["Q1", "Q7"]);
    const choices = await keyQuestionChoices(w.secretary, report.id);
    expect(choices.map((c) => [c.code, c.chosen, c.questions.map((q) => [q.code, q.key])])).toEqual([["KS1", false, [["Q1", true], ["Q7", true]]]]);

    // One survey, one box ticked.
    const form = keyForm([["survey", String(w.survey.id)], ["question", `${w.survey.id}:Q7`]]);
    expect(form).toEqual({ intent: "keyQuestions", survey: [w.survey.id], question: [`${w.survey.id}:Q7`] });
    await saveKeyQuestions(w.secretary, report.id, form);
    expect(await questions()).toEqual(["Q7"]);
    expect((await db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id } })).keyQuestions).toBe('{"KS1":["Q7"]}');
    expect(await db.auditEntry.count({ where: { action: "quarterly.keyQuestions" } })).toBe(1);
    // Nothing ticked: the survey's forms only.
    await saveKeyQuestions(w.secretary, report.id, keyForm([["survey", String(w.survey.id)]]));
    expect(await questions()).toEqual([]);

    // A multiple-choice question, a survey of another quarter: refused at the field, nothing written.
    const refused: [[string, string][], string][] = [
      [[["survey", String(w.survey.id)], ["question", `${w.survey.id}:Q2`]], "question"],
      [[["survey", String(w.ks0.id)]], "survey"],
      [[["survey", String(w.survey.id)], ["question", `${w.ks0.id}:Q1`]], "question"],
    ];
    for (const [entries, field] of refused) {
      const error = await catchError(saveKeyQuestions(w.secretary, report.id, keyForm(entries)));
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).field).toBe(field);
    }
    expect(() => keyForm([["survey", "1"], ["question", "1:Q1'; DROP"]])).toThrow();
    expect((await db.quarterlyReport.findUniqueOrThrow({ where: { id: report.id } })).keyQuestions).toBe('{"KS1":[]}');
    // Another unit's secretariat cannot reach the report.
    expect(thrownStatus(await catchError(saveKeyQuestions(viewerAt(w.x1, "secretariat", w.secretary.id), report.id, form)))).toBe(404);
  });

  it("keeps the published choice when comparing with the live figures", async () => {
    const w = await surveySeries();
    await addPeriod(2026, 3);
    const report = await createQuarterlyReport(w.secretary, { intent: "create", quarter: Q1, unit: w.province.id });
    await saveKeyQuestions(w.secretary, report.id, keyForm([["survey", String(w.survey.id)], ["question", `${w.survey.id}:Q1`]]));
    await publishQuarterlyReport(w.secretary, report.id, 0);
    await saveKeyQuestions(w.secretary, report.id, keyForm([["survey", String(w.survey.id)], ["question", `${w.survey.id}:Q7`]]));
    const read = await readQuarterlyReport(w.secretary, report.id);
    expect(read.figures.surveys[0]!.questions.map((q) => q.code)).toEqual(["Q1"]);
    expect(await differencesSincePublication(w.secretary, read.figures)).toEqual([]);
  });
});

describe("the snapshot as a download", () => {
  it("is the sealed text with its checksum, which verifies after parsing and canonical re-serialisation; a draft has none", async () => {
    const w = await trendWorld(2);
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    expect(thrownStatus(await catchError(snapshotDownload(w.secretariat, report.id)))).toBe(404);
    await publishQuarterlyReport(w.secretariat, report.id, 0);
    await publishQuarterlyReport(w.secretariat, report.id, 1);

    const official = viewerAt(w.province, "official", w.secretariat.id);
    const response = await snapshotDownload(official, report.id);
    const text = await response.text();
    const checksum = response.headers.get("X-Content-SHA256");
    const stored = await db.quarterlyReportVersion.findUniqueOrThrow({ where: { reportId_version: { reportId: report.id, version: 2 } } });
    expect(text).toBe(stored.snapshot);
    expect(checksum).toBe(stored.checksum);
    expect(sha256Hex(text)).toBe(checksum);
    // What a receiver does: parse, re-serialise canonically, hash.
    const document = JSON.parse(text) as { kind: string; report: { version: number } };
    expect(sha256Hex(canonicalJson(document))).toBe(checksum);
    expect(document).toMatchObject({ kind: "du-luan/quarterly-report", report: { version: 2 } });
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="BaoCaoQuy-I-2026-T-v2.json"');
    expect(await db.auditEntry.count({ where: { action: "quarterly.export", entityId: String(report.id) } })).toBe(1);

    // An earlier version stays downloadable; a version that does not exist, or a foreign viewer: 404.
    const v1 = await snapshotDownload(official, report.id, 1);
    expect(JSON.parse(await v1.text())).toMatchObject({ report: { version: 1 } });
    expect(thrownStatus(await catchError(snapshotDownload(official, report.id, 3)))).toBe(404);
    expect(thrownStatus(await catchError(snapshotDownload(w.official(w.b), report.id)))).toBe(404);
  });
});
