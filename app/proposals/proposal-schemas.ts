import { guardedObject } from "~/forms/personal-data";
import { codeField, dayField, errorKey, shortText, z } from "~/forms/zod";

export const PROPOSAL_STATUSES = ["forwarded", "answered", "resolved", "published"] as const;

// The proposal's title and content and the agency's answer are guarded (docs/decisions/0015).
export const createProposalSchema = guardedObject(
  z.object({
    intent: z.literal("create"),
    itemId: z.coerce.number().int().positive().optional(),
    agencyCode: codeField(),
    unitCode: codeField(),
    title: shortText(200),
    content: z.string().trim().min(1).max(4000),
    forwardedOn: dayField(),
    dueOn: dayField(),
  }),
  ["title", "content"],
).refine((v) => v.dueOn >= v.forwardedOn, { path: ["dueOn"], message: errorKey("errors.endBeforeStart") });

export const answerProposalSchema = guardedObject(
  z.object({
    intent: z.literal("answer"),
    answerText: z.string().trim().min(1).max(4000),
    answeredOn: dayField(),
  }),
  ["answerText"],
);

export const closeProposalSchema = z.object({
  intent: z.literal("close"),
  status: z.enum(["resolved", "published"]),
});

export const proposalActionSchema = z.union([answerProposalSchema, closeProposalSchema]);
