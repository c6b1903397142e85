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

export const quarterlyReportActionSchema = z.union([narrativeSchema, publishSchema, followUpTaskSchema]);
