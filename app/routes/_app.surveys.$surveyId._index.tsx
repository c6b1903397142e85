import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAnyCapability, requireCapability } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { useFetcherForm } from "~/forms/use-fetcher-form";
import { runFormThenRedirect } from "~/forms/run-form.server";
import { stepsFrom } from "~/surveys/lifecycle";
import { assignmentSchema, nextWaveSchema, surveyActionSchema } from "~/surveys/survey-schemas";
import { changeStatus, copyAsNextWave, getSurvey, setAssignment } from "~/surveys/surveys.server";
import { CardForm } from "~/ui/card-form";
import { FormErrors, TextAreaField, TextField } from "~/ui/form-fields";
import { formatDay, formatDateTime, toDateInputValue } from "~/utils/dates";
import { requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
import { TitledSection } from "~/ui/titled-section";
export { links } from "~/surveys/styles";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, null, args.data?.survey.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireAnyCapability(request, "designSurveys", "readSurveyResults");
  const survey = await getSurvey(viewer, requireIdParam(params.surveyId));
  return {
    survey: { ...survey, questionCount: survey.definition.questions.length },
    canDesign: can(viewer, "designSurveys"),
    canReview: can(viewer, "reviewSurveys"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "designSurveys");
  const id = requireIdParam(params.surveyId);
  // A next wave opens in the builder; every other change stays on the survey.
  const opened = (nextWave: number | null) => (nextWave ? `/surveys/${nextWave}/build` : `/surveys/${id}`);
  return runFormThenRedirect(request, surveyActionSchema, async (input) => {
    if (input.intent === "nextWave") return copyAsNextWave(viewer, id, input);
    if (input.intent === "assign") await setAssignment(viewer, id, input);
    else await changeStatus(viewer, id, input.intent);
    return null;
  }, opened);
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const { survey, canDesign, canReview } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={survey.title} back={{ to: "/surveys", label: t("surveys.title") }}>
        <p>
          <code>{survey.code}</code> · {survey.period} · <span className={`badge badge-${survey.status}`}>{t(`surveys.statuses.${survey.status}`)}</span>{" "}
          · {t("surveys.versionN", { n: survey.version })}
        </p>
      </PageHeader>
      <nav aria-label={t("surveys.sections")} className="button-row">
        {canDesign && (survey.status === "draft" || survey.status === "published") ? (
          <Link className="button" to={`/surveys/${survey.id}/build`}>{t("surveys.builder.open")}</Link>
        ) : null}
        {canReview ? <Link className="button" to={`/surveys/${survey.id}/review`}>{t("surveys.review.open")}</Link> : null}
        <Link className="button" to={`/surveys/${survey.id}/results`}>{t("surveys.results.open")}</Link>
        {canDesign ? <a className="button" href={`/surveys/${survey.id}/definition.json`} download>{t("surveys.exportJson")}</a> : null}
      </nav>
      <TitledSection id="facts-title" title={t("surveys.facts")} className="panel">
        <dl className="facts">
          <dt>{t("surveys.seriesCode")}</dt><dd><code>{survey.seriesCode}</code></dd>
          <dt>{t("surveys.questionCount")}</dt><dd>{survey.questionCount}</dd>
          <dt>{t("surveys.dates")}</dt><dd>{survey.opensOn ? `${formatDay(survey.opensOn)} – ${formatDay(survey.closesOn)}` : "—"}</dd>
          <dt>{t("surveys.previousWave")}</dt>
          <dd>{survey.previousWave ? <Link to={`/surveys/${survey.previousWave.id}`}>{survey.previousWave.code} ({survey.previousWave.period})</Link> : "—"}</dd>
          <dt>{t("surveys.versions")}</dt>
          <dd>{survey.versions.length ? survey.versions.map((v) => `v${v.version} (${formatDateTime(v.publishedAt)})`).join(", ") : "—"}</dd>
        </dl>
      </TitledSection>
      <TitledSection id="targets-title" title={t("surveys.targets")}>
        <div className="table-wrap">
          <table>
            <caption>{t("surveys.targetsCaption", { count: survey.targets.length })}</caption>
            <thead><tr><th>{t("units.code")}</th><th>{t("units.name")}</th><th className="num">{t("surveys.quota")}</th></tr></thead>
            <tbody>
              {survey.targets.map((tg) => (
                <tr key={tg.unitId}><td><code>{tg.unit.code}</code></td><td>{tg.unit.name}</td><td className="num">{tg.quota}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </TitledSection>
      {canDesign ? (
        <TitledSection id="manage-title" title={t("surveys.manage")} className="manage">
          <div className="card-grid">
            <LifecycleForm status={survey.status} />
            {survey.status === "draft" || survey.status === "published" ? (
              <AssignmentForm
                opensOn={toDateInputValue(survey.opensOn)}
                closesOn={toDateInputValue(survey.closesOn)}
                targets={survey.targets.map((tg) => `${tg.unit.code} ${tg.quota}`).join("\n")}
              />
            ) : null}
            <NextWaveForm />
          </div>
        </TitledSection>
      ) : null}
    </>
  );
}

function LifecycleForm({ status }: { status: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ error?: { intent?: string[] } }>();
  const steps = stepsFrom(status);
  return (
    <fetcher.Form method="post" className="card-form" aria-labelledby="lifecycle-title">
      <h3 id="lifecycle-title">{t("surveys.lifecycle")}</h3>
      <p className="hint">{t("surveys.lifecycleHelp")}</p>
      <div className="button-row">
        {steps.map((step) => (
          <button key={step} type="submit" name="intent" value={step} className={step === "publish" ? "primary" : undefined} disabled={fetcher.state !== "idle"}>
            {t(`surveys.actions.${step}`)}
          </button>
        ))}
      </div>
      <FormErrors errors={fetcher.data?.error?.intent} />
    </fetcher.Form>
  );
}

function AssignmentForm(defaults: { opensOn: string; closesOn: string; targets: string }) {
  const { t } = useTranslation();
  const form = useFetcherForm("assignment", assignmentSchema, defaults);
  return (
    <CardForm form={form} id="assign-title" title={t("surveys.assignment")} level={3} intent="assign" submit={t("surveys.saveAssignment")}>
      <TextField label={t("surveys.opensOn")} field={form.fields.opensOn} type="date" />
      <TextField label={t("surveys.closesOn")} field={form.fields.closesOn} type="date" />
      <TextAreaField label={t("surveys.targetLines")} field={form.fields.targets} hint={t("surveys.targetLinesHint")} />
    </CardForm>
  );
}

function NextWaveForm() {
  const { t } = useTranslation();
  const form = useFetcherForm("next-wave", nextWaveSchema, {});
  return (
    <CardForm form={form} id="wave-title" title={t("surveys.nextWave")} level={3} hint={t("surveys.nextWaveHelp")} intent="nextWave" submit={t("surveys.nextWaveSubmit")}>
      <TextField label={t("surveys.code")} field={form.fields.code} />
      <TextField label={t("surveys.name")} field={form.fields.title} />
      <TextField label={t("surveys.period")} field={form.fields.period} />
    </CardForm>
  );
}
