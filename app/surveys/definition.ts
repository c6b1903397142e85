/**
 * A survey definition and the answers it accepts. Shared by the browser (builder, field form) and
 * the server (import, publication, submission): ONE definition schema, and ONE function that
 * derives the answers schema from a definition, so client and server validate identically.
 */
import { errorKey, z } from "~/forms/zod";
import { QUESTION_TYPES, resultRowsOf, specOf, type QuestionType } from "./question-types";
import { CONDITION_OPS, type AnswerKit, type Condition, type Question, type SchemaKit, type SurveyOption, type ZodKit } from "./question-types/spec";
import { BANDS, isAnswered, visibleQuestions } from "./questionnaire";

// The zod-free part of a questionnaire, used by the field form without loading Zod (questionnaire.ts).
export { BAND_NAMES, BANDS, pruneAnswers, TEXT_LIMITS, textAnswers, visibleQuestions, type Answers, type BandName } from "./questionnaire";
export { CONDITION_OPS, QUESTION_TYPES, resultRowsOf, specOf, type Condition, type Question, type QuestionType, type SurveyOption };

/** Review statuses of a stored questionnaire. */
export const RESPONSE_STATUSES = ["submitted", "returned", "accepted"] as const;

export type SurveyDefinition = { title: string; description?: string; questions: Question[] };

const code = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(24)
    .regex(/^[A-Z][A-Z0-9_]*$/, { message: errorKey("surveys.errors.badQuestionCode") });
const label = (max = 500) => z.string().trim().min(1).max(max);

const optionSchema = z.strictObject({ code: code(), label: label(300) });

// The constructors the question types use (spec.ts: ZodKit), not the namespace (which keeps all of Zod).
const zodKit: ZodKit = { string: z.string, number: z.number, boolean: z.boolean, array: z.array, strictObject: z.strictObject };
const schemaKit: SchemaKit = { z: zodKit, options: () => z.array(optionSchema).max(30).optional(), text: (max) => label(max) };

const conditionValue = z.union([z.string().max(24), z.number()]).optional();
const conditionSchema = z.strictObject({ question: code(), op: z.enum(CONDITION_OPS), value: conditionValue });

/** The fields every question has, whatever its type. */
const commonFields = (condition: z.ZodType) => ({
  code: code(),
  title: label(),
  help: z.string().trim().max(500).optional(),
  required: z.boolean().default(false),
  /** All conditions must hold for the question to be shown (and answered). */
  showIf: z.array(condition).max(5).optional(),
});

/**
 * One schema per type: the common fields and the type's own (`strict`: no other field is
 * accepted), told apart by `type` (a discriminated union).
 */
function questionSchema(strict: boolean, condition: z.ZodType) {
  const object = strict ? z.strictObject : z.object;
  const perType = QUESTION_TYPES.map((type) => object({ ...commonFields(condition), type: z.literal(type), ...specOf(type).fields(schemaKit) }));
  return z.discriminatedUnion("type", perType as unknown as [z.ZodObject, ...z.ZodObject[]]);
}

/** The fields a question of this type may have: the common ones and its own (the builder drops the rest on a change of type). */
export function fieldsOf(type: QuestionType): Set<string> {
  // Computed once a type: the builder asks on every keystroke, and each answer builds Zod schemas.
  let fields = fieldsByType.get(type);
  if (!fields) fieldsByType.set(type, (fields = new Set(["type", ...Object.keys(commonFields(conditionSchema)), ...Object.keys(specOf(type).fields(schemaKit))])));
  return fields;
}
const fieldsByType = new Map<QuestionType, Set<string>>();

function issue(ctx: z.RefinementCtx, path: (string | number)[], key: string, params?: Record<string, string | number>) {
  ctx.addIssue({ code: "custom", path, message: errorKey(key, params) });
}

/**
 * A definition read back from the database: its shape only. It passed `definitionSchema` when it
 * was saved, so a rule added later never makes a published survey (or its answers) unreadable:
 * fields a type no longer takes are dropped, and the retired condition "includes" reads as
 * "equals" (which on a list of choices always meant "includes").
 */
export const storedDefinitionSchema = z.strictObject({
  title: label(300),
  description: z.string().trim().max(3000).optional(),
  questions: z.array(
    questionSchema(
      false,
      z.strictObject({
        question: code(),
        op: z.enum([...CONDITION_OPS, "includes"]).transform((op) => (op === "includes" ? "equals" : op)),
        value: conditionValue,
      }),
    ),
  ),
}) as unknown as z.ZodType<SurveyDefinition>;

