import { describe, expect, it } from "vitest";
import {
  periodBounds,
  periodContaining,
  quarterRange,
  quarterProgress,
  shiftQuarter,
  summaryQuarters,
  timelinessOf,
} from "~/periods/period-math";

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("period arithmetic", () => {
  it("names a period after the month of its cut-off: month 3 runs 21 Feb – 20 Mar", () => {
    const p = periodBounds(2026, 3);
    expect(iso(p.startsOn)).toBe("2026-02-21");
    expect(iso(p.endsOn)).toBe("2026-03-20");
    expect(p.quarter).toBe(1);
    expect(p.quarterKey).toBe(20261);
  });

  it("month 1 starts in December of the previous year", () => {
    const p = periodBounds(2026, 1);
    expect(iso(p.startsOn)).toBe("2025-12-21");
    expect(iso(p.endsOn)).toBe("2026-01-20");
    expect(p.quarterKey).toBe(20261);
  });

  it("puts a day after the cut-off into the next month's period, across the year change", () => {
    expect(periodContaining(new Date("2025-12-20T00:00:00Z"))).toEqual({ year: 2025, month: 12 });
    expect(periodContaining(new Date("2025-12-21T00:00:00Z"))).toEqual({ year: 2026, month: 1 });
    expect(periodContaining(new Date("2026-03-21T00:00:00Z"))).toEqual({ year: 2026, month: 4 });
  });

  it("honours another cut-off day and clamps it to short months", () => {
    const p = periodBounds(2026, 3, 31);
    expect(iso(p.startsOn)).toBe("2026-03-01");
    expect(iso(p.endsOn)).toBe("2026-03-31");
    const feb = periodBounds(2024, 2, 30);
    expect(iso(feb.endsOn)).toBe("2024-02-29");
    expect(iso(periodBounds(2024, 3, 30).startsOn)).toBe("2024-03-01");
    expect(periodContaining(new Date("2026-03-05T00:00:00Z"), 5)).toEqual({ year: 2026, month: 3 });
    expect(periodContaining(new Date("2026-03-06T00:00:00Z"), 5)).toEqual({ year: 2026, month: 4 });
  });

  it("consecutive periods tile the year without gaps or overlaps", () => {
    for (let m = 1; m <= 12; m++) {
      const next = m === 12 ? periodBounds(2027, 1) : periodBounds(2026, m + 1);
      expect(next.startsOn.getTime() - periodBounds(2026, m).endsOn.getTime()).toBe(86_400_000);
    }
  });

  it("groups months into quarters at the boundaries", () => {
    expect([3, 4, 6, 7, 9, 10, 12].map((m) => periodBounds(2026, m).quarter)).toEqual([1, 2, 2, 3, 3, 4, 4]);
  });

  it("shifts quarters across years", () => {
    expect(shiftQuarter(20261, -1)).toBe(20254);
    expect(shiftQuarter(20254, 1)).toBe(20261);
    expect(quarterRange(20263, 8)).toEqual([20244, 20251, 20252, 20253, 20254, 20261, 20262, 20263]);
  });

  it("counts a report on the deadline day as on time and the next day as late", () => {
    const p = periodBounds(2026, 3); // ends 20/03, 3 days' grace → deadline end of 23/03
    expect(timelinessOf(new Date("2026-03-23T23:59:00Z"), p.deadline)).toBe("on_time");
    expect(timelinessOf(new Date("2026-03-24T00:00:00Z"), p.deadline)).toBe("late");
  });

  it("rejects impossible cut-off days and months", () => {
    expect(() => periodBounds(2026, 3, 0)).toThrow(RangeError);
    expect(() => periodBounds(2026, 13)).toThrow(RangeError);
  });
});

describe("the quarter a summary opens on", () => {
  // Monthly periods January 2026 – December 2026 as stored (cut-off day 20), like the demo's.
  const periods = Array.from({ length: 12 }, (_, i) => {
    const b = periodBounds(2026, i + 1);
    return { id: i + 1, quarterKey: b.quarterKey, month: b.month, startsOn: b.startsOn, endsOn: b.endsOn };
  });
  const day = (text: string) => new Date(`${text}T00:00:00Z`);

  it("is the last quarter whose periods have all ended, not the running one", () => {
    // 02/12/2026: October and November have ended, December (21/11–20/12) runs: quarter IV is not over.
    expect(summaryQuarters(periods, day("2026-12-02"))).toEqual({ quarters: [20264, 20263, 20262, 20261], defaultKey: 20263 });
    const q4 = quarterProgress(20264, periods, day("2026-12-02"));
    expect([q4.closed, q4.ended.map((p) => p.month)]).toEqual([false, [10, 11]]);
    // The day after December's cut-off, quarter IV is closed.
    expect(summaryQuarters(periods, day("2026-12-20")).defaultKey).toBe(20263);
    expect(summaryQuarters(periods, day("2026-12-21")).defaultKey).toBe(20264);
  });

  it("lists only quarters that have started, and opens on a running one when none is closed", () => {
    // 10/02/2026: January has ended, February runs; quarter II has not started.
    expect(summaryQuarters(periods, day("2026-02-10"))).toEqual({ quarters: [20261], defaultKey: 20261 });
    expect(summaryQuarters(periods, day("2025-11-01"))).toEqual({ quarters: [], defaultKey: undefined });
  });

  it("holds a quarter open while its last month has no period yet", () => {
    const withoutMarch = periods.filter((p) => p.month < 3);
    expect(quarterProgress(20261, withoutMarch, day("2026-03-01")).closed).toBe(false);
    // Once March is over by the calendar, the quarter is over, stored period or not.
    expect(quarterProgress(20261, withoutMarch, day("2026-03-21")).closed).toBe(true);
  });
});
