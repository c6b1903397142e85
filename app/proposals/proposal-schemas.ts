import { codeField, dayField, errorKey, shortText, z } from "~/forms/zod";

export const PROPOSAL_STATUSES = ["forwarded", "answered", "resolved", "published"] as const;

export const createProposalSchema = z
  .object({
    intent: z.literal("create"),
    itemId: z.coerce.number().int().positive().optional(),
    agencyCode: codeField(),
    unitCode: codeField(),
    title: shortText(200),
    content: z.string().trim().min(1).max(4000),
    forwardedOn: dayField(),
    dueOn: dayField(),
  })
  .refine((v) => v.dueOn >= v.forwardedOn, { path: ["dueOn"], message: errorKey("errors.endBeforeStart") });

export const answerProposalSchema = z.object({
  intent: z.literal("answer"),
  answerText: z.string().trim().min(1).max(4000),
  answeredOn: dayField(),
});

export const closeProposalSchema = z.object({
  intent: z.literal("close"),
  status: z.enum(["resolved", "published"]),
});

export const proposalActionSchema = z.union([answerProposalSchema, closeProposalSchema]);
