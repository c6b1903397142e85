import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCapability } from "~/access/gate.server";
import { FieldEntry } from "~/surveys/field-entry";
import { getResponse } from "~/surveys/review.server";
import { getFillableSurvey } from "~/surveys/surveys.server";
import { notFound, requireIdParam } from "~/utils/http.server";
import { pageTitle } from "~/i18n/page-titles";
import { PageHeader } from "~/ui/page-header";
export { links } from "~/surveys/styles";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, null, args.data?.survey.title);

/** The field form; ?response=ID reopens the collaborator's own returned questionnaire to fix it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "enterSurveys");
  const survey = await getFillableSurvey(viewer, requireIdParam(params.surveyId));
  const responseParam = new URL(request.url).searchParams.get("response");
  if (!responseParam) return { survey, username: viewer.username, returned: null };
  const response = await getResponse(viewer, requireIdParam(responseParam));
  if (response.survey.id !== survey.id || response.status !== "returned") notFound();
  return {
    username: viewer.username,
    survey: { ...survey, version: response.version, definition: response.definition },
    returned: {
      responseId: response.id,
      uuid: response.clientUuid,
      revision: response.revision + 1,
      answers: response.answers,
      bands: response.bands,
      comments: response.questionComments,
      comment: response.returnComment,
    },
  };
}

export default function FillSurvey() {
  const { t } = useTranslation();
  const { survey, username, returned } = useLoaderData<typeof loader>();
  return (
    <div className="fill-page">
      <PageHeader title={survey.definition.title} back={{ to: "/surveys", label: t("surveys.title") }}>
        <p className="muted">{survey.period}</p>
        {survey.definition.description ? <p>{survey.definition.description}</p> : null}
      </PageHeader>
      {returned?.comment ? (
        <p className="notice" role="note">{t("surveys.fill.returnedBecause")}: {returned.comment}</p>
      ) : null}
      {survey.open ? (
        <FieldEntry username={username} surveyId={survey.id} version={survey.version} definition={survey.definition} returned={returned ?? undefined} />
      ) : (
        <p className="notice">{t("surveys.fill.closed")}</p>
      )}
    </div>
  );
}
