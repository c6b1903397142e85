/**
 * The subtree rule, computed in this one place (decision 0003): a unit's subtree is the index
 * range [path, path′) of materialised paths, where path′ replaces the final "/" with "0" ("0" sorts
 * right after "/"). The gate (gate.server.ts) and the SQL rules (db/sql-rules.server.ts) read it.
 */

/** The materialised-path range of a subtree: [path, path-with-final-"/"-as-"0"). */
export function subtreeRange(path: string): { gte: string; lt: string } {
  return { gte: path, lt: `${path.slice(0, -1)}0` };
}

export function isInSubtree(rootPath: string, path: string): boolean {
  return path.startsWith(rootPath);
}