/** The one schema a definition must satisfy (builder save, JSON import, publication). */
export const definitionSchema = z
  .strictObject({
    title: label(300),
    description: z.string().trim().max(3000).optional(),
    questions: z.array(questionSchema(true, conditionSchema)).max(100),
  })
  .superRefine((raw, ctx) => {
    const def = raw as SurveyDefinition;
    const seen = new Map<string, Question>();
    const allCodes = new Set<string>();
    def.questions.forEach((q, i) => {
      const at = ["questions", i];
      const spec = specOf(q.type);
      // A question's code and the codes its items' answers are stored under (a matrix's rows) are unique across the survey.
      const itemCodes = (q.items ?? []).map((item) => item.code);
      for (const [k, stored] of [q.code, ...itemCodes].entries()) {
        if (allCodes.has(stored)) issue(ctx, [...at, k === 0 ? "code" : "items"], "surveys.errors.duplicateCode", { code: stored });
        allCodes.add(stored);
      }
      spec.check?.(q, (field, key, params) => issue(ctx, [...at, field], key, params));
      for (const [k, c] of (q.showIf ?? []).entries()) {
        const problem = conditionProblem(c, seen.get(c.question));
        if (problem) issue(ctx, [...at, "showIf", k], problem, { code: q.code, target: c.question });
      }
      seen.set(q.code, q);
    });
  }) as unknown as z.ZodType<SurveyDefinition>;

/** Why a condition on an earlier question (`target`) can never hold as written, or null. */
function conditionProblem(c: Condition, target: Question | undefined): string | null {
  if (!target) return "surveys.errors.conditionNotEarlier";
  if (c.op !== "answered" && c.value === undefined) return "surveys.errors.conditionValue";
  const can = specOf(target.type).conditions;
  if (!can.ops.includes(c.op)) return can.refused;
  if (c.op === "answered") return null;
  // A number compared with the text "5" never equals.
  if (can.value === "number" && typeof c.value !== "number") return "surveys.errors.conditionNeedsNumber";
  if (can.value === "option" && !target.options?.some((o) => o.code === c.value)) return "surveys.errors.conditionOption";
  return null;
}

const answerKit: AnswerKit = {
  z: zodKit,
  option: (q) => {
    const codes = (q.options ?? []).map((o) => o.code);
    return z.string().refine((v) => codes.includes(v), { message: errorKey("surveys.errors.unknownOption") });
  },
  key: errorKey,
};

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
  for (const q of def.questions) shape[q.code] = specOf(q.type).answer(q, answerKit).optional();
  return z.strictObject(shape).superRefine((answers, ctx) => {
    const visible = visibleQuestions(def, answers);
    for (const q of def.questions) {
      const answered = isAnswered(answers[q.code]);
      if (!visible.has(q.code) && answered) issue(ctx, [q.code], "surveys.errors.hiddenAnswered", { code: q.code });
      if (visible.has(q.code) && q.required && !answered) issue(ctx, [q.code], "errors.required");
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

type StoredCode = { type: QuestionType | "matrixRow"; options: string[]; items: string[]; positional: boolean; parent?: string };

/** The codes answers are stored under (a matrix row as a question of its own) and what they mean. */
function storedCodes(def: SurveyDefinition): Map<string, StoredCode> {
  const out = new Map<string, StoredCode>();
  for (const q of def.questions) {
    const options = (q.options ?? []).map((o) => o.code);
    const positional = Boolean(specOf(q.type).positional);
    out.set(q.code, { type: q.type, options, items: (q.items ?? []).map((i) => i.code), positional });
    for (const item of q.items ?? []) out.set(item.code, { type: "matrixRow", options, items: [], positional, parent: q.code });
  }
  return out;
}

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
      } else if (was.positional && was.options.some((o, i) => kept.options[i] !== o)) {
        // Positional answers (likert, matrix) store the option's place: their scale may only grow at the end.
        reordered.add(code);
      }
    }
  }
  return { changed: [...changed], reordered: [...reordered].filter((c) => !changed.has(c)) };
}

export const emptyDefinition = (title: string): SurveyDefinition => ({ title, questions: [] });
