import { codeField, dayField, errorKey, shortText, z } from "~/forms/zod";
import { COLLABORATOR_SECTORS, ROLES } from "./roles";

export const PASSWORD_MIN = 10;
export const password = () =>
  z.string().min(PASSWORD_MIN, { message: errorKey("errors.passwordTooShort", { min: PASSWORD_MIN }) }).max(128);

export const username = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: errorKey("errors.badUsername") });

/** Fields every account form shares; collaborator fields are required only for collaborators. */
const accountFields = {
  displayName: shortText(120),
  role: z.enum(ROLES),
  unitCode: codeField(),
  sector: z.enum(COLLABORATOR_SECTORS).optional(),
  termStart: dayField().optional(),
  termEnd: dayField().optional(),
};

type CollaboratorFields = { role: string; sector?: string; termStart?: Date; termEnd?: Date };

function requireCollaboratorFields(value: CollaboratorFields, ctx: z.RefinementCtx) {
  if (value.role !== "collaborator") return;
  if (!value.sector) ctx.addIssue({ code: "custom", path: ["sector"], message: errorKey("errors.required") });
  if (!value.termStart) ctx.addIssue({ code: "custom", path: ["termStart"], message: errorKey("errors.required") });
  if (value.termStart && value.termEnd && value.termEnd < value.termStart) {
    ctx.addIssue({ code: "custom", path: ["termEnd"], message: errorKey("errors.endBeforeStart") });
  }
}

export const createAccountSchema = z
  .object({ username: username(), password: password(), ...accountFields })
  .superRefine(requireCollaboratorFields);

/** The first admin of an installation (npm run create-admin): same rules as the admin's form. */
export const firstAdminSchema = z.object({ username: username(), displayName: accountFields.displayName, password: password() });

export const updateAccountSchema = z
  .object({ intent: z.literal("update"), ...accountFields })
  .superRefine(requireCollaboratorFields);

export const resetPasswordSchema = z.object({
  intent: z.literal("resetPassword"),
  newPassword: password(),
});

export const setActiveSchema = z.object({
  intent: z.literal("setActive"),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const accountActionSchema = z.union([updateAccountSchema, resetPasswordSchema, setActiveSchema]);

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(128),
    newPassword: password(),
    confirmPassword: z.string().min(1).max(128),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: errorKey("errors.passwordsDiffer"),
  });

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(128),
  redirectTo: z.string().max(500).optional(),
});
