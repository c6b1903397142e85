/**
 * The question types: one module each (./spec.ts says what a type holds). A new type is a module
 * and one line here; its name in the dictionaries (`surveys.types.<type>`) follows.
 */
import { date } from "./date";
import { likert } from "./likert";
import { matrix } from "./matrix";
import { multiple } from "./multiple";
import { number } from "./number";
import { ranking } from "./ranking";
import { rating } from "./rating";
import { single } from "./single";
import { slider } from "./slider";
import { ownRow, type Question, type QuestionTypeSpec } from "./spec";
import { longText, shortText } from "./text";

/** In the order the builder offers them. */
export const QUESTION_TYPE_SPECS = {
  single,
  multiple,
  likert,
  matrix,
  rating,
  number,
  slider,
  date,
  shortText,
  longText,
  ranking,
} satisfies Record<string, QuestionTypeSpec>;

export type QuestionType = keyof typeof QUESTION_TYPE_SPECS;
export const QUESTION_TYPES = Object.keys(QUESTION_TYPE_SPECS) as [QuestionType, ...QuestionType[]];

/** The type's definition. */
export const specOf = (type: QuestionType): QuestionTypeSpec => QUESTION_TYPE_SPECS[type];

/** The rows a question's results have (a matrix: one per item), with the options each counts. */
export const resultRowsOf = (q: Question) => specOf(q.type).resultRows?.(q) ?? ownRow(q);

/** An answer as a reviewer reads it ("—" when not answered). */
export const formatAnswer = (q: Question, value: unknown) => (value === undefined ? "—" : specOf(q.type).format(q, value));

/** The codes answered with a list (several rows each: app/surveys/results.server.ts counts their n per questionnaire). */
export const listQuestions = (def: { questions: Question[] }) => def.questions.filter((q) => specOf(q.type).listAnswer).map((q) => q.code);
