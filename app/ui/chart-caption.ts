// The words that travel with a chart wherever it goes (the page, print, a downloaded PNG): its
// title, then the quarter, the unit, n and the source. Pure, so browser and tests share it.
import { foldForSearch } from "~/utils/text";

export type ChartCaption = {
  title: string;
  /** The quarter, a range of quarters, or a survey's period. */
  period?: string;
  unit?: string;
  /** How many items, answers or forms the chart counts. */
  n?: number;
  source?: string;
  /** How to read the chart where its colours carry meaning (an ordered scale's palette). */
  note?: string;
};

/** How the caller's language writes "n = 1.234" and "Nguồn: …". */
export type CaptionWords = { n: (n: number) => string; source: (source: string) => string };

/** The title, and the detail lines below it: "Quý II/2026 · Tỉnh Sơn Hà · n = 1.234", "Nguồn: …", then the note. */
export function captionLines(caption: ChartCaption, words: CaptionWords): { title: string; details: string[] } {
  const facts = [caption.period, caption.unit, caption.n === undefined ? undefined : words.n(caption.n)].filter((part): part is string => Boolean(part));
  const details = [facts.join(" · "), caption.source ? words.source(caption.source) : "", caption.note ?? ""].filter(Boolean);
  return { title: caption.title, details };
}

/** "so-y-kien-theo-chu-de-quy-ii-2026.png": the title in ASCII, every browser and mail client keeps it. */
export function pngFileName(caption: ChartCaption): string {
  const stem = foldForSearch([caption.title, caption.period].filter(Boolean).join(" "))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${stem || "bieu-do"}.png`;
}

/** Greedy word wrap: the lines `text` takes at `maxWidth`, measured by `measure` (a canvas's measureText). */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
