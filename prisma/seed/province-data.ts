// The fictional demo province "Sơn Hà". Every name here is invented; no real person or place.
export const PROVINCE = { code: "SH", name: "Tỉnh Sơn Hà" };

/** Syllables combined into commune/ward names ("Tân Phú", "Đông Hòa"...). */
export const PLACE_FIRST = ["An", "Bình", "Tân", "Phú", "Đông", "Tây", "Nam", "Bắc", "Hòa", "Long", "Mỹ", "Vĩnh", "Hưng", "Thuận", "Phước", "Quang"] as const;
export const PLACE_SECOND = ["Lộc", "Thành", "Sơn", "Hải", "Lâm", "Phong", "Điền", "Xuân", "Hà", "Khánh", "Trung", "Thịnh"] as const;

export const AFFILIATED_COMMITTEES = [
  { code: "SH.DU01", name: "Đảng ủy các cơ quan Đảng tỉnh", children: ["Chi bộ Ban Tuyên giáo và Dân vận", "Chi bộ Văn phòng Tỉnh ủy", "Chi bộ Ủy ban Kiểm tra"] },
  { code: "SH.DU02", name: "Đảng ủy Ủy ban nhân dân tỉnh", children: ["Đảng bộ Sở Y tế", "Đảng bộ Sở Giáo dục và Đào tạo", "Chi bộ Sở Tài chính"] },
  { code: "SH.DU03", name: "Đảng ủy Công an tỉnh", children: ["Chi bộ Phòng Tham mưu", "Chi bộ Phòng An ninh kinh tế"] },
  { code: "SH.DU04", name: "Đảng ủy Quân sự tỉnh", children: ["Chi bộ Cơ quan Tham mưu", "Chi bộ Cơ quan Chính trị"] },
] as const;

export const MASS_ORGANISATIONS = [
  { code: "SH.MT", name: "Ủy ban MTTQ Việt Nam tỉnh" },
  { code: "SH.HND", name: "Hội Nông dân tỉnh" },
  { code: "SH.TD", name: "Tỉnh đoàn Sơn Hà" },
  { code: "SH.HPN", name: "Hội Liên hiệp Phụ nữ tỉnh" },
  { code: "SH.LDLD", name: "Liên đoàn Lao động tỉnh" },
  { code: "SH.CCB", name: "Hội Cựu chiến binh tỉnh" },
] as const;

export const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"] as const;
export const MIDDLE_NAMES = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Kim", "Xuân", "Hoài"] as const;
export const GIVEN_NAMES = ["An", "Bảo", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Trung", "Tuấn", "Uyên", "Vy"] as const;

export const SECTORS = ["propaganda", "fatherland_front", "mass_org", "press", "science_arts", "other"] as const;

/** Every demo account signs in with this password (README). */
export const DEMO_PASSWORD = "DuLuan@2026";
