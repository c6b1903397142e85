/**
 * The survey lifecycle, written once: draft → published → closed → archived, with a closed survey
 * reopened. The server's status change, the form schema's intents and the survey page's buttons
 * are all read from this table.
 */
export const SURVEY_STATUSES = ["draft", "published", "closed", "archived"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Each step: the status it leaves and the one it reaches (in the order the page offers them). */
export const SURVEY_STEPS = {
  publish: { from: "draft", to: "published" },
  close: { from: "published", to: "closed" },
  reopen: { from: "closed", to: "published" },
  archive: { from: "closed", to: "archived" },
} as const satisfies Record<string, { from: SurveyStatus; to: SurveyStatus }>;

export type SurveyStep = keyof typeof SURVEY_STEPS;

export const SURVEY_STEP_NAMES = Object.keys(SURVEY_STEPS) as [SurveyStep, ...SurveyStep[]];

/** The steps a survey in this status can take. */
export function stepsFrom(status: string): SurveyStep[] {
  return SURVEY_STEP_NAMES.filter((step) => SURVEY_STEPS[step].from === status);
}
