// Zod-free (the field forms keep Zod out of their first load): validation issues keyed the way
// form replies and the JSON APIs key field errors.

type Issue = { path: readonly PropertyKey[]; message: string };

/** ["payload", "items", 0, "title"] → "payload.items[0].title". */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), "");
}

/** Issues grouped by their path under `prefix`; an issue with no path at all goes under `whole`. */
export function errorsByPath(issues: readonly Issue[], prefix: readonly PropertyKey[] = [], whole = "payload"): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issuePath([...prefix, ...issue.path]) || whole] ??= []).push(issue.message);
  return errors;
}
