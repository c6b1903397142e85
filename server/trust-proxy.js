// TRUST_PROXY: how many reverse proxies stand in front of the app. Express then takes the client's
// address from that many X-Forwarded-For hops (sign-in throttling counts failures per address)
// and trusts X-Forwarded-Proto from them. Anything looser than a hop count ("true", "all") would
// let any client forge its address, so only a count or "false" is accepted.

/**
 * @param {string | undefined} value
 * @returns {{ ok: true, hops: number } | { ok: false }}
 */
export function parseTrustProxy(value) {
  if (value === undefined || value === "") return { ok: true, hops: 0 };
  if (value === "false") return { ok: true, hops: 0 };
  if (/^\d{1,2}$/.test(value)) return { ok: true, hops: Number(value) };
  return { ok: false };
}
