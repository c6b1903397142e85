// One schema per unit form, shared by the browser (instant feedback) and the server (the rule).
import { codeField, dayField, shortText, z } from "~/forms/zod";
import { UNIT_KINDS } from "./unit-kinds";

export const createUnitSchema = z.object({
  code: codeField(),
  name: shortText(120),
  kind: z.enum(UNIT_KINDS),
  parentCode: codeField(),
  validFrom: dayField(),
});

export const renameUnitSchema = z.object({
  intent: z.literal("rename"),
  name: shortText(120),
});

export const moveUnitSchema = z.object({
  intent: z.literal("move"),
  parentCode: codeField(),
});

export const mergeUnitSchema = z.object({
  intent: z.literal("merge"),
  successorCode: codeField(),
  effectiveOn: dayField(),
});

export const unitActionSchema = z.discriminatedUnion("intent", [
  renameUnitSchema,
  moveUnitSchema,
  mergeUnitSchema,
]);
