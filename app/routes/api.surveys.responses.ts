// The field form posts questionnaires here as JSON (and the load benchmark does too).
// 201 stored · 401 not signed in · 200 the same UUID and content again (or a resubmission) · 400 invalid · 404 not
// assigned · 409 closed survey or the UUID reused with other content. Acknowledged = committed.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { findViewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { notFound } from "~/utils/http.server";
import { submitResponse } from "~/surveys/storage.server";
import { DRAFT_OWNER_HEADER } from "~/drafts/device-drafts";
import { assertOwnDraft } from "~/drafts/draft-owner.server";
import { readJsonBody, refusalAsJson } from "~/outbox/json-api.server";

export async function loader() {
  notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") throw data({ message: "method_not_allowed" }, { status: 405 });
  // JSON answers, never a redirect to the sign-in page: a form must not take an HTML page for a receipt.
  const viewer = await findViewer(request);
  if (!viewer || viewer.mustChangePassword) return Response.json({ message: "surveys.api.signedOut", errors: {} }, { status: 401 });
  if (!can(viewer, "enterSurveys")) return Response.json({ message: "surveys.api.surveyNotFound", errors: {} }, { status: 404 });
  const json = await readJsonBody(request, "surveys.api.badJson");
  if (!json.ok) return json.response;
  try {
    assertOwnDraft(viewer, request.headers.get(DRAFT_OWNER_HEADER));
    const outcome = await submitResponse(viewer, json.body);
    return Response.json(
      { responseId: outcome.responseId, revision: outcome.revision, duplicate: outcome.duplicate },
      { status: outcome.status },
    );
  } catch (error) {
    // A refusal (4xx with a message key and per-question errors) goes back as plain JSON.
    return refusalAsJson(error);
  }
}
