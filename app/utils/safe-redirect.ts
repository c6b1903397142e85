// Any place whose redirect target comes from the request (a form's redirectTo, a query string)
// goes through this one helper: it is the open-redirect defence (docs/security.md).

// A base that no real request has: whatever parses to another origin came from the value itself.
const BASE = "http://same-origin.invalid";
// Browsers strip tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" becomes
// "//evil.example"; a newline in a Location header also makes the response itself fail (500).
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-origin path ("/units/3?q=a#x") to redirect to, or `fallback` for anything else: absolute
 * and protocol-relative URLs, "javascript:", control characters, backslashes. The value is parsed
 * with the URL parser (as the browser will) and the *parsed* path is returned, so the Location
 * header says exactly what was checked, percent-encoded (never a 500 for a non-Latin-1 path).
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || UNSAFE_CHARACTERS.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  // Dot segments can still produce "//host" after parsing ("/.//evil.example" → "//evil.example").
  if (url.origin !== BASE || !path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
