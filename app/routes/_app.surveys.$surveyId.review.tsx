import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { RESPONSE_STATUSES } from "~/surveys/definition";
import { listResponses } from "~/surveys/review.server";
import { getSurvey } from "~/surveys/surveys.server";
import { KeysetPagination } from "~/ui/pagination";
import { formatDateTime } from "~/utils/dates";
import { parseId, requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
export { links } from "~/surveys/styles";

export const meta: MetaFunction = (args) => pageTitle(args, "surveyReview");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "reviewSurveys");
  const survey = await getSurvey(viewer, requireIdParam(params.surveyId));
  const url = new URL(request.url);
  const status = url.searchParams.get("status") ?? "";
  const unit = (url.searchParams.get("unit") ?? "").trim().toUpperCase().slice(0, 40);
  const older = parseId(url.searchParams.get("older"));
  const newer = parseId(url.searchParams.get("newer"));
  const list = await listResponses(viewer, survey.id, { status, unitCode: unit, older, newer });
  return { survey: { id: survey.id, code: survey.code, title: survey.title, period: survey.period }, status, unit, ...list };
}

export default function ReviewList() {
  const { t } = useTranslation();
  const { survey, status, unit, total, rows, older, newer } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <p className="muted"><Link to={`/surveys/${survey.id}`}>{survey.code}</Link></p>
        <h1>{t("surveys.review.title", { title: survey.title })}</h1>
      </header>
      <Form method="get" className="filters" aria-label={t("common.filter")}>
        <label>
          {t("surveys.review.status")}
          <select name="status" defaultValue={status}>
            <option value="">{t("common.all")}</option>
            {RESPONSE_STATUSES.map((s) => <option key={s} value={s}>{t(`surveys.responseStatus.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t("surveys.review.unitCode")}
          <input name="unit" defaultValue={unit} />
        </label>
        <button type="submit">{t("common.filter")}</button>
      </Form>
      <p role="status">{t("surveys.review.count", { count: total })}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("surveys.review.caption")}</caption>
          <thead>
            <tr><th>{t("surveys.review.number")}</th><th>{t("surveys.review.unit")}</th><th>{t("surveys.review.collaborator")}</th><th>{t("surveys.review.submittedAt")}</th><th>{t("surveys.review.status")}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td><Link to={`/surveys/responses/${r.id}`}>#{r.id}</Link></td>
                <td>{r.unit.name}</td>
                <td>{r.collaborator.displayName}</td>
                <td>{formatDateTime(r.updatedAt)}</td>
                <td><span className={`badge badge-${r.status}`}>{t(`surveys.responseStatus.${r.status}`)}</span>{r.revision > 1 ? ` (${t("surveys.review.revision", { n: r.revision })})` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <KeysetPagination newer={newer === null ? null : String(newer)} older={older === null ? null : String(older)} />
    </>
  );
}
