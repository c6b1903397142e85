// The quarterly report on a real database: significance tests against textbook values, the
// snapshot's checksum and diff, compiled figures against raw rows, publishing, scope.
import { describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { bulkInsertReports, type BulkItem } from "~/opinion-reports/bulk.server";
import { DIRECTIONS } from "~/opinion-reports/report-vocab";
import { compileQuarter } from "~/quarterly-reports/compile.server";
import { narrativeBlocks, sanitizeNarrative } from "~/quarterly-reports/narrative";
import { createQuarterlyReport, differencesSincePublication, publishQuarterlyReport, readQuarterlyReport, saveFollowUpTask, saveNarrative } from "~/quarterly-reports/reports.server";
import { chiSquareHomogeneity, chiSquarePValue, holmAdjust } from "~/quarterly-reports/significance.server";
import { canonicalJson, diffFigures, openSnapshot, sealSnapshot, type SnapshotDocument } from "~/quarterly-reports/snapshot.server";
import { itemWeight } from "~/quarterly-reports/weights";
import { FieldError } from "~/forms/field-error.server";
import { PERSONAL_DATA_REFUSED } from "~/forms/personal-data";
import { followUpTaskSchema } from "~/quarterly-reports/report-schemas";
import { storeSubmission } from "~/surveys/storage.server";
import { wilson } from "~/surveys/stats";
import { catchError, day, thrownStatus, viewerAt } from "./fixtures";
import { body, publishedSurvey } from "./surveys-fixtures";
import { addPeriod, randomItems, reportingWorld, seededRandom } from "./report-fixtures";

const Q1 = 20261;

describe("significance", () => {
  it("gives the textbook chi-square critical values' tail probabilities", () => {
    // Critical values at α = 0.05 and 0.01 (any statistics textbook's χ² table).
    expect(chiSquarePValue(3.841, 1)).toBeCloseTo(0.05, 3);
    expect(chiSquarePValue(5.991, 2)).toBeCloseTo(0.05, 3);
    expect(chiSquarePValue(7.815, 3)).toBeCloseTo(0.05, 3);
    expect(chiSquarePValue(11.345, 3)).toBeCloseTo(0.01, 3);
    expect(chiSquarePValue(0, 3)).toBe(1);
  });

  it("tests a 2 × k table like the textbook (no continuity correction)", () => {
    // 2 × 2 with all margins 50: expected 25 each, χ² = 4 × 1 = 4.0, p = 0.0455.
    const r = chiSquareHomogeneity([20, 30], [30, 20]);
    expect(r.tested && r.statistic).toBeCloseTo(4, 10);
    expect(r.tested && r.df).toBe(1);
    expect(r.tested && r.pValue).toBeCloseTo(0.0455, 4);
    // 2 × 3: rows (10, 20, 30) and (20, 20, 20); N = 120, expected (15, 20, 25) twice:
    // χ² = 2 × (25/15 + 0 + 25/25) = 5.333, df 2, p = e^(−χ²/2) = 0.0695.
    const r3 = chiSquareHomogeneity([10, 20, 30, 0], [20, 20, 20, 0]);
    expect(r3.tested && r3.statistic).toBeCloseTo(16 / 3, 10);
    expect(r3.tested && r3.df).toBe(2); // the empty fourth direction is dropped
    expect(r3.tested && r3.pValue).toBeCloseTo(Math.exp(-8 / 3), 6);
  });

  it("does not test what the approximation cannot carry", () => {
    expect(chiSquareHomogeneity([3, 0], [0, 0])).toEqual({ tested: false, reason: "no_data" });
    expect(chiSquareHomogeneity([3, 0], [7, 0])).toEqual({ tested: false, reason: "one_category" });
    expect(chiSquareHomogeneity([2, 1], [1, 2])).toEqual({ tested: false, reason: "too_few" });
  });

  it("adjusts p-values with Holm's step-down procedure", () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 → monotone 0.02, 0.03, 0.06, 0.06.
    const adjusted = holmAdjust([0.01, 0.04, null, 0.03, 0.005]);
    expect(adjusted[0]).toBeCloseTo(0.03, 12);
    expect(adjusted[1]).toBeCloseTo(0.06, 12);
    expect(adjusted[2]).toBeNull();
    expect(adjusted[3]).toBeCloseTo(0.06, 12);
    expect(adjusted[4]).toBeCloseTo(0.02, 12);
  });
});

