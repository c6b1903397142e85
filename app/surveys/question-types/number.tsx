// A number typed in ("Số người trong hộ"), within optional bounds, whole or not.
import { useTranslation } from "react-i18next";
import { boundFields, BoundsEditor, checkBounds, NUMBER_CONDITIONS, row } from "./parts";
import type { ControlProps, EditorProps, QuestionTypeSpec } from "./spec";

function Control({ q, id, title, value, onChange, invalid, describedBy }: ControlProps) {
  return (
    <input
      id={id}
      type="number"
      inputMode={q.integer ? "numeric" : "decimal"}
      step={q.integer ? 1 : "any"}
      min={q.min}
      max={q.max}
      value={typeof value === "number" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      aria-label={title}
    />
  );
}

function Editor(props: EditorProps) {
  const { t } = useTranslation();
  const { q, onChange } = props;
  return (
    <>
      <BoundsEditor {...props} minLabel={t("surveys.builder.minValue")} maxLabel={t("surveys.builder.maxValue")} />
      <label className="checkbox">
        <input type="checkbox" checked={Boolean(q.integer)} onChange={(e) => onChange({ integer: e.target.checked || undefined })} />
        {t("surveys.builder.integer")}
      </label>
    </>
  );
}

export const number: QuestionTypeSpec = {
  fields: (k) => ({ ...boundFields(k), integer: k.z.boolean().optional() }),
  check: checkBounds,
  answer: (q, k) => {
    const range = k.key("surveys.errors.outOfRange", { min: q.min ?? "−∞", max: q.max ?? "∞" });
    let s = k.z.number({ message: k.key("surveys.errors.notANumber") }).finite();
    if (q.integer) s = s.int({ message: k.key("surveys.errors.notInteger") });
    if (q.min !== undefined) s = s.min(q.min, { message: range });
    if (q.max !== undefined) s = s.max(q.max, { message: range });
    return s;
  },
  rows: (q, v) => [row(q.code, "", v as number)],
  format: (_q, v) => String(v),
  conditions: NUMBER_CONDITIONS,
  results: { view: "numbers", scale: "single", meanable: true },
  numeric: true,
  Control,
  Editor,
};
