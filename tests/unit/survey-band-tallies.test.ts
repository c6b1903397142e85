// The band tallies (SurveyBandTally) and every results path that reads them or the scope's answer
// rows, against plain GROUP BYs over the raw rows, on random questionnaires sent, returned,
// resubmitted with other bands and accepted through the app's own write paths.
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/db.server";
import { BANDS, BAND_NAMES, type BandName } from "~/surveys/definition";
import { countAnswers, countQuestionnaires, crossTab, surveyResults, type CountRow, type CrossRow, type Scope } from "~/surveys/results.server";
import { listResponses, reviewResponse } from "~/surveys/review.server";
import { storeSubmission } from "~/surveys/storage.server";
import { seededRandom } from "../../prisma/seed/random";
import { listQuestions } from "~/surveys/question-types";
import { body, publishedSurvey, SAMPLE, uuid } from "./surveys-fixtures";

type Random = ReturnType<typeof seededRandom>;

function randomBands(random: Random) {
  return Object.fromEntries(BAND_NAMES.map((b) => [b, random.pick(BANDS[b])])) as Record<BandName, string>;
}

/** Answers valid for the sample survey (SAMPLE, tests/fixtures/survey-definitions.ts), optional questions sometimes left out. */
function randomAnswers(random: Random) {
  const answers: Record<string, unknown> = { Q1: random.pick(["Q1_1", "Q1_2", "Q1_3"]), Q4: random.int(0, 10) };
  if (answers.Q1 === "Q1_3") answers.Q3 = random.pick(["giá cao", "thiếu việc làm", "ô nhiễm"]);
  if (random.chance(0.7)) answers.Q2 = random.chance(0.5) ? [random.pick(["Q2_1", "Q2_2", "Q2_3"])] : ["Q2_1", random.pick(["Q2_2", "Q2_3"])];
  if (random.chance(0.8)) answers.Q5 = random.int(1, 9);
  if (random.chance(0.6)) answers.Q6 = { Q6_A: random.pick(["K", "TB", "T"]), Q6_B: random.pick(["K", "TB", "T"]) };
  return answers;
}

/** A world of `count` questionnaires in two communes, about a fifth returned (half of those resubmitted), some accepted. */
async function randomWorld(seed: number, count: number) {
  const random = seededRandom(seed);
  const world = await publishedSurvey();
  const { survey, ctv1, ctv2, secretary } = world;
  for (let i = 0; i < count; i++) {
    const ctv = random.chance(0.6) ? ctv1 : ctv2;
    const id = uuid();
    const { responseId } = await storeSubmission(ctv, body(survey.id, randomAnswers(random), id, { bands: randomBands(random) }));
    const fate = random.next();
    if (fate < 0.2) {
      await reviewResponse(secretary, responseId, { intent: "return", comment: "Chưa rõ" });
      if (random.chance(0.5)) {
        await storeSubmission(ctv, body(survey.id, randomAnswers(random), id, { revision: 2, bands: randomBands(random) }));
        if (random.chance(0.5)) await reviewResponse(secretary, responseId, { intent: "accept" });
      }
    } else if (fate < 0.5) await reviewResponse(secretary, responseId, { intent: "accept" });
  }
  return world;
}

const key = (r: { question: string; option: string }) => `${r.question}\u0000${r.option}`;
const byKey = (rows: CountRow[]) => new Map(rows.filter((r) => r.count > 0).map((r) => [key(r), { count: r.count, numSum: r.numSum }]));

/** `AND r."band" = 'value'` for a filter, values from the fixed band lists only. */
function bandSql(bands: Scope["bands"]) {
  return BAND_NAMES.filter((b) => bands[b]).map((b) => `AND r."${b}" = '${bands[b]}'`).join(" ");
}

