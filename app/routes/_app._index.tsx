import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { getOverview } from "~/dashboard/overview.server";
import { CollaboratorDue, OfficialHeadline, SecretariatWaiting } from "~/dashboard/overview-panels";
import { collaboratorOverview, officialOverview, secretariatOverview } from "~/dashboard/role-overview.server";
import { SavedNotice } from "~/ui/saved-notice";
import { UrgentItemsPanel } from "~/opinion-reports/urgent-panel";
import { listUrgentItems } from "~/opinion-reports/reports.server";
import { formatDateTime } from "~/utils/dates";
import { formatNumber } from "~/utils/numbers";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  // Each role starts from its own work: what is due, what waits, the quarter's headline. The
  // panels are independent reads: asked for together, not one after another.
  const isCollaborator = viewer.role === "collaborator";
  const dashboards = can(viewer, "readReportDashboards");
  const [due, waiting, headline, overview, urgentItems] = await Promise.all([
    isCollaborator ? collaboratorOverview(viewer) : null,
    can(viewer, "reviewReports") ? secretariatOverview(viewer) : null,
    dashboards ? officialOverview(viewer) : null,
    // Unit and account counts are the administrator's headline.
    viewer.role === "admin" ? getOverview(viewer) : null,
    dashboards ? listUrgentItems(viewer, 8) : null,
  ]);
  return {
    due,
    waiting,
    headline,
    overview,
    unitName: viewer.unitName,
    unitId: viewer.unitId,
    canBrowseUnits: can(viewer, "browseUnits"),
    urgentItems,
    now: new Date().toISOString(),
  };
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const { overview, due, waiting, headline, unitName, unitId, canBrowseUnits, now, urgentItems } = useLoaderData<typeof loader>();
  const cards = overview
    ? [
        { key: "openUnits", value: overview.openUnits },
        { key: "collaborators", value: overview.byRole.collaborator ?? 0 },
        { key: "officials", value: overview.byRole.official ?? 0 },
        { key: "secretariat", value: overview.byRole.secretariat ?? 0 },
      ]
    : [];
  return (
    <>
      <PageHeader title={t("dashboard.title")}>
        <p className="muted">
          {t("dashboard.scope", { unit: unitName })} · {t("dashboard.asOf", { time: formatDateTime(now) })}
        </p>
        <SavedNotice />
      </PageHeader>
      {due ? <CollaboratorDue due={due} /> : null}
      {waiting ? <SecretariatWaiting waiting={waiting} /> : null}
      {headline ? <OfficialHeadline headline={headline} /> : null}
      {overview ? (
        <section aria-labelledby="overview-title">
          <h2 id="overview-title" className="visually-hidden">
            {t("dashboard.overview")}
          </h2>
          <ul className="stat-cards">
            {cards.map((card) => (
              <li key={card.key} className="stat-card">
                <span className="stat-value">{formatNumber(card.value, i18n.language)}</span>
                <span className="stat-label">{t(`dashboard.cards.${card.key}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {due ? null : (
        <p>
          <Link to="/surveys">{t("dashboard.openSurveys")}</Link>
        </p>
      )}
      {urgentItems ? <UrgentItemsPanel items={urgentItems} /> : null}
      {canBrowseUnits ? (
        <p>
          <Link to={`/units/${unitId}`}>{t("dashboard.openMyUnit")}</Link>
        </p>
      ) : null}
    </>
  );
}
