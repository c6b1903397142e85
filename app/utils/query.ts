/** A query-string value that must be one of `allowed` (a status, a sector), or undefined for anything else. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}
