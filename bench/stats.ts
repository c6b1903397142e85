/** Small statistics and formatting helpers for the benchmark's table. */

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Runs `fn` `runs` times (after one warm-up unless told not to): each run's ms and the last result. */
export async function timeRuns<T>(
  runs: number,
  fn: () => Promise<T> | T,
  { warmUp = true } = {},
): Promise<{ ms: number[]; median: number; result: T }> {
  let result = warmUp ? await fn() : (undefined as T);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await fn();
    ms.push(performance.now() - started);
  }
  return { ms, median: median(ms), result };
}

export const fmtMs = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtKb = (bytes: number) => (bytes / 1024).toFixed(1);

/** A Markdown table: the console output doubles as docs/performance.md material. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const lines = [headers, headers.map(() => "---"), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
