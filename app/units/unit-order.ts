/**
 * The order a unit picker lists units in: the tree (each unit followed by its
 * sub-units), siblings grouped by kind — communes, wards, special zones, then affiliated party
 * committees and mass organisations — and sorted by name as Vietnamese reads it within a kind.
 * Ordering by path alone listed siblings in id order, which means nothing to a reader.
 */
const KIND_ORDER = ["province", "commune", "ward", "special_zone", "party_committee", "mass_org", "other"];

type Orderable = { id: number; code: string; name: string; kind: string; path: string };

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

/** Siblings: by kind, then by name as Vietnamese reads it, then by code. */
export function compareSiblings(a: Omit<Orderable, "path" | "id">, b: Omit<Orderable, "path" | "id">): number {
  const kind = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return kind(a.kind) - kind(b.kind) || collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}

/** The parent's path of a materialised path ("/1/17/" → "/1/"). */
const parentPath = (path: string) => path.slice(0, path.slice(0, -1).lastIndexOf("/") + 1);

export function inTreeOrder<U extends Orderable>(units: U[]): U[] {
  const byPath = new Set(units.map((u) => u.path));
  const children = new Map<string, U[]>();
  const roots: U[] = [];
  for (const u of units) {
    const parent = parentPath(u.path);
    if (byPath.has(parent)) children.set(parent, [...(children.get(parent) ?? []), u]);
    else roots.push(u);
  }
  const out: U[] = [];
  const visit = (list: U[]) => {
    for (const u of [...list].sort(compareSiblings)) {
      out.push(u);
      visit(children.get(u.path) ?? []);
    }
  };
  visit(roots);
  return out;
}
