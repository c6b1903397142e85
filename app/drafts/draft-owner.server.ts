import type { Viewer } from "~/access/gate.server";
import { Conflict } from "~/errors/domain-errors";

/**
 * A draft names the account that typed it (device-drafts.ts). Sent under another account (a tab
 * left open across a sign-out and someone else's sign-in), it is refused (409) and nothing is stored.
 * A send that names no owner (older pages, the load benchmark) is taken as the viewer's own.
 */
export function assertOwnDraft(viewer: Viewer, owner: string | null | undefined) {
  if (owner && owner !== viewer.username) throw new Conflict("drafts.otherAccount");
}
