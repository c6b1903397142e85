// The overview's panels, one per role's starting point. Each figure links to
// the page where the work is done.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DueMark } from "~/opinion-reports/report-views";
import { useQuarterName } from "~/periods/quarter-select";
import { formatDay } from "~/utils/dates";
import { formatNumber } from "~/utils/numbers";
import type { collaboratorOverview, officialOverview, secretariatOverview } from "./role-overview.server";
import { TitledSection } from "~/ui/titled-section";

// Single fetch keeps Dates as Dates: the loader's types arrive unchanged.
type CollaboratorData = Awaited<ReturnType<typeof collaboratorOverview>>;
type SecretariatData = Awaited<ReturnType<typeof secretariatOverview>>;
type OfficialData = NonNullable<Awaited<ReturnType<typeof officialOverview>>>;

/** A count that opens the page behind it. */
function StatLink({ to, value, label }: { to: string; value: number; label: string }) {
  const { i18n } = useTranslation();
  return (
    <li className="stat-card">
      <Link to={to} aria-label={`${label}: ${formatNumber(value, i18n.language)}`}>
        <span className="stat-value">{formatNumber(value, i18n.language)}</span>
        <span className="stat-label">{label}</span>
      </Link>
    </li>
  );
}

export function CollaboratorDue({ due }: { due: CollaboratorData }) {
  const { t } = useTranslation();
  return (
    <>
      <TitledSection id="due-title" title={t("dashboard.due.title")} className="panel">
        {due.toFile.length === 0 && due.returned.length === 0 ? <p>{t("dashboard.due.nothingToFile")}</p> : null}
        <ul className="due-list">
          {due.returned.map((r) => (
            <li key={`r${r.id}`}>
              <span className="badge badge-urgent">{t("dashboard.due.returned", { period: t("reports.periodName", { month: r.period.month, year: r.period.year }) })}</span>{" "}
              {r.returnComment ? <q>{r.returnComment}</q> : null} <Link to={`/reports/${r.id}`}>{t("dashboard.due.fix")}</Link>
            </li>
          ))}
          {due.toFile.map((p) => (
            <li key={p.id}>
              {t("dashboard.due.toFile", { period: t("reports.periodName", { month: p.month, year: p.year }) })} · <DueMark period={p} />{" "}
              <Link className="button primary" to={`/reports/new?period=${p.id}`} aria-label={`${t("dashboard.due.file")}: ${t("reports.periodName", { month: p.month, year: p.year })}`}>
                {t("dashboard.due.file")}
              </Link>
            </li>
          ))}
        </ul>
        {due.returnedResponses > 0 ? <p><Link to="/surveys">{t("dashboard.due.returnedResponses", { count: due.returnedResponses })}</Link></p> : null}
        {due.fastPeriodId ? <p><Link className="button" to={`/reports/new?period=${due.fastPeriodId}&fast=1`}>{t("dashboard.due.fast")}</Link></p> : null}
      </TitledSection>
      <TitledSection id="due-surveys" title={t("dashboard.due.surveys")} className="panel">
        {due.surveys.length === 0 ? <p>{t("dashboard.due.noSurveys")}</p> : null}
        <ul className="due-list">
          {due.surveys.map((s) => (
            <li key={s.id}>
              <Link to={`/surveys/${s.id}/fill`}>{t("dashboard.due.fill", { title: s.title })}</Link>
              <br />
              <span className="muted small">{t("dashboard.due.quota", { received: s.received, quota: s.quota, mine: s.mine, closes: formatDay(s.closesOn) })}</span>
            </li>
          ))}
        </ul>
      </TitledSection>
    </>
  );
}

export function SecretariatWaiting({ waiting }: { waiting: SecretariatData }) {
  const { t } = useTranslation();
  return (
    <TitledSection id="waiting-title" title={t("dashboard.waiting.title")}>
      <ul className="stat-cards">
        <StatLink to="/reports/inbox?status=submitted" value={waiting.inbox} label={t("dashboard.waiting.inbox")} />
        {waiting.resubmitted > 0 ? <StatLink to="/reports/inbox?status=resubmitted" value={waiting.resubmitted} label={t("dashboard.waiting.resubmitted")} /> : null}
        <StatLink to="/reports/inbox?status=submitted&urgent=1" value={waiting.urgentReports} label={`${t("dashboard.waiting.inbox")} · ${t("dashboard.waiting.urgentReports")}`} />
        <StatLink to="/surveys" value={waiting.questionnaires} label={t("dashboard.waiting.questionnaires")} />
        <StatLink to="/proposals?overdue=1" value={waiting.overdueProposals} label={t("dashboard.waiting.overdueProposals")} />
        {waiting.notReported ? (
          <StatLink
            to={`/completeness?quarter=${waiting.notReported.period.quarterKey}&period=${waiting.notReported.period.id}`}
            value={waiting.notReported.units}
            label={t("dashboard.waiting.notReported", { period: t("reports.periodName", { month: waiting.notReported.period.month, year: waiting.notReported.period.year }) })}
          />
        ) : null}
      </ul>
    </TitledSection>
  );
}

export function OfficialHeadline({ headline }: { headline: OfficialData }) {
  const { t, i18n } = useTranslation();
  const q = useQuarterName();
  const lang = i18n.language;
  return (
    <TitledSection id="headline-title" title={t("dashboard.headline.title", { quarter: q(headline.quarterKey) })}>
      <ul className="stat-cards">
        <StatLink to={`/completeness?quarter=${headline.quarterKey}`} value={headline.received} label={`${t("dashboard.headline.received")} / ${formatNumber(headline.expected, lang)}`} />
        <li className="stat-card">
          <span className="stat-value">{headline.completeness === null ? "—" : `${formatNumber(headline.completeness * 100, lang, 1)} %`}</span>
          <span className="stat-label">{t("dashboard.headline.completeness")}</span>
        </li>
        <StatLink to={`/opinion-summary?quarter=${headline.quarterKey}`} value={headline.items} label={t("dashboard.headline.items")} />
        <StatLink to="/proposals?overdue=1" value={headline.overdueProposals} label={t("dashboard.headline.overdueProposals")} />
      </ul>
      <h3>{t("dashboard.headline.topConcerns")}</h3>
      {headline.topConcerns.length === 0 ? <p>{t("dashboard.headline.noData")}</p> : null}
      <ol>
        {headline.topConcerns.map((c) => (
          <li key={c.topic.code}>
            {t("dashboard.headline.concern", {
              topic: lang === "en" ? c.topic.nameEn : c.topic.nameVi,
              count: formatNumber(c.total, lang),
              direction: t(`opinion.direction.${c.leading.direction}`).toLocaleLowerCase(lang),
              share: `${formatNumber(c.leading.share * 100, lang)} %`,
            })}
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/opinion-summary?quarter=${headline.quarterKey}`}>{t("dashboard.headline.openSummary")}</Link> · <Link to="/quarterly-reports">{t("dashboard.headline.openReports")}</Link>
      </p>
    </TitledSection>
  );
}

