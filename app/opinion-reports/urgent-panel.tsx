// The dashboard's list of fast reports: urgent items reach the secretariat at once.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/dates";
import type { UrgentItem } from "./reports.server";
import { TitledSection } from "~/ui/titled-section";

export function UrgentItemsPanel({ items }: { items: UrgentItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <TitledSection id="urgent-dashboard-title" title={t("dashboardReports.urgentTitle")} className="panel">
      {items.length === 0 ? <p>{t("reports.noUrgent")}</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/reports/${item.reportId}`}>{item.title}</Link> · {i18n.language === "en" ? item.topic.nameEn : item.topic.nameVi} ·{" "}
            {item.areaUnit.name} · {t(`opinion.direction.${item.direction}`)} · {formatDateTime(item.createdAt)}
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}
