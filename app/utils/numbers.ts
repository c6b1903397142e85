// Numbers as the reader's language writes them: 1.234,5 (vi) or 1,234.5 (en). Browser and server.

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

/** 12.345 (vi) or 12,345 (en), with a fixed number of decimals (none by default). */
export function formatNumber(value: number, language = "vi", digits = 0): string {
  return fmt(language, digits).format(value);
}

/** A p-value as a table shows it: three decimals, or "< 0,001" (vi) / "< 0.001" (en). */
export function formatPValue(p: number, language = "vi"): string {
  return p < 0.001 ? `< ${formatNumber(0.001, language, 3)}` : formatNumber(p, language, 3);
}
