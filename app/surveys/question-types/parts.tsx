// Pieces several question types share: option lists and their rows, radio groups, text and number
// inputs, the builder's option and bounds editors. Each type module assembles its own from these.
import { useTranslation } from "react-i18next";
import type { AnswerRow, ConditionOp, ControlProps, EditorProps, Question, Report, SchemaKit, SurveyOption } from "./spec";

/** The option's label (its code when the definition no longer has it). */
export const optionLabel = (q: Question, code: string) => q.options?.find((o) => o.code === code)?.label ?? code;

/** The option's 1-based place on the scale (likert, matrix: the stored `num`). */
export const optionPosition = (q: Question, code: string) => (q.options ?? []).findIndex((o) => o.code === code) + 1;

/** Options `<code>_1`, `<code>_2`, … with these labels. */
export const numberedOptions = (code: string, labels: readonly string[]): SurveyOption[] => labels.map((label, i) => ({ code: `${code}_${i + 1}`, label }));

export const row = (question: string, option: string, num: number | null = null, text: string | null = null): AnswerRow => ({ question, option, num, text });

/** At least two options, codes unique within the question. */
export function checkOptions(q: Question, report: Report) {
  if ((q.options?.length ?? 0) < 2) report("options", "surveys.errors.needTwoOptions", { code: q.code });
  const seen = new Set<string>();
  for (const o of q.options ?? []) {
    if (seen.has(o.code)) report("options", "surveys.errors.duplicateCode", { code: o.code });
    seen.add(o.code);
  }
}

export function checkBounds(q: Question, report: Report) {
  if (q.min !== undefined && q.max !== undefined && q.min > q.max) report("max", "surveys.errors.minAboveMax", { code: q.code });
}

export const optionFields = (k: SchemaKit) => ({ options: k.options() });
export const boundFields = (k: SchemaKit) => ({ min: k.z.number().optional(), max: k.z.number().optional() });

/** Conditions on a question answered with one option. */
export const OPTION_CONDITIONS = { ops: ["equals", "notEquals", "answered"] as readonly ConditionOp[], value: "option", refused: "surveys.errors.conditionNotNumeric" } as const;
/** Conditions on a question answered with a number. */
export const NUMBER_CONDITIONS = { ops: ["equals", "notEquals", "gte", "lte", "answered"] as readonly ConditionOp[], value: "number", refused: "surveys.errors.conditionNotNumeric" } as const;
/** Conditions on a question answered with text or a date. */
export const TEXT_CONDITIONS = { ops: ["equals", "notEquals", "answered"] as readonly ConditionOp[], value: "text", refused: "surveys.errors.conditionNotNumeric" } as const;

/** One option out of a list, as radio buttons (in a row for scales). */
export function RadioChoices({ q, id, value, onChange, inRow = false }: ControlProps & { inRow?: boolean }) {
  return (
    <div className={inRow ? "choices choices-row" : "choices"}>
      {(q.options ?? []).map((o) => (
        <label key={o.code} className="checkbox">
          <input type="radio" name={id} value={o.code} checked={value === o.code} onChange={() => onChange(o.code)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}

/** A text box or area; an empty one is no answer. */
export function TextControl({ id, title, value, onChange, invalid, describedBy, maxLength, multiline = false }: ControlProps & { maxLength: number; multiline?: boolean }) {
  const common = {
    id,
    maxLength,
    value: typeof value === "string" ? value : "",
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    "aria-label": title,
  };
  return multiline ? (
    <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value || undefined)} />
  ) : (
    <input {...common} type="text" onChange={(e) => onChange(e.target.value || undefined)} />
  );
}

/** The builder's list of option codes and labels (add, move, delete). */
export function OptionList({ label, prefix, options, codeBase, letters, onChange }: {
  label: string;
  prefix: string;
  options: SurveyOption[];
  codeBase: string;
  letters?: boolean;
  onChange: (options: SurveyOption[]) => void;
}) {
  const { t } = useTranslation();
  const suffix = (i: number) => (letters ? String.fromCharCode(65 + i) : String(i + 1));
  const fresh = () => {
    let i = options.length;
    while (options.some((o) => o.code === `${codeBase}${suffix(i)}`)) i++;
    return { code: `${codeBase}${suffix(i)}`, label: "" };
  };
  const edit = (i: number, patch: Partial<SurveyOption>) => onChange(options.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <fieldset className="options">
      <legend>{label}</legend>
      <ol>
        {options.map((o, i) => (
          <li key={i} className="option-row">
            <label className="visually-hidden" htmlFor={`${prefix}${i}-code`}>{t("surveys.builder.optionCode", { n: i + 1 })}</label>
            <input id={`${prefix}${i}-code`} className="option-code" value={o.code} onChange={(e) => edit(i, { code: e.target.value.toUpperCase() })} />
            <label className="visually-hidden" htmlFor={`${prefix}${i}-label`}>{t("surveys.builder.optionLabel", { n: i + 1 })}</label>
            <input id={`${prefix}${i}-label`} value={o.label} onChange={(e) => edit(i, { label: e.target.value })} />
            <button type="button" aria-label={t("surveys.builder.optionUp", { n: i + 1 })} onClick={() => onChange(move(options, i, i - 1))} disabled={i === 0}>↑</button>
            <button type="button" aria-label={t("surveys.builder.optionDown", { n: i + 1 })} onClick={() => onChange(move(options, i, i + 1))} disabled={i === options.length - 1}>↓</button>
            <button type="button" aria-label={t("surveys.builder.optionDelete", { n: i + 1 })} onClick={() => onChange(options.filter((_, k) => k !== i))}>✕</button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...options, fresh()])}>{t("surveys.builder.addOption")}</button>
    </fieldset>
  );
}

/** The builder's editor of a choice question: its options, coded `<question>_<n>`. */
export function OptionsEditor({ q, id, onChange }: EditorProps) {
  const { t } = useTranslation();
  return <OptionList label={t("surveys.builder.options")} prefix={`${id}-opt`} options={q.options ?? []} codeBase={`${q.code}_`} onChange={(options) => onChange({ options })} />;
}

/** A number field of the builder; empty is "not set". */
export function NumberSetting({ id, label, value, onChange, step }: { id: string; label: string; value: number | undefined; onChange: (value: number | undefined) => void; step?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" step={step} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />
    </div>
  );
}

/** The builder's lower and upper bound fields. */
export function BoundsEditor({ q, id, onChange, minLabel, maxLabel }: EditorProps & { minLabel: string; maxLabel: string }) {
  return (
    <div className="grid-2">
      <NumberSetting id={`${id}-min`} label={minLabel} value={q.min} onChange={(min) => onChange({ min })} step="any" />
      <NumberSetting id={`${id}-max`} label={maxLabel} value={q.max} onChange={(max) => onChange({ max })} step="any" />
    </div>
  );
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/** Whether an answer is given (an empty list or object is not). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value as object).length > 0;
  return true;
}
