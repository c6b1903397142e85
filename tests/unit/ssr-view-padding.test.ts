// React 18.3's streaming renderer pads some 2 KB chunks with NUL bytes where a Vietnamese letter
// would straddle them. The stripper in front of the response removes exactly that.
import { PassThrough, type Transform } from "node:stream";
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { REACT_VIEW_SIZE, stripViewPadding, ViewPaddingStripper } from "~/ssr/view-padding.server";

// Many short Vietnamese strings (each under 682 characters: React's buffered path).
const page = () =>
  createElement(
    "ul",
    null,
    Array.from({ length: 200 }, (_, i) => createElement("li", { key: i }, `Đơn vị ${i} chưa báo cáo kỳ này; ý kiến về giải phóng mặt bằng`)),
  );

function render(through: Transform): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    through.on("data", (c: Buffer) => chunks.push(Buffer.from(c)));
    through.on("end", () => resolve(Buffer.concat(chunks)));
    through.on("error", reject);
    const { pipe } = renderToPipeableStream(page(), { onAllReady: () => pipe(through), onError: reject });
  });
}

describe("React's view padding", () => {
  it("is there without the stripper (the defect this guards against)", async () => {
    const bytes = await render(new PassThrough());
    expect(bytes.includes(0)).toBe(true);
  });

  it("is gone with it: valid UTF-8, no NUL, the same HTML as a string render", async () => {
    const bytes = await render(new ViewPaddingStripper());
    expect(bytes.includes(0)).toBe(false);
    const html = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(html).toBe(renderToString(page()));
  });

  it("touches only chunks of the buffer's size, and at most three trailing zeros", () => {
    const short = Buffer.from([0x61, 0, 0]);
    expect(stripViewPadding(short)).toBe(short);
    const full = Buffer.alloc(REACT_VIEW_SIZE, 0x61);
    full.fill(0, REACT_VIEW_SIZE - 2);
    expect(stripViewPadding(full).length).toBe(REACT_VIEW_SIZE - 2);
    const zeros = Buffer.alloc(REACT_VIEW_SIZE, 0);
    expect(stripViewPadding(zeros).length).toBe(REACT_VIEW_SIZE - 3);
  });
});
