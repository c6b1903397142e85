// CSV export of a survey's results (?kind=answers: one row per questionnaire, province-level
// admin and secretariat only — decision 0016), same filters as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { requestTexts } from "~/i18n/server-texts.server";
import { csvExport } from "~/surveys/export.server";
import { readFilter } from "~/surveys/results.server";
import { requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") === "answers" ? "answers" : "results";
  // Answer-level rows (one per questionnaire) need their own capability: 404 for everyone else.
  const viewer = await requireCapability(request, kind === "answers" ? "downloadAnswers" : "readSurveyResults");
  return csvExport(viewer, requireIdParam(params.surveyId), readFilter(url), kind, (await requestTexts(request)).t);
}
