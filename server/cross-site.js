// CSRF protection for every state-changing request, before any action runs.
// Browsers send Origin on cross-origin POSTs and Sec-Fetch-Site on all requests; a request that a
// browser marks as coming from another site is refused. Requests with neither header come from
// non-browser clients (scripts, the load benchmark), which cannot carry a victim's cookies across
// sites. This is the approach of Go's http.CrossOriginProtection (Filippo Valsorda, 2025).
// See docs/decisions/0004-csrf-origin-check.md.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * @param {{ method: string, host: string | undefined, origin?: string, secFetchSite?: string }} request
 * @returns {boolean}
 */
export function isCrossSiteRequest({ method, host, origin, secFetchSite }) {
  if (SAFE_METHODS.has(method)) return false;
  if (secFetchSite) return !["same-origin", "none"].includes(secFetchSite);
  if (origin) {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return false;
}

export function rejectCrossSiteRequests(req, res, next) {
  const crossSite = isCrossSiteRequest({
    method: req.method,
    host: req.get("x-forwarded-host") && req.app.get("trust proxy") ? req.get("x-forwarded-host") : req.get("host"),
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
  });
  if (!crossSite) return next();
  res.status(403).type("text/plain; charset=utf-8").send(
    "Yêu cầu bị từ chối: gửi từ trang web khác (CSRF).\nRequest refused: it came from another site (CSRF).",
  );
}
