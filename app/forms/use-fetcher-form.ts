import type { SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useSchemaForm, type FormSchema } from "./use-schema-form";

/**
 * A schema form that posts through its own fetcher: several forms on one page (rename, move,
 * merge...) each keep their own errors.
 */
export function useFetcherForm<S extends FormSchema>(id: string, schema: S, defaultValue?: Record<string, string>) {
  const fetcher = useFetcher<SubmissionResult<string[]>>();
  const [form, fields] = useSchemaForm({
    id,
    schema,
    defaultValue,
    lastResult: fetcher.state === "idle" ? fetcher.data : undefined,
  });
  return { fetcher, form, fields, busy: fetcher.state !== "idle" };
}
