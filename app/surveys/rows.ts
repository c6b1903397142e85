// Answer rows and tally increments of one questionnaire (pure functions, shared by both write paths).
import type { Answers, SurveyDefinition } from "./definition";
import { specOf } from "./question-types";
import type { AnswerRow } from "./question-types/spec";

export type { AnswerRow };

/** The answer rows of one questionnaire (see SurveyAnswer in prisma/schema/surveys.prisma): each type says its own. */
export function answerRows(def: SurveyDefinition, answers: Answers): AnswerRow[] {
  return def.questions.flatMap((q) => (answers[q.code] === undefined ? [] : specOf(q.type).rows(q, answers[q.code])));
}

/** `value`: the number answered where the row is a number's own (option ""), else 0 (band tallies key on it). */
export type TallyRow = { question: string; option: string; value: number; count: number; numSum: number };

/**
 * Tally increments for one questionnaire: one per answer row, plus the question's n under option ""
 * (for rows that already have option "" — numbers, dates, texts — that row is the n).
 */
export function tallyRows(rows: AnswerRow[]): TallyRow[] {
  const out: TallyRow[] = [];
  const byQuestion = new Map<string, AnswerRow[]>();
  for (const r of rows) byQuestion.set(r.question, [...(byQuestion.get(r.question) ?? []), r]);
  for (const [question, qs] of byQuestion) {
    for (const r of qs) out.push({ question, option: r.option, value: r.option === "" ? (r.num ?? 0) : 0, count: 1, numSum: r.num ?? 0 });
    if (!qs.some((r) => r.option === "")) {
      out.push({ question, option: "", value: 0, count: 1, numSum: qs.length === 1 ? (qs[0]!.num ?? 0) : 0 });
    }
  }
  return out;
}

/** The questionnaire's own band tally row: question "" counts the questionnaires of a band cell. */
export const QUESTIONNAIRE_ROW: TallyRow = { question: "", option: "", value: 0, count: 1, numSum: 0 };

/**
 * Band tally increments for one questionnaire (SurveyBandTally), from its tally rows: the same
 * rows plus the questionnaire row, all under the respondent's band cell.
 */
export function bandTallyRows(tallies: TallyRow[]): TallyRow[] {
  return [...tallies, QUESTIONNAIRE_ROW];
}

