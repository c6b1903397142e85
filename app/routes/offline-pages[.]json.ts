// The list of pages the service worker keeps for a collaborator's offline use (app/outbox/offline-pages.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/access/gate.server";
import { offlinePagesFor } from "~/outbox/offline-pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireCapability(request, "enterSurveys");
  return Response.json({ pages: await offlinePagesFor(viewer) });
}
