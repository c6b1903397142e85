/**
 * The part of a questionnaire the field form needs while it is being filled, without Zod: the
 * respondent bands, the skip logic and the pruning of hidden answers. Validation (definition.ts,
 * Zod) loads when the form is sent, so Zod stays out of the form page's first load (150 KB budget,
 * docs/performance.md). definition.ts re-exports all of this.
 */
import type { SurveyDefinition } from "./definition";
import { specOf } from "./question-types";
import { isAnswered } from "./question-types/parts";
import type { Condition } from "./question-types/spec";

export { TEXT_LIMITS } from "./question-types/text";
export { isAnswered };
export type Answers = Record<string, unknown>;

// Respondent bands: the only facts kept about a respondent (no name, phone, address or ID).
export const BANDS = {
  ageBand: ["18-29", "30-44", "45-59", "60+"],
  gender: ["male", "female", "other"],
  occupation: ["farmer", "worker", "civil_servant", "business", "student", "retired", "other"],
  area: ["urban", "rural"],
} as const;
export type BandName = keyof typeof BANDS;
export const BAND_NAMES = Object.keys(BANDS) as BandName[];

/** Whether a condition holds for an answer; on a list (multiple choice, ranking) "equals" means "has chosen". */
function holds(c: Condition, value: unknown): boolean {
  if (c.op === "answered") return isAnswered(value);
  if (!isAnswered(value)) return false;
  if (c.op === "equals") return Array.isArray(value) ? value.includes(c.value) : value === c.value;
  if (c.op === "notEquals") return Array.isArray(value) ? !value.includes(c.value) : value !== c.value;
  const n = typeof value === "number" ? value : Number(value);
  return c.op === "gte" ? n >= Number(c.value) : n <= Number(c.value);
}

/** Codes of the questions shown for these answers (a hidden question hides what depends on it). */
export function visibleQuestions(def: SurveyDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of def.questions) {
    const shown = (q.showIf ?? []).every((c) => visible.has(c.question) && holds(c, answers[c.question]));
    if (shown) visible.add(q.code);
  }
  return visible;
}

/** The free-text answers (the types marked `freeText`), for the personal-data guard. */
export function textAnswers(def: SurveyDefinition, answers: Answers): [path: [string], text: string][] {
  const texts: [[string], string][] = [];
  for (const q of def.questions) {
    const value = answers[q.code];
    if (specOf(q.type).freeText && typeof value === "string") texts.push([[q.code], value]);
  }
  return texts;
}

/** Drops answers of hidden questions and empty values (what the form keeps while logic changes). */
export function pruneAnswers(def: SurveyDefinition, answers: Answers): Answers {
  const visible = visibleQuestions(def, answers);
  const out: Answers = {};
  for (const q of def.questions) {
    const v = answers[q.code];
    if (visible.has(q.code) && isAnswered(v)) out[q.code] = v;
  }
  return out;
}
