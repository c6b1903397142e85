// Fails when prisma/schema and prisma/migrations disagree (a schema edit without its migration).
import { pendingSchemaDiff } from "./prisma-cli.mjs";

const result = pendingSchemaDiff(["--exit-code"], { allowExitCodes: [0, 2] });
if (result.status === 2) {
  console.error("Schema drift: prisma/schema differs from prisma/migrations. Pending SQL:\n");
  console.error(result.stdout);
  console.error("Run `npm run db:new-migration -- <name>` and commit the new migration.");
  process.exit(1);
}
console.log("db:check: schema and migrations agree.");
