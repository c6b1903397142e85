// One colour per direction of opinion, shared by every chart of opinion directions: the app's
// Chart.js charts, meeting mode and the PowerPoint pack (so a colour means the same everywhere).
import type { Direction } from "./report-vocab";

export const DIRECTION_COLORS: Record<Direction, string> = {
  approve: "#15803d",
  oppose: "#b91c1c",
  worried: "#d97706",
  unclear: "#6b7280",
};
