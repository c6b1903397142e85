// The four direction columns of the opinion tables (summary, quarterly report), in the
// vocabulary's order.
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/numbers";
import { DIRECTIONS } from "./report-vocab";

export function DirectionHeaders() {
  const { t } = useTranslation();
  return <>{DIRECTIONS.map((d) => <th key={d} scope="col" className="num">{t(`opinion.direction.${d}`)}</th>)}</>;
}

/** One row's counts in the direction columns. */
export function DirectionCells({ counts }: { counts: Record<string, number> }) {
  const { i18n } = useTranslation();
  return <>{DIRECTIONS.map((d) => <td key={d} className="num">{formatNumber(counts[d] ?? 0, i18n.language)}</td>)}</>;
}
