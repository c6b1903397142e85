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

const MAX_BYTES = 256 * 1024;

export async function loader() {
  notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") throw data({ message: "method_not_allowed" }, { status: 405 });
  // JSON answers, never a redirect to the sign-in page: a form must not take an HTML page for a receipt.
  const viewer = await findViewer(request);
  if (!viewer || viewer.mustChangePassword) return Response.json({ message: "surveys.api.signedOut", errors: {} }, { status: 401 });
  if (!can(viewer, "enterSurveys")) return Response.json({ message: "surveys.api.surveyNotFound", errors: {} }, { status: 404 });
  let body: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BYTES) throw new Error("too large");
    body = JSON.parse(text);
  } catch {
    return Response.json({ message: "surveys.api.badJson", errors: {} }, { status: 400 });
  }
  try {
    assertOwnDraft(viewer, request.headers.get(DRAFT_OWNER_HEADER));
    const outcome = await submitResponse(viewer, body);
    return Response.json(
      { responseId: outcome.responseId, revision: outcome.revision, duplicate: outcome.duplicate },
      { status: outcome.status },
    );
  } catch (error) {
    // A refusal (4xx with a message key and per-question errors) goes back as plain JSON.
    if (error && typeof error === "object" && "init" in error && "data" in error) {
      const refusal = error as { data: unknown; init: { status?: number } | null };
      return Response.json(refusal.data, { status: refusal.init?.status ?? 400 });
    }
    throw error;
  }
}
