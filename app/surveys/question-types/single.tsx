// One option out of a list ("Đời sống so với quý trước: tốt hơn / như cũ / kém hơn").
import { checkOptions, numberedOptions, OPTION_CONDITIONS, optionFields, optionLabel, OptionsEditor, RadioChoices, row } from "./parts";
import type { QuestionTypeSpec } from "./spec";

export const single: QuestionTypeSpec = {
  fields: optionFields,
  check: checkOptions,
  create: (code) => ({ options: numberedOptions(code, ["", ""]) }),
  answer: (q, k) => k.option(q),
  rows: (q, v) => [row(q.code, v as string)],
  format: (q, v) => optionLabel(q, v as string),
  conditions: OPTION_CONDITIONS,
  results: { view: "choices", scale: "single", meanable: false },
  Control: (props) => <RadioChoices {...props} />,
  Editor: OptionsEditor,
};
