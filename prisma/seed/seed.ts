/**
 * Seeds the demo province "Sơn Hà" into an empty, migrated database. Deterministic: the same
 * units, codes, accounts and names on every run. Usage: npm run db:seed
 */
import { db, dbReady } from "~/db/db.server";
import { PROVINCE } from "./province-data";
import { seedOpinionReports } from "./opinion-reports";
import { seedProvince } from "./province";
import { seedQuarterlyReports } from "./quarterly-reports";
import { seedSurveys } from "./surveys";

async function main() {
  await dbReady;
  if ((await db.unit.count()) > 0) {
    console.log("The database already holds units: seed skipped (npm run db:reset empties it).");
    return;
  }
  const started = Date.now();
  // One transaction: a seed either lands whole or not at all (and commits with a single fsync).
  const { communes, accounts } = await db.$transaction(async (tx) => {
    const seeded = await seedProvince(tx);
    console.log("Opinion reports:", await seedOpinionReports(tx));
    return seeded;
  }, { timeout: 120_000 });
  await seedSurveys(communes);
  console.log("Quarterly reports:", await seedQuarterlyReports());
  console.log(
    `Seeded ${PROVINCE.name}: ${communes.length} communes/wards, ${await db.unit.count()} units in all, ` +
      `${accounts} accounts in ${Date.now() - started} ms.`,
  );
}

await main();
await db.$disconnect();
