// The shape of a survey's results, shared by the server (results.server.ts builds them, the
// exports and the quarterly report read them) and the results page (one section per question, in
// questionnaire order). The per-type rules live here: which rows a question's results have
// (a matrix: one per item) and which options each row counts (a rating: 0–10).
import type { Question, QuestionType, SurveyDefinition } from "./definition";
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
  /** Number questions: each value answered and how often (page only). */
  numbers: { value: number; count: number }[];
  /** Text questions: identical answers grouped, most frequent first (page only). */
  answers: AnswerGroup[];
};

/** The rows a question is counted as: its own code, or (matrix) one row per item, with their options. */
export function resultUnits(q: Question): { code: string; title: string; label: string; options: { code: string; label: string }[] }[] {
  if (q.type === "matrix") {
    return (q.items ?? []).map((item) => ({ code: item.code, title: `${q.title} — ${item.label}`, label: item.label, options: q.options ?? [] }));
  }
  if (q.type === "rating") {
    return [{ code: q.code, title: q.title, label: q.title, options: Array.from({ length: 11 }, (_, i) => ({ code: String(i), label: String(i) })) }];
  }
  return [{ code: q.code, title: q.title, label: q.title, options: q.options ?? [] }];
}

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
    rows: resultUnits(q).flatMap((unit) => {
      const result = byCode.get(unit.code);
      return result ? [{ ...result, label: unit.label }] : [];
    }),
  }));
}
