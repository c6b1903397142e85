/**
 * A survey definition and the answers it accepts. Shared by the browser (builder, field form) and
 * the server (import, publication, submission): ONE definition schema, and ONE function that
 * derives the answers schema from a definition, so client and server validate identically.
 */
import { errorKey, z } from "~/forms/zod";
import { parseDay } from "~/utils/dates";
import { BANDS, isAnswered, TEXT_LIMITS, visibleQuestions } from "./questionnaire";

// The zod-free part of a questionnaire, used by the field form without loading Zod (questionnaire.ts).
export { BAND_NAMES, BANDS, pruneAnswers, TEXT_LIMITS, textAnswers, visibleQuestions, type Answers, type BandName } from "./questionnaire";

export const QUESTION_TYPES = [
  "single",
  "multiple",
  "likert",
  "matrix",
  "rating",
  "number",
  "date",
  "shortText",
  "longText",
  "ranking",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answer is one or more option codes. */
export const CHOICE_TYPES: readonly QuestionType[] = ["single", "multiple", "likert", "matrix", "ranking"];
/** Review statuses of a stored questionnaire. */
export const RESPONSE_STATUSES = ["submitted", "returned", "accepted"] as const;
export const CONDITION_OPS = ["equals", "notEquals", "includes", "gte", "lte", "answered"] as const;

const code = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(24)
    .regex(/^[A-Z][A-Z0-9_]*$/, { message: errorKey("surveys.errors.badQuestionCode") });
const label = (max = 500) => z.string().trim().min(1).max(max);

const optionSchema = z.strictObject({ code: code(), label: label(300) });
export type SurveyOption = z.infer<typeof optionSchema>;

const conditionSchema = z.strictObject({
  question: code(),
  op: z.enum(CONDITION_OPS),
  value: z.union([z.string().max(24), z.number()]).optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

const questionSchema = z.strictObject({
  code: code(),
  type: z.enum(QUESTION_TYPES),
  title: label(),
  help: z.string().trim().max(500).optional(),
  required: z.boolean().default(false),
  options: z.array(optionSchema).max(30).optional(),
  /** Matrix rows: each is stored under its own code as a question of its own. */
  items: z.array(optionSchema).max(30).optional(),
  /** multiple: min/max selections; number: min/max value. */
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** All conditions must hold for the question to be shown (and answered). */
  showIf: z.array(conditionSchema).max(5).optional(),
});
export type Question = z.infer<typeof questionSchema>;

function issue(ctx: z.RefinementCtx, path: (string | number)[], key: string, params?: Record<string, string | number>) {
  ctx.addIssue({ code: "custom", path, message: errorKey(key, params) });
}

const definitionShape = z.strictObject({
  title: label(300),
  description: z.string().trim().max(3000).optional(),
  questions: z.array(questionSchema).max(100),
});

/**
 * A definition read back from the database: its shape only. It passed `definitionSchema` when it
 * was saved, so a rule added later never makes a published survey (or its answers) unreadable.
 */
export const storedDefinitionSchema = definitionShape;

/** The one schema a definition must satisfy (builder save, JSON import, publication). */
export const definitionSchema = definitionShape
  .superRefine((def, ctx) => {
    const seen = new Map<string, Question>();
    const allCodes = new Set<string>();
    def.questions.forEach((q, i) => {
      const at = ["questions", i];
      if (allCodes.has(q.code)) issue(ctx, [...at, "code"], "surveys.errors.duplicateCode", { code: q.code });
      allCodes.add(q.code);
      const needsOptions = CHOICE_TYPES.includes(q.type);
      if (needsOptions && (q.options?.length ?? 0) < 2) issue(ctx, [...at, "options"], "surveys.errors.needTwoOptions", { code: q.code });
      if (!needsOptions && q.options?.length) issue(ctx, [...at, "options"], "surveys.errors.noOptionsHere", { code: q.code });
      const optionCodes = new Set<string>();
      for (const o of q.options ?? []) {
        if (optionCodes.has(o.code)) issue(ctx, [...at, "options"], "surveys.errors.duplicateCode", { code: o.code });
        optionCodes.add(o.code);
      }
      if (q.type === "matrix") {
        if ((q.items?.length ?? 0) < 1) issue(ctx, [...at, "items"], "surveys.errors.needItems", { code: q.code });
        for (const item of q.items ?? []) {
          // Matrix items are stored as questions: their codes are unique across the survey.
          if (allCodes.has(item.code)) issue(ctx, [...at, "items"], "surveys.errors.duplicateCode", { code: item.code });
          allCodes.add(item.code);
        }
      } else if (q.items?.length) issue(ctx, [...at, "items"], "surveys.errors.noOptionsHere", { code: q.code });
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) issue(ctx, [...at, "max"], "surveys.errors.minAboveMax", { code: q.code });
      if (q.type === "multiple") {
        const count = q.options?.length ?? 0;
        if (q.max !== undefined && q.max > count) issue(ctx, [...at, "max"], "surveys.errors.maxAboveOptions", { code: q.code });
        // An answer has at least one choice, so a maximum below 1 refuses every answer.
        if (q.max !== undefined && q.max < 1) issue(ctx, [...at, "max"], "surveys.errors.maxBelowOne", { code: q.code });
        if (q.min !== undefined && q.min > count) issue(ctx, [...at, "min"], "surveys.errors.minAboveOptions", { code: q.code, count });
        for (const bound of ["min", "max"] as const) {
          if (q[bound] !== undefined && !Number.isInteger(q[bound])) issue(ctx, [...at, bound], "surveys.errors.choicesNotWhole", { code: q.code });
        }
      }
      for (const [k, c] of (q.showIf ?? []).entries()) {
        const target = seen.get(c.question);
        if (!target) {
          issue(ctx, [...at, "showIf", k], "surveys.errors.conditionNotEarlier", { code: q.code, target: c.question });
          continue;
        }
        if (c.op !== "answered" && c.value === undefined) issue(ctx, [...at, "showIf", k], "surveys.errors.conditionValue", { code: q.code });
        const numeric = target.type === "number" || target.type === "rating";
        if (target.type === "matrix") {
          // A matrix answer is one choice per row, never a single value: only "answered" can hold.
          if (c.op !== "answered") issue(ctx, [...at, "showIf", k], "surveys.errors.conditionOnMatrix", { code: q.code, target: c.question });
        } else if ((c.op === "gte" || c.op === "lte") && !numeric) {
          issue(ctx, [...at, "showIf", k], "surveys.errors.conditionNotNumeric", { code: q.code, target: c.question });
        } else if (numeric && c.op !== "answered" && c.value !== undefined && typeof c.value !== "number") {
          // The answer is a number: compared with the text "5" it never equals.
          issue(ctx, [...at, "showIf", k], "surveys.errors.conditionNeedsNumber", { code: q.code, target: c.question });
        } else if ((c.op === "equals" || c.op === "notEquals" || c.op === "includes") && CHOICE_TYPES.includes(target.type)) {
          if (!target.options?.some((o) => o.code === c.value)) {
            issue(ctx, [...at, "showIf", k], "surveys.errors.conditionOption", { code: q.code, target: c.question });
          }
        }
      }
      seen.set(q.code, q);
    });
  });

export type SurveyDefinition = z.infer<typeof definitionSchema>;

const optionOf = (q: Question) => {
  const codes = (q.options ?? []).map((o) => o.code);
  return z.string().refine((v) => codes.includes(v), { message: errorKey("surveys.errors.unknownOption") });
};

function valueSchema(q: Question): z.ZodType {
  switch (q.type) {
    case "single":
    case "likert":
      return optionOf(q);
    case "multiple": {
      let s = z.array(optionOf(q)).min(1, { message: errorKey("errors.required") });
      if (q.min !== undefined) s = s.min(q.min, { message: errorKey("surveys.errors.chooseAtLeast", { min: q.min }) });
      if (q.max !== undefined) s = s.max(q.max, { message: errorKey("surveys.errors.chooseAtMost", { max: q.max }) });
      return s.refine((v) => new Set(v).size === v.length, { message: errorKey("surveys.errors.repeated") });
    }
    case "ranking":
      return z
        .array(optionOf(q))
        .min(1, { message: errorKey("errors.required") })
        .refine((v) => new Set(v).size === v.length, { message: errorKey("surveys.errors.repeated") });
    case "matrix": {
      const shape: Record<string, z.ZodType> = {};
      for (const item of q.items ?? []) shape[item.code] = optionOf(q).optional();
      return z.strictObject(shape).refine((v) => Object.keys(v).length > 0, { message: errorKey("errors.required") });
    }
    case "rating":
      return z
        .number({ message: errorKey("surveys.errors.notANumber") })
        .int({ message: errorKey("surveys.errors.notInteger") })
        .min(0, { message: errorKey("surveys.errors.outOfRange", { min: 0, max: 10 }) })
        .max(10, { message: errorKey("surveys.errors.outOfRange", { min: 0, max: 10 }) });
    case "number": {
      const range = errorKey("surveys.errors.outOfRange", { min: q.min ?? "−∞", max: q.max ?? "∞" });
      let s = z.number({ message: errorKey("surveys.errors.notANumber") }).finite();
      if (q.integer) s = s.int({ message: errorKey("surveys.errors.notInteger") });
      if (q.min !== undefined) s = s.min(q.min, { message: range });
      if (q.max !== undefined) s = s.max(q.max, { message: range });
      return s;
    }
    case "date":
      // A real calendar day as yyyy-MM-dd (Date.parse takes 2024-02-31 for 2 March).
      return z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDay(v) !== null, {
        message: errorKey("errors.badDate"),
      });
    case "shortText":
    case "longText":
      return z.string().trim().min(1).max(TEXT_LIMITS[q.type]);
  }
}

/**
 * The schema of the answers to a definition: keys are question codes (unknown codes rejected),
 * each value is typed by its question; required visible questions must be answered, and a question
 * hidden by the logic must NOT be answered.
 */
export function answersSchema(def: SurveyDefinition) {
  // Building a schema costs ~1.5 ms; a definition object (frozen versions are cached) reuses its own.
  let schema = schemaCache.get(def);
  if (!schema) schemaCache.set(def, (schema = buildAnswersSchema(def)));
  return schema;
}

const schemaCache = new WeakMap<SurveyDefinition, ReturnType<typeof buildAnswersSchema>>();

function buildAnswersSchema(def: SurveyDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const q of def.questions) shape[q.code] = valueSchema(q).optional();
  return z.strictObject(shape).superRefine((answers, ctx) => {
    const visible = visibleQuestions(def, answers);
    for (const q of def.questions) {
      const answered = isAnswered(answers[q.code]);
      if (!visible.has(q.code) && answered) issue(ctx, [q.code], "surveys.errors.hiddenAnswered", { code: q.code });
      if (visible.has(q.code) && q.required && !answered) issue(ctx, [q.code], "errors.required");
      if (visible.has(q.code) && q.required && q.type === "matrix" && answered) {
        const row = answers[q.code] as Record<string, unknown>;
        if ((q.items ?? []).some((item) => !isAnswered(row[item.code]))) issue(ctx, [q.code], "surveys.errors.matrixIncomplete");
      }
    }
  });
}

