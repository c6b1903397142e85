/**
 * Demo surveys: two waves (Q3/2026 closed, Q4/2026 open) of the quarterly "living conditions and
 * satisfaction with local government" survey, same question codes, assigned to every commune and
 * ward with skewed answers (each unit has its own mood), stored through the app's own write path.
 */
import { db } from "~/db/db.server";
import { answersSchema, BANDS, type Answers, type SurveyDefinition } from "~/surveys/definition";
import { createPublishedSurvey, storeResponses, type NewResponse } from "~/surveys/storage.server";
import { seededRandom } from "./random";

const random = seededRandom(2026);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const LIKERT = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

export const DEMO_DEFINITION: SurveyDefinition = {
  title: "Đời sống nhân dân và mức độ hài lòng với chính quyền địa phương",
  description: "Phiếu xin ý kiến hằng quý. Người trả lời không ghi tên; thông tin chỉ dùng để tổng hợp.",
  questions: [
    { code: "Q1", type: "single", title: "So với quý trước, đời sống của gia đình ông/bà thế nào?", required: true, options: [
      { code: "Q1_1", label: "Tốt hơn" }, { code: "Q1_2", label: "Như cũ" }, { code: "Q1_3", label: "Khó khăn hơn" } ] },
    { code: "Q2", type: "shortText", title: "Khó khăn lớn nhất của gia đình là gì?", required: false,
      showIf: [{ question: "Q1", op: "equals", value: "Q1_3" }] },
    { code: "Q3", type: "multiple", title: "Những vấn đề ông/bà quan tâm nhất hiện nay (tối đa 3)", required: true, min: 1, max: 3, options: [
      { code: "Q3_1", label: "Giá cả, lạm phát" }, { code: "Q3_2", label: "Việc làm, thu nhập" }, { code: "Q3_3", label: "Y tế, khám chữa bệnh" },
      { code: "Q3_4", label: "Giáo dục" }, { code: "Q3_5", label: "Ô nhiễm môi trường" }, { code: "Q3_6", label: "Đất đai, bồi thường" },
      { code: "Q3_7", label: "An ninh trật tự" } ] },
    { code: "Q4", type: "likert", title: "Mức độ hài lòng với chính quyền cấp xã sau sắp xếp", required: true,
      options: LIKERT.map((label, i) => ({ code: `Q4_${i + 1}`, label })) },
    { code: "Q5", type: "rating", title: "Chấm điểm thái độ phục vụ tại Trung tâm phục vụ hành chính công (0–10)", required: true },
    { code: "Q6", type: "matrix", title: "Đánh giá chất lượng dịch vụ công", required: false,
      items: [{ code: "Q6_A", label: "Y tế cơ sở" }, { code: "Q6_B", label: "Trường học" }, { code: "Q6_C", label: "Điện, nước sạch" }],
      options: [{ code: "K", label: "Kém" }, { code: "TB", label: "Trung bình" }, { code: "T", label: "Tốt" }] },
    { code: "Q7", type: "number", title: "Số người trong hộ", required: false, min: 1, max: 20, integer: true },
  ],
};

