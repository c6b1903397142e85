/**
 * The benchmark's questionnaire: 25 questions of the kinds real quarterly surveys use (single
 * choice, Likert, rating 0–10, multiple choice, number), and a generator of skewed, deterministic
 * answers (Zipf-like per question, shifted per unit, so breakdowns differ between units).
 */
import type { Answers, Bands, SurveyDefinition } from "~/surveys/definition";
import { BANDS } from "~/surveys/definition";
import { seededRandom } from "../prisma/seed/random";

const LIKERT = ["L1", "L2", "L3", "L4", "L5"].map((code, i) => ({ code, label: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"][i]! }));
const options = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `O${i + 1}`, label: `Phương án ${i + 1}` }));

export function benchDefinition(): SurveyDefinition {
  const questions: SurveyDefinition["questions"] = [];
  for (let i = 1; i <= 25; i++) {
    const code = `Q${i}`;
    const title = `Câu hỏi ${i}`;
    if (i <= 10) questions.push({ code, type: "single", title, required: true, options: options(4 + (i % 4)) });
    else if (i <= 18) questions.push({ code, type: "likert", title, required: true, options: LIKERT });
    else if (i <= 21) questions.push({ code, type: "rating", title, required: true });
    else if (i <= 23) questions.push({ code, type: "multiple", title, required: true, options: options(6), min: 1, max: 3 });
    else questions.push({ code, type: "number", title, required: true, min: 0, max: 120, integer: true });
  }
  return { title: "Khảo sát đời sống và mức độ hài lòng (benchmark)", questions };
}

type Random = ReturnType<typeof seededRandom>;

/** Index 0..n-1 with weights 1/(k+1)^1.2 after rotating by `shift`: skewed, not uniform. */
function skewedIndex(random: Random, n: number, shift: number): number {
  let total = 0;
  for (let k = 0; k < n; k++) total += 1 / (k + 1) ** 1.2;
  let x = random.next() * total;
  for (let k = 0; k < n; k++) {
    x -= 1 / (k + 1) ** 1.2;
    if (x <= 0) return (k + shift) % n;
  }
  return (n - 1 + shift) % n;
}

export function answerGenerator(seed: number) {
  const random = seededRandom(seed);
  const def = benchDefinition();
  return {
    next(unitIndex: number): { bands: Bands; answers: Answers } {
      const answers: Answers = {};
      for (const q of def.questions) {
        const shift = (unitIndex * 7 + q.code.length) % 3; // units lean differently
        if (q.type === "single" || q.type === "likert") {
          const opts = q.options!;
          answers[q.code] = opts[skewedIndex(random, opts.length, shift)]!.code;
        } else if (q.type === "rating") {
          answers[q.code] = 10 - skewedIndex(random, 11, shift);
        } else if (q.type === "multiple") {
          const count = 1 + Math.floor(random.next() * 3);
          const picked = new Set<string>();
          while (picked.size < count) picked.add(q.options![skewedIndex(random, q.options!.length, shift)]!.code);
          answers[q.code] = [...picked];
        } else {
          answers[q.code] = 18 + Math.floor(random.next() * 60);
        }
      }
      const bands: Bands = {
        ageBand: BANDS.ageBand[skewedIndex(random, BANDS.ageBand.length, 1)]!,
        gender: BANDS.gender[random.next() < 0.51 ? 1 : random.next() < 0.98 ? 0 : 2]!,
        occupation: BANDS.occupation[skewedIndex(random, BANDS.occupation.length, 0)]!,
        area: random.next() < 0.62 ? "rural" : "urban",
      };
      return { bands, answers };
    },
  };
}
