/** The built server (`node server.js`, production) on a port for a bench step, and its stop. */
import { spawn, type ChildProcess } from "node:child_process";

export type BuiltServer = { baseUrl: string; process: ChildProcess; stop(): void };

/** Starts it with the bench's environment (plus `env`) and waits until /healthz answers. */
export async function startBuiltServer(port: number, env: Record<string, string> = {}): Promise<BuiltServer> {
  const child = spawn("node", ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), LOG_REQUESTS: "0", TRUST_PROXY: "0", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => void child.kill("SIGTERM");
  for (let i = 0; ; i++) {
    if (await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 100 || child.exitCode !== null) {
      stop();
      throw new Error(`the server on port ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseUrl, process: child, stop };
}
