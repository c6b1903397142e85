// One colour per direction of opinion: the same in the page's charts and the exported files'.
import type { Direction } from "./report-vocab";

export const DIRECTION_COLORS: Record<Direction, string> = {
  approve: "#15803d",
  oppose: "#b91c1c",
  worried: "#d97706",
  unclear: "#6b7280",
};
