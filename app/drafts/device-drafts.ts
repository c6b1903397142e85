/**
 * Drafts a device keeps in localStorage (questionnaires, opinion reports) belong to the account
 * that typed them: every key carries the username, a sign-out clears that account's drafts, and
 * every send says whose draft it is so the server refuses it under any other account (a phone is
 * often shared; a tab left open may outlive the sign-in it was typed under).
 */
const PREFIX = "duluan:draft:";
// Keys written before drafts were per account; their owner is unknown, so they are never
// restored, only removed at the next sign-out.
const LEGACY_PREFIXES = ["duluan:survey-draft:", "report-draft:"];

/** The form field and the API header that carry a draft's owner. */
export const DRAFT_OWNER_FIELD = "draftOwner";
export const DRAFT_OWNER_HEADER = "X-Draft-Owner";

export const draftKey = (username: string, name: string) => `${PREFIX}${username}:${name}`;

function keysStartingWith(prefixes: string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const key = window.localStorage.key(i);
    if (key && prefixes.some((p) => key.startsWith(p))) keys.push(key);
  }
  return keys;
}

/** How many drafts this account has left unsent on this device. */
export function unsentDraftCount(username: string): number {
  return keysStartingWith([`${PREFIX}${username}:`]).length;
}

/** Removes the account's drafts (and any left from before drafts had owners). */
export function clearDraftsOf(username: string) {
  for (const key of keysStartingWith([`${PREFIX}${username}:`, ...LEGACY_PREFIXES])) window.localStorage.removeItem(key);
}
