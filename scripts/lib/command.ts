// The frame of the operations commands (npm run backup, restore, db:upgrade, create-admin):
// arguments after npm's "--", and an OperationError printed as the operator's message, exit 1.
import { OperationError } from "~/operations/settings.server";

export async function runCommand(main: (args: string[]) => Promise<void>) {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  try {
    await main(args);
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The value after `--name` in the arguments, if any. */
export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
