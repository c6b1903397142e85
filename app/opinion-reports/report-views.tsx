// Read-only views of reports and items, shared by the collaborator's and the secretariat's pages.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatDay } from "~/utils/dates";
import { TitledSection } from "~/ui/titled-section";

type Named = { nameVi: string; nameEn: string };
export function useLocalName() {
  const { i18n } = useTranslation();
  return (x: Named) => (i18n.language === "en" ? x.nameEn : x.nameVi);
}

export function PeriodName({ period }: { period: { year: number; month: number } }) {
  const { t } = useTranslation();
  return <>{t("reports.periodName", { month: period.month, year: period.year })}</>;
}

/**
 * A period still to file: "Quá hạn" with its deadline once that has passed (deadlinePassed: the
 * report is still accepted, but late), else "đến hạn dd/MM/yyyy".
 */
export function DueMark({ period }: { period: { deadline: Date; overdue: boolean } }) {
  const { t } = useTranslation();
  const date = formatDay(period.deadline);
  if (!period.overdue) return <span className="muted">{t("dashboard.due.dueOn", { date })}</span>;
  return (
    <>
      <span className="badge badge-urgent">{t("dashboard.due.overdue")}</span> <span className="muted">{t("dashboard.due.deadline", { date })}</span>
    </>
  );
}

type ItemView = {
  id: number;
  title: string;
  summary: string;
  proposal: string | null;
  direction: string;
  strength: string;
  prevalence: string;
  channel: string;
  verified: boolean;
  urgent: boolean;
  topic: Named & { code: string };
  areaUnit: { code: string; name: string };
  groups: { group: Named & { code: string } }[];
};

export function ItemList({ items, proposalLink }: { items: ItemView[]; proposalLink?: (itemId: number) => string }) {
  const { t } = useTranslation();
  const name = useLocalName();
  return (
    <ol className="item-list">
      {items.map((item) => (
        <li key={item.id} className="panel">
          <h3>
            {item.title} {item.urgent ? <span className="badge badge-urgent">{t("reports.urgent")}</span> : null}
          </h3>
          <p className="muted">
            {name(item.topic)} · {item.areaUnit.name} · {t(`opinion.direction.${item.direction}`)} · {t(`opinion.strength.${item.strength}`)} ·{" "}
            {t(`opinion.prevalence.${item.prevalence}`)} · {t(`opinion.channel.${item.channel}`)} · {item.verified ? t("reports.verifiedShort") : t("reports.rumour")}
          </p>
          <p>{item.summary}</p>
          {item.groups.length ? <p className="muted">{t("reports.groups")}: {item.groups.map((g) => name(g.group)).join(", ")}</p> : null}
          {item.proposal ? (
            <p>
              <strong>{t("reports.proposal")}:</strong> {item.proposal}
              {proposalLink ? <> · <Link to={proposalLink(item.id)}>{t("proposals.create")}</Link></> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function EventList({ events }: { events: { id: number; kind: string; at: string | Date; comment: string | null; actor: { displayName: string } }[] }) {
  const { t } = useTranslation();
  return (
    <TitledSection id="events-title" title={t("reports.events")} className="panel">
      <ol>
        {events.map((e) => (
          <li key={e.id}>
            {formatDateTime(e.at)} · {t(`reports.event.${e.kind}`)} · {e.actor.displayName}
            {e.comment ? <> — {e.kind === "rated" ? t(`opinion.quality.${e.comment}`) : e.comment}</> : null}
          </li>
        ))}
      </ol>
    </TitledSection>
  );
}
