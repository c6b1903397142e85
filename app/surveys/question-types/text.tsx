// Open answers, short (one line) or long (a paragraph). Free text may hold personal data: it is
// checked before it is sent, and its results are the answers grouped, not counted options.
import { row, TEXT_CONDITIONS, TextControl } from "./parts";
import type { QuestionTypeSpec } from "./spec";

export const TEXT_LIMITS = { shortText: 300, longText: 3000 } as const;

function openAnswer(maxLength: number, multiline: boolean): QuestionTypeSpec {
  return {
    fields: () => ({}),
    answer: (_q, k) => k.z.string().trim().min(1).max(maxLength),
    rows: (q, v) => [row(q.code, "", null, v as string)],
    format: (_q, v) => String(v),
    conditions: TEXT_CONDITIONS,
    results: { view: "answers", scale: "single", meanable: false },
    freeText: true,
    Control: (props) => <TextControl {...props} maxLength={maxLength} multiline={multiline} />,
  };
}

export const shortText = openAnswer(TEXT_LIMITS.shortText, false);
export const longText = openAnswer(TEXT_LIMITS.longText, true);
