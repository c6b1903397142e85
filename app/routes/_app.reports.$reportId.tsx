import type { SubmissionResult } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { requireAnyCapability, requireCapability, requireViewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { runForm } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { getLanguage } from "~/i18n/language.server";
import { reportFormOptions } from "~/opinion-reports/report-form-data.server";
import { clearDraft, draftKeyFor, ReportForm } from "~/opinion-reports/report-form";
import { fileReportSchema, reviewReportSchema } from "~/opinion-reports/report-schemas";
import { EventList, ItemList } from "~/opinion-reports/report-views";
import { QUALITIES } from "~/opinion-reports/report-vocab";
import { getReport, resubmitReport, nextReportToReview, reviewReport } from "~/opinion-reports/reports.server";
import { withConflictReply } from "~/errors/http.server";
import { CardForm } from "~/ui/card-form";
import { useOptionalOutbox } from "~/outbox/outbox-context";
import { OutboxReceipt } from "~/outbox/outbox-receipt";
import { FormErrors, SelectField, TextAreaField } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning, useGuardedTexts } from "~/ui/personal-data-warning";
import { formatDateTime } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "report");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyCapability(request, "fileReports", "readReportDashboards", "reviewReports");
  const report = await getReport(viewer, requireIdParam(params.reportId));
  const canResubmit = report.collaboratorId === viewer.id && report.status === "returned" && report.period.status === "open";
  return {
    report,
    username: viewer.username,
    // Readers of the dashboards go back to the inbox; collaborators to their own reports.
    backToInbox: can(viewer, "readReportDashboards"),
    canReview: can(viewer, "reviewReports"),
    canPropose: can(viewer, "manageProposals"),
    canResubmit,
    options: canResubmit ? await reportFormOptions(viewer, await getLanguage(request)) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const id = requireIdParam(params.reportId);
  if (can(viewer, "fileReports")) {
    const outcome = await withConflictReply(() => runForm(request, fileReportSchema, (input) => resubmitReport(viewer, id, input)));
    if ("conflict" in outcome) return outcome.conflict;
    if ("failed" in outcome) return outcome.failed;
    return redirect(`/reports/${id}?sent=1`);
  }
  const reviewer = await requireCapability(request, "reviewReports");
  const outcome = await runForm(request, reviewReportSchema, async (input) => {
    await reviewReport(reviewer, id, input);
    return input.intent === "accept" && input.then === "next" ? { next: await nextReportToReview(reviewer, id) } : { next: undefined };
  });
  if ("failed" in outcome) return outcome.failed;
  // Accept-and-next opens the next waiting report, or the inbox when none is left.
  if (outcome.saved.next !== undefined) return redirect(outcome.saved.next ? `/reports/${outcome.saved.next}` : "/reports/inbox?status=submitted");
  return redirect(`/reports/${id}`);
}

