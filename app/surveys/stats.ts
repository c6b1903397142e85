// Statistics and number formats of the results pages (browser and server).

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

const formats = new Map<string, Intl.NumberFormat>();
function fmt(language: string, digits: number) {
  const key = `${language}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === "en" ? "en-GB" : "vi-VN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/** 94,12 (vi) or 94.12 (en): a fraction shown as a percentage number with two decimals. */
export function formatPercent(fraction: number, language = "vi"): string {
  return fmt(language, 2).format(fraction * 100);
}

export function formatNumber(value: number, language = "vi", digits = 0): string {
  return fmt(language, digits).format(value);
}
