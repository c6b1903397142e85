/**
 * A long topic name on two or more lines (Chart.js draws an array label as lines), so a 360 px
 * phone shows "Đất đai, giải phóng / mặt bằng" whole instead of clipping it at the left edge.
 */
export function wrapLabel(text: string, width = 18): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
