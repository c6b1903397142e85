// The completeness matrix: units × periods, a period before its deadline shown
// as "not due yet" in a neutral colour, the missing count and the share reported per row, the
// columns sortable by links (server-side, no script needed) with aria-sort on the sorted one.
// On a phone each row is a card and the header row a bar of the sort links.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDay } from "~/utils/dates";
import { formatNumber } from "~/utils/numbers";
import { nextSort, type Counts, type Sort, type SortKey, type Summary } from "./completeness-view";
import type { CompletenessTable } from "./completeness-table.server";

type Table = CompletenessTable;
type Period = Table["periods"][number];

export function CompletenessMatrix({ table, sort, caption, href }: { table: Table; sort: Sort; caption: string; href: (changes: Record<string, string>) => string }) {
  const { t } = useTranslation();
  const periodName = (p: Period) => t("reports.periodName", { month: p.month, year: p.year });
  const sortHeader = (key: SortKey, label: string, className?: string) => {
    const next = nextSort(sort, key);
    const sorted = sort.key === key;
    return (
      <th scope="col" className={["sortable", className].filter(Boolean).join(" ")} aria-sort={sorted ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={href({ sort: next.key!, dir: next.dir })}>
          {label}
          <span aria-hidden="true" className="sort-mark">{sorted ? (sort.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
        </Link>
      </th>
    );
  };
  return (
    <table className="matrix matrix-cards">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {sortHeader("name", t("completeness.unit"))}
          {table.periods.map((p) => (
            <th key={p.id} scope="col" className="period-col">
              {periodName(p)}{" "}
              <span className="muted period-due">{p.due ? t("completeness.deadlineOn", { date: formatDay(p.deadline) }) : t("completeness.notDueUntil", { date: formatDay(p.deadline) })}</span>
            </th>
          ))}
          {sortHeader("missing", t("completeness.missingColumn"), "num")}
          {sortHeader("rate", t("completeness.rateColumn"), "num")}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.unit.id}>
            <th scope="row">
              <UnitName row={row} href={href} />
            </th>
            {table.periods.map((p) => <CountsCell key={p.id} counts={row.cells[p.id]!} due={p.due} label={periodName(p)} />)}
            <SummaryCells summary={row.summary} anyDue={table.periods.some((p) => p.due)} />
          </tr>
        ))}
        <tr className="total-row">
          <th scope="row">{t("completeness.total")}</th>
          {table.periods.map((p) => <CountsCell key={p.id} counts={table.totals.cells[p.id]!} due={p.due} label={periodName(p)} />)}
          <SummaryCells summary={table.totals.summary} anyDue={table.periods.some((p) => p.due)} />
        </tr>
      </tbody>
    </table>
  );
}

function UnitName({ row, href }: { row: Table["rows"][number]; href: (changes: Record<string, string>) => string }) {
  const { t } = useTranslation();
  if (row.own) return <>{t("completeness.ownRow", { unit: row.label })}</>;
  return (
    <>
      {row.drillable ? <Link to={href({ unit: String(row.unit.id) })}>{row.label}</Link> : row.label}
      {row.context ? <span className="muted"> · {row.context}</span> : null}
      {row.mergedInto ? (
        <span className="unit-note">
          {row.mergedInto.length > 0 ? t("completeness.mergedInto", { units: row.mergedInto.join(", ") }) : t("completeness.closedUnit")}
        </span>
      ) : null}
    </>
  );
}

/** On time / late / missing and the share reported; before the deadline, what is already in. */
function CountsCell({ counts, due, label }: { counts: Counts; due: boolean; label: string }) {
  const { t, i18n } = useTranslation();
  const expected = counts.on_time + counts.late + counts.missing;
  if (expected === 0) {
    return <td data-label={label} aria-label={t("completeness.cellNone")}><span className="muted">—</span></td>;
  }
  if (!due) {
    const filed = counts.on_time + counts.late;
    return (
      <td data-label={label} aria-label={t("completeness.cellNotDue", { filed, expected })}>
        <span>{filed}/{expected} · <span className="muted">{t("completeness.notDue")}</span></span>
      </td>
    );
  }
  const rate = `${formatNumber(((counts.on_time + counts.late) / expected) * 100, i18n.language, 1)}%`;
  return (
    <td data-label={label} aria-label={t("completeness.cell", { ...counts, rate })}>
      {/* One element: on a phone the cell is a line of its period's name and this. */}
      <span>
        <span className="ok">{counts.on_time}</span> / <span className="late">{counts.late}</span> / <span className="miss">{counts.missing}</span>{" "}
        <span className="muted">({rate})</span>
      </span>
    </td>
  );
}

/** Missing (overdue) and the share reported over the periods whose deadline has passed. */
function SummaryCells({ summary, anyDue }: { summary: Summary; anyDue: boolean }) {
  const { t, i18n } = useTranslation();
  const none = anyDue ? "—" : t("completeness.notDue");
  return (
    <>
      <td className="num" data-label={t("completeness.missingColumn")}>
        {summary.expected === 0 ? <span className="muted">{none}</span> : <span className={summary.missing > 0 ? "miss" : undefined}>{formatNumber(summary.missing, i18n.language)}</span>}
      </td>
      <td className="num" data-label={t("completeness.rateColumn")}>
        {summary.rate === null ? <span className="muted">{none}</span> : <span>{formatNumber(summary.rate * 100, i18n.language, 1)}%</span>}
      </td>
    </>
  );
}
