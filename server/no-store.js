// Every response the Remix handler produces gets `Cache-Control: no-store`: pages, data requests
// and downloads (CSV/XLSX) of a signed-in user carry personal or unit data that no browser cache,
// shared computer or proxy may keep. The app has no dynamic response worth caching,
// so the rule needs no list of routes and a new route cannot forget it. Static files are served
// before this middleware and keep their own caching.
//
// Set as the headers go out (writeHead, which Node also calls for an implicit header), so it
// replaces whatever a route set instead of being appended next to it.
export function noStore(_req, res, next) {
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadNoStore(...args) {
    this.setHeader("Cache-Control", "no-store");
    return writeHead.apply(this, args);
  };
  next();
}
