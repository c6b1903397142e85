// Quarters as users read them ("Quý III/2026"), and the quarter picker of report pages.
import { useTranslation } from "react-i18next";
import { formatQuarter } from "~/utils/dates";
import { splitQuarterKey } from "./period-math";

export function useQuarterName() {
  const { i18n } = useTranslation();
  return (key: number) => {
    const { year, quarter } = splitQuarterKey(key);
    return formatQuarter(year, quarter, i18n.language);
  };
}

export function QuarterSelect({ quarters, value }: { quarters: number[]; value: number }) {
  const { t } = useTranslation();
  const name = useQuarterName();
  return (
    <label>
      {t("completeness.quarter")}
      <select name="quarter" defaultValue={value}>
        {quarters.map((k) => <option key={k} value={k}>{name(k)}</option>)}
      </select>
    </label>
  );
}
