import { describe, expect, it } from "vitest";
import { createAccountSchema, changeOwnPasswordSchema } from "~/accounts/account-schemas";
import { decodeErrorKey, errorKey } from "~/forms/zod";
import { createUnitSchema } from "~/units/unit-schemas";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("form schemas", () => {
  it("speak in i18n keys, with parameters", () => {
    const result = createUnitSchema.safeParse({ code: "bad code", name: "x".repeat(121), kind: "planet", parentCode: "SH", validFrom: "31/02/2026" });
    expect(messages(result)).toEqual({
      code: "errors.badCode",
      name: errorKey("errors.tooLong", { max: 120 }),
      kind: "errors.notAnOption",
      validFrom: "errors.badDate",
    });
    expect(decodeErrorKey(errorKey("errors.tooLong", { max: 120 }))).toEqual({ key: "errors.tooLong", params: { max: 120 } });
  });

  it("normalise codes and dates", () => {
    const parsed = createUnitSchema.parse({ code: " sh.x200 ", name: " Xã Mới ", kind: "commune", parentCode: "sh", validFrom: "01/07/2025" });
    expect(parsed).toEqual({ code: "SH.X200", name: "Xã Mới", kind: "commune", parentCode: "SH", validFrom: new Date("2025-07-01T00:00:00Z") });
  });

  it("require collaborator facts only for collaborators", () => {
    const base = { username: "ctv.moi", password: "long-enough-pw", displayName: "Người Mới", unitCode: "SH" };
    expect(messages(createAccountSchema.safeParse({ ...base, role: "collaborator" }))).toEqual({
      sector: "errors.required",
      termStart: "errors.required",
    });
    expect(createAccountSchema.safeParse({ ...base, role: "official" }).success).toBe(true);
    expect(messages(createAccountSchema.safeParse({ ...base, role: "collaborator", sector: "press", termStart: "2026-01-01", termEnd: "2025-01-01" }))).toEqual({
      termEnd: "errors.endBeforeStart",
    });
    expect(messages(createAccountSchema.safeParse({ ...base, username: "Có Dấu", role: "official" }))).toEqual({ username: "errors.badUsername" });
  });

  it("check that the new password is typed twice alike", () => {
    const result = changeOwnPasswordSchema.safeParse({ currentPassword: "a", newPassword: "0123456789", confirmPassword: "0123456788" });
    expect(messages(result)).toEqual({ confirmPassword: "errors.passwordsDiffer" });
  });
});
