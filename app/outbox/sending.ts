/**
 * How an outbox item travels and how the server's answer is read. Both APIs answer JSON and are
 * idempotent by the item's UUID: 201 stored, 200 the same UUID and content again; 409 with the
 * UUID's conflict key when that UUID holds other content. Only the API's own receipt (a record id)
 * counts as delivered: a proxy's or a captive portal's 200 page is not one.
 */
import { DRAFT_OWNER_HEADER } from "~/drafts/device-drafts";
import type { OutboxItem, Outcome } from "./machine";

const ENDPOINT = { survey: "/api/surveys/responses", report: "/api/reports" } as const;
const RECEIPT = { survey: "responseId", report: "reportId" } as const;
const CONFLICT_MESSAGES = new Set(["surveys.api.uuidConflict", "reports.errors.uuidReplayChanged"]);

export function readAnswer(item: Pick<OutboxItem, "kind">, status: number, body: Record<string, unknown>): Outcome {
  const receipt = body[RECEIPT[item.kind]];
  if ((status === 200 || status === 201) && typeof receipt === "number") return { type: "ack", receiptId: receipt };
  if (status === 401) return { type: "signedOut" };
  if (status >= 500 || status < 400) return { type: "unreachable" };
  const error = {
    message: typeof body.message === "string" ? body.message : "outbox.refusedUnknown",
    errors: (body.errors as Record<string, string[]> | undefined) ?? undefined,
    status,
  };
  return status === 409 && CONFLICT_MESSAGES.has(error.message) ? { type: "conflict", error } : { type: "refused", error };
}

/** A sender to a server (the page's own: "" and its cookie; the bench: a URL and a session cookie). */
export function sendTo(baseUrl = "", headers: Record<string, string> = {}) {
  return async (item: OutboxItem): Promise<Outcome> => {
    let res: Response;
    try {
      res = await fetch(baseUrl + ENDPOINT[item.kind], {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", [DRAFT_OWNER_HEADER]: item.owner, ...headers },
        body: JSON.stringify(item.payload),
        credentials: "same-origin",
      });
    } catch {
      return { type: "unreachable" };
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return readAnswer(item, res.status, body);
  };
}

export const sendItem = sendTo();
