// Every data export leaves an audit entry: who took which data (the scope: survey or register,
// format, filters) and how many rows. Exports only read, so the entry is its own write.
import { finished, type Readable } from "node:stream";
import type { Viewer } from "~/access/gate.server";
import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db/db.server";

export type ExportScope = {
  /** capability.verb, e.g. "survey.export" */
  action: string;
  entityType: string;
  entityId: number | string;
  /** What was asked for: format, kind, filters (never cell contents). */
  scope: Record<string, unknown>;
};

export function recordExport(viewer: Viewer, what: ExportScope, rows: Record<string, number>, complete = true): Promise<void> {
  return recordAudit(db, {
    actorId: viewer.id,
    action: what.action,
    entityType: what.entityType,
    entityId: what.entityId,
    after: { ...what.scope, rows, ...(complete ? {} : { complete: false }) },
  });
}

/** Counts the rows of named parts of a streamed export as the download consumes them. */
export class RowCounter {
  readonly counts: Record<string, number> = {};

  async *count<T>(part: string, rows: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
    this.counts[part] ??= 0;
    for await (const row of rows) {
      this.counts[part]++;
      yield row;
    }
  }
}

/**
 * For streamed exports, whose size is known only at the end: the entry is written when the
 * stream closes, whether the download finished or the browser went away (then `complete: false`
 * and the counts are what was read for it). Returns the stream.
 */
export function auditWhenClosed(stream: Readable, viewer: Viewer, what: ExportScope, counter: RowCounter): Readable {
  // `finished`, not the "close" event: the XLSX zip stream (archiver) ends without emitting "close".
  finished(stream, (error) => {
    recordExport(viewer, what, counter.counts, !error).catch((error: unknown) => {
      // The file has already left: a failed entry cannot undo it, only be reported.
      console.error("export audit entry failed", error);
    });
  });
  return stream;
}
