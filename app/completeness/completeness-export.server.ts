/**
 * The completeness matrix as a file (CSV or XLSX), as the page shows it: the same rows in the
 * same order, in the reader's language. Counts are numbers a spreadsheet can sum: per period on
 * time, late and missing (before the deadline: not filed yet), then the row's missing and its
 * share reported (a percentage, one decimal).
 */
import type { TFunction } from "i18next";
import type { Cell } from "~/exports/table-export.server";
import type { CompletenessTable } from "./completeness-table.server";
import type { Counts, Summary } from "./completeness-view";

const percent = (s: Summary) => (s.rate === null ? null : Math.round(s.rate * 1000) / 10);

export function completenessSheet(table: CompletenessTable, t: TFunction): { header: string[]; rows: Cell[][] } {
  const periodName = (p: { month: number; year: number }) => t("reports.periodName", { month: p.month, year: p.year });
  const header = [
    t("completeness.unit"),
    t("completeness.file.code"),
    t("completeness.file.note"),
    ...table.periods.flatMap((p) => {
      const period = periodName(p);
      return [t("completeness.file.onTime", { period }), t("completeness.file.late", { period }), t(p.due ? "completeness.file.missing" : "completeness.file.notFiled", { period })];
    }),
    t("completeness.missingColumn"),
    t("completeness.rateColumn"),
  ];
  const counts = (cells: Record<number, Counts>) => table.periods.flatMap((p) => [cells[p.id]!.on_time, cells[p.id]!.late, cells[p.id]!.missing]);
  const rows: Cell[][] = table.rows.map((r) => [
    r.own ? t("completeness.ownRow", { unit: r.label }) : r.context ? `${r.label} · ${r.context}` : r.label,
    r.unit.code,
    r.mergedInto ? (r.mergedInto.length > 0 ? t("completeness.mergedInto", { units: r.mergedInto.join(", ") }) : t("completeness.closedUnit")) : null,
    ...counts(r.cells),
    r.summary.missing,
    percent(r.summary),
  ]);
  rows.push([t("completeness.total"), table.root.code, null, ...counts(table.totals.cells), table.totals.summary.missing, percent(table.totals.summary)]);
  return { header, rows };
}
