// The shape of a survey's results, shared by the server (results.server.ts builds them, the
// exports and the quarterly report read them) and the results page (one section per question, in
// questionnaire order). Which rows a question's results have (a matrix: one per item) and which
// options each counts (a rating: 0–10) is its type's (app/surveys/question-types).
import type { SurveyDefinition } from "./definition";
import { resultRowsOf, type QuestionType } from "./question-types";
import type { AnswerGroup } from "./open-answers";

export type OptionResult = { code: string; label: string; count: number; share: number; ci: [number, number]; previousShare: number | null };

/** One counted row: a question, or one matrix item (its own code, as stored). */
export type QuestionResult = {
  code: string;
  title: string;
  type: QuestionType;
  n: number;
  mean: number | null;
  options: OptionResult[];
  /** Number questions: each value answered (or range of values, from `value` to `upTo`) and how often (page only). */
  numbers: { value: number; upTo?: number; count: number }[];
  /** Text questions: identical answers grouped, most frequent first (page only). */
  answers: AnswerGroup[];
};

/** A question as the results page shows it: numbered as on the form ("Câu 3"), its rows labelled. */
export type QuestionSection = {
  /** The question's position in the questionnaire (the form's "Câu n"): what officials see, not the code. */
  number: number;
  /** Keys and links only; codes are shown in the exports, never on the page. */
  code: string;
  title: string;
  type: QuestionType;
  /** The question's result, or (matrix) one per item; `label` is the item's label for a matrix. */
  rows: (QuestionResult & { label: string })[];
};

/** Groups the flat results (as the exports read them) into one section per question, in questionnaire order. */
export function questionSections(def: SurveyDefinition, results: QuestionResult[]): QuestionSection[] {
  const byCode = new Map(results.map((r) => [r.code, r]));
  return def.questions.map((q, i) => ({
    number: i + 1,
    code: q.code,
    title: q.title,
    type: q.type,
    rows: resultRowsOf(q).flatMap((unit) => {
      const result = byCode.get(unit.code);
      return result ? [{ ...result, label: unit.label }] : [];
    }),
  }));
}
