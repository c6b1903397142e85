/**
 * The XLSX export of one survey wave, alone in its own process so its peak memory (max RSS) is
 * its own. Streams the workbook to a file. Prints one JSON line: seconds, bytes, peak RSS.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { viewerOfAccount } from "~/access/gate.server";
import { db } from "~/db/db.server";
import { xlsxExport } from "~/surveys/export.server";

const surveyId = Number(process.argv[2]);
const target = process.argv[3]!;
const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" }, include: { unit: true } });
const viewer = viewerOfAccount(admin);
const started = performance.now();
const response = await xlsxExport(viewer, surveyId, { bands: {} });
await pipeline(Readable.fromWeb(response.body! as never), fs.createWriteStream(target));
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ seconds, bytes: fs.statSync(target).size, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
await db.$disconnect();
