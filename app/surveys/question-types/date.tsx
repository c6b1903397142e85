// A calendar day, stored as yyyy-MM-dd and read as dd/MM/yyyy.
import { isoDayToVietnamese, parseDay } from "~/utils/dates";
import { row, TEXT_CONDITIONS } from "./parts";
import type { ControlProps, QuestionTypeSpec } from "./spec";

function Control({ id, title, value, onChange, invalid, describedBy }: ControlProps) {
  return (
    <input id={id} type="date" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}
      aria-invalid={invalid || undefined} aria-describedby={describedBy} aria-label={title} />
  );
}

export const date: QuestionTypeSpec = {
  fields: () => ({}),
  // A real calendar day as yyyy-MM-dd (Date.parse takes 2024-02-31 for 2 March).
  answer: (_q, k) => k.z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDay(v) !== null, { message: k.key("errors.badDate") }),
  rows: (q, v) => [row(q.code, "", null, v as string)],
  format: (_q, v) => isoDayToVietnamese(v),
  conditions: TEXT_CONDITIONS,
  results: { view: "none", scale: "single", meanable: false },
  Control,
};
