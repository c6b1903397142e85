// Section 4's key questions: which questions of each survey closed in the quarter the
// report shows. Stored on the report as JSON (survey code → question codes, in the survey's
// order); a survey the secretariat has not chosen for shows every single-choice question.
import { z } from "zod";

export type KeyQuestions = Record<string, string[]>;

const stored = z.record(z.string(), z.array(z.string()));

/** The stored choice; anything unreadable counts as "not chosen" (the default for every survey). */
export function parseKeyQuestions(text: string): KeyQuestions {
  try {
    const parsed = stored.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * The key questions of one survey: the chosen ones that are still single-choice questions of it
 * (in the survey's order), or all of `singleChoice` when nothing was chosen for it.
 */
export function keyQuestionsOf(choice: KeyQuestions, surveyCode: string, singleChoice: string[]): string[] {
  const chosen = choice[surveyCode];
  if (!chosen) return singleChoice;
  const set = new Set(chosen);
  return singleChoice.filter((code) => set.has(code));
}

/** The choice a compiled report's section 4 shows (comparing with live figures keeps the published choice). */
export function keyQuestionsShown(surveys: { survey: { code: string }; questions: { code: string }[]; suppressed: boolean }[] | undefined): KeyQuestions {
  // A suppressed survey lists no questions because of its size, not a choice: leave it to the default.
  return Object.fromEntries((surveys ?? []).filter((s) => !s.suppressed).map((s) => [s.survey.code, s.questions.map((q) => q.code)]));
}
