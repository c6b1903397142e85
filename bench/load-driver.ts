/**
 * A closed-loop HTTP load driver meant to run in its own process (the server under test runs in
 * another), so client work never steals the server's event loop. `concurrency` clients each send
 * a request, wait for the answer, and send the next, until `durationMs` has passed. Every
 * submission is sent 1–3 times with the same idempotency key, as a flaky phone connection would.
 * Loopback only.
 */
import { percentile } from "./stats";

export type LoadRequest = { key: string; url: string; init: RequestInit };

export type LoadOptions = {
  concurrency: number;
  durationMs: number;
  /** The i-th distinct submission (its key is the idempotency UUID). */
  makeRequest: (i: number) => LoadRequest;
  /** How many times the i-th submission is sent (1–3). */
  sendsFor: (i: number) => number;
  /** Statuses that acknowledge the submission as stored. */
  acknowledged: (status: number) => boolean;
};

export type LoadResult = {
  requests: number;
  errors: number;
  errorSamples: string[];
  acknowledgedKeys: Set<string>;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const acknowledgedKeys = new Set<string>();
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  async function client() {
    while (performance.now() < deadline) {
      const i = next++;
      const request = options.makeRequest(i);
      for (let send = 0; send < options.sendsFor(i) && performance.now() < deadline; send++) {
        const sentAt = performance.now();
        try {
          const response = await fetch(request.url, request.init);
          await response.arrayBuffer();
          latencies.push(performance.now() - sentAt);
          if (options.acknowledged(response.status)) acknowledgedKeys.add(request.key);
          else {
            errors++;
            if (errorSamples.length < 5) errorSamples.push(`${response.status} for ${request.key}`);
          }
        } catch (error) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(String(error));
        }
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    errorSamples,
    acknowledgedKeys,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
