import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  formatDay,
  formatQuarter,
  isoDayToVietnamese,
  parseDay,
  toDateInputValue,
  todayInVietnam,
  vietnamDayEnd,
  vietnamDayStart,
} from "~/utils/dates";
import { parseId } from "~/utils/http.server";
import { formatNumber } from "~/utils/numbers";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { foldForSearch } from "~/utils/text";
import { isCrossSiteRequest } from "../../server/cross-site.js";

describe("dates", () => {
  it("formats days as dd/MM/yyyy and moments in Vietnam time", () => {
    expect(formatDay(new Date("2025-07-01T00:00:00Z"))).toBe("01/07/2025");
    // 20:30 UTC on 31 Dec is already New Year in Vietnam (UTC+7).
    expect(formatDateTime(new Date("2025-12-31T20:30:00Z"))).toBe("01/01/2026 03:30");
  });

  it("parses yyyy-MM-dd and dd/MM/yyyy, refusing impossible dates", () => {
    expect(parseDay("2026-02-28")).toEqual(new Date("2026-02-28T00:00:00Z"));
    expect(parseDay("5/3/2026")).toEqual(new Date("2026-03-05T00:00:00Z"));
    expect(parseDay("31/02/2026")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("yesterday")).toBeNull();
  });

  it("shows a stored day as dd/MM/yyyy in a day field, and what was typed as typed", () => {
    expect(isoDayToVietnamese("2026-08-10")).toBe("10/08/2026");
    expect(parseDay(isoDayToVietnamese("2026-08-10"))).toEqual(new Date("2026-08-10T00:00:00Z"));
    expect(isoDayToVietnamese("10/8/2026")).toBe("10/8/2026");
    expect(isoDayToVietnamese(undefined)).toBe("");
  });

  it("knows today's day in Vietnam and where a Vietnam day starts and ends", () => {
    // 18:00 UTC on 14 March is already 01:00 on 15 March in Vietnam (UTC+7).
    const today = todayInVietnam(new Date("2026-03-14T18:00:00Z"));
    expect(today).toEqual(new Date("2026-03-15T00:00:00Z"));
    expect(toDateInputValue(today)).toBe("2026-03-15");
    expect(formatDay(today)).toBe("15/03/2026");
    // 16:59 UTC is still 23:59 the same day in Vietnam.
    expect(todayInVietnam(new Date("2026-03-14T16:59:00Z"))).toEqual(new Date("2026-03-14T00:00:00Z"));
    expect(todayInVietnam(new Date("2025-12-31T17:00:00Z"))).toEqual(new Date("2026-01-01T00:00:00Z"));

    const day = parseDay("15/03/2026")!;
    expect(vietnamDayStart(day)).toEqual(new Date("2026-03-14T17:00:00Z"));
    expect(vietnamDayEnd(day)).toEqual(new Date("2026-03-15T17:00:00Z"));
    expect(formatDateTime(vietnamDayStart(day))).toBe("15/03/2026 00:00");
  });

  it("names quarters as users do", () => {
    expect(formatQuarter(2026, 1, "vi")).toBe("Quý I/2026");
    expect(formatQuarter(2026, 4, "vi")).toBe("Quý IV/2026");
    expect(formatQuarter(2026, 3, "en")).toBe("Q3/2026");
  });
});

describe("search folding", () => {
  it("drops Vietnamese diacritics and case", () => {
    expect(foldForSearch("  Phường ĐÔNG   Hòa ")).toBe("phuong dong hoa");
    expect(foldForSearch("Đặc khu Côn Lĩnh")).toBe("dac khu con linh");
  });
});

describe("cross-site request check", () => {
  const host = "app.example:3000";
  it.each([
    [{ method: "GET", origin: "https://evil.example" }, false],
    [{ method: "POST", secFetchSite: "same-origin" }, false],
    [{ method: "POST", secFetchSite: "cross-site" }, true],
    [{ method: "POST", secFetchSite: "same-site" }, true],
    [{ method: "POST", origin: "http://app.example:3000" }, false],
    [{ method: "POST", origin: "https://evil.example" }, true],
    [{ method: "POST", origin: "null" }, true],
    [{ method: "DELETE" }, false],
  ])("%o → cross-site %s", (request, expected) => {
    expect(isCrossSiteRequest({ host, ...request })).toBe(expected);
  });
});

describe("redirect targets", () => {
  it("allow only same-site paths", () => {
    expect(safeRedirectPath("/units/3?q=a", "/")).toBe("/units/3?q=a");
    expect(safeRedirectPath("//evil.example", "/")).toBe("/");
    expect(safeRedirectPath("/\\evil.example", "/")).toBe("/");
    expect(safeRedirectPath("https://evil.example", "/")).toBe("/");
    expect(safeRedirectPath(null, "/home")).toBe("/home");
  });

  it("parses the target as a browser would: only a same-origin path passes, anything else goes home", () => {
    for (const hostile of [
      "/\t/evil.example", "/\n/x", "/\r\n/x", "/\u0000/x",
      "//evil.example", "/\\evil.example", "\\/evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
      " /x", "", "http:/evil.example", "/.//evil.example", "/a/..//evil.example", "\t//evil.example",
    ]) {
      expect(safeRedirectPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
    // Same-origin paths survive, percent-encoded as the parser serialises them (no 500 on Location).
    expect(safeRedirectPath("/báo cáo?q=á#top")).toBe("/b%C3%A1o%20c%C3%A1o?q=%C3%A1#top");
    expect(safeRedirectPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirectPath("/units/../surveys")).toBe("/surveys");
    // Whatever it returns is a valid Location header value.
    expect(() => new Response(null, { status: 302, headers: { Location: safeRedirectPath("/\u0111\u1ea1i") } })).not.toThrow();
  });
});

describe("ids from URLs", () => {
  it("reads positive INT4 integers and nothing else", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId("2147483647")).toBe(2_147_483_647);
    for (const bad of [null, undefined, "", "0", "-1", "1.5", "1e3", " 7", "0x10", "2147483648", "99999999999"]) {
      expect(parseId(bad)).toBeUndefined();
    }
  });
});

describe("numbers", () => {
  it("are written as the UI language writes them", () => {
    expect(formatNumber(12345)).toBe("12.345");
    expect(formatNumber(12345, "en")).toBe("12,345");
    expect(formatNumber(1234.5, "vi", 1)).toBe("1.234,5");
  });
});

describe("chart labels", () => {
  it("wraps a long topic name at word boundaries and leaves a short one alone", async () => {
    const { wrapLabel } = await import("~/ui/chart-labels");
    expect(wrapLabel("Giáo dục")).toBe("Giáo dục");
    expect(wrapLabel("Đất đai, giải phóng mặt bằng")).toEqual(["Đất đai, giải", "phóng mặt bằng"]);
    expect(wrapLabel("Xây dựng Đảng, công tác cán bộ")).toEqual(["Xây dựng Đảng,", "công tác cán bộ"]);
  });
});
