import { Transform, type TransformCallback } from "node:stream";

/**
 * React 18.3's Node streaming renderer writes HTML through a 2,048-byte buffer. When a string does
 * not fit, `TextEncoder.encodeInto` stops before the first character that would be split (a
 * Vietnamese letter is 2–3 bytes) and React then flushes the WHOLE buffer, unwritten tail
 * included (react-dom-server.node: `writeToDestination(destination, currentView)` after a short
 * `encodeInto`). Those 1–3 tail bytes are zeros: "chưa báo c\0áo" reached screen readers. Fixed
 * upstream after 18.3 (facebook/react#26228 and the reports on #24985, #31134).
 *
 * Only a chunk of exactly the buffer's size can carry the padding, and HTML never holds a NUL, so
 * trailing zeros of such a chunk are dropped here and nothing else is touched.
 */
export const REACT_VIEW_SIZE = 2048;
const MAX_PADDING = 3; // a UTF-8 character is at most 4 bytes: at most 3 can be left unwritten

export function stripViewPadding(chunk: Buffer): Buffer {
  if (chunk.length !== REACT_VIEW_SIZE) return chunk;
  let end = chunk.length;
  while (end > chunk.length - MAX_PADDING && chunk[end - 1] === 0) end--;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}

export class ViewPaddingStripper extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    callback(null, stripViewPadding(chunk));
  }
}