export default function ReportPage() {
  const { t } = useTranslation();
  const { report, username, backToInbox, canReview, canPropose, canResubmit, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SubmissionResult<string[]> | { message: string } | undefined;
  const [params] = useSearchParams();
  const sent = params.get("sent") === "1";
  // This return's fix, already handed to the device's outbox (waiting or sent): its receipt, not
  // the form again (this page may be the copy the phone kept offline, still showing the report
  // as returned). The report keeps the UUID of its last submission, so an earlier fix is not it.
  const handedOver = useOptionalOutbox()?.items?.find(
    (i) => i.kind === "report" && i.payload.reportId === report.id && i.id !== report.clientUuid && i.state !== "refused" && i.state !== "conflict",
  );
  const periodName = t("reports.periodName", { month: report.period.month, year: report.period.year });
  useEffect(() => {
    if (sent) {
      clearDraft(draftKeyFor(report.periodId, username, report.id), username);
    }
  }, [sent, report.periodId, report.id, username]);
  return (
    <>
      <PageHeader
        title={t("reports.viewTitle", { period: periodName, name: report.collaborator.displayName })}
        back={{ to: backToInbox ? "/reports/inbox" : "/reports", label: backToInbox ? t("reports.inboxTitle") : t("reports.myTitle") }}
      >
        <p>
          {report.unit.name} · <span className="badge">{t(`opinion.status.${report.status}`)}</span> · {formatDateTime(report.submittedAt)} · {t(`opinion.timeliness.${report.timeliness}`)}
          {report.urgent ? <> · <span className="badge badge-urgent">{t("reports.urgent")}</span></> : null}
          {report.quality ? <> · {t("reports.quality")}: {t(`opinion.quality.${report.quality}`)}</> : null}
        </p>
      </PageHeader>
      {sent ? <p className="notice" role="status">{t("reports.submitted")}</p> : null}
      {report.status === "returned" && report.returnComment ? (
        <p className="notice" role="status">{t("reports.returnedWithComment", { comment: report.returnComment })}</p>
      ) : null}
      {report.personalDataConfirmed ? <p className="hint">{t("reports.personalDataConfirmed")}</p> : null}
      {report.note ? <p>{report.note}</p> : null}
      {canResubmit && handedOver ? (
        <OutboxReceipt id={handedOver.id} kind="report" />
      ) : canResubmit && options ? (
        <TitledSection id="fix-title" title={t("reports.fixAndResubmit")}>
          <ReportForm
            draftKey={draftKeyFor(report.periodId, username, report.id)}
            outbox={{ periodId: report.periodId, kind: report.kind === "fast" ? "fast" : "monthly", reportId: report.id, title: t("reports.fixTitle", { period: periodName }), href: `/reports/${report.id}` }}
            username={username}
            {...options}
            initial={{
              urgent: report.urgent,
              note: report.note ?? "",
              confirmNoPersonalData: report.personalDataConfirmed,
              items: report.items.map((i) => ({
                topicCode: i.topic.code,
                title: i.title,
                summary: i.summary,
                areaCode: i.areaUnit.code,
                groupCodes: i.groups.map((g) => g.group.code),
                direction: i.direction,
                strength: i.strength,
                prevalence: i.prevalence,
                channel: i.channel,
                verified: i.verified,
                proposal: i.proposal ?? "",
                urgent: i.urgent && !report.urgent,
              })),
            }}
            serverErrors={result && "error" in result ? (result.error ?? undefined) : undefined}
            serverMessage={result && "message" in result ? result.message : undefined}
            submitLabel={t("reports.resubmit")}
          />
        </TitledSection>
      ) : (
        <TitledSection id="items-title" title={t("reports.items")}>
          <ItemList items={report.items} proposalLink={canPropose ? (itemId) => `/proposals?fromItem=${itemId}` : undefined} />
        </TitledSection>
      )}
      {canReview ? <ReviewForms status={report.status} quality={report.quality} /> : null}
      <EventList events={report.events} />
    </>
  );
}

function ReviewForms({ status, quality }: { status: string; quality: string | null }) {
  const { t } = useTranslation();
  const rate = useFetcherForm("rate-report", reviewReportSchema, { quality: quality ?? "" });
  const ret = useFetcherForm("return-report", reviewReportSchema);
  const accept = useFetcherForm("accept-report", reviewReportSchema);
  const guard = useGuardedTexts({ comment: "" });
  return (
    <TitledSection id="review-title" title={t("reports.review")} className="manage">
      {/* Refusals of a report that changed meanwhile: the page reloads it and its form is gone. */}
      <FormErrors errors={accept.fields.intent.errors} />
      {status !== "submitted" ? <FormErrors errors={ret.fields.comment.errors} /> : null}
      <div className="card-grid">
        <CardForm form={rate} id="rate-title" title={t("reports.rate")} level={3} intent="rate" submit={t("reports.rateSubmit")}>
          <SelectField label={t("reports.quality")} field={rate.fields.quality as never} placeholder={t("common.choose")} options={QUALITIES.map((q) => ({ value: q, label: t(`opinion.quality.${q}`) }))} />
        </CardForm>
        {status === "submitted" ? (
          <CardForm form={ret} onInput={guard.onInput} id="return-title" title={t("reports.returnTitle")} level={3} intent="return" submit={t("reports.returnSubmit")}>
            <TextAreaField label={t("reports.returnComment")} field={ret.fields.comment as never} />
            <PersonalDataWarning text={guard.texts.comment} />
            <ConfirmNoPersonalData flagged={guard.flagged} name="confirmNoPersonalData" />
          </CardForm>
        ) : null}
        {status === "submitted" ? (
          <CardForm
            form={accept}
            id="accept-title"
            title={t("reports.accept")}
            level={3}
            intent="accept"
            actions={
              <div className="button-row">
                <button type="submit" name="then" value="next" className="primary" disabled={accept.busy}>{t("reports.acceptNext")}</button>
                <button type="submit" name="then" value="stay" disabled={accept.busy}>{t("reports.acceptSubmit")}</button>
              </div>
            }
          />
        ) : null}
      </div>
    </TitledSection>
  );
}
