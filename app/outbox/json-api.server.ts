/**
 * What the two JSON APIs the outbox sends to share: a bounded JSON body, and a refusal thrown by
 * the domain (`data({ message, errors }, { status })`) answered as plain JSON, never as a page a
 * device could mistake for a receipt.
 */
const MAX_BYTES = 256 * 1024;

export type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

export async function readJsonBody(request: Request, badJsonMessage: string): Promise<JsonBody> {
  try {
    const text = await request.text();
    if (text.length > MAX_BYTES) throw new Error("too large");
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: Response.json({ message: badJsonMessage, errors: {} }, { status: 400 }) };
  }
}

/** A thrown refusal (4xx with a message key and field errors) as the JSON reply; anything else rethrown. */
export function refusalAsJson(error: unknown): Response {
  if (error && typeof error === "object" && "init" in error && "data" in error) {
    const refusal = error as { data: unknown; init: { status?: number } | null };
    return Response.json(refusal.data, { status: refusal.init?.status ?? 400 });
  }
  throw error;
}
