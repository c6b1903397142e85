import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { decodeErrorKey } from "~/forms/error-key";
import { isoDayToVietnamese } from "~/utils/dates";

/** Renders error keys from a schema or the server in the reader's language. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    // The alert is the wrapper: a list with role="alert" would stop being a list for screen readers.
    <div id={id} className="field-errors" role="alert">
      <ul>
        {errors.map((message) => {
          const { key, params } = decodeErrorKey(message);
          return <li key={message}>{t(key, params)}</li>;
        })}
      </ul>
    </div>
  );
}

// Any field of any form: these components only read its name, id, value and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;
type FieldProps = { label: string; field: AnyField; hint?: ReactNode };

function FieldShell({ label, field, hint, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {children}
      {hint ? <p className="hint" id={`${field.id}-hint`}>{hint}</p> : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextField({
  type = "text",
  autoComplete,
  list,
  ...props
}: FieldProps & { type?: "text" | "password" | "date" | "search"; autoComplete?: string; list?: string }) {
  if (type === "date") return <DayField {...props} />;
  return (
    <FieldShell {...props}>
      <input {...getInputProps(props.field, { type })} key={props.field.key} autoComplete={autoComplete} list={list} />
    </FieldShell>
  );
}

/**
 * A calendar day typed as dd/MM/yyyy in both languages. A native date input shows the browser's
 * locale format (mm/dd/yyyy in an English browser), which the office reads the wrong way round;
 * the server's dayField accepts dd/MM/yyyy (and yyyy-MM-dd, what loaders send as defaults).
 */
function DayField(props: FieldProps) {
  const input = getInputProps(props.field, { type: "text" });
  return (
    <FieldShell {...props}>
      <input
        {...input}
        defaultValue={isoDayToVietnamese(props.field.initialValue)}
        key={props.field.key}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        pattern="\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}"
        autoComplete="off"
      />
    </FieldShell>
  );
}

export function TextAreaField(props: FieldProps) {
  return (
    <FieldShell {...props}>
      <textarea {...getTextareaProps(props.field)} key={props.field.key} />
    </FieldShell>
  );
}

export function SelectField({
  options,
  placeholder,
  ...props
}: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <FieldShell {...props}>
      <select {...getSelectProps(props.field)} key={props.field.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Form-level errors (not tied to one field). */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  return <ErrorList id={id} errors={errors} />;
}

/**
 * Every error of a server reply, form-level and per field: for small fetcher forms (toggles,
 * one-click actions) whose fields are all hidden, so a refusal is not lost.
 */
export function ReplyErrors({ reply, id }: { reply?: SubmissionResult<string[]> | null; id?: string }) {
  const errors = [...new Set(Object.values(reply?.error ?? {}).flatMap((e) => e ?? []))];
  return <ErrorList id={id} errors={errors} />;
}
