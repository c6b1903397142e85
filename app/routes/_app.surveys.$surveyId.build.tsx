import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { refusalOf } from "~/errors/http.server";
import { readFormData } from "~/forms/read-form.server";
import { SurveyBuilder } from "~/surveys/builder";
import { saveDefinitionSchema } from "~/surveys/survey-schemas";
import { getSurvey, questionBank, saveDefinition } from "~/surveys/surveys.server";
import { notFound, requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
export { links } from "~/surveys/styles";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, null, args.data?.survey.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "designSurveys");
  const survey = await getSurvey(viewer, requireIdParam(params.surveyId));
  if (survey.status !== "draft" && survey.status !== "published") notFound();
  return { bank: await questionBank(viewer, survey.id), survey: { id: survey.id, code: survey.code, title: survey.title, status: survey.status, version: survey.version, definition: survey.definition } };
}

/** Saves the builder's definition (JSON text, validated by the definition schema). */
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireCapability(request, "designSurveys");
  const id = requireIdParam(params.surveyId);
  const parsed = saveDefinitionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ ok: false, message: "surveys.errors.invalidDefinition", errors: [] }, { status: 400 });
  try {
    await saveDefinition(viewer, id, parsed.data.definition);
  } catch (error) {
    // A refused definition is shown in the builder; a missing survey is the 404 page.
    const refusal = refusalOf(error);
    if (refusal && refusal.status !== 404) return data({ ok: false, ...refusal.body }, { status: refusal.status });
    throw error;
  }
  const survey = await getSurvey(viewer, id);
  return { ok: true, version: survey.version };
}

export default function BuildSurvey() {
  const { t } = useTranslation();
  const { survey, bank } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("surveys.builder.title")} back={{ to: `/surveys/${survey.id}`, label: survey.code }}>
        <p>{t(`surveys.statuses.${survey.status}`)} · {t("surveys.versionN", { n: survey.version })}</p>
      </PageHeader>
      <SurveyBuilder initial={survey.definition} published={survey.status === "published"} bank={bank} />
    </>
  );
}
