// The quarterly report's forms, one Zod schema each, shared by the browser (Conform) and the server.
import { z } from "~/forms/zod";

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

export const quarterlyReportActionSchema = z.discriminatedUnion("intent", [narrativeSchema, publishSchema]);
