// CSV export of a survey's results (?kind=answers: one row per questionnaire), same filters as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { csvExport } from "~/surveys/export.server";
import { readFilter } from "~/surveys/results.server";
import { requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readSurveyResults");
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") === "answers" ? "answers" : "results";
  return csvExport(viewer, requireIdParam(params.surveyId), readFilter(url), kind);
}
