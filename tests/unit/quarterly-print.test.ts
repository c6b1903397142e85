// The printed quarterly report: the party document's heading derived from the scope
// unit, its date line, the print token that lets the PDF renderer open one report once, where the
// renderer reaches the server, and the words every chart carries (caption, PNG file name, wrap).
import { describe, expect, it } from "vitest";
import { issuerOf } from "~/quarterly-reports/exports/issuer.server";
import { documentDateLine, documentNumberLine, reportSubject } from "~/quarterly-reports/exports/party-document";
import { printOrigin } from "~/quarterly-reports/exports/pdf.server";
import { mintPrintToken, PRINT_TOKEN_HEADER, PRINT_TOKEN_LIFETIME_MS, redeemPrintToken, revokePrintToken } from "~/quarterly-reports/exports/print-token.server";
import type { ExportSource } from "~/quarterly-reports/exports/source.server";
import { chunks } from "~/quarterly-reports/report-view";
import { defaultTitle } from "~/quarterly-reports/reports.server";
import { captionLines, pngFileName, wrapText } from "~/ui/chart-caption";
import { addUnit, catchError, thrownStatus } from "./fixtures";

describe("the party document's heading (issuerOf: the Word file and the print view share it)", () => {
  it("issues the province's report from the committee's board, and a commune's from its party committee", async () => {
    const province = await addUnit(null, "SH", "Tỉnh Sơn Hà", "province");
    await addUnit(province, "SH.X001", "Xã Tân Phú", "commune");
    await addUnit(province, "SH.P001", "Phường 1", "ward");
    const p = await issuerOf("SH");
    expect([p.superior, p.body, p.place]).toEqual(["TỈNH ỦY SƠN HÀ", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Sơn Hà"]);
    expect(documentNumberLine(p)).toMatch(/^Số\s+-BC\/BTGDV$/);
    expect(p.signature).toEqual(["TRƯỞNG BAN"]);
    const c = await issuerOf("SH.X001");
    expect([c.superior, c.body, c.place]).toEqual(["ĐẢNG BỘ TỈNH SƠN HÀ", "ĐẢNG ỦY XÃ TÂN PHÚ", "Tân Phú"]);
    expect(documentNumberLine(c)).toMatch(/-BC\/ĐU$/);
    // A numbered ward keeps its kind in the date line's place.
    expect((await issuerOf("SH.P001")).place).toBe("Phường 1");
  });

  it("says Thành ủy for a centrally run city", async () => {
    await addUnit(null, "HD", "Thành phố Hải Đông", "province");
    expect((await issuerOf("HD")).superior).toBe("THÀNH ỦY HẢI ĐÔNG");
  });

  it("dates the document in Vietnam's calendar, zero-padding days below 10 and January and February", () => {
    // 17:30 UTC on 4 July is already 5 July in Vietnam.
    expect(documentDateLine("Sơn Hà", new Date("2026-07-04T17:30:00Z"))).toBe("Sơn Hà, ngày 05 tháng 7 năm 2026");
    expect(documentDateLine("Sơn Hà", "2026-02-25T03:00:00Z")).toBe("Sơn Hà, ngày 25 tháng 02 năm 2026");
    expect(documentDateLine("Sơn Hà", "2026-12-10T03:00:00Z")).toBe("Sơn Hà, ngày 10 tháng 12 năm 2026");
  });

  it("writes the subject line, which the report's default title starts with", () => {
    expect(reportSubject(20262)).toBe("Tình hình dư luận xã hội quý II năm 2026");
    expect(defaultTitle(20262, "Tỉnh Sơn Hà")).toBe("Tình hình dư luận xã hội quý II năm 2026 — Tỉnh Sơn Hà");
  });
});

describe("the print token", () => {
  const published = { report: { id: 7 }, status: { kind: "published", version: 2 } } as unknown as ExportSource;
  const draft = { report: { id: 8 }, status: { kind: "draft" } } as unknown as ExportSource;
  const asChromium = (token: string | null) => new Request("http://127.0.0.1/quarterly-reports/7/print", { headers: token ? { [PRINT_TOKEN_HEADER]: token } : {} });
  const statusOf = (redeem: () => unknown) => catchError(Promise.resolve().then(redeem)).then(thrownStatus);

  it("opens the report and version it was minted for, once", async () => {
    const token = mintPrintToken(published);
    expect(redeemPrintToken(asChromium(token), "127.0.0.1", 7, 2)).toBe(published);
    expect(await statusOf(() => redeemPrintToken(asChromium(token), "127.0.0.1", 7, 2))).toBe(404);
  });

  it("leaves a request without a token to the session", () => {
    expect(redeemPrintToken(asChromium(null), "203.0.113.9", 7, 2)).toBeNull();
  });

  it("answers 404 for another report or version, a forged or late token, or a request from another host", async () => {
    expect(await statusOf(() => redeemPrintToken(asChromium(mintPrintToken(published)), "127.0.0.1", 8, 2))).toBe(404);
    expect(await statusOf(() => redeemPrintToken(asChromium(mintPrintToken(published)), "127.0.0.1", 7, 1))).toBe(404);
    expect(await statusOf(() => redeemPrintToken(asChromium(mintPrintToken(published)), "127.0.0.1", 7, null))).toBe(404);
    expect(await statusOf(() => redeemPrintToken(asChromium("forged-token-forged-token-forged-token"), "127.0.0.1", 7, 2))).toBe(404);
    const now = Date.now();
    const late = mintPrintToken(published, now);
    expect(await statusOf(() => redeemPrintToken(asChromium(late), "127.0.0.1", 7, 2, now + PRINT_TOKEN_LIFETIME_MS))).toBe(404);
    expect(await statusOf(() => redeemPrintToken(asChromium(mintPrintToken(published)), "203.0.113.9", 7, 2))).toBe(404);
  });

  it("binds a draft to the URL without a version, and is dead once revoked", async () => {
    expect(redeemPrintToken(asChromium(mintPrintToken(draft)), "::1", 8, null)).toBe(draft);
    const revoked = mintPrintToken(draft);
    revokePrintToken(revoked);
    expect(await statusOf(() => redeemPrintToken(asChromium(revoked), "::1", 8, null))).toBe(404);
  });
});

describe("where the PDF renderer reaches the server", () => {
  it("is the loopback interface on the server's port, never a name the client sent", () => {
    expect(printOrigin({ PORT: "3341" })).toBe("http://127.0.0.1:3341");
    expect(printOrigin({ PORT: "80", HOST: "0.0.0.0" })).toBe("http://127.0.0.1:80");
    expect(printOrigin({})).toBe("http://127.0.0.1:3000");
    expect(printOrigin({ PORT: "3000", HOST: "::1" })).toBe("http://[::1]:3000");
    expect(printOrigin({ PRINT_ORIGIN: "http://10.0.0.5:8080/" })).toBe("http://10.0.0.5:8080");
  });
});

describe("chart captions", () => {
  const words = { n: (n: number) => `n = ${n}`, source: (s: string) => `Nguồn: ${s}` };

  it("puts the quarter, unit and n on one line and the source on the next", () => {
    expect(captionLines({ title: "Số ý kiến theo chủ đề", period: "Quý II/2026", unit: "Tỉnh Sơn Hà", n: 1886, source: "Báo cáo quý" }, words)).toEqual({
      title: "Số ý kiến theo chủ đề",
      details: ["Quý II/2026 · Tỉnh Sơn Hà · n = 1886", "Nguồn: Báo cáo quý"],
    });
    // n = 0 is a fact worth printing; absent parts leave no separators behind.
    expect(captionLines({ title: "T", n: 0 }, words).details).toEqual(["n = 0"]);
    expect(captionLines({ title: "T" }, words).details).toEqual([]);
  });

  it("names the PNG after the title and period in ASCII", () => {
    expect(pngFileName({ title: "Số ý kiến theo chủ đề và chiều hướng", period: "Quý II/2026" })).toBe("so-y-kien-theo-chu-de-va-chieu-huong-quy-ii-2026.png");
    expect(pngFileName({ title: "Đất đai: giải phóng mặt bằng?" })).toBe("dat-dai-giai-phong-mat-bang.png");
    expect(pngFileName({ title: "???" })).toBe("bieu-do.png");
    expect(pngFileName({ title: "a ".repeat(100) }).length).toBeLessThanOrEqual(84);
  });

  it("wraps text by measured width, never losing a word", () => {
    const measure = (text: string) => text.length * 10;
    expect(wrapText("một hai ba bốn năm", 80, measure)).toEqual(["một hai", "ba bốn", "năm"]);
    // A word longer than the line still gets a line of its own.
    expect(wrapText("khôngthểngắthơn ngắn", 50, measure)).toEqual(["khôngthểngắthơn", "ngắn"]);
    expect(wrapText("", 50, measure)).toEqual([]);
  });

  it("splits a long breakdown into page-sized charts", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 30)).toEqual([]);
  });
});