/** The oracle: question × option counts (option "" = n) by a GROUP BY over the counted answer rows. */
async function groupByCounts(surveyId: number, unitIds: readonly number[], bands: Scope["bands"]): Promise<CountRow[]> {
  const where = `r."surveyId" = ${surveyId} AND r."status" IN ('submitted', 'accepted') AND r."unitId" IN (${unitIds.join(",")}) ${bandSql(bands)}`;
  const rows = await db.$queryRawUnsafe<CountRow[]>(`
    SELECT a."question", a."option", COUNT(*) AS "count", COALESCE(SUM(a."num"), 0) AS "numSum"
    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE ${where}
    GROUP BY a."question", a."option"
    UNION ALL
    SELECT "question", '', COUNT(*), SUM(CASE WHEN "k" = 1 THEN "num" ELSE 0 END) FROM (
      SELECT a."question", COUNT(*) AS "k", COALESCE(MAX(a."num"), 0) AS "num"
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE ${where} AND a."option" <> ''
      GROUP BY a."responseId", a."question") q
    GROUP BY "question"`);
  return rows.map((r) => ({ question: r.question, option: r.option, count: Number(r.count), numSum: Number(r.numSum) }));
}

async function groupByQuestionnaires(surveyId: number, unitIds: readonly number[], bands: Scope["bands"]) {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`
    SELECT COUNT(*) AS "n" FROM "SurveyResponse" r
    WHERE r."surveyId" = ${surveyId} AND r."status" IN ('submitted', 'accepted') AND r."unitId" IN (${unitIds.join(",")}) ${bandSql(bands)}`);
  return Number(row!.n);
}

/** Every single band value, and some random pairs and triples of them. */
function filters(random: Random): Scope["bands"][] {
  const out: Scope["bands"][] = [{}];
  for (const b of BAND_NAMES) for (const v of BANDS[b]) out.push({ [b]: v });
  for (let i = 0; i < 12; i++) {
    const names = BAND_NAMES.filter(() => random.chance(0.6));
    out.push(Object.fromEntries(names.map((b) => [b, random.pick(BANDS[b])])));
  }
  return out;
}

