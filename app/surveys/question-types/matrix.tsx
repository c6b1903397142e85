// Several items rated on one scale ("Đánh giá dịch vụ: y tế / giáo dục / …" × "Kém … Tốt"). Each
// item is stored as a question of its own (its code unique across the survey), with the chosen
// point's place on the scale as its number.
import { useTranslation } from "react-i18next";
import { checkOptions, isAnswered, optionFields, optionLabel, OptionList, optionPosition, row } from "./parts";
import type { ControlProps, EditorProps, Question, QuestionTypeSpec, Report } from "./spec";

function check(q: Question, report: Report) {
  checkOptions(q, report);
  if ((q.items?.length ?? 0) < 1) report("items", "surveys.errors.needItems", { code: q.code });
}

function Control({ q, id, value, onChange }: ControlProps) {
  const answered = value && typeof value === "object" ? (value as Record<string, string>) : {};
  return (q.items ?? []).map((item) => (
    <fieldset key={item.code} className="matrix-item">
      <legend>{item.label}</legend>
      <div className="choices choices-row">
        {(q.options ?? []).map((o) => (
          <label key={o.code} className="checkbox">
            <input
              type="radio"
              name={`${id}-${item.code}`}
              value={o.code}
              checked={answered[item.code] === o.code}
              onChange={() => onChange({ ...answered, [item.code]: o.code })}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  ));
}

function Editor({ q, id, onChange }: EditorProps) {
  const { t } = useTranslation();
  return (
    <>
      <OptionList label={t("surveys.builder.items")} prefix={`${id}-item`} options={q.items ?? []} codeBase={`${q.code}_`} letters onChange={(items) => onChange({ items })} />
      <OptionList label={t("surveys.builder.scale")} prefix={`${id}-opt`} options={q.options ?? []} codeBase="M" onChange={(options) => onChange({ options })} />
    </>
  );
}

export const matrix: QuestionTypeSpec = {
  fields: (k) => ({ ...optionFields(k), items: k.options() }),
  check,
  create: (code, likertLabels) => ({ options: likertLabels.map((label, i) => ({ code: `M${i + 1}`, label })), items: [{ code: `${code}_A`, label: "" }] }),
  answer: (q, k) =>
    k.z
      .strictObject(Object.fromEntries((q.items ?? []).map((item) => [item.code, k.option(q).optional()])))
      .refine((v) => Object.keys(v).length > 0, { message: k.key("errors.required") })
      // A required matrix is answered on every row.
      .refine((v) => !q.required || (q.items ?? []).every((item) => isAnswered((v as Record<string, unknown>)[item.code])), {
        message: k.key("surveys.errors.matrixIncomplete"),
      }),
  rows: (q, v) => Object.entries(v as Record<string, string>).map(([item, o]) => row(item, o, optionPosition(q, o))),
  format: (q, v) =>
    (q.items ?? [])
      .map((item) => {
        const chosen = (v as Record<string, string>)[item.code];
        return `${item.label}: ${chosen ? optionLabel(q, chosen) : "—"}`;
      })
      .join("; "),
  // A matrix answer is one choice per row, never a single value: only "answered" can hold.
  conditions: { ops: ["answered"], value: "none", refused: "surveys.errors.conditionOnMatrix" },
  resultRows: (q) => (q.items ?? []).map((item) => ({ code: item.code, title: `${q.title} — ${item.label}`, label: item.label, options: q.options ?? [] })),
  results: { view: "matrix", scale: "diverging", meanable: true },
  positional: true,
  Control,
  Editor,
};
