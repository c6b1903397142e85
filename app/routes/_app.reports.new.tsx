import type { SubmissionResult } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { runForm } from "~/forms/run-form.server";
import { getLanguage } from "~/i18n/language.server";
import { reportFormOptions } from "~/opinion-reports/report-form-data.server";
import { draftKeyFor, ReportForm } from "~/opinion-reports/report-form";
import { useOutbox } from "~/outbox/outbox-context";
import { OutboxReceipt } from "~/outbox/outbox-receipt";
import { fileReportSchema } from "~/opinion-reports/report-schemas";
import { fileReport, findOwnMonthlyReport, type ReportKind } from "~/opinion-reports/reports.server";
import { withConflictReply } from "~/errors/http.server";
import { getPeriod } from "~/periods/periods.server";
import { formatDay } from "~/utils/dates";
import { notFound, requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";

export const meta: MetaFunction = (args) => pageTitle(args, "newReport");

function periodIdOf(request: Request) {
  return requireIdParam(new URL(request.url).searchParams.get("period") ?? undefined);
}

/** ?fast=1: a fast report on a hot issue, outside the monthly report. */
function kindOf(request: Request): ReportKind {
  return new URL(request.url).searchParams.get("fast") === "1" ? "fast" : "monthly";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "fileReports");
  const period = await getPeriod(periodIdOf(request));
  if (period.status !== "open") notFound();
  const kind = kindOf(request);
  const existing = kind === "monthly" ? await findOwnMonthlyReport(viewer, period.id) : null;
  return { period, kind, existing, username: viewer.username, ...(await reportFormOptions(viewer, await getLanguage(request))) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "fileReports");
  const periodId = periodIdOf(request);
  const outcome = await withConflictReply(() => runForm(request, fileReportSchema, (input) => fileReport(viewer, periodId, input, new Date(), kindOf(request))));
  if ("conflict" in outcome) return outcome.conflict;
  if ("failed" in outcome) return outcome.failed;
  return redirect(`/reports/${outcome.saved.id}?sent=1`);
}

export default function NewReportPage() {
  const { t } = useTranslation();
  const { period, kind, existing, username, topics, groups, areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SubmissionResult<string[]> | { message: string } | undefined;
  const periodName = t("reports.periodName", { month: period.month, year: period.year });
  const title = kind === "fast" ? t("reports.fastTitle", { period: periodName }) : t("reports.newTitle", { period: periodName });
  // A monthly report for this period already on the device (waiting or sent): one per period.
  const onDevice = useOutbox().items?.find(
    (i) => kind === "monthly" && i.kind === "report" && i.payload.periodId === period.id && i.payload.kind === "monthly" && !i.payload.reportId && (i.state !== "refused" && i.state !== "conflict"),
  );
  return (
    <>
      <PageHeader title={title}>
        <p className="muted">{t("reports.periodRange", { from: formatDay(period.startsOn), to: formatDay(period.endsOn), deadline: formatDay(period.deadline) })}</p>
      </PageHeader>
      {existing ? (
        <p className="notice" role="status">
          {result && "message" in result ? t(result.message) : t("reports.errors.alreadyFiled")} <Link to={`/reports/${existing.id}`}>{t("reports.open")}</Link>
        </p>
      ) : onDevice ? (
        <OutboxReceipt id={onDevice.id} kind="report" />
      ) : <ReportForm
        draftKey={draftKeyFor(period.id, username) + (kind === "fast" ? ":fast" : "")}
        outbox={{ periodId: period.id, kind, title, href: `/reports/new?period=${period.id}${kind === "fast" ? "&fast=1" : ""}` }}
        username={username}
        initial={kind === "fast" ? { urgent: true } : undefined}
        topics={topics}
        groups={groups}
        areas={areas}
        serverErrors={result && "error" in result ? (result.error ?? undefined) : undefined}
        serverMessage={result && "message" in result ? result.message : undefined}
        submitLabel={t("reports.submit")}
      />}
    </>
  );
}
