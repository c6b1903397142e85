// How a topic is weighed in the quarterly report, defined once (the page states the same rule):
// each item scores how widely the opinion is held × how strongly, and a topic's weight is the sum
// over its items. A topic raised by many items that are each narrow and weak can therefore rank
// below one raised by fewer, widely held, strong opinions.
import type { PREVALENCES, STRENGTHS } from "~/opinion-reports/report-vocab";

export const PREVALENCE_SCORE: Record<(typeof PREVALENCES)[number], number> = { overwhelming: 4, majority: 3, many: 2, some: 1 };
export const STRENGTH_SCORE: Record<(typeof STRENGTHS)[number], number> = { strong: 3, moderate: 2, weak: 1 };

/** The weight of `count` items with one prevalence and strength (unknown codes weigh nothing). */
export function itemWeight(prevalence: string, strength: string, count = 1): number {
  const p = PREVALENCE_SCORE[prevalence as keyof typeof PREVALENCE_SCORE] ?? 0;
  const s = STRENGTH_SCORE[strength as keyof typeof STRENGTH_SCORE] ?? 0;
  return p * s * count;
}
