// What a production start needs, checked before the app loads: without it the server would
// start and then fail at the first request (no database), create an empty database file, or
// take every client's address from a header anyone can forge. A refusal lists every problem at
// once and exits with 78 (EX_CONFIG), which the systemd unit does not restart on.
import fs from "node:fs";
import path from "node:path";
import { databaseFileFromUrl } from "./database-url.js";
import { parseTrustProxy } from "./trust-proxy.js";

export const CONFIG_ERROR_EXIT_CODE = 78;

/**
 * @param {Record<string, string | undefined>} env the process environment
 * @param {{ buildFile?: string }} [options]
 * @returns {string[]} one sentence per problem; empty when production can start
 */
export function productionProblems(env, { buildFile = "build/server/index.js" } = {}) {
  return [...databaseProblems(env.DATABASE_URL), ...trustProxyProblems(env.TRUST_PROXY), ...backupDirProblems(env.BACKUP_DIR), ...buildProblems(buildFile)];
}

function databaseProblems(url) {
  if (!url) return ["DATABASE_URL is not set (it names the SQLite database file, e.g. file:/var/lib/du-luan/du-luan.db)"];
  const file = databaseFileFromUrl(url);
  if (!file) return [`DATABASE_URL=${url} does not name a database file (expected file:/path/to/du-luan.db)`];
  if (!fs.existsSync(file)) return [`the database ${file} does not exist (create it with \`npm run db:upgrade\`, then \`npm run create-admin\`)`];
  if (!isWritable(path.dirname(path.resolve(file)))) return [`the folder of the database ${file} is not writable by this user (SQLite writes its -wal and -shm files beside it)`];
  return [];
}

function trustProxyProblems(value) {
  if (value === undefined || value === "") {
    return ["TRUST_PROXY is not set (the number of reverse proxies in front of the app: 1 behind Caddy or nginx, 0 or false when browsers connect directly)"];
  }
  if (!parseTrustProxy(value).ok) return [`TRUST_PROXY=${value} is not a number of proxies (use 1 behind one reverse proxy, 0 or false for none)`];
  return [];
}

function backupDirProblems(dir) {
  if (!dir) return [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [`BACKUP_DIR=${dir} is not a folder`];
  if (!isWritable(dir)) return [`BACKUP_DIR=${dir} is not writable by this user`];
  return [];
}

function buildProblems(buildFile) {
  return fs.existsSync(buildFile) ? [] : [`the app is not built (${buildFile} is missing: run \`npm run build\`)`];
}

function isWritable(dir) {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The refusal an operator reads in the journal: one paragraph, every problem, where to fix it. */
export function refusalMessage(problems) {
  return (
    `Dư luận will not start in production: ${problems.join("; ")}. ` +
    "Set these in the service's environment file (/etc/du-luan/du-luan.env, see docs/operations.md) and start it again. " +
    "This command never creates demo data; `npm run demo` runs the demo.\n"
  );
}
