/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { serviceWorkerPlugin } from "./scripts/service-worker-build";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Vitest and vite-node (seed, bench) run without the Remix plugin.
const isScript = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [
    !isScript &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
    tsconfigPaths(),
    // The service worker, after the client build (decision 0035).
    !isScript && serviceWorkerPlugin(),
  ],
  build: {
    target: "es2022",
    rollupOptions: {
      // Two warnings that are expected and only read as failure to a newcomer: resource routes
      // (exports, /healthz, /logout) have no client code, so their client chunk is empty by
      // design; and a dependency's comment placement (zod) Rollup drops harmlessly. Anything else
      // still prints.
      onwarn(warning, warn) {
        if (warning.code === "EMPTY_BUNDLE") return;
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/")) return;
        warn(warning);
      },
    },
  },
  // Server-only native packages: the dev dependency scanner must not try to bundle them for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3"] },
  server: { port: Number(process.env.PORT ?? 3000) },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    globalSetup: ["tests/unit/global-setup.ts"],
    setupFiles: ["tests/unit/setup.ts"],
    // One SQLite file per worker process keeps tests independent and parallel.
    pool: "forks",
    testTimeout: 20_000,
  },
});
