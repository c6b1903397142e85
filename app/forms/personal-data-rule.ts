/**
 * The personal-data rule without the guard's patterns, for the browser's field form, which loads
 * the guard after the page (app/ui/use-guard.ts). The server and the other forms use
 * app/forms/personal-data.ts, which applies this rule with the guard. docs/decisions/0015.
 */

/** The error key on a refused field (texts in the field chunk: guard.*). */
export const PERSONAL_DATA_REFUSED = "guard.refused";

export type GuardedText = readonly [path: readonly (string | number)[], text: string | null | undefined];

/** The paths of the texts `flagged` refuses: none when the person confirmed. */
export function refusedPaths(confirmed: boolean, texts: Iterable<GuardedText>, flagged: (text: string | null | undefined) => boolean): (string | number)[][] {
  if (confirmed) return [];
  const refused: (string | number)[][] = [];
  for (const [path, text] of texts) if (flagged(text)) refused.push([...path]);
  return refused;
}
