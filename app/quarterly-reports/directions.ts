// Counts by direction of opinion, as every section of the quarterly report holds them.
import { DIRECTIONS, type Direction } from "~/opinion-reports/report-vocab";

export type ByDirection = Record<Direction, number>;

export const zeroDirections = (): ByDirection => ({ approve: 0, oppose: 0, worried: 0, unclear: 0 });

/** Sums count rows into one count per direction (unknown directions are ignored). */
export function byDirectionOf(counts: { direction: string; count: number }[]): ByDirection {
  const out = zeroDirections();
  for (const c of counts) if (c.direction in out) out[c.direction as Direction] += c.count;
  return out;
}

export const total = (d: ByDirection) => DIRECTIONS.reduce((s, k) => s + d[k], 0);
