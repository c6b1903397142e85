import { COLLABORATOR_SECTORS, COLLABORATOR_STATUSES } from "~/accounts/roles";
import { codeField, dayField, errorKey, shortText, z } from "~/forms/zod";

const termCheck = (v: { termStart: Date; termEnd?: Date }, ctx: z.RefinementCtx) => {
  if (v.termEnd && v.termEnd < v.termStart) ctx.addIssue({ code: "custom", path: ["termEnd"], message: errorKey("errors.endBeforeStart") });
};

export const ROSTER_COLUMNS = ["username", "displayName", "unitCode", "sector", "status", "termStart", "termEnd"] as const;

const optionalDay = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(dayField().optional());

/** One row of an imported roster file (also the shape of an export). */
export const rosterRowSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .min(3)
      .max(40)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: errorKey("errors.badUsername") }),
    displayName: shortText(120),
    unitCode: codeField(),
    sector: z.enum(COLLABORATOR_SECTORS),
    status: z.enum(COLLABORATOR_STATUSES).default("active"),
    termStart: dayField(),
    termEnd: optionalDay(),
  })
  .superRefine(termCheck);

export const editCollaboratorSchema = z
  .object({
    intent: z.literal("update"),
    displayName: shortText(120),
    unitCode: codeField(),
    sector: z.enum(COLLABORATOR_SECTORS),
    status: z.enum(COLLABORATOR_STATUSES),
    termStart: dayField(),
    termEnd: optionalDay(),
  })
  .superRefine(termCheck);

export const deactivateCollaboratorSchema = z.object({ intent: z.literal("deactivate") });
export const collaboratorActionSchema = z.union([editCollaboratorSchema, deactivateCollaboratorSchema]);

/** The file upload of the import page: the file itself is checked by the importer. */
export const rosterImportSchema = z.object({
  intent: z.enum(["preview", "import"]),
  file: z.instanceof(File, { message: errorKey("roster.import.errors.noFile") }),
});