describe("narrative", () => {
  it("keeps no script, tag or control character, and reads as headings, paragraphs and lists", () => {
    const text = sanitizeNarrative('# Đánh giá\r\nNhân dân <b>đồng tình</b>.<script>alert("x")</script>\u0007\n\n- Một\n- Hai <img src=x onerror=alert(1)>');
    expect(text).not.toMatch(/<|script|onerror/i);
    expect(narrativeBlocks(text)).toEqual([
      { kind: "heading", text: "Đánh giá" },
      { kind: "paragraph", text: "Nhân dân đồng tình." },
      { kind: "list", items: ["Một", "Hai"] },
    ]);
  });
});

/** A quarter (January–March 2026) of random items in the reporting world, with a previous quarter. */
async function randomWorld(seed = 7, count = 300) {
  const w = await reportingWorld();
  const jan = await addPeriod(2026, 1, "closed");
  const dec = await addPeriod(2025, 12, "closed");
  const topics = await db.topic.findMany({ orderBy: { sortOrder: "asc" } });
  const areas = [w.province.id, w.a.id, w.hamlet.id, w.b.id];
  const rand = seededRandom(seed);
  const items = (n: number): BulkItem[] => randomItems(rand, n, { topicIds: topics.map((t) => t.id), areaIds: areas, urgentOneIn: 10 });
  const report = (uuid: string, period: { id: number; quarterKey: number }, collaboratorId: number, unitId: number, list: BulkItem[]) => ({
    clientUuid: uuid, period, collaboratorId, unitId, submittedAt: new Date(), timeliness: "on_time" as const, items: list,
  });
  await bulkInsertReports(db, [
    report("m-a", w.period, w.collaborator.id, w.a.id, items(count)),
    report("j-b", jan, w.other.id, w.b.id, items(Math.floor(count / 3))),
    report("d-a", dec, w.collaborator.id, w.a.id, items(Math.floor(count / 2))),
  ]);
  return { ...w, topics };
}

describe("compiling a quarter", () => {
  it("equals a GROUP BY over the raw rows on random data", async () => {
    const w = await randomWorld();
    const compiled = await compileQuarter(w.secretariat, w.province.id, Q1);
    const raw = await db.opinionItem.findMany({ where: { quarterKey: Q1 }, select: { id: true, topicId: true, direction: true, prevalence: true, strength: true, areaUnitId: true, urgent: true } });
    expect(compiled.flows.total).toBe(raw.length);
    for (const row of compiled.flows.byTopic) {
      const mine = raw.filter((r) => r.topicId === row.topic.id);
      for (const d of DIRECTIONS) expect(row.byDirection[d]).toBe(mine.filter((r) => r.direction === d).length);
      expect(row.weight).toBe(mine.reduce((s, r) => s + itemWeight(r.prevalence, r.strength), 0));
    }
    expect(compiled.flows.byTopic.map((r) => r.weight)).toEqual([...compiled.flows.byTopic.map((r) => r.weight)].sort((a, b) => b - a));
    // Commune A's row counts its own and its hamlet's items.
    const rowA = compiled.flows.byUnit.find((r) => r.unit.id === w.a.id)!;
    expect(rowA.total).toBe(raw.filter((r) => r.areaUnitId === w.a.id || r.areaUnitId === w.hamlet.id).length);
    expect(compiled.flows.urgentCount).toBe(raw.filter((r) => r.urgent).length);
    expect(compiled.provenance.itemCount).toBe(raw.length);
    // The previous quarter (December 2025) is compared, topic by topic.
    expect(compiled.change.previous.available).toBe(true);
    const prev = await db.opinionItem.findMany({ where: { quarterKey: 20254 }, select: { topicId: true, direction: true } });
    for (const row of compiled.change.previous.rows) {
      for (const d of DIRECTIONS) expect(row.then[d]).toBe(prev.filter((r) => r.topicId === row.topic.id && r.direction === d).length);
      if (!row.significant) expect(row.flag).toBeNull();
    }
    expect(compiled.change.lastYear.available).toBe(false);
    // Commune B's viewer sees only B: same GROUP BY restricted to B.
    const scoped = await compileQuarter(w.official(w.b), w.b.id, Q1);
    expect(scoped.flows.total).toBe(raw.filter((r) => r.areaUnitId === w.b.id).length);
  });

  it("compiles an empty quarter to an honest empty report", async () => {
    const w = await reportingWorld();
    await addPeriod(2026, 6, "closed");
    const compiled = await compileQuarter(w.secretariat, w.province.id, 20262);
    expect(compiled.flows).toMatchObject({ total: 0, byTopic: [], byUnit: [], urgentCount: 0, urgent: [] });
    expect(compiled.proposals.totals).toEqual({ forwarded: 0, answered: 0, answeredLate: 0, overdue: 0 });
    expect(compiled.change.previous.rows).toEqual([]);
    expect(compiled.empty).toBe(true);
  });

  it("names the units where nobody reported", async () => {
    const w = await reportingWorld();
    const compiled = await compileQuarter(w.secretariat, w.province.id, Q1);
    expect(compiled.network.reports).toEqual({ expected: 2, onTime: 0, late: 0, missing: 2 });
    expect(compiled.network.unitsNotReporting.map((u) => u.code).sort()).toEqual(["T.A", "T.B"]);
  });

  it("answers 404 for a scope outside the viewer's subtree", async () => {
    const w = await reportingWorld();
    expect(thrownStatus(await catchError(compileQuarter(w.official(w.b), w.a.id, Q1)))).toBe(404);
    expect(thrownStatus(await catchError(compileQuarter(w.official(w.b), w.province.id, Q1)))).toBe(404);
  });
});

