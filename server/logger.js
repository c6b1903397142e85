// The server's log: one JSON object a line on stdout (journald keeps it; `journalctl -u du-luan`
// reads it, `grep` and `jq` search it). pino because it is maintained, fast and writes
// synchronously to stdout: a line logged just before a crash is not lost (docs/decisions/0030).
import pino from "pino";

/**
 * @param {import("pino").DestinationStream} [destination] stdout unless given (tests pass a stream)
 */
export function createLogger(destination) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      // journald records the host and the process id of every line already.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
