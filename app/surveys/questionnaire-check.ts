/**
 * The browser's check of a finished questionnaire before it leaves the form: the same rules the
 * API applies (bands, the answers schema derived from the definition, the personal-data rule).
 * Imported on demand by the field form (it brings Zod), so filling a form never waits for it.
 */
import { PERSONAL_DATA_REFUSED, refusedPaths } from "~/forms/personal-data-rule";
import { answersSchema, pruneAnswers, submissionSchema, textAnswers, type Answers, type SurveyDefinition } from "./definition";

export type QuestionnaireErrors = Record<string, string[]>;

export function checkQuestionnaire(
  definition: SurveyDefinition,
  draft: { bands: Record<string, string | undefined>; answers: Answers; confirmNoPersonalData?: boolean },
  isFlagged: (text: string | null | undefined) => boolean,
): QuestionnaireErrors {
  const found: QuestionnaireErrors = {};
  const env = submissionSchema.shape.bands.safeParse(draft.bands);
  if (!env.success) for (const i of env.error.issues) (found[String(i.path[0])] ??= []).push("errors.required");
  const answers = pruneAnswers(definition, draft.answers);
  const parsed = answersSchema(definition).safeParse(answers);
  if (!parsed.success) for (const i of parsed.error.issues) (found[String(i.path[0] ?? "_")] ??= []).push(i.message);
  // The server's rule: flagged free text only with the confirmation (app/forms/personal-data.ts).
  for (const [code] of refusedPaths(draft.confirmNoPersonalData === true, textAnswers(definition, answers), isFlagged)) {
    (found[String(code)] ??= []).push(PERSONAL_DATA_REFUSED);
  }
  return found;
}
