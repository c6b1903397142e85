/**
 * What domain code throws when a request cannot be done: typed, with an i18n message key and,
 * where a form or the field API shows them, per-field error keys. Domain modules know nothing of
 * HTTP; the route layer's one adapter (http.server.ts) maps each kind to its response
 * (docs/decisions/0036). A FieldError (forms/field-error.server.ts) stays the form's own case:
 * one field's message on the form that was sent.
 */
export type FieldErrors = Record<string, string[]> | { path: string; message: string }[];

export abstract class DomainError extends Error {
  abstract readonly kind: "notFound" | "conflict" | "refused" | "invalid";

  constructor(
    /** The i18n key of the message the user reads. */
    readonly messageKey: string,
    /** Per-field (or per-question) error keys, when the reader shows them next to their fields. */
    readonly errors?: FieldErrors,
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

/** The record does not exist, or lies outside the viewer's subtree: the two are indistinguishable. */
export class NotFound extends DomainError {
  readonly kind = "notFound";
  constructor(messageKey = "not_found", errors?: FieldErrors) {
    super(messageKey, errors);
  }
}

/** The request contradicts the record's current state (a replayed id with other content, a closed survey, a second publication). */
export class Conflict extends DomainError {
  readonly kind = "conflict";
}

/** The viewer may reach the record but not do this to it. */
export class Refused extends DomainError {
  readonly kind = "refused";
}

/** The input itself is wrong (a definition that does not parse, answers that break its rules). */
export class Invalid extends DomainError {
  readonly kind = "invalid";
}
