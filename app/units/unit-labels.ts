/**
 * Names are not unique in a province (many "Phường 1", and the old units of the 2025 merger next
 * to the new ones): where a list shows units side by side, a repeated name gets what tells the
 * units apart — the parent's name where the parents differ, the code where they do not (siblings
 * of the same name, typically closed units). A name that does not repeat stays as it is.
 */
export type LabelledUnit = { id: number; code: string; name: string; parentName?: string | null };

/** Per unit id, the text to show after the name (null: the name alone is unambiguous). */
export function unitNameContexts(units: LabelledUnit[]): Map<number, string | null> {
  const byName = new Map<string, LabelledUnit[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const out = new Map<number, string | null>();
  for (const same of byName.values()) {
    const distinct = new Set(same.map((u) => u.id));
    if (distinct.size < 2) {
      for (const u of same) out.set(u.id, null);
      continue;
    }
    const parentCount = (parent: string | null | undefined) => new Set(same.filter((u) => u.parentName === parent).map((u) => u.id)).size;
    for (const u of same) {
      const parentTells = Boolean(u.parentName) && parentCount(u.parentName) === 1;
      // The parent where it tells this one apart; where it does not, the parent (if any differ) and the code.
      const parentsDiffer = new Set(same.map((s) => s.parentName ?? "")).size > 1;
      out.set(u.id, parentTells ? u.parentName! : [parentsDiffer ? u.parentName : null, u.code].filter(Boolean).join(" · "));
    }
  }
  return out;
}
