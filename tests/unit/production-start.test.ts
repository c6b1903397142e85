// `npm start` (NODE_ENV=production node server.js) refuses to start without what production
// needs, with one paragraph naming every problem and exit code 78, before it loads the app.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_ERROR_EXIT_CODE, productionProblems } from "../../server/production-settings.js";

function startProduction(settings: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  // Only what a bare `npm start` on a server would have: no DATABASE_URL from the test set-up.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), NODE_ENV: "production", PORT: "0", ...settings };
  const child = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr, stdout })));
}

function scratchFolder() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "du-luan-start-"));
}

describe("production start", () => {
  it("refuses without DATABASE_URL and TRUST_PROXY: one paragraph naming both, exit 78, nothing served", async () => {
    const { code, stderr, stdout } = await startProduction({});
    expect(code).toBe(CONFIG_ERROR_EXIT_CODE);
    expect(stderr).toMatch(/^Dư luận will not start in production: /);
    expect(stderr).toContain("DATABASE_URL is not set");
    expect(stderr).toContain("TRUST_PROXY is not set");
    expect(stderr).toContain("docs/operations.md");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stdout).not.toContain("listening");
  });

  it("refuses a missing database file, a forgeable proxy setting and a backup folder that is not there", async () => {
    const folder = scratchFolder();
    const { code, stderr } = await startProduction({
      DATABASE_URL: `file:${folder}/du-luan.db`,
      TRUST_PROXY: "true",
      BACKUP_DIR: `${folder}/backups`,
    });
    expect(code).toBe(CONFIG_ERROR_EXIT_CODE);
    expect(stderr).toContain(`the database ${folder}/du-luan.db does not exist`);
    expect(stderr).toContain("npm run db:upgrade");
    expect(stderr).toContain("TRUST_PROXY=true is not a number of proxies");
    expect(stderr).toContain(`BACKUP_DIR=${folder}/backups is not a folder`);
    // The refusal happens before anything is created.
    expect(fs.existsSync(`${folder}/du-luan.db`)).toBe(false);
  });

  it("accepts a database file, a proxy count, a writable backup folder and a build", () => {
    const folder = scratchFolder();
    fs.writeFileSync(`${folder}/du-luan.db`, "");
    fs.mkdirSync(`${folder}/backups`);
    fs.writeFileSync(`${folder}/index.js`, "");
    const settings = { DATABASE_URL: `file:${folder}/du-luan.db`, TRUST_PROXY: "1", BACKUP_DIR: `${folder}/backups` };
    expect(productionProblems(settings, { buildFile: `${folder}/index.js` })).toEqual([]);
    expect(productionProblems({ ...settings, TRUST_PROXY: "false" }, { buildFile: `${folder}/index.js` })).toEqual([]);
    expect(productionProblems({ ...settings, DATABASE_URL: "file::memory:" }, { buildFile: `${folder}/index.js` })).toEqual([
      "DATABASE_URL=file::memory: does not name a database file (expected file:/path/to/du-luan.db)",
    ]);
    expect(productionProblems(settings, { buildFile: `${folder}/missing.js` })[0]).toContain("npm run build");
  });
});
