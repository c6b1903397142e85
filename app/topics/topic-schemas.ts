import { codeField, shortText, z } from "~/forms/zod";

export const TOPIC_GROUPS = ["economy", "society", "politics", "security", "other"] as const;

export const createTopicSchema = z.object({
  intent: z.literal("create"),
  code: codeField(),
  nameVi: shortText(120),
  nameEn: shortText(120),
  group: z.enum(TOPIC_GROUPS),
});

export const toggleTopicSchema = z.object({
  intent: z.literal("toggle"),
  code: codeField(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const topicActionSchema = z.union([createTopicSchema, toggleTopicSchema]);

export const openPeriodSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  cutoffDay: z.coerce.number().int().min(1).max(31).default(20),
});
