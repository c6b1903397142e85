// npm run create-admin: the first administrator of a real installation (and, on an empty
// database, the root unit: the province). Asks at the terminal, the password hidden and twice;
// for scripts, every answer can come from the environment instead (ADMIN_USERNAME,
// ADMIN_DISPLAY_NAME, ROOT_UNIT_CODE, ROOT_UNIT_NAME) and the password from standard input
// (--password-stdin) or ADMIN_PASSWORD. Never the demo seed. app/operations/first-admin.server.ts.
import fs from "node:fs";
import path from "node:path";
import type { ZodType } from "zod";
import { firstAdminSchema, PASSWORD_MIN } from "~/accounts/account-schemas";
import { FieldError } from "~/forms/field-error.server";
import { decodeErrorKey } from "~/forms/zod";
import { createI18n } from "~/i18n/i18n";
import { enField } from "~/i18n/locales/en";
import { enOffice } from "~/i18n/locales/en.office";
import { assertNotRootOnServiceFiles } from "~/operations/database-checks.server";
import { migrationProblem, migrationStatusOfFile } from "~/operations/migrations.server";
import { databaseFileSetting, OperationError } from "~/operations/settings.server";
import { createUnitSchema } from "~/units/unit-schemas";
import { runCommand } from "./lib/command";
import { ask, readStdin } from "./lib/prompt";

const i18n = createI18n("en", enField, enOffice);
/** A Zod message or FieldError key (an i18n key with parameters) in English. */
function explain(message: string): string {
  const { key, params } = decodeErrorKey(message);
  return i18n.t(key, params);
}
const rootUnitSchema = createUnitSchema.pick({ code: true, name: true });
const interactive = Boolean(process.stdin.isTTY);

/** One answer: from the environment if set, else asked (again until valid); checked by `schema`. */
async function answer<T>(envName: string, question: string, schema: ZodType<T>, options: { hidden?: boolean } = {}): Promise<T> {
  const fromEnv = process.env[envName];
  for (;;) {
    if (fromEnv === undefined && !interactive) throw new OperationError(`${envName} is not set, and there is no terminal to ask.`);
    const parsed = schema.safeParse(fromEnv ?? (await ask(`${question}: `, options)));
    if (parsed.success) return parsed.data;
    const message = `${question}: ${explain(parsed.error.issues[0]!.message)}`;
    if (fromEnv !== undefined) throw new OperationError(`${envName}: ${message}`);
    console.log(message);
  }
}

async function newPassword(args: string[]): Promise<string> {
  const schema = firstAdminSchema.shape.password;
  if (args.includes("--password-stdin")) {
    const parsed = schema.safeParse((await readStdin()).split("\n")[0]);
    if (!parsed.success) throw new OperationError(`Password from standard input: ${explain(parsed.error.issues[0]!.message)}`);
    return parsed.data;
  }
  for (;;) {
    const password = await answer("ADMIN_PASSWORD", `Password (at least ${PASSWORD_MIN} characters, not shown)`, schema, { hidden: true });
    if (process.env.ADMIN_PASSWORD !== undefined) return password;
    if ((await ask("Password again: ", { hidden: true })) === password) return password;
    console.log("The two passwords differ. Once more.");
  }
}

await runCommand(async (args) => {
  const databaseFile = databaseFileSetting();
  if (!fs.existsSync(databaseFile)) throw new OperationError(`The database ${databaseFile} does not exist: run \`npm run db:upgrade\` first.`);
  assertNotRootOnServiceFiles(path.dirname(path.resolve(databaseFile)));
  const problem = migrationProblem(migrationStatusOfFile(databaseFile));
  if (problem) throw new OperationError(problem);
  // Only now: importing the app's database module opens DATABASE_URL.
  const { db } = await import("~/db/db.server");
  const { createInstallationAdmin, findRootUnit } = await import("~/operations/first-admin.server");
  try {
    const root = await findRootUnit();
    let newRoot;
    if (root) console.log(`Root unit: ${root.name} (${root.code}). The new administrator's home unit is the whole province.`);
    else {
      console.log("The database has no units yet. First the root unit: the province.");
      newRoot = {
        code: await answer("ROOT_UNIT_CODE", "Root unit code (e.g. SH)", rootUnitSchema.shape.code),
        name: await answer("ROOT_UNIT_NAME", "Root unit name (e.g. Tỉnh Sơn Hà)", rootUnitSchema.shape.name),
      };
    }
    const admin = {
      username: await answer("ADMIN_USERNAME", "Username", firstAdminSchema.shape.username),
      displayName: await answer("ADMIN_DISPLAY_NAME", "Display name", firstAdminSchema.shape.displayName),
      password: await newPassword(args),
    };
    const created = await createInstallationAdmin(admin, newRoot);
    if (created.createdUnit) console.log(`Created the root unit ${created.unit.name} (${created.unit.code}).`);
    console.log(`Created the administrator ${created.account.username} (${created.account.displayName}) for ${created.unit.name}. Sign in with it.`);
  } catch (error) {
    if (error instanceof FieldError) throw new OperationError(explain(error.key));
    throw error;
  } finally {
    await db.$disconnect();
  }
});