const bandsSchema = z.strictObject({
  ageBand: z.enum(BANDS.ageBand),
  gender: z.enum(BANDS.gender),
  occupation: z.enum(BANDS.occupation),
  area: z.enum(BANDS.area),
});
export type Bands = z.infer<typeof bandsSchema>;

/** The envelope a field form posts; answers are checked afterwards against the survey's version. */
export const submissionSchema = z.strictObject({
  // Lower-cased here, at the boundary: the upper-case spelling of a UUID is the same questionnaire
  // (idempotency is by this value, compared as stored).
  uuid: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      message: errorKey("surveys.errors.badUuid"),
    })
    .toLowerCase(),
  surveyId: z.number().int().positive(),
  version: z.number().int().positive(),
  revision: z.number().int().positive().default(1),
  bands: bandsSchema,
  answers: z.record(z.string(), z.unknown()),
  /** The collaborator confirms flagged free-text answers are not personal data (docs/decisions/0015). */
  confirmNoPersonalData: z.boolean().default(false),
});
export type Submission = z.infer<typeof submissionSchema>;

/** JSON with object keys sorted: the same content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Parses definition JSON text; returns the definition or the list of error keys with paths. */
export function parseDefinitionJson(text: string):
  | { ok: true; definition: SurveyDefinition }
  | { ok: false; errors: { path: string; message: string }[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: "", message: errorKey("surveys.errors.badJson") }] };
  }
  const parsed = definitionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })),
  };
}

