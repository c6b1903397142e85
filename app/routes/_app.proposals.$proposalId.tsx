import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { answerProposalSchema, closeProposalSchema, proposalActionSchema } from "~/proposals/proposal-schemas";
import { answerProposal, closeProposal, getProposal } from "~/proposals/proposals.server";
import { CardForm } from "~/ui/card-form";
import { FormErrors, TextAreaField, TextField } from "~/ui/form-fields";
import { ConfirmNoPersonalData, PersonalDataWarning, useGuardedTexts } from "~/ui/personal-data-warning";
import { formatDay, toDateInputValue, todayInVietnam } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = (args) => pageTitle(args, "proposal");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readReportDashboards");
  const proposal = await getProposal(viewer, requireIdParam(params.proposalId));
  return { proposal, canManage: can(viewer, "manageProposals"), today: toDateInputValue(todayInVietnam()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "manageProposals");
  const id = requireIdParam(params.proposalId);
  return runFormThenRedirect(request, proposalActionSchema, async (input) => {
    if (input.intent === "answer") await answerProposal(viewer, id, input);
    else await closeProposal(viewer, id, input);
  }, `/proposals/${id}`);
}

export default function ProposalPage() {
  const { t } = useTranslation();
  const { proposal, canManage, today } = useLoaderData<typeof loader>();
  const answer = useFetcherForm("answer-proposal", answerProposalSchema, { answerText: proposal.answerText ?? "", answeredOn: proposal.answeredOn ? toDateInputValue(proposal.answeredOn) : today });
  const close = useFetcherForm("close-proposal", closeProposalSchema);
  const guard = useGuardedTexts({ answerText: proposal.answerText ?? "" });
  return (
    <>
      <PageHeader title={proposal.title} back={{ to: "/proposals", label: t("proposals.title") }}>
        <p>
          {proposal.agency.name} · {t(`proposals.statusName.${proposal.status}`)}
          {proposal.overdue ? <> · <span className="badge badge-urgent">{t("proposals.overdue")}</span></> : null}
        </p>
      </PageHeader>
      <TitledSection id="facts-title" title={t("proposals.content")} className="panel" titleHidden>
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
      </TitledSection>
      {canManage ? (
        <div className="card-grid">
          <CardForm form={answer} onInput={guard.onInput} id="answer-title" title={t("proposals.answer")} intent="answer" submit={t("proposals.answerSubmit")} primary>
            <TextAreaField label={t("proposals.answerText")} field={answer.fields.answerText} />
            <PersonalDataWarning text={guard.texts.answerText} />
            <ConfirmNoPersonalData flagged={guard.flagged} name="confirmNoPersonalData" />
            <TextField label={t("proposals.answeredOn")} field={answer.fields.answeredOn} type="date" />
          </CardForm>
          {proposal.status === "answered" ? (
            <CardForm
              form={close}
              id="close-title"
              title={t("proposals.close")}
              intent="close"
              errors={<FormErrors errors={close.fields.status.errors} />}
              actions={
                <>
                  <button type="submit" name="status" value="resolved" disabled={close.busy}>{t("proposals.markResolved")}</button>{" "}
                  <button type="submit" name="status" value="published" disabled={close.busy}>{t("proposals.markPublished")}</button>
                </>
              }
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
