// Several options out of a list, optionally between a least and a most number of choices.
import { useTranslation } from "react-i18next";
import { boundFields, BoundsEditor, checkBounds, checkOptions, OPTION_CONDITIONS, numberedOptions, optionFields, optionLabel, OptionsEditor, row } from "./parts";
import type { ControlProps, EditorProps, Question, QuestionTypeSpec, Report } from "./spec";

function check(q: Question, report: Report) {
  checkOptions(q, report);
  checkBounds(q, report);
  const count = q.options?.length ?? 0;
  if (q.max !== undefined && q.max > count) report("max", "surveys.errors.maxAboveOptions", { code: q.code });
  // An answer has at least one choice, so a maximum below 1 refuses every answer.
  if (q.max !== undefined && q.max < 1) report("max", "surveys.errors.maxBelowOne", { code: q.code });
  if (q.min !== undefined && q.min > count) report("min", "surveys.errors.minAboveOptions", { code: q.code, count });
  for (const bound of ["min", "max"] as const) {
    if (q[bound] !== undefined && !Number.isInteger(q[bound])) report(bound, "surveys.errors.choicesNotWhole", { code: q.code });
  }
}

function Control({ q, value, onChange }: ControlProps) {
  const { t } = useTranslation();
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  return (
    <div className="choices">
      {(q.options ?? []).map((o) => (
        <label key={o.code} className="checkbox">
          <input
            type="checkbox"
            value={o.code}
            checked={chosen.includes(o.code)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.code] : chosen.filter((c) => c !== o.code))}
          />
          {o.label}
        </label>
      ))}
      {q.min !== undefined || q.max !== undefined ? (
        <p className="hint">{t("surveys.fill.chooseRange", { min: q.min ?? 1, max: q.max ?? q.options?.length ?? 0 })}</p>
      ) : null}
    </div>
  );
}

function Editor(props: EditorProps) {
  const { t } = useTranslation();
  return (
    <>
      <BoundsEditor {...props} minLabel={t("surveys.builder.minChoices")} maxLabel={t("surveys.builder.maxChoices")} />
      <OptionsEditor {...props} />
    </>
  );
}

export const multiple: QuestionTypeSpec = {
  fields: (k) => ({ ...optionFields(k), ...boundFields(k) }),
  check,
  create: (code) => ({ options: numberedOptions(code, ["", ""]) }),
  answer: (q, k) => {
    let s = k.z.array(k.option(q)).min(1, { message: k.key("errors.required") });
    if (q.min !== undefined) s = s.min(q.min, { message: k.key("surveys.errors.chooseAtLeast", { min: q.min }) });
    if (q.max !== undefined) s = s.max(q.max, { message: k.key("surveys.errors.chooseAtMost", { max: q.max }) });
    return s.refine((v) => new Set(v).size === v.length, { message: k.key("surveys.errors.repeated") });
  },
  rows: (q, v) => (v as string[]).map((o) => row(q.code, o)),
  format: (q, v) => (v as string[]).map((c) => optionLabel(q, c)).join("; "),
  conditions: OPTION_CONDITIONS,
  listAnswer: true,
  results: { view: "choices", scale: "single", meanable: false, note: "surveys.results.multipleNote" },
  Control,
  Editor,
};
