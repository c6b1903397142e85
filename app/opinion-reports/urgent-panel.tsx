// The dashboard's list of fast reports: urgent items reach the secretariat at once.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/dates";

type UrgentItem = {
  id: number;
  title: string;
  direction: string;
  createdAt: string | Date;
  reportId: number;
  topic: { nameVi: string; nameEn: string };
  areaUnit: { name: string };
};

export function UrgentItemsPanel({ items }: { items: UrgentItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="urgent-dashboard-title" className="panel">
      <h2 id="urgent-dashboard-title">{t("dashboardReports.urgentTitle")}</h2>
      {items.length === 0 ? <p>{t("reports.noUrgent")}</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/reports/${item.reportId}`}>{item.title}</Link> · {i18n.language === "en" ? item.topic.nameEn : item.topic.nameVi} ·{" "}
            {item.areaUnit.name} · {t(`opinion.direction.${item.direction}`)} · {formatDateTime(item.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
