/**
 * Bytes of JavaScript (gzipped) the browser loads for a page: the client entry, and for each route
 * in the page's match chain (root → layout → page) its module and static imports, each file counted
 * once. Read from the production build's asset manifest, so it measures what ships.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

type AssetEntry = { module: string; imports?: string[] };
type AssetsManifest = { entry: AssetEntry; routes: Record<string, AssetEntry & { parentId?: string }> };

const CLIENT_DIR = path.resolve("build/client");

export async function loadAssetsManifest(): Promise<AssetsManifest> {
  const build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as { assets: AssetsManifest };
  return build.assets;
}

function routeChain(manifest: AssetsManifest, routeId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    if (!manifest.routes[id]) throw new Error(`No route "${id}" in the build`);
    chain.unshift(id);
  }
  return chain;
}

/**
 * The default language's texts: entry.client imports the field texts statically (in the entry's
 * graph, or a chunk of their own the manifest may not list: counted once either way) and the
 * office texts (vi.office-*.js) dynamically, for office accounts only.
 */
function dictionaryChunks(office: boolean): string[] {
  const files = fs.readdirSync(path.join(CLIENT_DIR, "assets"));
  const field = files.find((f) => /^vi-[\w-]+\.js$/.test(f));
  const officeChunk = files.find((f) => /^vi\.office-[\w-]+\.js$/.test(f));
  if (office && !officeChunk) throw new Error("No office dictionary chunk (vi.office-*.js) in the build");
  return [...(field ? [`/assets/${field}`] : []), ...(office ? [`/assets/${officeChunk}`] : [])];
}

export function gzippedJsBytes(manifest: AssetsManifest, routeId: string, { office = false } = {}): { files: number; rawBytes: number; gzipBytes: number } {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? []), ...dictionaryChunks(office)]);
  for (const id of routeChain(manifest, routeId)) {
    const route = manifest.routes[id]!;
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(CLIENT_DIR, file));
    rawBytes += content.length;
    gzipBytes += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files: files.size, rawBytes, gzipBytes };
}

/**
 * What a phone downloads once per deployment for offline use: the service worker and its precache
 * list (build/sw-precache.json, written by scripts/service-worker-build.ts), gzipped file by file.
 */
export function precacheBytes(): { files: number; gzipBytes: number; workerGzipBytes: number } {
  const list = JSON.parse(fs.readFileSync("build/sw-precache.json", "utf8")) as { url: string }[];
  const gzip = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  const gzipBytes = list.reduce((sum, { url }) => sum + gzip(path.join(CLIENT_DIR, url)), 0);
  return { files: list.length, gzipBytes, workerGzipBytes: gzip(path.join(CLIENT_DIR, "sw.js")) };
}
