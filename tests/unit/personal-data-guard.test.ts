import { describe, expect, it } from "vitest";
import { findPersonalData, hasPersonalData } from "~/opinion-reports/personal-data-guard";

const kinds = (text: string) => findPersonalData(text).map((h) => h.kind);

describe("personal-data guard", () => {
  it.each([
    "Liên hệ anh Ba 0912345678 để biết thêm",
    "số 0912 345 678",
    "số 0912.345.678",
    "gọi +84 912 345 678",
    "gọi +84912345678",
    "máy bàn 0236 3822 123",
    "gọi 0912345678/0987654321",
    "gọi 0912345678.0987654321",
    "gọi 0912.345.678/0987.654.321 hoặc nhắn tin",
    "gọi (+84) 912 345 678",
    "gọi +84 (0) 912 345 678",
    "gọi 0084 912 345 678",
    "gọi ngay 0912345678.",
  ])("finds a phone number in %s", (text) => {
    expect(kinds(text)).toEqual(["phone"]);
  });

  it.each([
    "CCCD 001203004567 của bà",
    "CMND 201234567",
    "CCCD 001 234 567 890",
    "CCCD 001.234.567.890",
    "CCCD 001-234-567-890",
    "CMND 201 234 567",
    "CCCD 079203004567.",
  ])("finds an ID number in %s", (text) => {
    expect(kinds(text)).toEqual(["idNumber"]);
  });

  it("finds an email address", () => {
    expect(kinds("gửi về nguoidan.abc@gmail.com nhé")).toEqual(["email"]);
  });

  it.each([
    "xe 29A-123.45 đỗ trước cổng",
    "biển 51F 12345",
    "xe máy 59X1-234.56",
    "Xe 29A-123.45.",
    "xe 29a-123.45 đỗ trước cổng",
    "xe máy 51f1-234.56, chủ xe vắng mặt",
  ])("finds a licence plate in %s", (text) => {
    expect(kinds(text)).toEqual(["plate"]);
  });

  it.each([
    "Ngày 12/03/2026 nhân dân họp",
    "giá tăng 1.500.000 đồng mỗi tháng",
    "thu 25.000.000.000 đồng",
    "năm 2025 và năm 2026",
    "85% số hộ đồng ý",
    "Quý I/2026 có 120 ý kiến",
    "Nghị quyết 57-NQ/TW",
    "Quyết định 238-QĐ/TW ngày 30/9/2020",
    "hỗ trợ 3,5 triệu đồng cho 1.250 hộ",
    "dự án 2.000 tỷ đồng",
    "bồi thường 350000000 đồng",
    "tổng vốn 120000000000 đồng",
    "phí 5000000đ mỗi năm",
    "đền bù 350000000đ/hộ",
    "khoảng 350000000 dong",
    "trả 350000000 VND",
    "trả 350000000VNĐ",
    "gần 120000000 triệu",
    "thu 150.000.000 và chi 120.000.000.000",
    "từ 350.000.000 đến 500.000.000 đồng",
    "Nghị định 100/2019/NĐ-CP và Nghị định 168/2024/NĐ-CP",
    "ngày 12-03-2026, 1.250 hộ với 4.312 người",
    "có 15ha 1200 hộ",
    "tỷ lệ 12,5% năm 2026",
  ])("does not flag %s", (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it("reads amounts typed with combining accents as amounts", () => {
    expect(findPersonalData("bồi thường 350000000 đồng".normalize("NFD"))).toEqual([]);
  });

  it("handles empty input", () => {
    expect(hasPersonalData(undefined)).toBe(false);
    expect(hasPersonalData("")).toBe(false);
  });
});