type StoredCode = { type: QuestionType | "matrixRow"; options: string[]; items: string[]; parent?: string };

/** The codes answers are stored under (a matrix row as a question of its own) and what they mean. */
function storedCodes(def: SurveyDefinition): Map<string, StoredCode> {
  const out = new Map<string, StoredCode>();
  for (const q of def.questions) {
    const options = (q.options ?? []).map((o) => o.code);
    out.set(q.code, { type: q.type, options, items: (q.items ?? []).map((i) => i.code) });
    for (const item of q.items ?? []) out.set(item.code, { type: "matrixRow", options, items: [], parent: q.code });
  }
  return out;
}

/** Likert and matrix answers store the option's position (rows.ts): their scale may only grow at the end. */
const POSITIONAL = ["likert", "matrix", "matrixRow"];

/**
 * Published codes whose meaning a new version would change, compared with EVERY earlier published
 * version (a code dropped in v2 cannot come back as something else in v3): a code keeps its type
 * and every option and matrix-row code it had (new ones may be added), so versions and waves still
 * compare (`changed`); on Likert and matrix scales the earlier options also keep their positions,
 * new ones go at the end (`reordered`).
 */
export function changedCodes(published: SurveyDefinition[], next: SurveyDefinition): { changed: string[]; reordered: string[] } {
  const now = storedCodes(next);
  const changed = new Set<string>();
  const reordered = new Set<string>();
  for (const def of published) {
    for (const [code, was] of storedCodes(def)) {
      const kept = now.get(code);
      // A row of a matrix reported as a whole is not listed again.
      if (!kept || (kept.parent && (changed.has(kept.parent) || reordered.has(kept.parent)))) continue;
      if (
        kept.type !== was.type ||
        was.options.some((o) => !kept.options.includes(o)) ||
        was.items.some((i) => !kept.items.includes(i))
      ) {
        changed.add(code);
      } else if (POSITIONAL.includes(was.type) && was.options.some((o, i) => kept.options[i] !== o)) {
        reordered.add(code);
      }
    }
  }
  return { changed: [...changed], reordered: [...reordered].filter((c) => !changed.has(c)) };
}

export const emptyDefinition = (title: string): SurveyDefinition => ({ title, questions: [] });