describe("the snapshot", () => {
  it("has a checksum that does not depend on key order and catches tampering", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    const document = { kind: "du-luan/quarterly-report", schemaVersion: 1, report: { id: 1 } } as unknown as SnapshotDocument;
    const sealed = sealSnapshot(document);
    expect(sealed.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(sealSnapshot(JSON.parse(sealed.snapshot) as SnapshotDocument)).toEqual(sealed);
    expect(openSnapshot(sealed.snapshot, sealed.checksum).intact).toBe(true);
    expect(openSnapshot(sealed.snapshot.replace('"id":1', '"id":2'), sealed.checksum).intact).toBe(false);
  });

  it("lists differences figure by figure", async () => {
    const w = await randomWorld(3, 60);
    const before = await compileQuarter(w.secretariat, w.province.id, Q1);
    expect(diffFigures(before, before)).toEqual([]);
    const after = structuredClone(before);
    after.flows.byTopic[0]!.byDirection.oppose += 2;
    after.proposals.totals.overdue = 1;
    const diff = diffFigures(before, after);
    expect(diff).toEqual([
      expect.objectContaining({ key: `flows.topic.${before.flows.byTopic[0]!.topic.code}.oppose`, published: before.flows.byTopic[0]!.byDirection.oppose, live: before.flows.byTopic[0]!.byDirection.oppose + 2 }),
      expect.objectContaining({ key: "proposals.overdue", published: 0, live: 1 }),
    ]);
  });
});

describe("publishing", () => {
  it("publishes once when two publications race, then version 2 on republishing, version 1 kept", async () => {
    const w = await randomWorld(11, 40);
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    // The same quarter and scope again is the same report.
    expect(await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id })).toEqual(report);
    await saveNarrative(w.secretariat, report.id, { intent: "narrative", assessment: "Tình hình <script>x()</script>ổn định.", forecast: "", recommendations: "", nextTasks: "" });
    const results = await Promise.allSettled([publishQuarterlyReport(w.secretariat, report.id, 0), publishQuarterlyReport(w.secretariat, report.id, 0)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(thrownStatus(rejected.reason)).toBe(409);
    expect(await db.quarterlyReportVersion.count({ where: { reportId: report.id } })).toBe(1);

    // An official reads the published version; nothing changed yet.
    const read = await readQuarterlyReport(w.official(w.province), report.id);
    expect(read.published).toMatchObject({ version: 1, intact: true, latest: true });
    expect(read.narrative.assessment).toBe("Tình hình ổn định.");
    expect(read).not.toHaveProperty("differences"); // opening reads the snapshot only
    const diff = (r: { figures: Awaited<ReturnType<typeof readQuarterlyReport>>["figures"] }) => differencesSincePublication(w.official(w.province), r.figures);
    expect(await diff(read)).toEqual([]);

    // A late item changes the live figures, not the snapshot.
    const topic = w.topics[0]!;
    await bulkInsertReports(db, [{ clientUuid: "late", period: w.period, collaboratorId: w.other.id, unitId: w.b.id, submittedAt: new Date(), timeliness: "late", items: [{ topicId: topic.id, areaUnitId: w.b.id, direction: "oppose", strength: "strong", prevalence: "many", channel: "press", verified: true, title: "t", summary: "s" }] }]);
    const changed = await readQuarterlyReport(w.official(w.province), report.id);
    expect(changed.figures).toEqual(read.figures);
    expect((await diff(changed)).map((d) => d.key)).toEqual(expect.arrayContaining(["flows.total", `flows.topic.${topic.code}.oppose`, "provenance.items"]));

    const v2 = await publishQuarterlyReport(w.secretariat, report.id, 1);
    expect(v2.version).toBe(2);
    expect(await diff(await readQuarterlyReport(w.secretariat, report.id))).toEqual([]);
    const v1 = await readQuarterlyReport(w.secretariat, report.id, 1);
    expect(v1.published).toMatchObject({ version: 1, latest: false });
    expect(v1.figures).toEqual(read.figures);
    expect((await diff(v1)).length).toBeGreaterThan(0);
  });

  it("hides drafts from officials and foreign reports from everyone (404)", async () => {
    const w = await reportingWorld();
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    expect(thrownStatus(await catchError(readQuarterlyReport(w.official(w.province), report.id)))).toBe(404);
    await publishQuarterlyReport(w.secretariat, report.id, 0);
    expect((await readQuarterlyReport(w.official(w.province), report.id)).published?.version).toBe(1);
    expect(thrownStatus(await catchError(readQuarterlyReport(w.official(w.b), report.id)))).toBe(404);
    await expect(createQuarterlyReport(w.official(w.b), { intent: "create", quarter: Q1, unit: w.a.id })).rejects.toMatchObject({ field: "unit" });
  });
});

