/**
 * Whole pages through the built server, as a user waits for them: each page is requested with a
 * signed-in session cookie (gzip accepted, as a browser does) and timed to the last byte; downloads
 * also to the first byte. Meant to run in its own process (bench/pages-process.ts), so the
 * client's work never steals the server's event loop. Loopback only.
 */
import { median, percentile } from "./stats";

export type PageCase = {
  /** What the row says, e.g. "survey results, gender = female". */
  label: string;
  username: string;
  path: string;
  /** Downloads report the first byte too. */
  download?: boolean;
};

export type PageTiming = PageCase & { status: number; bytes: number; ms: number; firstByteMs: number | null; runs: number };

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: "POST", body: new URLSearchParams({ username, password }), redirect: "manual" });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  return cookie;
}

/** One request: status, bytes, time to the response head and to the last byte. */
export async function timeRequest(url: string, init: RequestInit) {
  const started = performance.now();
  const response = await fetch(url, init);
  const head = performance.now() - started;
  let bytes = 0;
  let firstByte: number | null = null;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    firstByte ??= performance.now() - started;
    bytes += chunk.value.byteLength;
  }
  return { status: response.status, bytes, headMs: head, firstByteMs: firstByte ?? head, ms: performance.now() - started };
}

export class Sessions {
  private cookies = new Map<string, Promise<string>>();
  constructor(private baseUrl: string, private password: string) {}
  cookie(username: string): Promise<string> {
    let cookie = this.cookies.get(username);
    if (!cookie) this.cookies.set(username, (cookie = signIn(this.baseUrl, username, this.password)));
    return cookie;
  }
}

/** Each page: one warm-up, then `runs` timed requests in sequence; medians. */
export async function timePages(baseUrl: string, sessions: Sessions, cases: PageCase[], runs: number): Promise<PageTiming[]> {
  const out: PageTiming[] = [];
  for (const c of cases) {
    const init = { headers: { Cookie: await sessions.cookie(c.username), "Accept-Encoding": "gzip" } };
    // Long downloads are timed fewer times: a 100,000-questionnaire CSV takes seconds.
    let first = await timeRequest(baseUrl + c.path, init);
    const times = [first];
    const n = first.ms > 3000 ? Math.min(runs, 2) : runs;
    for (let i = 0; i < n; i++) times.push(await timeRequest(baseUrl + c.path, init));
    times.shift();
    first = times[0]!;
    out.push({
      ...c,
      status: first.status,
      bytes: first.bytes,
      ms: median(times.map((t) => t.ms)),
      firstByteMs: c.download ? median(times.map((t) => t.firstByteMs)) : null,
      runs: times.length,
    });
  }
  return out;
}

/** Latencies of a request repeated until `until()` is false: p50 / p95 / max. */
export async function sampleLatency(send: () => Promise<{ ms: number; status: number }>, until: () => boolean, pauseMs: number) {
  const ms: number[] = [];
  const statuses = new Map<number, number>();
  while (until()) {
    const r = await send();
    ms.push(r.ms);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: ms.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN, statuses: Object.fromEntries(statuses) };
}
