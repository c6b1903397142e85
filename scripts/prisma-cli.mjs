// Runs the Prisma CLI offline (CHECKPOINT_DISABLE stops its calls home) and returns its output.
import { spawnSync } from "node:child_process";

export function prisma(args, { allowExitCodes = [0] } = {}) {
  const result = spawnSync("npx", ["--no-install", "prisma", ...args], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!allowExitCodes.includes(result.status ?? -1)) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error(`prisma ${args.join(" ")} exited with ${result.status}`);
  }
  return result;
}

/** The SQL that takes the migrations folder to the schema; empty when they agree. */
export function pendingSchemaDiff(extraArgs = [], options) {
  return prisma(
    [
      "migrate", "diff",
      "--from-migrations", "prisma/migrations",
      "--to-schema-datamodel", "prisma/schema",
      "--script",
      ...extraArgs,
    ],
    options,
  );
}

export function isEmptyMigration(sql) {
  return sql.split("\n").every((line) => line.trim() === "" || line.startsWith("--"));
}
