// Colours and axis bounds of the survey results charts (browser and tests). An ordinal scale
// (likert, matrix rows, 0–10 ratings) is coloured by its order, so an official sees "how far
// towards agreement" at a glance; an unordered question keeps one colour (its bars are labelled).
import { specOf, type QuestionType } from "./question-types";
import type { ScaleKind } from "./question-types/spec";

export type { ScaleKind };

/**
 * How a question's options are coloured (each type says which, app/surveys/question-types):
 * - diverging: likert and matrix options, written from the most negative to the most positive
 *   (the builder's order and the demo's: "Rất không hài lòng" … "Rất hài lòng", "Kém" … "Tốt");
 * - sequential: the 0–10 rating, light (0) to dark (10);
 * - single: unordered choices (single, multiple, ranking) and number distributions.
 */
export const scaleKind = (type: QuestionType): ScaleKind => specOf(type).results.scale;

/** Dark red → light red → neutral grey → light green → dark green (the middle option is grey). */
const DIVERGING = ["#b2182b", "#ef8a62", "#c8c8c8", "#7fbf7b", "#1b7837"];
/** Light blue → dark blue: every step stays visible on white. */
const SEQUENTIAL = ["#c6dbef", "#6baed6", "#08519c"];
/** Unordered questions: the app's chart red; the previous wave beside it in grey. */
export const SINGLE_COLOR = "#b91c1c";
export const PREVIOUS_COLOR = "#9aa5b1";

/** `count` colours evenly spread over `stops` (linear in RGB). */
function spread(stops: string[], count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [stops[Math.floor(stops.length / 2)]!];
  const rgb = stops.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  return Array.from({ length: count }, (_, i) => {
    const at = (i / (count - 1)) * (stops.length - 1);
    const lo = Math.min(Math.floor(at), stops.length - 2);
    const f = at - lo;
    const mixed = rgb[lo]!.map((c, k) => Math.round(c + (rgb[lo + 1]![k]! - c) * f));
    return `#${mixed.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
  });
}

/** One colour per option, in the options' order. */
export function optionColors(kind: ScaleKind, count: number): string[] {
  if (kind === "diverging") return spread(DIVERGING, count);
  if (kind === "sequential") return spread(SEQUENTIAL, count);
  return Array.from({ length: count }, () => SINGLE_COLOR);
}

/**
 * The percent axis's suggested maximum: a little above the largest share drawn (in percent),
 * rounded up to a multiple of 10, never above 100 and never below 10 — a 12 % answer is not
 * squeezed into the left eighth of a 0–100 % axis.
 */
export function percentAxisMax(largestPercent: number): number {
  const padded = Math.ceil((largestPercent * 1.1) / 10) * 10;
  return Math.min(100, Math.max(10, padded));
}
