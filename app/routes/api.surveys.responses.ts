// The field form posts questionnaires here as JSON (and the load benchmark does too).
// 201 stored · 401 not signed in · 200 the same UUID and content again (or a resubmission) · 400 invalid · 404 not
// assigned · 409 closed survey or the UUID reused with other content. Acknowledged = committed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "~/utils/http.server";
import { storeSubmission } from "~/surveys/storage.server";
import { DRAFT_OWNER_HEADER } from "~/drafts/device-drafts";
import { assertOwnDraft } from "~/drafts/draft-owner.server";
import { jsonPostAction } from "~/outbox/json-api.server";

export async function loader() {
  notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  return jsonPostAction(request, "enterSurveys", { notFound: "surveys.api.surveyNotFound", badJson: "surveys.api.badJson" }, async (viewer, body) => {
    assertOwnDraft(viewer, request.headers.get(DRAFT_OWNER_HEADER));
    const outcome = await storeSubmission(viewer, body);
    return Response.json({ responseId: outcome.responseId, revision: outcome.revision, duplicate: outcome.duplicate }, { status: outcome.status });
  });
}
