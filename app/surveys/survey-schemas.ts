// The forms of the survey pages: one schema per form, shared by browser and server.
import { guardedObject } from "~/forms/personal-data";
import { codeField, dayField, errorKey, shortText, z } from "~/forms/zod";
import { SURVEY_STEP_NAMES } from "./lifecycle";

export const createSurveySchema = z.object({
  code: codeField(),
  seriesCode: codeField(),
  title: shortText(300),
  period: shortText(40),
});

/** Target lines: "SH.X001 40" (unit code, quota), one per line. */
export const assignmentSchema = z
  .object({
    opensOn: dayField(),
    closesOn: dayField(),
    targets: z
      .string()
      .trim()
      .min(1)
      .max(20_000)
      .transform((text, ctx) => {
        const targets: { code: string; quota: number }[] = [];
        for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
          const m = /^([A-Za-z0-9._-]+)[\s,;:]+(\d{1,6})$/.exec(line);
          if (!m) {
            ctx.addIssue({ code: "custom", message: errorKey("surveys.errors.badTargetLine", { line: line.slice(0, 40) }) });
            return z.NEVER;
          }
          const code = m[1]!.toUpperCase();
          // One line per unit: a unit is a target once (SurveyTarget's key is survey × unit).
          if (targets.some((t) => t.code === code)) {
            ctx.addIssue({ code: "custom", message: errorKey("surveys.errors.duplicateTargetUnit", { code: code.slice(0, 40) }) });
            return z.NEVER;
          }
          targets.push({ code, quota: Number(m[2]) });
        }
        return targets;
      }),
  })
  .refine((v) => v.closesOn >= v.opensOn, { path: ["closesOn"], message: errorKey("errors.endBeforeStart") });

export const lifecycleSchema = z.object({ intent: z.enum(SURVEY_STEP_NAMES) });

export const nextWaveSchema = z.object({ intent: z.literal("nextWave"), code: codeField(), title: shortText(300), period: shortText(40) });

/** The survey page's forms: lifecycle buttons, assignment, next wave. */
export const surveyActionSchema = z.union([
  lifecycleSchema,
  assignmentSchema.and(z.object({ intent: z.literal("assign") })),
  nextWaveSchema,
]);

export const saveDefinitionSchema = z.object({ definition: z.string().min(2).max(500_000) });

/** Bulk acceptance on the review list: the ticked questionnaires, or all the filter shows (count confirmed). */
export const bulkAcceptSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept_selected"), ids: z.array(z.coerce.number().int().positive()).min(1).max(500) }),
  z.object({ intent: z.literal("accept_filtered"), expectedCount: z.coerce.number().int().min(1), unit: z.string().trim().toUpperCase().max(40).optional() }),
]);

export const reviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  // Accept, then open the next questionnaire waiting for review (review at volume).
  z.object({ intent: z.literal("accept_next") }),
  // The return comments are guarded like every free-text field (docs/decisions/0015).
  guardedObject(
    z.object({
      intent: z.literal("return"),
      comment: z.string().trim().min(1).max(2000),
      /** JSON { questionCode: comment }, filled by the per-question comment boxes. */
      questionComments: z.string().max(20_000).optional(),
    }),
    ["comment", "questionComments"],
  ),
]);
