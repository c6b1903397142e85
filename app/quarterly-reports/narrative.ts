// Narrative text of a quarterly report: plain text with a light structure the secretariat types
// ("# " heading, "- " list item, blank line between paragraphs). It is stored without markup and
// rendered by React as text, so no script can survive either way; tags are stripped on saving so
// that the documents exported later (Word) do not carry them as visible noise.

/** Removes HTML (script/style blocks with their content, then any tag) and control characters. */
export function sanitizeNarrative(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\/?[a-z!?][^>]*>/gi, "")
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .trim();
}

export type NarrativeBlock = { kind: "heading"; text: string } | { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** The blocks a narrative reads as: headings, paragraphs, lists. */
export function narrativeBlocks(text: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split("\n").map((l) => l.trim()).filter(Boolean);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      paragraph = [];
    };
    for (const line of lines) {
      if (line.startsWith("# ")) {
        flush();
        blocks.push({ kind: "heading", text: line.slice(2).trim() });
      } else if (/^[-*•] /.test(line)) {
        flush();
        const last = blocks.at(-1);
        if (last?.kind === "list") last.items.push(line.slice(2).trim());
        else blocks.push({ kind: "list", items: [line.slice(2).trim()] });
      } else paragraph.push(line);
    }
    flush();
  }
  return blocks;
}
