// The outbox's report API (/api/reports), called as Remix calls it: a JSON body and a real session.
import { describe, expect, it } from "vitest";
import { startSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { reviewReport } from "~/opinion-reports/reports.server";
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

  it("takes the fix of a returned report (reportId) once under its new UUID, and refuses it when the report is no longer returned", async () => {
    const w = await reportingWorld();
    const filed = { clientUuid: "0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70", periodId: w.period.id, kind: "monthly", payload: content() };
    const reportId = ((await (await post(w.collaborator.id, filed)).json()) as { reportId: number }).reportId;
    await reviewReport(w.secretariat, reportId, { intent: "return", comment: "Bổ sung số hộ bị ảnh hưởng" });
    const fix = { clientUuid: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b", periodId: w.period.id, kind: "monthly", reportId, payload: content({ summary: "Khoảng 40 hộ bị ảnh hưởng." }) };
    const first = await post(w.collaborator.id, fix);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ reportId });
    // The phone did not record the answer and sends it again: the stored report, unchanged.
    expect((await post(w.collaborator.id, fix)).status).toBe(200);
    const report = await db.opinionReport.findUniqueOrThrow({ where: { id: reportId }, include: { items: true, events: true } });
    expect(report).toMatchObject({ status: "submitted", clientUuid: fix.clientUuid });
    expect(report.items.map((i) => i.summary)).toEqual(["Khoảng 40 hộ bị ảnh hưởng."]);
    expect(report.events.map((e) => e.kind)).toEqual(["submitted", "returned", "resubmitted"]);
    // Another fix of the same return (a second device): the report is no longer returned.
    const late = await post(w.collaborator.id, { ...fix, clientUuid: "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c" });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ message: "reports.errors.notReturned" });
    // Someone else's report is not there.
    expect((await post(w.other.id, { ...fix, clientUuid: "3a4b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c7d" })).status).toBe(404);
  });
});
