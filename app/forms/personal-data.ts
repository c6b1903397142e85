/**
 * THE rule of the personal-data guard, for every free-text field a person types (opinion items, the
 * report note, the report return comment, proposals and agencies' answers, survey free-text
 * answers, the questionnaire return comment): text the guard flags is refused unless the person
 * ticks "confirm no personal data" (a field named `confirmNoPersonalData`, false by default); the
 * confirmation is recorded where the text is stored (report column or audit entry). The browser
 * shows the same warning live (app/ui/personal-data-warning.tsx). docs/decisions/0015.
 */
import { hasPersonalData } from "~/opinion-reports/personal-data-guard";
import { PERSONAL_DATA_REFUSED, refusedPaths, type GuardedText } from "./personal-data-rule";
import { z } from "./zod";

export { PERSONAL_DATA_REFUSED, type GuardedText };

/** The paths of the texts refused: none when the person confirmed. */
export function personalDataIssues(confirmed: boolean, texts: Iterable<GuardedText>): (string | number)[][] {
  return refusedPaths(confirmed, texts, hasPersonalData);
}

/** The same rule inside a Zod refinement. */
export function refusePersonalData(ctx: z.RefinementCtx, confirmed: boolean, texts: Iterable<GuardedText>) {
  for (const path of personalDataIssues(confirmed, texts)) ctx.addIssue({ code: "custom", path, message: PERSONAL_DATA_REFUSED });
}

/** What is recorded with the stored text: the person confirmed text that the guard flags. */
export function personalDataConfirmed(confirmed: boolean | undefined, texts: Iterable<string | null | undefined>): boolean {
  if (!confirmed) return false;
  for (const text of texts) if (hasPersonalData(text)) return true;
  return false;
}

/** A guarded form's values as the domain takes them: the confirmation may be left out (false). */
export type Confirmable<T> = T extends unknown ? Omit<T, "confirmNoPersonalData"> & { confirmNoPersonalData?: boolean } : never;

/** The confirmation field of a form (a checkbox "on" from HTML forms, a boolean from JSON). */
export const confirmNoPersonalDataField = () => z.boolean().default(false);

/**
 * A form's object schema with its free-text `fields` guarded: adds `confirmNoPersonalData` and the
 * refinement. Stays an object schema (usable in unions and discriminated unions).
 */
export function guardedObject<Shape extends z.ZodRawShape, K extends keyof Shape & string>(schema: z.ZodObject<Shape>, fields: readonly K[]) {
  return schema.extend({ confirmNoPersonalData: confirmNoPersonalDataField() }).superRefine((value, ctx) => {
    const texts = value as Record<string, unknown>;
    refusePersonalData(
      ctx,
      texts.confirmNoPersonalData === true,
      fields.map((f) => [[f], typeof texts[f] === "string" ? texts[f] : undefined] as const),
    );
  });
}
