/**
 * The one client UUID (v4) of the app: the idempotency key of every questionnaire and report the
 * device sends. Built from crypto.getRandomValues, which every browser has in any context:
 * crypto.randomUUID exists only in secure contexts (HTTPS, localhost), and a phone reaching a test
 * server over plain HTTP by its address would otherwise fall back to something weaker.
 */
export function newUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