describe("band tallies", { timeout: 120_000 }, () => {
  let world: Awaited<ReturnType<typeof randomWorld>>;
  // Sixty questionnaires through the real write paths: seconds on a loaded machine.
  beforeEach(async () => {
    world = await randomWorld(31, 60);
  }, 120_000);

  it("equal a GROUP BY over the raw rows (the migration's backfill) after submissions, returns, resubmissions and acceptances", async () => {
    const read = async () =>
      (
        await db.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT * FROM "SurveyBandTally" WHERE "count" <> 0 ORDER BY "surveyId", "question", "option", "value", "ageBand", "gender", "occupation", "area"`,
        )
      ).map((r) => ({ ...r, count: Number(r.count), numSum: Number(r.numSum), value: Number(r.value) }));
    const kept = await read();
    expect(kept.length).toBeGreaterThan(100);
    expect(await db.surveyResponse.count({ where: { status: "returned" } })).toBeGreaterThan(0);
    // The migration's backfill statement, run again over the same rows.
    const migration = fs.readdirSync("prisma/migrations").find((d) => d.endsWith("_survey_band_tallies"))!;
    const sql = fs.readFileSync(`prisma/migrations/${migration}/migration.sql`, "utf8");
    const backfill = sql.slice(sql.indexOf('INSERT INTO "SurveyBandTally"'));
    await db.$executeRawUnsafe(`DELETE FROM "SurveyBandTally"`);
    await db.$executeRawUnsafe(backfill);
    expect(await read()).toEqual(kept);
  });

  it("give the province's filtered counts, questionnaires and distributions; a commune's come from its answer rows, equal too", async () => {
    const { survey, province, x1, x2, secretary } = world;
    const random = seededRandom(5);
    for (const bands of filters(random)) {
      for (const [path, unitIds] of [[province.path, [x1.id, x2.id]], [x1.path, [x1.id]]] as const) {
        const scope = { path, bands };
        const label = `${path} ${JSON.stringify(bands)}`;
        const expected = byKey(await groupByCounts(survey.id, unitIds, bands));
        expect(byKey(await countAnswers(survey.id, scope)), label).toEqual(expected);
        // Knowing which questions are answered with lists, a commune counts in one pass: the same figures.
        expect(byKey(await countAnswers(survey.id, scope, undefined, undefined, listQuestions(SAMPLE))), label).toEqual(expected);
        expect(await countQuestionnaires(survey.id, scope), label).toBe(await groupByQuestionnaires(survey.id, unitIds, bands));
      }
    }
    // Number distributions (Q5), province and commune, filtered.
    for (const bands of [{}, { gender: "female" }, { area: "rural", ageBand: "60+" }]) {
      for (const [viewer, unitIds] of [[secretary, [x1.id, x2.id]], [{ ...secretary, unitPath: x1.path }, [x1.id]]] as const) {
        const expected = await db.$queryRawUnsafe<{ value: number; count: bigint }[]>(`
          SELECT a."num" AS "value", COUNT(*) AS "count" FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r."id" = a."responseId"
          WHERE r."surveyId" = ${survey.id} AND r."status" IN ('submitted', 'accepted') AND r."unitId" IN (${unitIds.join(",")})
            AND a."question" = 'Q5' ${bandSql(bands)}
          GROUP BY a."num" ORDER BY a."num"`);
        const results = await surveyResults(viewer, survey.id, { bands });
        const q5 = results.questions.find((q) => q.code === "Q5");
        // A filter that leaves fewer than 5 questionnaires shows nothing (suppression).
        if (results.suppressed) continue;
        expect(q5!.numbers, JSON.stringify(bands)).toEqual(expected.map((r) => ({ value: Number(r.value), count: Number(r.count) })));
      }
    }
  });

  it("give cross-tabs by band and by unit equal to a GROUP BY, filtered or not, province or commune", async () => {
    const { survey, province, x1, x2 } = world;
    const units = new Map([[x1.id, "P.X1"], [x2.id, "P.X2"]]);
    const random = seededRandom(9);
    for (const bands of filters(random).slice(0, 12)) {
      for (const by of ["unit", "ageBand", "gender", "area"] as const) {
        for (const question of ["Q1", "Q2", "Q6_A"]) {
          for (const [path, unitIds] of [[province.path, [x1.id, x2.id]], [x1.path, [x1.id]]] as const) {
            const expected = new Map<string, number>();
            for (const unitId of unitIds) {
              for (const value of by === "unit" ? [null] : BANDS[by]) {
                const cellBands = by === "unit" ? bands : { ...bands, [by]: value };
                if (by !== "unit" && bands[by] && bands[by] !== value) continue;
                for (const r of await groupByCounts(survey.id, [unitId], cellBands)) {
                  if (r.question !== question || r.count === 0) continue;
                  const k = `${by === "unit" ? units.get(unitId) : value}\u0000${r.option}`;
                  expected.set(k, (expected.get(k) ?? 0) + r.count);
                }
              }
            }
            const label = `${question} by ${by} at ${path} ${JSON.stringify(bands)}`;
            const cells = (rows: CrossRow[]) => new Map(rows.map((r) => [`${r.key}\u0000${r.option}`, r.count]));
            expect(cells(await crossTab(survey.id, question, by, { path, bands })), label).toEqual(expected);
            // Told whether the question is a list answer (Q2, multiple choice), the one-pass count agrees.
            expect(cells(await crossTab(survey.id, question, by, { path, bands }, question === "Q2")), label).toEqual(expected);
          }
        }
      }
    }
  });

  it("give the review list its totals (from the unit tallies) equal to COUNTs, and its keyset pages every questionnaire once", async () => {
    const { survey, secretary, x1 } = world;
    for (const status of ["", "submitted", "accepted", "returned"]) {
      for (const unitCode of ["", "P.X1"]) {
        const where = { surveyId: survey.id, ...(status ? { status } : {}), ...(unitCode ? { unitId: x1.id } : {}) };
        const ids = (await db.surveyResponse.findMany({ where, orderBy: { id: "desc" }, select: { id: true } })).map((r) => r.id);
        const seen: number[] = [];
        let older: number | undefined;
        let first = await listResponses(secretary, survey.id, { status, unitCode });
        expect(first.total, `${status} ${unitCode}`).toBe(ids.length);
        for (let page = first; ; page = await listResponses(secretary, survey.id, { status, unitCode, older })) {
          seen.push(...page.rows.map((r) => r.id));
          if (page.older === null) break;
          older = page.older;
        }
        expect(seen).toEqual(ids);
        // Back up from the second page: the first again.
        if (first.older !== null) {
          const second = await listResponses(secretary, survey.id, { status, unitCode, older: first.older });
          first = await listResponses(secretary, survey.id, { status, unitCode, newer: second.newer! });
          expect(first.rows.map((r) => r.id)).toEqual(ids.slice(0, 50));
          expect(first.newer).toBeNull();
        }
      }
    }
  });
});
