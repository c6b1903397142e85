// A score from 0 to 10 ("Chấm điểm thái độ phục vụ"): each score is an option of its own in the
// results (coloured light to dark), and the score is the stored number, so it has a mean.
import { NUMBER_CONDITIONS, row } from "./parts";
import type { ControlProps, QuestionTypeSpec } from "./spec";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

function Control({ id, value, onChange }: ControlProps) {
  return (
    <div className="choices rating">
      {SCORES.map((i) => (
        <label key={i} className="checkbox">
          <input type="radio" name={id} value={i} checked={value === i} onChange={() => onChange(i)} />
          {i}
        </label>
      ))}
    </div>
  );
}

export const rating: QuestionTypeSpec = {
  fields: () => ({}),
  answer: (_q, k) => {
    const range = k.key("surveys.errors.outOfRange", { min: 0, max: 10 });
    return k.z
      .number({ message: k.key("surveys.errors.notANumber") })
      .int({ message: k.key("surveys.errors.notInteger") })
      .min(0, { message: range })
      .max(10, { message: range });
  },
  rows: (q, v) => [row(q.code, String(v), v as number)],
  format: (_q, v) => String(v),
  conditions: NUMBER_CONDITIONS,
  resultRows: (q) => [{ code: q.code, title: q.title, label: q.title, options: SCORES.map((i) => ({ code: String(i), label: String(i) })) }],
  results: { view: "choices", scale: "sequential", meanable: true, vertical: true },
  numeric: true,
  Control,
};
