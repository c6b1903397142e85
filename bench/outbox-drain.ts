/**
 * Bench step 3b: a phone's outbox of 200 questionnaires drained after reconnecting, through the
 * app's own drain (app/outbox/drain.ts, the state machine and the API's answer reading) against
 * the built server, with one crash between a receipt and its local record on the way. Counts what
 * the database holds afterwards: 0 lost, 0 duplicated.
 */
import crypto from "node:crypto";
import { drainOnce, type OutboxStore } from "~/outbox/drain";
import { queued, retryNow, type OutboxItem } from "~/outbox/machine";
import { sendTo } from "~/outbox/sending";
import { db } from "~/db/db.server";
import { answerGenerator } from "./survey-fixture";

type Options = { baseUrl: string; surveyId: number; username: string; password: string; count: number };

async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: "POST", body: new URLSearchParams({ username, password }), redirect: "manual" });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return cookie;
}

export async function measureOutboxDrain({ baseUrl, surveyId, username, password, count }: Options) {
  const cookie = await signIn(baseUrl, username, password);
  const generator = answerGenerator(7);
  const rows = new Map<string, OutboxItem>();
  for (let i = 0; i < count; i++) {
    const { bands, answers } = generator.next(i % 100);
    const uuid = crypto.randomUUID();
    rows.set(uuid, queued({ id: uuid, kind: "survey", owner: username, title: "bench", href: "/", payload: { uuid, surveyId, version: 1, revision: 1, bands, answers } }, i));
  }
  // The tab dies once, between a receipt and recording it (the 50th item).
  let puts = 0;
  const store: OutboxStore = {
    list: async () => [...rows.values()],
    put: async (item) => {
      if (++puts === 100) throw new Error("crash");
      rows.set(item.id, item);
    },
  };
  const before = await db.surveyResponse.count({ where: { surveyId } });
  // Offline: the first request finds no network; everything waits.
  await drainOnce(username, { store, send: async () => ({ type: "unreachable" }) });
  // Reconnected: the `online` event forgets the back-off, and passes run until nothing is due.
  const started = performance.now();
  for (const item of rows.values()) rows.set(item.id, retryNow(item));
  const send = sendTo(baseUrl, { Cookie: cookie });
  let passes = 0;
  while ([...rows.values()].some((i) => i.state !== "sent" && i.state !== "refused" && i.state !== "conflict") && passes < 20) {
    passes++;
    await drainOnce(username, { store, send }).catch(() => {});
  }
  const seconds = (performance.now() - started) / 1000;
  const uuids = [...rows.keys()];
  const stored = await db.surveyResponse.count({ where: { clientUuid: { in: uuids } } });
  const added = (await db.surveyResponse.count({ where: { surveyId } })) - before;
  return {
    seconds,
    passes,
    sent: [...rows.values()].filter((i) => i.state === "sent").length,
    refused: [...rows.values()].filter((i) => i.state === "refused" || i.state === "conflict").length,
    lost: count - stored,
    duplicated: added - stored,
  };
}
