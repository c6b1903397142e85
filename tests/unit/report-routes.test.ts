// Loaders of the report pages, called as Remix calls them: a request with a real session cookie.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startSession } from "~/auth/session.server";
import { db } from "~/db/db.server";
import { createProposal } from "~/proposals/proposals.server";
import { loader as summaryLoader } from "~/routes/_app.opinion-summary";
import { loader as proposalLoader } from "~/routes/_app.proposals.$proposalId";
import { loader as proposalsLoader } from "~/routes/_app.proposals._index";
import { day } from "./fixtures";
import { reportingWorld } from "./report-fixtures";

async function requestAs(accountId: number, url: string) {
  const cookie = (await startSession(accountId)).split(";")[0]!;
  return new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });

afterEach(() => {
  vi.useRealTimers();
});

describe("the proposal forms' default day", () => {
  it("is today in Vietnam, also before 07:00 when UTC is still on yesterday", async () => {
    const w = await reportingWorld();
    const proposal = await createProposal(w.secretariat, {
      intent: "create", agencyCode: "SO.YT", unitCode: "T.A", title: "Viện phí", content: "Đề nghị công khai", forwardedOn: day("2026-01-10"), dueOn: day("2026-02-10"), itemId: undefined,
    });
    // 01:30 on 2 March in Vietnam; 1 March in UTC.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-01T18:30:00Z") });
    const list = await proposalsLoader(args(await requestAs(w.secretariat.id, "/proposals")));
    expect(list.today).toBe("2026-03-02");
    const one = await proposalLoader(args(await requestAs(w.secretariat.id, `/proposals/${proposal.id}`), { proposalId: String(proposal.id) }));
    expect(one.today).toBe("2026-03-02");
  });
});

describe("the opinion summary", () => {
  it("has nothing to show, and queries nothing, before any quarter has begun", async () => {
    const w = await reportingWorld();
    // The world's only period moved to a quarter that has not started (quarters are closed by
    // date: app/periods).
    await db.reportingPeriod.update({
      where: { id: w.period.id },
      data: { year: 2099, month: 1, quarter: 1, quarterKey: 20991, startsOn: new Date("2098-12-21"), endsOn: new Date("2099-01-20"), deadline: new Date("2099-01-23") },
    });
    const topic = await db.topic.findFirstOrThrow({ where: { code: "PRICES" } });
    const data = await summaryLoader(args(await requestAs(w.secretariat.id, `/opinion-summary?topic=${topic.id}&quarter=0`)));
    expect(data).toEqual({ quarters: [], quarterKey: null, summary: null });
  });

  it("summarises the latest closed quarter", async () => {
    const w = await reportingWorld();
    await db.reportingPeriod.update({ where: { id: w.period.id }, data: { status: "closed" } });
    const data = await summaryLoader(args(await requestAs(w.secretariat.id, "/opinion-summary")));
    expect(data.quarterKey).toBe(20261);
    expect(data.summary?.trend).toEqual([]);
  });
});
