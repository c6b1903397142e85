// XLSX export of a survey's results and answers (streamed), same filters as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { requestTexts } from "~/i18n/server-texts.server";
import { xlsxExport } from "~/surveys/export.server";
import { readFilter } from "~/surveys/results.server";
import { requireIdParam } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "readSurveyResults");
  const url = new URL(request.url);
  return xlsxExport(viewer, requireIdParam(params.surveyId), readFilter(url), (await requestTexts(request)).t);
}
