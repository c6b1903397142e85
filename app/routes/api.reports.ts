// The outbox posts opinion reports here as JSON (app/outbox/sending.ts), like questionnaires to
// /api/surveys/responses: a new report, or with `reportId` the fix of a returned one (its new
// UUID; resubmitReport). 201 filed · 200 the same UUID and content again · 400 invalid (field
// errors keyed like the form's: "payload.items[0].title") or a closed period / a monthly report
// already filed · 401 not signed in · 409 the UUID holds other content, or another account's draft.
import type { ActionFunctionArgs } from "@remix-run/node";
import { DRAFT_OWNER_HEADER } from "~/drafts/device-drafts";
import { errorsByPath } from "~/forms/issue-paths";
import { jsonPostAction } from "~/outbox/json-api.server";
import { reportEnvelopeSchema } from "~/opinion-reports/report-schemas";
import { fileReport, resubmitReport } from "~/opinion-reports/reports.server";
import { notFound } from "~/utils/http.server";

export async function loader() {
  notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  return jsonPostAction(request, "fileReports", { notFound: "not_found", badJson: "errors.invalid" }, async (viewer, body) => {
    const parsed = reportEnvelopeSchema.safeParse(body);
    if (!parsed.success) return Response.json({ message: "reports.errors.fixBelow", errors: errorsByPath(parsed.error.issues) }, { status: 400 });
    const { clientUuid, periodId, kind, reportId, payload } = parsed.data;
    const input = { clientUuid, payload, draftOwner: request.headers.get(DRAFT_OWNER_HEADER) ?? undefined };
    const filed = reportId ? await resubmitReport(viewer, reportId, input) : await fileReport(viewer, periodId, input, new Date(), kind);
    return Response.json({ reportId: filed.id, duplicate: filed.replayed === true }, { status: filed.replayed ? 200 : 201 });
  });
}
