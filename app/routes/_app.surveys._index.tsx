import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAnyCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { myResponses } from "~/surveys/review.server";
import { listAssignedOpen, listSurveys } from "~/surveys/surveys.server";
import { formatDateTime, formatDay } from "~/utils/dates";
import { DataTable } from "~/ui/data-table";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";
export { links } from "~/surveys/styles";

export const meta: MetaFunction = (args) => pageTitle(args, "surveys");

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireAnyCapability(request, "enterSurveys", "readSurveyResults", "designSurveys");
  if (can(viewer, "enterSurveys")) {
    const [assigned, mine] = await Promise.all([listAssignedOpen(viewer), myResponses(viewer)]);
    return { mode: "field" as const, assigned, mine, surveys: [], canDesign: false };
  }
  return { mode: "office" as const, assigned: [], mine: [], surveys: await listSurveys(viewer), canDesign: can(viewer, "designSurveys") };
}

export default function SurveysPage() {
  const { t } = useTranslation();
  const { mode, assigned, mine, surveys, canDesign } = useLoaderData<typeof loader>();
  if (mode === "field") {
    return (
      <>
        <PageHeader title={t("surveys.title")} />
        <TitledSection id="assigned-title" title={t("surveys.field.assigned")}>
          {assigned.length === 0 ? <p>{t("surveys.field.none")}</p> : null}
          <ul className="survey-cards">
            {assigned.map((s) => (
              <li key={s.id} className="panel">
                <h3>{s.title}</h3>
                <p className="muted">{s.period} · {t("surveys.field.until", { date: formatDay(s.closesOn) })}</p>
                <progress max={s.quota || 1} value={Math.min(s.received, s.quota)} aria-label={t("surveys.field.unitProgressLabel", { title: s.title })} />
                <p>{t("surveys.field.unitProgress", { received: s.received, quota: s.quota })} · {t("surveys.field.mine", { count: s.mine })}</p>
                <Link className="button primary" to={`/surveys/${s.id}/fill`}>{t("surveys.field.fill")}</Link>
              </li>
            ))}
          </ul>
        </TitledSection>
        <TitledSection id="mine-title" title={t("surveys.field.mySubmissions")}>
          {/* A table on wide screens; cards on a phone (app.css, table.cards): no script added. */}
          <DataTable
            caption={t("surveys.field.mySubmissions")}
            className="cards"
            columns={[t("surveys.review.number"), t("surveys.survey"), t("surveys.review.submittedAt"), t("surveys.review.status")]}
          >
            {mine.map((r) => (
              <tr key={r.id}>
                <td><Link to={`/surveys/responses/${r.id}`}>#{r.id}</Link></td>
                <td className="card-title">{r.survey.title} ({r.survey.period})</td>
                <td data-label={t("surveys.review.submittedAt")}>{formatDateTime(r.submittedAt)}</td>
                <td><span className={`badge badge-${r.status}`}>{t(`surveys.responseStatus.${r.status}`)}</span></td>
              </tr>
            ))}
          </DataTable>
        </TitledSection>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("surveys.title")}
        actions={canDesign ? <Link className="button primary" to="/surveys/new">{t("surveys.create")}</Link> : null}
      />
      <DataTable
        caption={t("surveys.listCaption")}
        captionVisible
        columns={[t("surveys.code"), t("surveys.name"), t("surveys.period"), t("surveys.status"), t("surveys.dates")]}
      >
        {surveys.map((s) => (
          <tr key={s.id}>
            <td><code>{s.code}</code></td>
            <td><Link to={`/surveys/${s.id}`}>{s.title}</Link></td>
            <td>{s.period}</td>
            <td><span className={`badge badge-${s.status}`}>{t(`surveys.statuses.${s.status}`)}</span> v{s.version}</td>
            <td>{s.opensOn ? `${formatDay(s.opensOn)} – ${formatDay(s.closesOn)}` : "—"}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
