/**
 * The submissions load, run in its own process against the built server: `concurrency`
 * collaborators sign in, then post valid questionnaires for `seconds`, each resent 1–3 times with
 * the same UUID. Prints one JSON line with the figures and the acknowledged UUIDs.
 * Usage (from bench/run.ts): vite-node bench/load-process.ts <json options>
 */
import crypto from "node:crypto";
import { runLoad } from "./load-driver";
import { answerGenerator } from "./survey-fixture";

type Options = { baseUrl: string; surveyId: number; version: number; seconds: number; usernames: string[]; password: string };
const options = JSON.parse(process.argv[2]!) as Options;

async function signIn(username: string): Promise<string> {
  const response = await fetch(`${options.baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password: options.password }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return cookie;
}

const cookies = await Promise.all(options.usernames.map(signIn));
const generator = answerGenerator(99);
const bodies = new Map<number, string>();
const sendsFor = (i: number) => 1 + (i % 3); // 1, 2, 3, 1, 2, 3 …: every submission resent 0–2 times

const result = await runLoad({
  concurrency: cookies.length,
  durationMs: options.seconds * 1000,
  sendsFor,
  acknowledged: (status) => status === 200 || status === 201,
  makeRequest(i) {
    const { bands, answers } = generator.next(i % 100);
    const uuid = crypto.randomUUID();
    const body = JSON.stringify({ uuid, surveyId: options.surveyId, version: options.version, bands, answers });
    bodies.set(i, body);
    return {
      key: uuid,
      url: `${options.baseUrl}/api/surveys/responses`,
      init: {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookies[i % cookies.length]! },
        body,
      },
    };
  },
});

process.stdout.write(
  `${JSON.stringify({ ...result, acknowledgedKeys: [...result.acknowledgedKeys], sentDistinct: bodies.size })}\n`,
);
