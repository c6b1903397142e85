// The server Playwright starts: a fresh database (migrated and seeded with the demo province)
// and the production build, so the browser tests exercise exactly what ships.
import { spawn, spawnSync } from "node:child_process";

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./tests/.output/e2e.db",
  LOG_REQUESTS: "0",
  // Browsers connect directly: no reverse proxy (a production start requires the setting).
  TRUST_PROXY: "0",
  CHECKPOINT_DISABLE: "1",
};
for (const [cmd, args] of [
  ["node", ["scripts/db-reset.mjs"]],
  ["npx", ["--no-install", "vite-node", "--config", "vite.node.config.ts", "prisma/seed/seed.ts"]],
]) {
  const run = spawnSync(cmd, args, { env, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const server = spawn("node", ["server.js"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
