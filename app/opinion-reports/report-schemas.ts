import { codeField, errorKey, shortText, z } from "~/forms/zod";
import { confirmNoPersonalDataField, guardedObject, refusePersonalData } from "~/forms/personal-data";
import {
  CHANNELS,
  DIRECTIONS,
  GUARDED_ITEM_FIELDS,
  MAX_ITEMS,
  NOTE_MAX,
  PREVALENCES,
  PROPOSAL_MAX,
  QUALITIES,
  STRENGTHS,
  SUMMARY_MAX,
  TITLE_MAX,
} from "./report-vocab";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const opinionItemSchema = z.object({
  topicCode: codeField(),
  title: shortText(TITLE_MAX),
  summary: z.string().trim().min(1).max(SUMMARY_MAX),
  areaCode: codeField(),
  groupCodes: z.array(codeField()).max(20).default([]),
  direction: z.enum(DIRECTIONS),
  strength: z.enum(STRENGTHS),
  prevalence: z.enum(PREVALENCES),
  channel: z.enum(CHANNELS),
  verified: z.boolean(),
  proposal: optionalText(PROPOSAL_MAX),
  urgent: z.boolean().default(false),
});

export { GUARDED_ITEM_FIELDS };

/** Where a field of an item sits in a form reply ("payload.items[2].summary"). */
export function itemFieldPath(index: number, field: string): string {
  return `payload.items[${index}].${field}`;
}

export const reportContentSchema = z
  .object({
    urgent: z.boolean().default(false),
    note: optionalText(NOTE_MAX),
    /** The collaborator confirms flagged text is not a citizen's personal data. */
    confirmNoPersonalData: confirmNoPersonalDataField(),
    items: z
      .array(opinionItemSchema)
      .min(1, { message: errorKey("reports.errors.noItems") })
      .max(MAX_ITEMS, { message: errorKey("reports.errors.tooManyItems", { max: MAX_ITEMS }) }),
  })
  .superRefine((value, ctx) => {
    refusePersonalData(ctx, value.confirmNoPersonalData, [
      [["note"], value.note],
      ...value.items.flatMap((item, index) => GUARDED_ITEM_FIELDS.map((field) => [["items", index, field], item[field]] as const)),
    ]);
  });

export type ReportContent = z.output<typeof reportContentSchema>;
export type ReportDraft = z.input<typeof reportContentSchema>;

/** Reports travel as one JSON field (a dynamic list of items) plus the idempotency key. */
const jsonPayload = z
  .string()
  .max(400_000, { message: errorKey("reports.errors.tooLarge") })
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: errorKey("errors.invalid") });
      return z.NEVER;
    }
  })
  .pipe(reportContentSchema);

export const fileReportSchema = z.object({
  // Lower-cased at the boundary: the upper-case spelling is the same report (idempotency key).
  clientUuid: z.uuid({ message: errorKey("errors.invalid") }).toLowerCase(),
  payload: jsonPayload,
  /** The account the device draft belongs to (app/drafts/device-drafts.ts). */
  draftOwner: z.string().max(100).optional(),
});

/** What the device's outbox sends to /api/reports (JSON): the report's content and where it goes. */
export const reportEnvelopeSchema = z.object({
  clientUuid: z.uuid({ message: errorKey("errors.invalid") }).toLowerCase(),
  periodId: z.number().int().positive().max(2_147_483_647),
  kind: z.enum(["monthly", "fast"]),
  /** The returned report this content fixes (resubmitReport); absent for a new report. */
  reportId: z.number().int().positive().max(2_147_483_647).optional(),
  payload: reportContentSchema,
});

export const reviewReportSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rate"), quality: z.enum(QUALITIES) }),
  // The return comment is guarded like every free-text field (docs/decisions/0015).
  guardedObject(z.object({ intent: z.literal("return"), comment: shortText(1000) }), ["comment"]),
  // "then: next" opens the next report waiting in the inbox (review at volume).
  z.object({ intent: z.literal("accept"), then: z.enum(["stay", "next"]).optional() }),
]);