describe("follow-up tasks (section 6)", () => {
  const form = { intent: "task", task: "Rà soát giá dịch vụ y tế", unit: "1", dueOn: "30/09/2026", status: "in_progress", note: "" };

  it("validates the form: dd/MM/yyyy, a known status, personal data refused unless confirmed", () => {
    const ok = followUpTaskSchema.safeParse(form);
    expect(ok.success && ok.data).toMatchObject({ dueOn: new Date("2026-09-30T00:00:00.000Z"), status: "in_progress", note: null, confirmNoPersonalData: false });
    const bad = followUpTaskSchema.safeParse({ ...form, dueOn: "31/02/2026", status: "later", task: "" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["dueOn", "status", "task"]));
    const phone = followUpTaskSchema.safeParse({ ...form, note: "Liên hệ số 0912345678 để biết thêm" });
    expect(phone.success ? [] : phone.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["note", PERSONAL_DATA_REFUSED]]);
    expect(followUpTaskSchema.safeParse({ ...form, note: "Liên hệ số 0912345678 để biết thêm", confirmNoPersonalData: true }).success).toBe(true);
  });

  it("adds and edits tasks of the viewer's subtree, freezes them into the snapshot, shows later edits as differences", async () => {
    const w = await randomWorld(5, 20);
    const report = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    const parse = (v: Record<string, unknown>) => followUpTaskSchema.parse({ ...form, ...v });
    const added = await saveFollowUpTask(w.secretariat, report.id, parse({ unit: String(w.b.id) }));
    await saveFollowUpTask(w.secretariat, report.id, parse({ task: "Tuyên truyền chính sách đất đai", unit: String(w.a.id), dueOn: "15/08/2026", status: "pending" }));
    const draft = await readQuarterlyReport(w.secretariat, report.id);
    expect(draft.figures.followUp.map((t) => [t.task, t.responsibleUnit.code, t.dueOn, t.status])).toEqual([
      ["Tuyên truyền chính sách đất đai", w.a.code, "2026-08-15", "pending"],
      ["Rà soát giá dịch vụ y tế", w.b.code, "2026-09-30", "in_progress"],
    ]);
    expect(await db.auditEntry.count({ where: { action: "quarterly.task.create" } })).toBe(2);

    await publishQuarterlyReport(w.secretariat, report.id, 0);
    await saveFollowUpTask(w.secretariat, report.id, parse({ taskId: String(added.id), unit: String(w.b.id), status: "done", note: "Đã xong" }));
    const published = await readQuarterlyReport(w.official(w.province), report.id);
    // The snapshot keeps the task as published; the editor (compilers) and the differences see the edit.
    expect(published.figures.followUp.find((t) => t.id === added.id)).toMatchObject({ status: "in_progress", note: null });
    expect((await readQuarterlyReport(w.secretariat, report.id)).tasks.find((t) => t.id === added.id)).toMatchObject({ status: "done", note: "Đã xong" });
    const diff = await differencesSincePublication(w.official(w.province), published.figures);
    expect(diff.filter((d) => d.section === "followUp").map((d) => [d.key, d.published, d.live])).toEqual([
      ["followUp.status.in_progress", 1, 0],
      ["followUp.status.done", 0, 1],
    ]);
  });

  it("refuses a unit outside the viewer's subtree and a task of another report", async () => {
    const w = await randomWorld(5, 20);
    const atB = viewerAt(w.b, "secretariat", w.secretariat.id);
    const mine = await createQuarterlyReport(atB, { intent: "create", quarter: Q1, unit: w.b.id });
    const error = await catchError(saveFollowUpTask(atB, mine.id, followUpTaskSchema.parse({ ...form, unit: String(w.a.id) })));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe("unit");
    const province = await createQuarterlyReport(w.secretariat, { intent: "create", quarter: Q1, unit: w.province.id });
    const theirs = await saveFollowUpTask(w.secretariat, province.id, followUpTaskSchema.parse({ ...form, unit: String(w.b.id) }));
    // Editing the province report's task through the commune's report: not found, nothing written.
    expect(thrownStatus(await catchError(saveFollowUpTask(atB, mine.id, followUpTaskSchema.parse({ ...form, taskId: String(theirs.id), unit: String(w.b.id), status: "done" }))))).toBe(404);
    expect((await db.followUpTask.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("in_progress");
  });
});

describe("surveys closed in the quarter (section 4)", () => {
  it("equals a GROUP BY over the raw answers, with Wilson intervals, the previous wave and small cells suppressed", async () => {
    const w = await publishedSurvey();
    // The previous wave of the same series, same question codes.
    const prev = await db.survey.create({
      data: { code: "KS0", seriesCode: "KS", title: w.survey.title, period: "2025-Q4", status: "published", definition: w.survey.definition, opensOn: day("2020-01-01"), closesOn: day("2099-12-31"), createdById: w.secretary.id, versions: { create: { version: 1, definition: w.survey.definition } }, targets: { create: [{ unitId: w.x1.id, quota: 10 }] } },
    });
    const answers = ["Q1_1", "Q1_1", "Q1_2", "Q1_3", "Q1_1", "Q1_2", "Q1_1"];
    for (const [i, a] of answers.entries()) await storeSubmission(i % 3 === 2 ? w.ctv2 : w.ctv1, body(w.survey.id, { Q1: a, ...(a === "Q1_3" ? { Q3: "đường hỏng" } : {}), Q4: 5 }));
    for (const a of ["Q1_2", "Q1_2", "Q1_1", "Q1_2", "Q1_2"]) await storeSubmission(w.ctv1, body(prev.id, { Q1: a, Q4: 5 }));
    // Close both waves: this one in Q1/2026, the previous one in Q4/2025 (not listed in Q1).
    await db.survey.update({ where: { id: w.survey.id }, data: { closesOn: day("2026-03-20"), previousWaveId: prev.id } });
    await db.survey.update({ where: { id: prev.id }, data: { closesOn: day("2025-12-20") } });

    const compiled = await compileQuarter(w.secretary, w.province.id, Q1);
    expect(compiled.surveys.map((s) => s.survey.code)).toEqual(["KS1"]);
    const [sv] = compiled.surveys;
    const raw = async (surveyId: number) => {
      const rows = await db.$queryRaw<{ option: string; count: bigint | number }[]>`
        SELECT a."option", COUNT(*) AS "count" FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
        WHERE r."surveyId" = ${surveyId} AND r."status" IN ('submitted', 'accepted') AND a."question" = 'Q1' GROUP BY a."option"`;
      return new Map(rows.map((r) => [r.option, Number(r.count)]));
    };
    const now = await raw(w.survey.id);
    const before = await raw(prev.id);
    const n = [...now.values()].reduce((s, c) => s + c, 0);
    const nBefore = [...before.values()].reduce((s, c) => s + c, 0);
    const responses = await db.surveyResponse.count({ where: { surveyId: w.survey.id, status: { in: ["submitted", "accepted"] } } });
    expect(sv).toMatchObject({ issued: 30, valid: responses, rate: responses / 30, suppressed: false, previousWave: { code: "KS0" } });
    expect(sv!.questions.map((q) => q.code)).toEqual(["Q1"]); // the single-choice questions only
    const q1 = sv!.questions[0]!;
    expect(q1.n).toBe(n);
    for (const o of q1.options!) {
      const count = now.get(o.code) ?? 0;
      expect([o.code, o.count, o.share]).toEqual([o.code, count, count / n]);
      expect(o.ci).toEqual(wilson(count, n));
      expect(o.previousShare).toBeCloseTo((before.get(o.code) ?? 0) / nBefore, 12);
    }
    // A commune with fewer than 5 valid forms: no results, as on the results page.
    const small = await compileQuarter(w.secretary, w.x2.id, Q1);
    expect(small.surveys[0]).toMatchObject({ valid: 2, suppressed: true, questions: [] });
    // Another quarter, or a scope the survey does not target: no survey.
    expect((await compileQuarter(w.secretary, w.province.id, 20262)).surveys).toEqual([]);
    expect((await compileQuarter(w.secretary, w.other.id, Q1)).surveys).toEqual([]);
  });
});
