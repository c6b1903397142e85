// The restore drill: questionnaires keep arriving through the app's own write path
// while `npm run backup` runs in another process, as on a live server; the backup is restored
// into a fresh folder; every submission acknowledged before the backup began must be there, and
// the survey tallies of the restored copy must equal a GROUP BY over its raw rows.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { db } from "~/db/db.server";
import { preAggregateMismatches } from "~/operations/aggregates.server";
import { readBackupMarker } from "~/operations/backup-marker.server";
import { restoreBackup } from "~/operations/restore.server";
import { storeSubmission } from "~/surveys/storage.server";
import { body, publishedSurvey, uuid } from "./surveys-fixtures";

const WRITERS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean) {
  while (!condition()) await sleep(20);
}

/** Varied answers to the fixture survey, from a counter. */
function answers(n: number) {
  const pick = <T,>(options: T[], k: number) => options[k % options.length]!;
  return {
    Q1: pick(["Q1_1", "Q1_2"], n),
    Q2: pick([["Q2_1"], ["Q2_2", "Q2_3"], ["Q2_1", "Q2_3"]], n),
    Q4: n % 11,
    ...(n % 3 ? { Q5: 1 + (n % 7) } : {}),
    Q6: pick([{ Q6_A: "T" }, { Q6_A: "K", Q6_B: "TB" }], n),
  };
}

/** `npm run backup` in its own process, with the installation's settings. */
function runBackup(databaseUrl: string, backupDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn("npm", ["run", "--silent", "backup"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, BACKUP_DIR: backupDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

it("restores every write acknowledged before the backup began, with tallies equal to a GROUP BY over the rows", { timeout: 180_000 }, async () => {
  // As the server runs it (app/db/db.server.ts): WAL, so the backup reads while writes go on.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  const { survey, ctv1, ctv2 } = await publishedSurvey();

  const acknowledged: { uuid: string; responseId: number; at: number }[] = [];
  let writing = true;
  let counter = 0;
  const writer = async (w: number) => {
    const viewer = w % 2 ? ctv1 : ctv2;
    while (writing) {
      const id = uuid();
      const outcome = await storeSubmission(viewer, body(survey.id, answers(counter++), id));
      acknowledged.push({ uuid: id, responseId: outcome.responseId, at: Date.now() });
      // Leaves the machine's other core to the backup process.
      await sleep(3);
    }
  };
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));

  await until(() => acknowledged.length >= 50);
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "du-luan-drill-backups-"));
  const backup = await runBackup(process.env.DATABASE_URL!, backupDir);
  expect(backup.output).toContain("Backup written");
  expect(backup.code).toBe(0);
  // The load goes on after the backup, then stops.
  const atBackupEnd = acknowledged.length;
  await until(() => acknowledged.length >= atBackupEnd + 20);
  writing = false;
  await Promise.all(writers);

  const marker = (await readBackupMarker(backupDir))!;
  const snapshotBegan = Date.parse(marker.takenAt);
  const before = acknowledged.filter((a) => a.at < snapshotBegan);
  // The drill means something only if writes were acknowledged on both sides of the backup.
  expect(before.length).toBeGreaterThan(0);
  expect(acknowledged.length - before.length).toBeGreaterThan(0);

  const restoredFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "du-luan-drill-restore-")), "du-luan.db");
  const restored = await restoreBackup({ backupFile: path.join(backupDir, marker.file), databaseFile: restoredFile });
  expect(restored).toMatchObject({ replacedFile: null, migrations: { state: "current" }, warnings: [] });

  const copy = new Database(restoredFile, { readonly: true });
  try {
    const stored = new Map((copy.prepare(`SELECT "clientUuid", "id" FROM "SurveyResponse"`).all() as { clientUuid: string; id: number }[]).map((r) => [r.clientUuid, r.id]));
    const missing = before.filter((a) => stored.get(a.uuid) !== a.responseId);
    expect(missing).toEqual([]);
    // Nothing in the copy that was never acknowledged.
    const everAcknowledged = new Set(acknowledged.map((a) => a.uuid));
    expect([...stored.keys()].filter((id) => !everAcknowledged.has(id))).toEqual([]);

    expect(preAggregateMismatches(copy)).toEqual([]);
    // The same, said directly for one question: the tallies against its answer rows.
    const fromTallies = copy.prepare(`SELECT "option", SUM("count") AS n FROM "SurveyTally" WHERE "question" = 'Q1' AND "option" <> '' GROUP BY "option" ORDER BY "option"`).all();
    const fromRows = copy.prepare(`SELECT "option", COUNT(*) AS n FROM "SurveyAnswer" WHERE "question" = 'Q1' GROUP BY "option" ORDER BY "option"`).all();
    expect(fromTallies).toEqual(fromRows);
    expect(copy.prepare(`SELECT SUM("received") AS n FROM "SurveyUnitTally"`).get()).toEqual({ n: stored.size });
  } finally {
    copy.close();
  }
});
