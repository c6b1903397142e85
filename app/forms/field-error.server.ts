/**
 * A domain rule that failed for one form field (a taken code, a unit outside the scope...).
 * Domain modules throw it; routes turn it into a field-level error on the form they serve.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
  ) {
    super(`${field}: ${key}`);
    this.name = "FieldError";
  }
}
