import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { RESPONSE_STATUSES } from "~/surveys/definition";
import { runForm } from "~/forms/run-form.server";
import { bulkAcceptResponses, listResponses } from "~/surveys/review.server";
import { bulkAcceptSchema } from "~/surveys/survey-schemas";
import { ConfirmDialog, useConfirmation } from "~/ui/confirm-dialog";
import { ReplyErrors } from "~/ui/form-fields";
import { getSurvey } from "~/surveys/surveys.server";
import { KeysetPagination } from "~/ui/pagination";
import { formatDateTime } from "~/utils/dates";
import { parseId, requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { FilterForm, SelectFilter, TextFilter } from "~/ui/list-view";
import { PageHeader } from "~/ui/page-header";
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
  const [list, waiting] = await Promise.all([
    listResponses(viewer, survey.id, { status, unitCode: unit, older, newer }),
    // What "accept all" would take: the waiting questionnaires under the same unit filter.
    status === "" || status === "submitted" ? listResponses(viewer, survey.id, { status: "submitted", unitCode: unit }).then((w) => w.total) : 0,
  ]);
  const accepted = Number(url.searchParams.get("accepted")) || null;
  return { survey: { id: survey.id, code: survey.code, title: survey.title, period: survey.period }, status, unit, waiting, accepted, ...list };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "reviewSurveys");
  const survey = await getSurvey(viewer, requireIdParam(params.surveyId));
  const outcome = await runForm(request, bulkAcceptSchema, (input) =>
    bulkAcceptResponses(viewer, survey.id, input.intent === "accept_selected" ? { ids: input.ids } : { unitCode: input.unit, expectedCount: input.expectedCount }),
  );
  if ("failed" in outcome) return outcome.failed;
  const back = new URL(request.url);
  back.searchParams.set("accepted", String(outcome.saved));
  return redirect(`${back.pathname}${back.search}`);
}

export default function ReviewList() {
  const { t } = useTranslation();
  const { survey, status, unit, total, rows, older, newer, waiting, accepted } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const confirmation = useConfirmation();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (id: number, on: boolean) => setSelected((s) => { const next = new Set(s); if (on) next.add(id); else next.delete(id); return next; });
  const confirmAll = (event: FormEvent<HTMLFormElement>) => { if (confirmation.needsConfirmation()) event.preventDefault(); };
  return (
    <>
      <PageHeader title={t("surveys.review.title", { title: survey.title })} back={{ to: `/surveys/${survey.id}`, label: survey.code }} />
      <FilterForm label={t("common.filter")}>
        <SelectFilter label={t("surveys.review.status")} name="status" value={status} options={RESPONSE_STATUSES.map((s) => ({ value: s, label: t(`surveys.responseStatus.${s}`) }))} />
        <TextFilter label={t("surveys.review.unitCode")} name="unit" value={unit} />
      </FilterForm>
      <p role="status">{t("surveys.review.count", { count: total })}{accepted ? ` · ${t("surveys.review.bulkDone", { count: accepted })}` : ""}</p>
      <ReplyErrors reply={reply} />
      {waiting > 0 ? (
        <Form method="post" ref={confirmation.form} onSubmit={confirmAll} aria-label={t("surveys.review.bulkAll", { count: waiting })} className="bulk-actions">
          <input type="hidden" name="intent" value="accept_filtered" />
          <input type="hidden" name="expectedCount" value={waiting} />
          {unit ? <input type="hidden" name="unit" value={unit} /> : null}
          <button type="submit" disabled={busy}>{t("surveys.review.bulkAll", { count: waiting })}</button>
          <ConfirmDialog confirmation={confirmation} id="bulk-all" title={t("surveys.review.bulkAllTitle")} confirmLabel={t("surveys.review.bulkConfirm")} cancelLabel={t("surveys.review.bulkCancel")}>
            <p>{t("surveys.review.bulkAllConfirm", { count: waiting, filter: unit || t("common.all") })}</p>
          </ConfirmDialog>
        </Form>
      ) : null}
      <Form method="post" id="bulk-selected" aria-label={t("surveys.review.bulkSelected", { count: selected.size })}>
        <input type="hidden" name="intent" value="accept_selected" />
        <button type="submit" disabled={busy || selected.size === 0}>{t("surveys.review.bulkSelected", { count: selected.size })}</button>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{t("surveys.review.caption")}</caption>
          <thead>
            <tr><th><span className="visually-hidden">{t("surveys.review.select")}</span></th><th>{t("surveys.review.number")}</th><th>{t("surveys.review.unit")}</th><th>{t("surveys.review.collaborator")}</th><th>{t("surveys.review.submittedAt")}</th><th>{t("surveys.review.status")}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.status === "submitted" ? (
                    <input type="checkbox" name="ids" value={r.id} form="bulk-selected" aria-label={t("surveys.review.selectOne", { id: r.id })} checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  ) : null}
                </td>
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
