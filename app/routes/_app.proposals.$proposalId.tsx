import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { runForm } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { answerProposalSchema, closeProposalSchema, proposalActionSchema } from "~/proposals/proposal-schemas";
import { answerProposal, closeProposal, getProposal } from "~/proposals/proposals.server";
import { FormErrors, TextAreaField, TextField } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning, useGuardedTexts } from "~/ui/personal-data-warning";
import { formatDay, toDateInputValue, todayInVietnam } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";

export const meta: MetaFunction = (args) => pageTitle(args, "proposal");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const proposal = await getProposal(viewer, requireIdParam(params.proposalId));
  return { proposal, canManage: can(viewer, "manageProposals"), today: toDateInputValue(todayInVietnam()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageProposals");
  const id = requireIdParam(params.proposalId);
  const outcome = await runForm(request, proposalActionSchema, async (input) => {
    if (input.intent === "answer") await answerProposal(viewer, id, input);
    else await closeProposal(viewer, id, input);
  });
  if ("failed" in outcome) return outcome.failed;
  return redirect(`/proposals/${id}`);
}

export default function ProposalPage() {
  const { t } = useTranslation();
  const { proposal, canManage, today } = useLoaderData<typeof loader>();
  const answer = useFetcherForm("answer-proposal", answerProposalSchema, { answerText: proposal.answerText ?? "", answeredOn: proposal.answeredOn ? toDateInputValue(proposal.answeredOn) : today });
  const close = useFetcherForm("close-proposal", closeProposalSchema);
  const guard = useGuardedTexts({ answerText: proposal.answerText ?? "" });
  return (
    <>
      <header className="page-header">
        <p><Link to="/proposals">← {t("proposals.title")}</Link></p>
        <h1>{proposal.title}</h1>
        <p>
          {proposal.agency.name} · {t(`proposals.statusName.${proposal.status}`)}
          {proposal.overdue ? <> · <span className="badge badge-urgent">{t("proposals.overdue")}</span></> : null}
        </p>
      </header>
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title" className="visually-hidden">{t("proposals.content")}</h2>
        <dl className="facts">
          <dt>{t("proposals.unit")}</dt>
          <dd>{proposal.unit.name} <code>{proposal.unit.code}</code></dd>
          <dt>{t("proposals.forwardedOn")}</dt>
          <dd>{formatDay(proposal.forwardedOn)}</dd>
          <dt>{t("proposals.dueOn")}</dt>
          <dd>{formatDay(proposal.dueOn)}</dd>
          <dt>{t("proposals.content")}</dt>
          <dd>{proposal.content}</dd>
          <dt>{t("proposals.answer")}</dt>
          <dd>{proposal.answerText ? <>{proposal.answerText} ({formatDay(proposal.answeredOn)})</> : t("proposals.noAnswer")}</dd>
        </dl>
        {proposal.item ? <p><Link to={`/reports/${proposal.item.reportId}`}>{t("proposals.fromItem", { title: proposal.item.title })}</Link></p> : null}
      </section>
      {canManage ? (
        <div className="card-grid">
          <answer.fetcher.Form method="post" {...getFormProps(answer.form)} onInput={guard.onInput} aria-labelledby="answer-title" className="card-form">
            <h2 id="answer-title">{t("proposals.answer")}</h2>
            <input type="hidden" name="intent" value="answer" />
            <TextAreaField label={t("proposals.answerText")} field={answer.fields.answerText} />
            <PersonalDataWarning text={guard.texts.answerText} />
            <ConfirmNoPersonalData flagged={guard.flagged} name="confirmNoPersonalData" />
            <TextField label={t("proposals.answeredOn")} field={answer.fields.answeredOn} type="date" />
            <FormErrors errors={answer.form.errors} />
            <button type="submit" className="primary" disabled={answer.busy}>{t("proposals.answerSubmit")}</button>
          </answer.fetcher.Form>
          {proposal.status === "answered" ? (
            <close.fetcher.Form method="post" {...getFormProps(close.form)} aria-labelledby="close-title" className="card-form">
              <h2 id="close-title">{t("proposals.close")}</h2>
              <input type="hidden" name="intent" value="close" />
              <FormErrors errors={close.fields.status.errors} />
              <button type="submit" name="status" value="resolved" disabled={close.busy}>{t("proposals.markResolved")}</button>{" "}
              <button type="submit" name="status" value="published" disabled={close.busy}>{t("proposals.markPublished")}</button>
            </close.fetcher.Form>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
