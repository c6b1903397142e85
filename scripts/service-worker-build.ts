/**
 * Builds the service worker after Remix's client build (a Vite plugin, so `npm run build`,
 * `npx remix vite:build` and the bench all get it): esbuild bundles app/service-worker/sw.ts with
 * Workbox's runtime modules into build/client/sw.js, and the precache list is injected where the
 * source reads `self.__WB_MANIFEST` (what workbox-build's injectManifest does, without its
 * toolchain of deprecated packages: decision 0035). Fingerprinted files (`/assets/name-HASH.ext`)
 * need no revision; the others get a content hash, so a new build is a new sw.js.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { Plugin } from "vite";

const PRECACHED = /\.(js|css|woff2?|svg|png|webmanifest)$/;
const FINGERPRINTED = /-[\w-]{8}\.\w+$/;

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : filesUnder(full, base);
    return [path.relative(base, full)];
  });
}

export function precacheList(clientDir: string, publicDir: string) {
  const entries = new Map<string, string | null>();
  const add = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const file of filesUnder(dir)) {
      if (!PRECACHED.test(file) || file === "sw.js") continue;
      const url = `/${file.split(path.sep).join("/")}`;
      const revision = url.startsWith("/assets/") && FINGERPRINTED.test(url) ? null : crypto.createHash("md5").update(fs.readFileSync(path.join(dir, file))).digest("hex");
      entries.set(url, revision);
    }
  };
  add(publicDir);
  add(clientDir);
  return [...entries].map(([url, revision]) => ({ url, revision })).sort((a, b) => (a.url < b.url ? -1 : 1));
}

export async function buildServiceWorker(clientDir: string, publicDir = "public") {
  const manifest = precacheList(clientDir, publicDir);
  await build({
    entryPoints: ["app/service-worker/sw.ts"],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    outfile: path.join(clientDir, "sw.js"),
    define: { "self.__WB_MANIFEST": JSON.stringify(manifest), "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  return manifest;
}

export function serviceWorkerPlugin(): Plugin {
  let clientBuild = false;
  let outDir = "";
  return {
    name: "duluan-service-worker",
    apply: "build",
    configResolved(config) {
      clientBuild = !config.build.ssr;
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (clientBuild) await buildServiceWorker(outDir);
    },
  };
}
