import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requireAnyCapability, requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { useSchemaForm } from "~/forms/use-schema-form";
import { runForm } from "~/forms/run-form.server";
import { visibleQuestions } from "~/surveys/definition";
import { formatAnswer } from "~/surveys/question-types";
import { getResponse, nextResponseToReview, reviewResponse } from "~/surveys/review.server";
import { reviewSchema } from "~/surveys/survey-schemas";
import { hasPersonalData } from "~/opinion-reports/personal-data-guard";
import { ConfirmNoPersonalData, PersonalDataWarning, useGuardedTexts } from "~/ui/personal-data-warning";
import { ErrorList, FormErrors, TextAreaField } from "~/ui/form-fields";
import { formatDateTime } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";
export { links } from "~/surveys/styles";

export const meta: MetaFunction = (args) => pageTitle(args, "questionnaire");

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Single questionnaires are for reviewers and their own collaborator; officials read results.
  const viewer = await requireAnyCapability(request, "reviewSurveys", "enterSurveys");
  const response = await getResponse(viewer, requireIdParam(params.responseId));
  return { response, canReview: can(viewer, "reviewSurveys"), isOwner: response.collaboratorId === viewer.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "reviewSurveys");
  const id = requireIdParam(params.responseId);
  const outcome = await runForm(request, reviewSchema, async (input) => {
    const surveyId = await reviewResponse(viewer, id, input.intent === "accept_next" ? { intent: "accept" } : input);
    if (input.intent !== "accept_next") return null;
    return { surveyId, next: await nextResponseToReview(viewer, surveyId, id) };
  });
  if ("failed" in outcome) return outcome.failed;
  // Accept-and-next opens the next waiting questionnaire, or the review list when none is left.
  const after = outcome.saved;
  if (after) return redirect(after.next ? `/surveys/responses/${after.next}` : `/surveys/${after.surveyId}/review?status=submitted`);
  return redirect(`/surveys/responses/${id}`);
}

export default function ResponsePage() {
  const { t } = useTranslation();
  const { response, canReview, isOwner } = useLoaderData<typeof loader>();
  const visible = visibleQuestions(response.definition, response.answers as Record<string, unknown>);
  const reviewable = canReview && response.status === "submitted";
  return (
    <>
      <PageHeader
        title={t("surveys.review.responseTitle", { id: response.id })}
        back={{ to: canReview ? `/surveys/${response.survey.id}/review` : "/surveys", label: <>{response.survey.title} ({response.survey.period})</> }}
      >
        <p>
          <span className={`badge badge-${response.status}`}>{t(`surveys.responseStatus.${response.status}`)}</span> ·{" "}
          {response.unit.name} · {response.collaborator.displayName} · {t("surveys.review.revision", { n: response.revision })}
        </p>
      </PageHeader>
      {response.returnComment ? (
        <TitledSection id="returned-title" title={t("surveys.review.returnedTitle")} className="notice">
          <p>{response.returnComment}</p>
          {isOwner && response.survey.status === "published" ? (
            <Link className="button primary" to={`/surveys/${response.survey.id}/fill?response=${response.id}`}>{t("surveys.review.fix")}</Link>
          ) : null}
        </TitledSection>
      ) : null}
      <ReviewBody response={response} visible={visible} reviewable={reviewable} />
      <TitledSection id="history-title" title={t("surveys.review.history")}>
        <ol className="history">
          {response.history.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.at)} · {t(`surveys.events.${e.kind}`)} · {e.actor} · {t("surveys.review.revision", { n: e.revision })}
              {e.comment ? <>: “{e.comment}”</> : null}
              {Object.entries(e.questionComments).map(([code, c]) => <div key={code} className="hint">{code}: {c}</div>)}
            </li>
          ))}
        </ol>
      </TitledSection>
    </>
  );
}

type ResponseData = ReturnType<typeof useLoaderData<typeof loader>>["response"];

function ReviewBody({ response, visible, reviewable }: { response: ResponseData; visible: Set<string>; reviewable: boolean }) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm({ schema: reviewSchema, lastResult, id: "review" });
  const [comments, setComments] = useState<Record<string, string>>({});
  const guard = useGuardedTexts({ comment: "" });
  const answers = response.answers as Record<string, unknown>;
  const questionComments = response.questionComments as Record<string, string>;
  return (
    <Form method="post" {...getFormProps(form)} onInput={guard.onInput} aria-label={t("surveys.review.formLabel")}>
      <div className="table-wrap">
        <table>
          <caption>{t("surveys.review.answers")}</caption>
          <thead><tr><th>{t("surveys.review.question")}</th><th>{t("surveys.review.answer")}</th>{reviewable ? <th>{t("surveys.review.questionComment")}</th> : null}</tr></thead>
          <tbody>
            <tr>
              <th scope="row">{t("surveys.bands.title")}</th>
              <td>{(["ageBand", "gender", "occupation", "area"] as const).map((b) => t(`surveys.bandValues.${b}.${response.bands[b]}`)).join(" · ")}</td>
              {reviewable ? <td /> : null}
            </tr>
            {response.definition.questions.filter((q) => visible.has(q.code)).map((q) => (
              <tr key={q.code}>
                <th scope="row">{q.code}. {q.title}</th>
                <td>{formatAnswer(q, answers[q.code])}{questionComments[q.code] ? <p className="notice">{questionComments[q.code]}</p> : null}</td>
                {reviewable ? (
                  <td>
                    <label className="visually-hidden" htmlFor={`qc-${q.code}`}>{t("surveys.review.commentOn", { code: q.code })}</label>
                    <input id={`qc-${q.code}`} value={comments[q.code] ?? ""} onChange={(e) => setComments((c) => ({ ...c, [q.code]: e.target.value }))} />
                    <PersonalDataWarning text={comments[q.code]} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reviewable ? (
        <div className="card-form">
          <input type="hidden" name="questionComments" value={JSON.stringify(comments)} />
          <TextAreaField label={t("surveys.review.comment")} field={fields.comment} hint={t("surveys.review.commentHint")} />
          <PersonalDataWarning text={guard.texts.comment} />
          <FormErrors errors={fields.questionComments?.errors} />
          <ConfirmNoPersonalData flagged={guard.flagged || Object.values(comments).some((c) => hasPersonalData(c))} name="confirmNoPersonalData" />
          <FormErrors errors={form.errors} />
          <div className="button-row">
            <button type="submit" name="intent" value="accept_next" className="primary" formNoValidate>{t("surveys.review.acceptNext")}</button>
            <button type="submit" name="intent" value="accept" formNoValidate>{t("surveys.review.accept")}</button>
            <button type="submit" name="intent" value="return">{t("surveys.review.return")}</button>
          </div>
        </div>
      ) : null}
      {/* A refusal of the action itself (e.g. another reviewer acted first on this page's questionnaire). */}
      <ErrorList id={fields.intent.errorId} errors={fields.intent.errors} />
    </Form>
  );
}
