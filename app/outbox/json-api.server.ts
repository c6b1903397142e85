/**
 * What the two JSON APIs the outbox sends to share: a bounded JSON body, and a refusal thrown by
 * the domain (errors/domain-errors.ts, read by the one adapter's refusalOf) answered as plain JSON,
 * never as a page a device could mistake for a receipt.
 */
import { data } from "@remix-run/node";
import { findViewer, type Viewer } from "~/access/gate.server";
import { can, type Capability } from "~/accounts/roles";
import { refusalOf } from "~/errors/http.server";
import { FieldError } from "~/forms/field-error.server";

const MAX_BYTES = 256 * 1024;

type Opened = { ok: true; viewer: Viewer; body: unknown } | { ok: false; response: Response };

/**
 * The start of every JSON POST: a signed-in viewer with the capability and a JSON body, or the
 * JSON answer that says why not (401 signed out, 404 without the capability, 400 bad JSON).
 * Never a redirect to the sign-in page: a device must not take an HTML page for a receipt.
 */
async function openJsonPost(request: Request, capability: Capability, messages: { notFound: string; badJson: string }): Promise<Opened> {
  if (request.method !== "POST") throw data({ message: "method_not_allowed" }, { status: 405 });
  const viewer = await findViewer(request);
  if (!viewer || viewer.mustChangePassword) return { ok: false, response: Response.json({ message: "surveys.api.signedOut", errors: {} }, { status: 401 }) };
  if (!can(viewer, capability)) return { ok: false, response: Response.json({ message: messages.notFound, errors: {} }, { status: 404 }) };
  const json = await readJsonBody(request, messages.badJson);
  return json.ok ? { ok: true, viewer, body: json.body } : json;
}

type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

async function readJsonBody(request: Request, badJsonMessage: string): Promise<JsonBody> {
  try {
    const text = await request.text();
    if (text.length > MAX_BYTES) throw new Error("too large");
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: Response.json({ message: badJsonMessage, errors: {} }, { status: 400 }) };
  }
}

/** A thrown domain error as the JSON reply (its status and `{ message, errors? }`); a field's error as a 400; anything else rethrown. */
function refusalAsJson(error: unknown): Response {
  if (error instanceof FieldError) return Response.json({ message: error.key, errors: { [error.field]: [error.key] } }, { status: 400 });
  const refusal = refusalOf(error);
  if (refusal) return Response.json(refusal.body, { status: refusal.status });
  throw error;
}

/**
 * A JSON POST the outbox sends: opened (signed in, capable, a JSON body), handled, and any refusal
 * the handler throws answered as JSON. The handler returns the success reply.
 */
export async function jsonPostAction(
  request: Request,
  capability: Capability,
  messages: { notFound: string; badJson: string },
  handle: (viewer: Viewer, body: unknown) => Promise<Response>,
): Promise<Response> {
  const opened = await openJsonPost(request, capability, messages);
  if (!opened.ok) return opened.response;
  try {
    return await handle(opened.viewer, opened.body);
  } catch (error) {
    return refusalAsJson(error);
  }
}
