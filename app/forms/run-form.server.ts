import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { FieldError } from "./field-error.server";
import { readFormData } from "./read-form.server";

type Options = {
  /** Fields never sent back to the browser (passwords). */
  hideFields?: string[];
};

/**
 * Validates a form with its schema and, if valid, runs `save`. Invalid input or a FieldError
 * from the domain comes back as a 400 carrying Conform's reply: field-level messages, with every
 * value the user typed kept (except hidden fields), so nothing is lost.
 */
export async function runForm<S extends z.ZodType, R>(
  request: Request,
  schema: S,
  save: (value: z.output<S>) => Promise<R>,
  options: Options = {},
) {
  const submission = parseWithZod(await readFormData(request), { schema });
  if (submission.status !== "success") {
    return { failed: data(submission.reply({ hideFields: options.hideFields }), { status: 400 }) } as const;
  }
  try {
    return { saved: await save(submission.value) } as const;
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    const reply: SubmissionResult<string[]> = submission.reply({
      fieldErrors: { [error.field]: [error.key] },
      hideFields: options.hideFields,
    });
    return { failed: data(reply, { status: 400 }) } as const;
  }
}

/**
 * The usual action: run the form (as `runForm`) and, once saved, open the page `to` names: a
 * path, or one worked out from what was saved (the new record). Staying on the same page still
 * redirects, so a reload does not send the form again. Invalid input is `runForm`'s 400 reply.
 */
export async function runFormThenRedirect<S extends z.ZodType, R>(
  request: Request,
  schema: S,
  save: (value: z.output<S>) => Promise<R>,
  to: string | ((saved: R) => string),
  options: Options = {},
) {
  const outcome = await runForm(request, schema, save, options);
  if ("failed" in outcome) return outcome.failed;
  return redirect(typeof to === "string" ? to : to(outcome.saved));
}
