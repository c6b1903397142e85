// One point of an ordered agreement or satisfaction scale ("Rất không hài lòng" … "Rất hài lòng").
// The answer's stored number is the point's place on the scale, so it has a mean.
import { checkOptions, numberedOptions, OPTION_CONDITIONS, optionFields, optionLabel, optionPosition, OptionsEditor, RadioChoices, row } from "./parts";
import type { QuestionTypeSpec } from "./spec";

export const likert: QuestionTypeSpec = {
  fields: optionFields,
  check: checkOptions,
  create: (code, likertLabels) => ({ options: numberedOptions(code, likertLabels) }),
  answer: (q, k) => k.option(q),
  rows: (q, v) => [row(q.code, v as string, optionPosition(q, v as string))],
  format: (q, v) => optionLabel(q, v as string),
  conditions: OPTION_CONDITIONS,
  results: { view: "choices", scale: "diverging", meanable: true },
  positional: true,
  Control: (props) => <RadioChoices {...props} inRow />,
  Editor: OptionsEditor,
};
