// A value picked on a slider between two labelled ends ("0 = hoàn toàn không tin tưởng …
// 100 = hoàn toàn tin tưởng"), in steps. The value is the stored number (a mean is shown), and its
// results are the values grouped in at most 20 ranges, so a 0–100 slider reads as ten bars of ten.
import { useTranslation } from "react-i18next";
import { boundFields, BoundsEditor, NUMBER_CONDITIONS, NumberSetting, row } from "./parts";
import type { Bins, ControlProps, EditorProps, Question, QuestionTypeSpec, Report } from "./spec";

/** More steps than this make a slider no finger can set to one value. */
const MAX_STEPS = 1000;
/** Ranges in the results at the most. */
const MAX_BINS = 20;
const END_LABEL_MAX = 60;

const stepOf = (q: Question) => q.step ?? 1;
/** How many steps from `from` to `to`, when that is a whole number (floating point allowed for). */
const wholeSteps = (from: number, to: number, step: number) => {
  const steps = (to - from) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? Math.round(steps) : null;
};

function check(q: Question, report: Report) {
  const { min, max } = q;
  const step = stepOf(q);
  if (min === undefined) return report("min", "surveys.errors.sliderNeedsBounds", { code: q.code });
  if (max === undefined) return report("max", "surveys.errors.sliderNeedsBounds", { code: q.code });
  if (min >= max) return report("max", "surveys.errors.minAboveMax", { code: q.code });
  if (!(step > 0)) return report("step", "surveys.errors.sliderStep", { code: q.code, max: MAX_STEPS });
  const steps = wholeSteps(min, max, step);
  if (steps === null || steps > MAX_STEPS) report("step", "surveys.errors.sliderStep", { code: q.code, max: MAX_STEPS });
}

/** Result ranges: one per value when there are few, else a round multiple of the step (×2, ×5, ×10, …). */
function bins(q: Question): Bins {
  const step = stepOf(q);
  const values = (wholeSteps(q.min ?? 0, q.max ?? 0, step) ?? 0) + 1;
  const factor = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((f) => values / f <= MAX_BINS) ?? MAX_STEPS;
  return { start: q.min ?? 0, width: step * factor, step, last: q.max ?? 0 };
}

function Control({ q, id, title, value, onChange, invalid, describedBy }: ControlProps) {
  const { t } = useTranslation();
  const min = q.min ?? 0;
  const max = q.max ?? 100;
  const answered = typeof value === "number";
  // Unanswered, the thumb rests in the middle, dimmed, and says so; the first touch or key sets it.
  const resting = min + Math.round((max - min) / 2 / stepOf(q)) * stepOf(q);
  const shown = answered ? String(value) : t("surveys.fill.sliderUnset");
  return (
    <div className="slider">
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={stepOf(q)}
          value={answered ? (value as number) : resting}
          data-unset={answered ? undefined : "true"}
          onChange={(e) => onChange(e.currentTarget.valueAsNumber)}
          // A tap on the resting thumb changes nothing, yet it is an answer.
          onClick={(e) => (answered ? undefined : onChange(e.currentTarget.valueAsNumber))}
          aria-valuetext={shown}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-label={title}
        />
        <output htmlFor={id} className="slider-value" aria-hidden="true">{shown}</output>
      </div>
      <div className="slider-ends" aria-hidden="true">
        <span>{min}{q.minLabel ? ` · ${q.minLabel}` : ""}</span>
        <span>{max}{q.maxLabel ? ` · ${q.maxLabel}` : ""}</span>
      </div>
      {q.minLabel || q.maxLabel ? (
        <p className="visually-hidden">{t("surveys.fill.sliderEnds", { min, minLabel: q.minLabel ?? "", max, maxLabel: q.maxLabel ?? "" })}</p>
      ) : null}
      {answered ? (
        <button type="button" className="link-button" onClick={() => onChange(undefined)} aria-label={t("surveys.fill.sliderClearNamed", { title })}>
          {t("surveys.fill.sliderClear")}
        </button>
      ) : null}
    </div>
  );
}

function Editor(props: EditorProps) {
  const { t } = useTranslation();
  const { q, id, onChange } = props;
  return (
    <>
      <BoundsEditor {...props} minLabel={t("surveys.builder.minValue")} maxLabel={t("surveys.builder.maxValue")} />
      <div className="grid-3">
        <NumberSetting id={`${id}-step`} label={t("surveys.builder.step")} value={q.step} onChange={(step) => onChange({ step })} step="any" />
        <div className="field">
          <label htmlFor={`${id}-min-label`}>{t("surveys.builder.minLabel")}</label>
          <input id={`${id}-min-label`} maxLength={END_LABEL_MAX} value={q.minLabel ?? ""} onChange={(e) => onChange({ minLabel: e.target.value || undefined })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max-label`}>{t("surveys.builder.maxLabel")}</label>
          <input id={`${id}-max-label`} maxLength={END_LABEL_MAX} value={q.maxLabel ?? ""} onChange={(e) => onChange({ maxLabel: e.target.value || undefined })} />
        </div>
      </div>
    </>
  );
}

export const slider: QuestionTypeSpec = {
  fields: (k) => ({
    ...boundFields(k),
    step: k.z.number().optional(),
    minLabel: k.text(END_LABEL_MAX).optional(),
    maxLabel: k.text(END_LABEL_MAX).optional(),
  }),
  check,
  create: () => ({ min: 0, max: 100, step: 1 }),
  answer: (q, k) => {
    const min = q.min ?? 0;
    const max = q.max ?? 0;
    const range = k.key("surveys.errors.outOfRange", { min, max });
    return k.z
      .number({ message: k.key("surveys.errors.notANumber") })
      .min(min, { message: range })
      .max(max, { message: range })
      .refine((v) => wholeSteps(min, v, stepOf(q)) !== null, { message: k.key("surveys.errors.offStep", { step: stepOf(q) }) });
  },
  rows: (q, v) => [row(q.code, "", v as number)],
  format: (_q, v) => String(v),
  conditions: NUMBER_CONDITIONS,
  results: { view: "numbers", scale: "single", meanable: true, bins },
  numeric: true,
  Control,
  Editor,
};
