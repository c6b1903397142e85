import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

export type FormSchema = z.ZodType<unknown, Record<string, unknown>>;

type Options<S extends FormSchema> = {
  schema: S;
  id?: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string>;
};

/**
 * Every form of the app: Conform driven by the same Zod schema the server uses, validating a
 * field when it loses focus and again as it is corrected.
 */
export function useSchemaForm<S extends FormSchema>({ schema, id, lastResult, defaultValue }: Options<S>) {
  const [form, fields] = useForm<z.input<S>, z.output<S>, string[]>({
    id,
    lastResult,
    // Conform's DefaultValue type is deep-partial of the input; strings are what forms hold.
    defaultValue: defaultValue as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  // Conform re-renders a component only for the state it read while rendering. Our field
  // components read their errors in their own render, so the form's owner subscribes to all
  // errors here; otherwise a failed client-side submit would show nothing.
  void form.allErrors;
  return [form, fields] as const;
}
