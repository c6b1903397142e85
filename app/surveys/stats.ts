// Statistics of the results pages (browser and server); number formats live in ~/utils/numbers.

/** 95% Wilson score interval for a proportion count/n, as fractions [low, high]. */
export function wilson(count: number, n: number, z = 1.959964): [number, number] {
  if (n <= 0) return [0, 0];
  const p = count / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return [Math.max(0, (centre - margin) / denom), Math.min(1, (centre + margin) / denom)];
}

/** Cells with fewer respondents are suppressed in breakdowns (anonymity). */
export const MIN_CELL = 5;
