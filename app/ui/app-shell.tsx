import { Link, NavLink } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { can, type Capability, type Role } from "~/accounts/roles";
import { DeviceNotices, OutboxNavLink } from "~/outbox/outbox-badge";
import { OutboxProvider } from "~/outbox/outbox-context";
import { startOfflineApp, stopOfflineApp } from "~/outbox/offline-app";
import { LanguageSwitch } from "./language-switch";
import { SignOut } from "./sign-out";

type ShellViewer = { displayName: string; username: string; role: Role; unitName: string; unitPath: string };

const NAV: { to: string; key: string; capability?: Capability }[] = [
  { to: "/", key: "nav.dashboard" },
  { to: "/units", key: "nav.units", capability: "browseUnits" },
  { to: "/surveys", key: "nav.surveys" },
  { to: "/admin/accounts", key: "nav.accounts", capability: "manageAccounts" },
  { to: "/admin/audit", key: "nav.audit", capability: "readAudit" },
  { to: "/reports", key: "reportsNav.myReports", capability: "fileReports" },
  { to: "/reports/inbox", key: "reportsNav.inbox", capability: "readReportDashboards" },
  { to: "/completeness", key: "reportsNav.completeness", capability: "readReportDashboards" },
  { to: "/opinion-summary", key: "reportsNav.summary", capability: "readReportDashboards" },
  { to: "/proposals", key: "reportsNav.proposals", capability: "readReportDashboards" },
  { to: "/quarterly-reports", key: "quarterly.nav", capability: "readQuarterlyReports" },
  { to: "/roster", key: "reportsNav.roster", capability: "manageRoster" },
  { to: "/topics", key: "reportsNav.topics", capability: "manageTopics" },
];

/** The frame of every signed-in page: skip link, header, role-based navigation, content. */
export function AppShell({ viewer, children }: { viewer: ShellViewer; children: ReactNode }) {
  const { t } = useTranslation();
  const items = NAV.filter((item) => !item.capability || can(viewer, item.capability));
  // Field work (questionnaires, opinion reports) goes through the device's outbox (decision 0034).
  const fieldWork = can(viewer, "enterSurveys") || can(viewer, "fileReports");
  useEffect(() => {
    void (fieldWork ? startOfflineApp(viewer.username) : stopOfflineApp()).catch(() => {});
  }, [fieldWork, viewer.username]);
  const shell = (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Dư luận
        </Link>
        <nav aria-label={t("nav.label")}>
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"} prefetch="intent">
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
            {fieldWork ? <li><OutboxNavLink /></li> : null}
          </ul>
        </nav>
        <div className="account-box">
          <span className="who">
            <strong>{viewer.displayName}</strong>
            <span className="muted">
              {t(`roles.${viewer.role}`)} · {viewer.unitName}
            </span>
          </span>
          <div className="account-actions">
            <Link to="/account/password">{t("nav.changePassword")}</Link>
            <SignOut username={viewer.username} />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="content">
        {fieldWork ? <DeviceNotices /> : null}
        {children}
      </main>
    </div>
  );
  return fieldWork ? <OutboxProvider owner={viewer.username}>{shell}</OutboxProvider> : shell;
}
