/**
 * The quarterly report's 8-quarter trend, frozen into the snapshot with the other
 * figures (decision 0026): for every topic raised in the 8 quarters ending with the report's, the
 * items by direction and n per quarter — the same topic × direction counts the flows and the
 * comparisons use, one GROUP BY per quarter, shared within a compilation — and for every
 * single-choice question of the surveys closed in the quarter, its option counts in each earlier
 * wave of the series (previousWaveId) closed within those quarters, matched by question and
 * option codes, from the survey tallies.
 */
import type { Db, Tx } from "~/db/db.server";
import { calendarQuarter, quarterRange } from "~/periods/period-math";
import { storedDefinitionSchema, type SurveyDefinition } from "~/surveys/definition";
import type { CountRow } from "~/surveys/results.server";
import { MIN_CELL } from "~/surveys/stats";
import type { ClosedSurvey, QuarterCounts, TopicRef, WaveCounts } from "./compile.server";
import { byDirectionOf, total } from "./directions";

export const TREND_QUARTERS = 8;

type Input = {
  quarterKey: number;
  topics: TopicRef[];
  /** Topic ids in the report quarter's rank order: they lead the list (the first is the default). */
  ranked: number[];
  counts: QuarterCounts;
  surveys: ClosedSurvey[];
  /** A wave's counts in the scope (section 4 asked the latest two already: shared). */
  answers: WaveCounts;
  client: Db | Tx;
};

export async function trendSection({ quarterKey, topics, ranked, counts, surveys, answers, client }: Input) {
  const keys = quarterRange(quarterKey, TREND_QUARTERS);
  // A quarter before the first reporting period has no data ("—"), which is not zero items.
  const withPeriods = new Set(
    (await client.reportingPeriod.findMany({ where: { quarterKey: { in: keys } }, distinct: ["quarterKey"], select: { quarterKey: true } })).map((p) => p.quarterKey),
  );
  // Asked together: outside a transaction the quarters are read side by side on the read pool.
  const perQuarter = await Promise.all(keys.map((key) => (withPeriods.has(key) ? counts(key) : [])));
  const quarters = keys.map((key, i) => ({ quarterKey: key, available: withPeriods.has(key), n: perQuarter[i]!.reduce((s, c) => s + c.count, 0) }));

  const raised = new Set(perQuarter.flat().map((c) => c.topicId));
  const order = [...ranked, ...topics.map((t) => t.id).filter((id) => !ranked.includes(id))].filter((id) => raised.has(id));
  const byId = new Map(topics.map((t) => [t.id, t]));
  const topicRows = order.flatMap((id) => {
    const topic = byId.get(id);
    if (!topic) return [];
    const points = keys.map((key, i) => {
      const byDirection = byDirectionOf(perQuarter[i]!.filter((c) => c.topicId === id));
      return { quarterKey: key, n: total(byDirection), byDirection };
    });
    return [{ topic, points }];
  });

  return { quarters, topics: topicRows, surveys: await surveyTrends(surveys, calendarQuarter(keys[0]!).from, answers, client) };
}

type Wave = { id: number; code: string; period: string; closesOn: Date; definition: SurveyDefinition };

/**
 * The waves of `survey`'s series closed since `from`, oldest first, following previousWaveId: the
 * candidates (published waves closed in the window, up to this one) in one query, the chain
 * followed here, then the chain's definitions in one more.
 */
async function wavesSince(survey: ClosedSurvey, from: Date, client: Db | Tx): Promise<Wave[]> {
  const candidates = await client.survey.findMany({
    where: { status: { not: "draft" }, closesOn: { gte: from, lte: survey.closesOn } },
    select: { id: true, code: true, period: true, closesOn: true, previousWaveId: true },
  });
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const chain: typeof candidates = [];
  const seen = new Set([survey.id]);
  let later = survey.closesOn;
  // Stop at a wave outside the candidates (a draft, undated, closed before the window), one that
  // closed after the wave it precedes (not an earlier wave), or a loop in the chain.
  for (let id = survey.previousWaveId; id !== null && chain.length < TREND_QUARTERS - 1; ) {
    const wave = byId.get(id);
    if (!wave || seen.has(wave.id) || wave.closesOn! > later) break;
    chain.push(wave);
    seen.add(wave.id);
    later = wave.closesOn!;
    id = wave.previousWaveId;
  }
  const definitions = new Map(
    (await client.survey.findMany({ where: { id: { in: chain.map((w) => w.id) } }, select: { id: true, definition: true } })).map((d) => [d.id, storedDefinitionSchema.parse(JSON.parse(d.definition))]),
  );
  const earlier = chain.map((w) => ({ id: w.id, code: w.code, period: w.period, closesOn: w.closesOn!, definition: definitions.get(w.id)! }));
  return [...earlier.reverse(), { id: survey.id, code: survey.code, period: survey.period, closesOn: survey.closesOn, definition: survey.definition }];
}

/**
 * Per survey with at least one earlier wave in the window, each single-choice question (of the
 * latest wave) asked in two waves or more: n and the option counts per wave. A wave that did not
 * ask the question (no single-choice question with its code) has n null; an option code the wave
 * did not offer is absent from its counts; fewer than MIN_CELL answers show no counts (as section 4).
 */
async function surveyTrends(surveys: ClosedSurvey[], from: Date, answers: WaveCounts, client: Db | Tx) {
  const out = [];
  for (const survey of surveys) {
    const waves = await wavesSince(survey, from, client);
    if (waves.length < 2) continue;
    const single = survey.singleChoice.map((q) => q.code);
    const counted: CountRow[][] = await Promise.all(waves.map((wave) => answers(wave.id, single)));
    const questions = survey.definition.questions
      .filter((q) => q.type === "single")
      .map((q) => {
        const options = (q.options ?? []).map((o) => ({ code: o.code, label: o.label }));
        const points = waves.map((wave, i) => {
          const label = { code: wave.code, period: wave.period, closesOn: wave.closesOn.toISOString().slice(0, 10) };
          const asked = wave.definition.questions.find((w) => w.code === q.code && w.type === "single");
          if (!asked) return { wave: label, n: null, counts: null };
          const rows = counted[i]!.filter((r) => r.question === q.code);
          const n = rows.find((r) => r.option === "")?.count ?? 0;
          const offered = new Set((asked.options ?? []).map((o) => o.code));
          const counts = Object.fromEntries(options.filter((o) => offered.has(o.code)).map((o) => [o.code, rows.find((r) => r.option === o.code)?.count ?? 0]));
          return { wave: label, n, counts: n < MIN_CELL ? null : counts };
        });
        return { code: q.code, title: q.title, options, points };
      })
      .filter((q) => q.points.filter((p) => p.n !== null).length >= 2);
    if (questions.length > 0) out.push({ survey: { code: survey.code, title: survey.title }, questions });
  }
  return out;
}
