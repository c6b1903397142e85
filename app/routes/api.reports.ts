// The outbox posts opinion reports here as JSON (app/outbox/sending.ts), like questionnaires to
// /api/surveys/responses. 201 filed · 200 the same UUID and content again · 400 invalid (field
// errors keyed like the form's: "payload.items[0].title") or a closed period / a monthly report
// already filed · 401 not signed in · 409 the UUID holds other content, or another account's draft.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { findViewer } from "~/access/gate.server";
import { can } from "~/accounts/roles";
import { DRAFT_OWNER_HEADER } from "~/drafts/device-drafts";
import { FieldError } from "~/forms/field-error.server";
import { readJsonBody, refusalAsJson } from "~/outbox/json-api.server";
import { reportEnvelopeSchema } from "~/opinion-reports/report-schemas";
import { fileReport } from "~/opinion-reports/reports.server";
import { notFound } from "~/utils/http.server";

export async function loader() {
  notFound();
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), "");
    (errors[path || "payload"] ??= []).push(issue.message);
  }
  return errors;
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") throw data({ message: "method_not_allowed" }, { status: 405 });
  const viewer = await findViewer(request);
  if (!viewer || viewer.mustChangePassword) return Response.json({ message: "surveys.api.signedOut", errors: {} }, { status: 401 });
  if (!can(viewer, "fileReports")) return Response.json({ message: "not_found", errors: {} }, { status: 404 });
  const json = await readJsonBody(request, "errors.invalid");
  if (!json.ok) return json.response;
  const parsed = reportEnvelopeSchema.safeParse(json.body);
  if (!parsed.success) return Response.json({ message: "reports.errors.fixBelow", errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const { clientUuid, periodId, kind, payload } = parsed.data;
  try {
    const filed = await fileReport(viewer, periodId, { clientUuid, payload, draftOwner: request.headers.get(DRAFT_OWNER_HEADER) ?? undefined }, new Date(), kind);
    return Response.json({ reportId: filed.id, duplicate: filed.replayed === true }, { status: filed.replayed ? 200 : 201 });
  } catch (error) {
    if (error instanceof FieldError) return Response.json({ message: error.key, errors: { [error.field]: [error.key] } }, { status: 400 });
    return refusalAsJson(error);
  }
}
