/**
 * A card of the office pages' action forms (edit, open a period, publish, rename...): a form
 * posting through its own fetcher (useFetcherForm) that its heading names, a hidden `intent`
 * telling the action which form it is, the fields, the form's errors and a submit button that
 * waits while the form is sent.
 */
import { getFormProps, type FormMetadata } from "@conform-to/react";
import type { FetcherWithComponents } from "@remix-run/react";
import type { FormEvent, ReactNode, Ref } from "react";
import { FormErrors } from "./form-fields";

/** What the card reads of useFetcherForm's result. */
type FetcherForm = {
  fetcher: FetcherWithComponents<unknown>;
  // Any schema's form: the card reads only its id, submit handler and errors.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  busy: boolean;
};

type CardFormProps = {
  form: FetcherForm;
  /** The heading's id (the form's accessible name) and text: an h2, or an h3 under a section's h2. */
  id: string;
  title: string;
  level?: 2 | 3;
  hint?: ReactNode;
  intent: string;
  /** The submit button's text: `primary` for the page's main action, `danger` for a destructive one (a red card). */
  submit?: string;
  primary?: boolean;
  danger?: boolean;
  /** Instead of the one submit button: several choices, a confirmation dialog. */
  actions?: ReactNode;
  /** Instead of the form's own errors (a reply's, for a form without visible fields). */
  errors?: ReactNode;
  onInput?: (event: FormEvent<HTMLFormElement>) => void;
  /** Instead of Conform's submit handler (one that calls it first). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  formRef?: Ref<HTMLFormElement>;
  /** The fields. */
  children?: ReactNode;
};

export function CardForm({ form, id, title, level = 2, hint, intent, submit, primary, danger, actions, errors, onInput, onSubmit, formRef, children }: CardFormProps) {
  const Heading = level === 3 ? "h3" : "h2";
  const formProps = getFormProps(form.form);
  return (
    <form.fetcher.Form
      method="post"
      {...formProps}
      onSubmit={onSubmit ?? formProps.onSubmit}
      onInput={onInput}
      ref={formRef}
      aria-labelledby={id}
      className={danger ? "card-form danger-zone" : "card-form"}
    >
      <Heading id={id}>{title}</Heading>
      {hint ? <p className="hint">{hint}</p> : null}
      <input type="hidden" name="intent" value={intent} />
      {children}
      {errors ?? <FormErrors errors={form.form.errors} />}
      {actions ?? (
        <button type="submit" className={primary ? "primary" : danger ? "danger" : undefined} disabled={form.busy}>
          {submit}
        </button>
      )}
    </form.fetcher.Form>
  );
}