/** Weighted pick: weights need not sum to 1. */
function weighted<T>(items: readonly T[], weights: number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random.next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r <= 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const HARDSHIPS = ["Giá phân bón tăng", "Thiếu việc làm cho con", "Chi phí khám bệnh cao", "Mất mùa do hạn", "Nợ vay ngân hàng"];

function answersFor(mood: number, wave: number): Answers {
  // mood in [-1, 1]; the second wave is slightly better on average.
  const m = Math.max(-1, Math.min(1, mood + (wave === 2 ? 0.15 : 0)));
  const q1 = weighted(["Q1_1", "Q1_2", "Q1_3"], [1.2 + m, 1.5, 0.9 - m * 0.7]);
  const issues = ["Q3_1", "Q3_2", "Q3_3", "Q3_4", "Q3_5", "Q3_6", "Q3_7"];
  const weights = [5, 4, 3, 1.5, 1 + (1 - m), 1.2, 0.8];
  const chosen = new Set<string>();
  const wanted = random.int(1, 3);
  while (chosen.size < wanted) chosen.add(weighted(issues, weights));
  const likert = weighted(["Q4_1", "Q4_2", "Q4_3", "Q4_4", "Q4_5"], [0.4, 0.9 - m * 0.4, 2, 2.4 + m, 1 + m]);
  const rating = Math.max(0, Math.min(10, Math.round(6.5 + m * 2 + (random.next() + random.next() - 1) * 3)));
  const a: Answers = { Q1: q1, Q3: [...chosen].sort(), Q4: likert, Q5: rating };
  if (q1 === "Q1_3" && random.next() < 0.6) a.Q2 = random.pick(HARDSHIPS);
  if (random.next() < 0.85) {
    const level = () => weighted(["K", "TB", "T"], [0.6 - m * 0.3, 1.4, 1.2 + m]);
    a.Q6 = { Q6_A: level(), Q6_B: level(), Q6_C: level() };
  }
  if (random.next() < 0.7) a.Q7 = weighted([1, 2, 3, 4, 5, 6, 7], [0.5, 1.5, 2.5, 3, 2, 1, 0.5]);
  return a;
}

type SeedUnit = { id: number; code: string };

/** Runs after the province's transaction: surveys in one transaction, answers through storeResponses. */
export async function seedSurveys(communes: SeedUnit[]) {
  const secretary = await db.account.findUniqueOrThrow({ where: { username: "thuky" }, select: { id: true } });
  const collaborators = await db.account.findMany({
    where: { role: "collaborator", unitId: { in: communes.map((c) => c.id) } },
    select: { id: true, unitId: true },
    orderBy: { id: "asc" },
  });
  const schema = answersSchema(DEMO_DEFINITION);
  const waves = [
    { code: "KS.DSHL.2026Q3", period: "Quý III/2026", status: "closed" as const, opensOn: "2026-07-01", closesOn: "2026-09-30", wave: 1 },
    { code: "KS.DSHL.2026Q4", period: "Quý IV/2026", status: "published" as const, opensOn: "2026-10-01", closesOn: "2026-12-31", wave: 2 },
  ];
  const mood = new Map(communes.map((c) => [c.id, random.next() * 1.6 - 0.8]));
  const quota = new Map(communes.map((c) => [c.id, random.pick([15, 20, 20, 25, 30])]));
  let previousWaveId: number | null = null;
  let stored = 0;
  for (const w of waves) {
    const surveyId: number = await db.$transaction((tx) =>
      createPublishedSurvey(tx, {
        code: w.code,
        seriesCode: "KS.DSHL",
        period: w.period,
        status: w.status,
        definition: DEMO_DEFINITION,
        opensOn: day(w.opensOn),
        closesOn: day(w.closesOn),
        previousWaveId,
        createdById: secretary.id,
        targets: communes.map((c) => ({ unitId: c.id, quota: quota.get(c.id)! })),
      }),
    );
    const items: Omit<NewResponse, "surveyId" | "version" | "contentHash">[] = [];
    for (const commune of communes) {
      const own = collaborators.filter((a) => a.unitId === commune.id);
      if (own.length === 0) continue;
      // The open wave is mid-collection: fewer forms so far, some units well behind.
      const target = quota.get(commune.id)!;
      const count = w.wave === 1 ? Math.round(target * (0.8 + random.next() * 0.2)) : Math.round(target * random.next() * 0.6);
      for (let k = 0; k < count; k++) {
        const answers = schema.parse(answersFor(mood.get(commune.id)!, w.wave)) as Answers;
        const bands = {
          ageBand: weighted(BANDS.ageBand, [2, 3, 3, 2]),
          gender: weighted(BANDS.gender, [48, 51, 1]),
          occupation: weighted(BANDS.occupation, [5, 2, 1.5, 2, 0.8, 1.5, 1]),
          area: commune.code.includes(".P") ? "urban" : weighted(BANDS.area, [1, 4]),
        };
        items.push({
          clientUuid: `00000000-0000-4000-8000-${String(surveyId).padStart(4, "0")}${String(stored).padStart(8, "0")}`,
          unitId: commune.id,
          collaboratorId: own[k % own.length]!.id,
          bands,
          answers,
          status: w.wave === 1 ? "accepted" : "submitted",
        });
        stored++;
      }
    }
    await storeResponses(surveyId, 1, items);
    previousWaveId = surveyId;
  }
  // A survey assigned to one other commune only (SH.X002): outside the named commune accounts' subtree.
  const x002 = communes.find((c) => c.code === "SH.X002");
  if (x002) {
    await db.$transaction((tx) =>
      createPublishedSurvey(tx, {
        code: "KS.GTNT.2026",
        seriesCode: "KS.GTNT",
        period: "Quý IV/2026",
        definition: { ...DEMO_DEFINITION, title: "Giao thông nông thôn (khảo sát riêng một xã)" },
        opensOn: day("2026-10-01"),
        closesOn: day("2026-12-31"),
        createdById: secretary.id,
        targets: [{ unitId: x002.id, quota: 10 }],
      }),
    );
  }
  return stored;
}
