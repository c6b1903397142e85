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

export const createGroupSchema = z.object({
  intent: z.literal("createGroup"),
  code: codeField(),
  nameVi: shortText(120),
  nameEn: shortText(120),
});

export const createAgencySchema = z.object({
  intent: z.literal("createAgency"),
  code: codeField(),
  name: shortText(200),
});

/** Retire or reuse an entry of a managed list (topic, social group, agency) by its code. */
export const toggleEntrySchema = z.object({
  intent: z.literal("toggleEntry"),
  list: z.enum(["group", "agency"]),
  code: codeField(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const topicActionSchema = z.union([createTopicSchema, toggleTopicSchema, createGroupSchema, createAgencySchema, toggleEntrySchema]);

export const openPeriodSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  cutoffDay: z.coerce.number().int().min(1).max(31).default(20),
});
