// The SQLite database behind DATABASE_URL. The app, Prisma's CLI and the operations commands read
// the same variable; only `file:` URLs name a database file (the driver adapter strips the prefix).

/**
 * The database file a DATABASE_URL names, relative paths resolved against the working directory,
 * or null when it names no file (unset, another scheme, an in-memory database).
 * @param {string | undefined} url
 * @returns {string | null}
 */
export function databaseFileFromUrl(url) {
  if (!url?.startsWith("file:")) return null;
  const file = url.slice("file:".length);
  if (file === "" || file === ":memory:" || file.includes("?")) return null;
  return file;
}
