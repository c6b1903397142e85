// Exports a survey definition as JSON (importable in the builder).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { getSurvey } from "~/surveys/surveys.server";
import { requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "designSurveys");
  const survey = await getSurvey(viewer, requireIdParam(params.surveyId));
  return new Response(JSON.stringify(survey.definition, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${survey.code}.json"`,
    },
  });
}
