import { z } from "zod";
import { parseDay } from "~/utils/dates";
import { errorKey } from "./error-key";

export { decodeErrorKey, errorKey } from "./error-key";

// Default messages for every schema that does not set its own: mapped onto our keys.
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return errorKey("errors.required");
    if (issue.code === "too_small" && issue.origin === "string") {
      return Number(issue.minimum) <= 1
        ? errorKey("errors.required")
        : errorKey("errors.tooShort", { min: Number(issue.minimum) });
    }
    if (issue.code === "too_big" && issue.origin === "string") {
      return errorKey("errors.tooLong", { max: Number(issue.maximum) });
    }
    if (issue.code === "invalid_value") return errorKey("errors.notAnOption");
    // A question type (or other tagged kind) that does not exist.
    if (issue.code === "invalid_union" && "discriminator" in issue) return errorKey("errors.notAnOption");
    // A field this object does not take (an imported survey question with another type's field).
    if (issue.code === "unrecognized_keys") return errorKey("errors.unknownFields", { fields: issue.keys.join(", ") });
    return errorKey("errors.invalid");
  },
});

export { z };

/** Single-line text: trimmed, bounded. */
export const shortText = (max = 200) => z.string().trim().min(1).max(max);

/** A calendar date typed as yyyy-MM-dd (date input) or dd/MM/yyyy; parsed to UTC midnight. */
export const dayField = () =>
  z
    .string()
    .trim()
    .min(1)
    .transform((text, ctx) => {
      const day = parseDay(text);
      if (!day) {
        ctx.addIssue({ code: "custom", message: errorKey("errors.badDate") });
        return z.NEVER;
      }
      return day;
    });

/** A stable code: upper-case letters, digits, dot, dash, underscore. */
export const codeField = () =>
  z
    .string()
    .trim()
    .toUpperCase()
    .min(1)
    .max(32)
    .regex(/^[A-Z0-9][A-Z0-9._-]*$/, { message: errorKey("errors.badCode") });
