/**
 * Builds the service worker after Remix's client build (a Vite plugin, so `npm run build`,
 * `npx remix vite:build` and the bench all get it): esbuild bundles
 * app/service-worker/sw.ts with Workbox's runtime modules into build/client/sw.js, and the
 * precache list is injected where the source reads `self.__WB_MANIFEST` (what workbox-build's
 * injectManifest does, without its toolchain of deprecated packages: decision 0035).
 *
 * The list is what the collaborator's pages (app/service-worker/field-pages.ts) can load: the
 * client entry, each field route with its layouts (their modules, static imports and styles) and
 * everything those chunks import lazily (the forms' checks, the dictionaries), all read from
 * Vite's manifest of the client build (`.vite/manifest.json`, which Remix deletes after the server
 * build), and the web app manifest with its icons. Office pages are never served offline, so their
 * chunks (Chart.js among them) are not downloaded to phones. Remix's route manifest file is not
 * needed: with lazy route discovery a page carries its routes inline and asks `/__manifest` for
 * more (kept by the worker like the pages). Fingerprinted files need no revision; the others get a
 * content hash, so a new build is a new sw.js. The list is also written to build/sw-precache.json
 * (outside what is served) for the bench's size row.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { Plugin } from "vite";
import { FIELD_PAGES } from "../app/service-worker/field-pages";

const PUBLIC_FILES = /\.(svg|png|webmanifest)$/;
const FINGERPRINTED = /-[\w-]{8}\.\w+$/;

type ViteChunk = { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; assets?: string[] };

/** What the build needs of Remix's plugin context (its routes, the client entry). */
export type RemixBuild = {
  root: string;
  entryClientFilePath: string;
  remixConfig: { appDirectory: string; routes: Record<string, { file: string; parentId?: string }> };
};

export type PrecacheEntry = { url: string; revision: string | null };

/** The URLs (`/assets/…`) the collaborator's pages can load from this client build. */
export function fieldAssetUrls(clientDir: string, remix: RemixBuild): string[] {
  const vite = JSON.parse(fs.readFileSync(path.join(clientDir, ".vite", "manifest.json"), "utf8")) as Record<string, ViteChunk>;
  // Remix builds each route module under its file name with a query; the entry without one.
  const keyOf = (file: string) => {
    const key = path.relative(remix.root, file).split(path.sep).join("/");
    const found = [`${key}?__remix-build-client-route`, key].find((k) => vite[k]);
    if (!found) throw new Error(`service worker: ${key} is not in the client build's manifest`);
    return found;
  };
  const { routes, appDirectory } = remix.remixConfig;
  const queue = [keyOf(remix.entryClientFilePath)];
  for (const page of FIELD_PAGES) {
    if (!routes[page.route]) throw new Error(`service worker: no route ${page.route} (app/service-worker/field-pages.ts)`);
    for (let id: string | undefined = page.route; id; id = routes[id]?.parentId) queue.push(keyOf(path.join(appDirectory, routes[id]!.file)));
  }
  const seen = new Set<string>();
  const urls = new Set<string>();
  while (queue.length) {
    const key = queue.pop()!;
    const chunk = vite[key];
    if (seen.has(key) || !chunk) continue;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) urls.add(`/${file}`);
    queue.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return [...urls];
}

export function precacheList(clientDir: string, publicDir: string, remix: RemixBuild): PrecacheEntry[] {
  const revisionOf = (file: string) => crypto.createHash("md5").update(fs.readFileSync(file)).digest("hex");
  const entries = new Map<string, string | null>();
  if (fs.existsSync(publicDir)) {
    for (const file of fs.readdirSync(publicDir)) {
      if (PUBLIC_FILES.test(file)) entries.set(`/${file}`, revisionOf(path.join(publicDir, file)));
    }
  }
  for (const url of fieldAssetUrls(clientDir, remix)) {
    const file = path.join(clientDir, url);
    if (!fs.existsSync(file)) throw new Error(`service worker: ${url} is not in the build`);
    entries.set(url, FINGERPRINTED.test(url) ? null : revisionOf(file));
  }
  return [...entries].map(([url, revision]) => ({ url, revision })).sort((a, b) => (a.url < b.url ? -1 : 1));
}

export async function buildServiceWorker(clientDir: string, remix: RemixBuild, publicDir = "public") {
  const manifest = precacheList(clientDir, publicDir, remix);
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
  fs.writeFileSync(path.join(clientDir, "..", "sw-precache.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

export function serviceWorkerPlugin(): Plugin {
  let client: { dir: string; remix: RemixBuild } | null = null;
  return {
    name: "duluan-service-worker",
    apply: "build",
    configResolved(config) {
      if (config.build.ssr) return;
      const context = (config as { __remixPluginContext?: Omit<RemixBuild, "root"> }).__remixPluginContext;
      if (!context) throw new Error("service worker: the Remix plugin's context is missing (vite.config.ts)");
      client = { dir: config.build.outDir, remix: { ...context, root: config.root } };
    },
    async closeBundle() {
      if (client) await buildServiceWorker(client.dir, client.remix);
    },
  };
}
