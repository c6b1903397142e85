// Security headers for every response (helmet), with an enforced CSP whose script-src allows only
// our own origin and scripts carrying this request's nonce. See docs/decisions/0005-security-headers.md.
import helmet from "helmet";

export function securityHeaders({ isProduction }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      reportOnly: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        // React renders style attributes (progress bars, chart containers): allowed, scripts are not.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        // The service worker (/sw.js) and the web app manifest: our own origin only (decision 0035).
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "connect-src": isProduction ? ["'self'"] : ["'self'", "ws:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // HSTS only where the app is served over HTTPS (production behind TLS).
    strictTransportSecurity: isProduction && process.env.HSTS !== "0" ? undefined : false,
    xFrameOptions: { action: "deny" },
  });
}
