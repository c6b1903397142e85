/**
 * What a question type is: everything the app knows about one type, in one object (the Formbricks
 * model: one definition per type, the survey schema a discriminated union of them). Each type lives
 * in its own module beside this one; ./index.ts lists them. Adding a type is one module and one line.
 *
 * Zod is handed to a type (`SchemaKit`, `AnswerKit`) instead of imported: the field form uses the
 * types' controls and logic on its first load, which stays without Zod (docs/performance.md), and
 * definition.ts, which loads Zod, builds the schemas from the same objects.
 */
import type { ComponentType } from "react";
import type { z } from "zod";
import type { QuestionType } from "./index";

export type { QuestionType };

export type SurveyOption = { code: string; label: string };

export const CONDITION_OPS = ["equals", "notEquals", "gte", "lte", "answered"] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];
export type Condition = { question: string; op: ConditionOp; value?: string | number };

/**
 * A question as stored: the fields every type has, and the optional ones only some types accept
 * (each type's `fields` says which; the definition schema refuses the others).
 */
export type Question = {
  code: string;
  type: QuestionType;
  title: string;
  help?: string;
  required: boolean;
  options?: SurveyOption[];
  /** Matrix rows: each is stored under its own code as a question of its own. */
  items?: SurveyOption[];
  /** multiple: min/max selections; number and slider: min/max value. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** slider: the distance between two values, and the words at its two ends. */
  step?: number;
  minLabel?: string;
  maxLabel?: string;
  /** All conditions must hold for the question to be shown (and answered). */
  showIf?: Condition[];
};

/** One stored answer row (SurveyAnswer in prisma/schema/surveys.prisma). */
export type AnswerRow = { question: string; option: string; num: number | null; text: string | null };

/** A row of a question's results: the question itself, or (matrix) one of its items, with the options it counts. */
export type ResultRow = { code: string; title: string; label: string; options: SurveyOption[] };

/** How a question's options are coloured in charts (app/surveys/result-palette.ts). */
export type ScaleKind = "diverging" | "sequential" | "single";

/**
 * The results views a type can choose (app/surveys/results-views.tsx draws each): bars per option,
 * a matrix's stacked bars, a distribution of numbers, grouped open answers, or nothing.
 */
export type ResultsView = "choices" | "matrix" | "numbers" | "answers" | "none";

/**
 * Numbers read in ranges of `width` from `start` (a slider's 0–100 in tens) rather than value by
 * value; a range's last value is `step` below the next range, and none is above `last`.
 */
export type Bins = { start: number; width: number; step: number; last: number };

/**
 * The Zod constructors a type may use. Named one by one, not the whole namespace: a namespace
 * passed around as a value keeps all of Zod (its locales, JSON Schema) in every page that loads it.
 */
export type ZodKit = Pick<typeof z, "string" | "number" | "boolean" | "array" | "strictObject">;

/** Builds a type's definition fields with the app's Zod (configured messages) and shared pieces. */
export type SchemaKit = {
  z: ZodKit;
  /** A list of options (code + label), as choice questions and matrix rows have. */
  options: () => z.ZodOptional<z.ZodArray<z.ZodType<SurveyOption>>>;
  /** A short text, trimmed, at most `max` characters. */
  text: (max: number) => z.ZodType<string>;
};

/** Builds a type's answer schema. */
export type AnswerKit = {
  z: ZodKit;
  /** One of the question's option codes. */
  option: (q: Question) => z.ZodType<string>;
  /** An error message as an i18n key (app/forms/error-key.ts). */
  key: (key: string, params?: Record<string, string | number>) => string;
};

/** Reports a definition problem at a field of the question (`surveys.errors.*` keys take `{ code }`). */
export type Report = (field: string, key: string, params?: Record<string, string | number>) => void;

export type ControlProps = {
  q: Question;
  /** The control's id (and prefix of its parts' ids). */
  id: string;
  /** The question as the control's accessible name ("Q3. Số người trong hộ *"). */
  title: string;
  value: unknown;
  onChange: (value: unknown) => void;
  invalid: boolean;
  describedBy?: string;
};

export type EditorProps = {
  q: Question;
  /** Prefix of the editor's field ids. */
  id: string;
  onChange: (patch: Partial<Question>) => void;
};

export interface QuestionTypeSpec {
  /** The definition fields this type adds to the common ones; only these are accepted for it. */
  fields: (kit: SchemaKit) => Record<string, z.ZodType>;
  /** Rules on those fields that a shape cannot state (bounds against the options, …). */
  check?: (q: Question, report: Report) => void;
  /** A new question's own fields in the builder; `likert` holds the default scale texts in the designer's language. */
  create?: (code: string, likert: readonly string[]) => Partial<Question>;
  /** The schema of one answer (present and visible; "required" is checked by the survey). */
  answer: (q: Question, kit: AnswerKit) => z.ZodType;
  /** The answer's stored rows. */
  rows: (q: Question, value: unknown) => AnswerRow[];
  /** The answer as a reviewer reads it. */
  format: (q: Question, value: unknown) => string;
  /**
   * What conditions on this question can test: the operators, what the value is, and the error
   * when another operator is used.
   */
  conditions: { ops: readonly ConditionOp[]; value: "option" | "number" | "text" | "none"; refused: string };
  /** The rows its results have and the options each counts (default: the question with its options). */
  resultRows?: (q: Question) => ResultRow[];
  results: {
    view: ResultsView;
    scale: ScaleKind;
    /** A mean is shown (the stored `num`s are the values or the scale positions). */
    meanable: boolean;
    /** Bars stand up (a 0–10 score) instead of lying along the labels. */
    vertical?: boolean;
    /** A note under the chart (an i18n key). */
    note?: string;
    /** Numbers grouped in ranges rather than value by value. */
    bins?: (q: Question) => Bins;
  };
  /**
   * The answer is a list of options (chosen or ranked): stored as several rows of one code, so its
   * n counts questionnaires, not rows; a condition's "equals" on it means "has chosen".
   */
  listAnswer?: boolean;
  /** The stored `num` is the option's position on the scale: published options keep their places. */
  positional?: boolean;
  /** The answer is free text: checked for personal data before it is sent. */
  freeText?: boolean;
  /** The answer is a number: a numeric column in the answers export. */
  numeric?: boolean;
  /** The form's control for an answer. */
  Control: ComponentType<ControlProps>;
  /** The builder's fields for what only this type has (options, bounds, …). */
  Editor?: ComponentType<EditorProps>;
}

/** The rows a question's results have when it has no `resultRows` of its own. */
export const ownRow = (q: Question): ResultRow[] => [{ code: q.code, title: q.title, label: q.title, options: q.options ?? [] }];
