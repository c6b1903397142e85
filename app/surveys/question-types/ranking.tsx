// The options put in order of importance (first, second, …); ranks left empty at the end are allowed.
import { useTranslation } from "react-i18next";
import { checkOptions, OPTION_CONDITIONS, numberedOptions, optionFields, optionLabel, OptionsEditor, row } from "./parts";
import type { ControlProps, QuestionTypeSpec } from "./spec";

function Control({ q, id, value, onChange }: ControlProps) {
  const { t } = useTranslation();
  const order = Array.isArray(value) ? (value as string[]) : [];
  const options = q.options ?? [];
  return options.map((_, rank) => (
    <div className="field" key={rank}>
      <label htmlFor={`${id}-rank-${rank}`}>{t("surveys.fill.rank", { rank: rank + 1 })}</label>
      <select
        id={`${id}-rank-${rank}`}
        value={order[rank] ?? ""}
        onChange={(e) => {
          const next = options.map((__, i) => (i === rank ? e.target.value : (order[i] ?? "")));
          // Trailing empty ranks are dropped; a gap keeps the order of what was chosen.
          onChange(next.filter(Boolean));
        }}
      >
        <option value="">{t("common.choose")}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>{o.label}</option>
        ))}
      </select>
    </div>
  ));
}

export const ranking: QuestionTypeSpec = {
  fields: optionFields,
  check: checkOptions,
  create: (code) => ({ options: numberedOptions(code, ["", ""]) }),
  answer: (q, k) =>
    k.z
      .array(k.option(q))
      .min(1, { message: k.key("errors.required") })
      .refine((v) => new Set(v).size === v.length, { message: k.key("surveys.errors.repeated") }),
  // Each chosen option with its rank as the number.
  rows: (q, v) => (v as string[]).map((o, i) => row(q.code, o, i + 1)),
  format: (q, v) => (v as string[]).map((c, i) => `${i + 1}. ${optionLabel(q, c)}`).join("; "),
  conditions: OPTION_CONDITIONS,
  listAnswer: true,
  results: { view: "choices", scale: "single", meanable: false },
  Control,
  Editor: OptionsEditor,
};
