import { z } from "~/forms/zod";

/** Excusing a collaborator from one period's expected reporters. */
export const excuseSchema = z.object({
  periodId: z.coerce.number().int().positive(),
  collaboratorId: z.coerce.number().int().positive(),
});
