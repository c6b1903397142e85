/**
 * Page timings and the concurrency check, in their own process against the built server
 * (from bench/run.ts, or by hand against a running server):
 *   vite-node bench/pages-process.ts <json options>
 * Prints one JSON line: { pages: PageTiming[], concurrency?: {...} }.
 *  - pages: every case timed `runs` times after a warm-up (bench/pages.ts);
 *  - concurrency: the collaborator's overview and a questionnaire submission, each sampled alone
 *    and then while `heavy` pages loop (one client each), over `seconds`.
 */
import crypto from "node:crypto";
import { Sessions, sampleLatency, timePages, timeRequest, type PageCase } from "./pages";
import { answerGenerator } from "./survey-fixture";

type Options = {
  baseUrl: string;
  password: string;
  runs: number;
  cases: PageCase[];
  concurrency?: {
    seconds: number;
    heavy: PageCase[];
    overview: { username: string; path: string };
    submission: { username: string; surveyId: number; version: number };
  };
};

const options = JSON.parse(process.argv[2]!) as Options;
const sessions = new Sessions(options.baseUrl, options.password);
const pages = await timePages(options.baseUrl, sessions, options.cases, options.runs);

async function concurrency(c: NonNullable<Options["concurrency"]>) {
  const overviewInit = { headers: { Cookie: await sessions.cookie(c.overview.username), "Accept-Encoding": "gzip" } };
  const submitCookie = await sessions.cookie(c.submission.username);
  const generator = answerGenerator(4242);
  const overview = () => timeRequest(options.baseUrl + c.overview.path, overviewInit);
  const submit = () => {
    const { bands, answers } = generator.next(1);
    const body = JSON.stringify({ uuid: crypto.randomUUID(), surveyId: c.submission.surveyId, version: c.submission.version, bands, answers });
    return timeRequest(`${options.baseUrl}/api/surveys/responses`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: submitCookie }, body });
  };
  const window = async (ms: number) => {
    const deadline = performance.now() + ms;
    const until = () => performance.now() < deadline;
    const [o, s] = await Promise.all([sampleLatency(overview, until, 100), sampleLatency(submit, until, 100)]);
    return { overview: o, submission: s };
  };
  const alone = await window(Math.min(10, c.seconds) * 1000);
  // The heavy pages loop, one client each, until the window closes.
  let running = true;
  const heavyRuns: Record<string, number> = {};
  const loops = c.heavy.map(async (h) => {
    const init = { headers: { Cookie: await sessions.cookie(h.username), "Accept-Encoding": "gzip" } };
    while (running) {
      await timeRequest(options.baseUrl + h.path, init);
      heavyRuns[h.label] = (heavyRuns[h.label] ?? 0) + 1;
    }
  });
  // Let the heavy requests start before sampling.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const loaded = await window(c.seconds * 1000);
  running = false;
  await Promise.all(loops);
  return { alone, loaded, heavyRuns };
}

const result = { pages, concurrency: options.concurrency ? await concurrency(options.concurrency) : undefined };
process.stdout.write(`${JSON.stringify(result)}\n`);
