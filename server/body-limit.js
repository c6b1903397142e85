// Refuses request bodies over the limit with 413 before any route reads them: a declared
// Content-Length is checked at once, a chunked body is counted as it streams.
export function limitBodySize(maxBytes) {
  return (req, res, next) => {
    const declared = Number(req.get("content-length") ?? 0);
    if (declared > maxBytes) return tooLarge(res, maxBytes);
    let seen = 0;
    req.on("data", (chunk) => {
      seen += chunk.length;
      if (seen > maxBytes && !res.headersSent) {
        tooLarge(res, maxBytes);
        req.destroy();
      }
    });
    next();
  };
}

function tooLarge(res, maxBytes) {
  const mb = Math.round(maxBytes / 1024 / 1024);
  res
    .status(413)
    .type("text/plain; charset=utf-8")
    .send(`Dữ liệu gửi lên quá lớn (tối đa ${mb} MB).\nRequest body too large (at most ${mb} MB).`);
}
