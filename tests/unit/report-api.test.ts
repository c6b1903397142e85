// The outbox's report API (/api/reports), called as Remix calls it: a JSON body and a real session.
import { describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { action } from "~/routes/api.reports";
import { content, reportingWorld } from "./report-fixtures";

async function post(accountId: number, body: unknown) {
  const cookie = (await startSession(accountId)).split(";")[0]!;
  const request = new Request("http://localhost/api/reports", { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return action({ request, params: {}, context: { cspNonce: "", clientIp: "127.0.0.1" } });
}

describe("the outbox's report API", () => {
  it("files once, answers a replay with 200, and a changed replay of the same UUID with a JSON 409", async () => {
    const w = await reportingWorld();
    const envelope = { clientUuid: "7b0c1f52-3a4d-4e5f-8a6b-1c2d3e4f5a6b", periodId: w.period.id, kind: "fast", payload: content() };
    expect((await post(w.collaborator.id, envelope)).status).toBe(201);
    expect((await post(w.collaborator.id, envelope)).status).toBe(200);
    const changed = await post(w.collaborator.id, { ...envelope, payload: content({ title: "Nội dung khác" }) });
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ message: "reports.errors.uuidReplayChanged" });
    expect(await db.opinionReport.count({ where: { clientUuid: envelope.clientUuid } })).toBe(1);
  });
});
