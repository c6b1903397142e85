// The quarterly report's forms, one Zod schema each, shared by the browser (Conform) and the server.
import { guardedObject } from "~/forms/personal-data";
import { dayField, shortText, z } from "~/forms/zod";

export const NARRATIVE_MAX = 8000;
export const NARRATIVE_FIELDS = ["assessment", "forecast", "recommendations", "nextTasks"] as const;

const narrativeText = z.string().max(NARRATIVE_MAX).optional().transform((v) => v ?? "");

/** "Lập báo cáo quý": a quarter and a scope unit of the viewer's subtree. */
export const createQuarterlyReportSchema = z.object({
  intent: z.literal("create"),
  quarter: z.coerce.number().int().min(20001).max(99994),
  unit: z.coerce.number().int().positive(),
});

export const narrativeSchema = z.object({
  intent: z.literal("narrative"),
  assessment: narrativeText,
  forecast: narrativeText,
  recommendations: narrativeText,
  nextTasks: narrativeText,
});

/** Publishing names the version the publisher saw: two clicks (or two people) publish once. */
export const publishSchema = z.object({
  intent: z.literal("publish"),
  expectedVersion: z.coerce.number().int().min(0),
});

export const FOLLOW_UP_STATUSES = ["pending", "in_progress", "done", "cancelled"] as const;

/**
 * Section 6: a follow-up task (new, or `taskId` to edit one of this report's): the task, the unit
 * responsible (a unit of the viewer's subtree, checked on the server), the due date (dd/MM/yyyy),
 * status, note. The task and the note are free text: guarded (docs/decisions/0015).
 */
export const followUpTaskSchema = guardedObject(
  z.object({
    intent: z.literal("task"),
    taskId: z.coerce.number().int().positive().optional(),
    task: shortText(500),
    unit: z.coerce.number().int().positive(),
    dueOn: dayField(),
    status: z.enum(FOLLOW_UP_STATUSES),
    note: z.string().trim().max(1000).optional().transform((v) => (v ? v : null)),
  }),
  ["task", "note"],
);

/**
 * Section 4's key questions: the surveys the form covered (their ids) and the questions ticked,
 * each "surveyId:questionCode". A covered survey with nothing ticked shows its forms only. The
 * server checks that each survey is one the report lists and each code a single-choice question.
 */
export const keyQuestionsSchema = z.object({
  intent: z.literal("keyQuestions"),
  survey: z.array(z.coerce.number().int().positive()).min(1).max(50),
  question: z.array(z.string().trim().regex(/^\d+:[A-Za-z0-9._-]{1,64}$/)).max(1000),
});

export const quarterlyReportActionSchema = z.union([narrativeSchema, publishSchema, followUpTaskSchema, keyQuestionsSchema]);
