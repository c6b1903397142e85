// The four direction columns of the opinion tables (summary, quarterly report), in the
// vocabulary's order.
import { useTranslation } from "react-i18next";
import type { Column } from "~/ui/data-table";
import { formatNumber } from "~/utils/numbers";
import { DIRECTIONS } from "./report-vocab";

/** The direction columns' heads, for a DataTable's columns. */
export function useDirectionColumns(): Column[] {
  const { t } = useTranslation();
  return DIRECTIONS.map((d) => ({ label: t(`opinion.direction.${d}`), numeric: true }));
}

/** One row's counts in the direction columns. */
export function DirectionCells({ counts }: { counts: Record<string, number> }) {
  const { i18n } = useTranslation();
  return <>{DIRECTIONS.map((d) => <td key={d} className="num">{formatNumber(counts[d] ?? 0, i18n.language)}</td>)}</>;
}
