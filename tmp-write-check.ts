import crypto from "node:crypto";
import { db, dbReady } from "~/db/db.server";
import { submitResponse } from "~/surveys/storage.server";
await dbReady;
const ctv = await db.account.findUniqueOrThrow({ where: { username: "ctv" }, include: { unit: true } });
const viewer = { id: ctv.id, username: "ctv", displayName: "", role: "collaborator", unitId: ctv.unitId, unitName: "", unitPath: ctv.unit.path, mustChangePassword: false };
const n = 1500;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  await submitResponse(viewer, { uuid: crypto.randomUUID(), surveyId: 2, version: 1, bands: { ageBand: "30-44", gender: "male", occupation: "farmer", area: "rural" },
    answers: { Q1: "Q1_1", Q3: ["Q3_1", "Q3_2"], Q4: "Q4_4", Q5: 7, Q6: { Q6_A: "T", Q6_B: "K", Q6_C: "TB" }, Q7: 4 } });
}
console.log(`sequential submits (${process.env.SQLITE_SYNCHRONOUS ?? "FULL"}): ${(n / ((performance.now() - t0) / 1000)).toFixed(0)}/s`);
await db.$disconnect();
