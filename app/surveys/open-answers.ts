// Open (text) answers as an official reads them: identical answers grouped with their count, the
// most frequent first — never a raw list with repeats. Pure, so the unit tests share it.

/** One group of identical answers: the text as most respondents wrote it, and how many did. */
export type AnswerGroup = { text: string; count: number };

/**
 * The grouping key: Unicode NFC (a Vietnamese letter typed as base + combining marks equals the
 * precomposed one), surrounding whitespace trimmed, inner runs collapsed to one space, case folded
 * with Vietnamese rules ("Đ" → "đ", "Ấ" → "ấ", which SQLite's LOWER does not fold).
 */
export function answerKey(text: string): string {
  return text.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
}

/**
 * Merges rows already grouped by the database on the trimmed text (so a few hundred rows at most,
 * not one per answer) into groups by `answerKey`. A group is shown as its most frequent spelling
 * (whitespace collapsed). Most frequent first, then alphabetically.
 */
export function groupAnswers(rows: { text: string; count: number }[]): AnswerGroup[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const row of rows) {
    const key = answerKey(row.text);
    if (!key) continue;
    const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    const spelling = row.text.normalize("NFC").trim().replace(/\s+/g, " ");
    group.count += row.count;
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + row.count);
    groups.set(key, group);
  }
  const collator = new Intl.Collator("vi");
  return [...groups.values()]
    .map((g) => ({ text: mostFrequent(g.spellings), count: g.count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.text, b.text));
}

/** The most frequent spelling; on a tie the least shouted one ("Giá cao" before "GIÁ CAO"), then the first seen. */
function mostFrequent(spellings: Map<string, number>): string {
  const capitals = (text: string) => [...text.slice(1)].filter((c) => c !== c.toLocaleLowerCase("vi")).length;
  let best = "";
  let bestCount = -1;
  for (const [text, count] of spellings) {
    if (count > bestCount || (count === bestCount && capitals(text) < capitals(best))) {
      best = text;
      bestCount = count;
    }
  }
  return best;
}
