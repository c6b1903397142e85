/**
 * Significance of a change in the direction of opinion on a topic between two quarters: Pearson's
 * chi-square test of homogeneity on the 2 × k table (quarter × direction), with the p-value from
 * a maintained library's chi-square CDF (@stdlib), and Holm's correction across the topics
 * compared at once (ten topics tested at 5% would otherwise "find" a change every other report).
 *
 * Opinion items are not a random sample: the test says whether the change is larger than what
 * reshuffling the same items between the two quarters would produce, not that the population's
 * opinion changed. Server only: the library is large and the browser never needs it.
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";

export const ALPHA = 0.05;

export type ChiSquareResult =
  | { tested: true; statistic: number; df: number; pValue: number }
  | { tested: false; reason: "no_data" | "one_category" | "too_few" };

/**
 * Pearson's chi-square test for two rows of counts over the same categories. Categories empty in
 * both rows are dropped. Not tested when a row is empty, when one category holds everything, or
 * when Cochran's rule fails (an expected count below 1, or more than 20% of them below 5): the
 * chi-square approximation is then unreliable and calling a change would be guessing.
 */
export function chiSquareHomogeneity(a: readonly number[], b: readonly number[]): ChiSquareResult {
  const columns = a.map((x, i) => [x, b[i] ?? 0] as const).filter(([x, y]) => x + y > 0);
  const rowA = columns.reduce((s, [x]) => s + x, 0);
  const rowB = columns.reduce((s, [, y]) => s + y, 0);
  if (rowA === 0 || rowB === 0) return { tested: false, reason: "no_data" };
  if (columns.length < 2) return { tested: false, reason: "one_category" };
  const n = rowA + rowB;
  let statistic = 0;
  const expected: number[] = [];
  for (const [x, y] of columns) {
    const ea = (rowA * (x + y)) / n;
    const eb = (rowB * (x + y)) / n;
    expected.push(ea, eb);
    statistic += (x - ea) ** 2 / ea + (y - eb) ** 2 / eb;
  }
  if (expected.some((e) => e < 1) || expected.filter((e) => e < 5).length > 0.2 * expected.length) {
    return { tested: false, reason: "too_few" };
  }
  const df = columns.length - 1;
  return { tested: true, statistic, df, pValue: chiSquarePValue(statistic, df) };
}

/** P(X ≥ statistic) for X ~ χ²(df). */
export function chiSquarePValue(statistic: number, df: number): number {
  return Math.min(1, Math.max(0, 1 - chisquareCdf(statistic, df)));
}

/**
 * Holm–Bonferroni adjusted p-values (null stays null): controls the chance of calling any change
 * when none happened, across all the tests of one comparison, less conservatively than Bonferroni.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null).sort((x, y) => x.p - y.p);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
