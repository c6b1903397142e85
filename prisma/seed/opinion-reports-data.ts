// Managed lists for the demo. Codes are stable; names are what users read.
export const TOPICS = [
  { code: "PRICES", nameVi: "Giá cả, đời sống", nameEn: "Prices and living costs", group: "economy", weight: 14 },
  { code: "LAND", nameVi: "Đất đai, giải phóng mặt bằng", nameEn: "Land and site clearance", group: "economy", weight: 12 },
  { code: "HEALTH", nameVi: "Y tế, viện phí", nameEn: "Health and hospital fees", group: "society", weight: 8 },
  { code: "EDUCATION", nameVi: "Giáo dục", nameEn: "Education", group: "society", weight: 7 },
  { code: "CORRUPTION", nameVi: "Tham nhũng, tiêu cực", nameEn: "Corruption and negative behaviour", group: "politics", weight: 5 },
  { code: "PARTY", nameVi: "Xây dựng Đảng, công tác cán bộ", nameEn: "Party building and personnel", group: "politics", weight: 6 },
  { code: "WELFARE", nameVi: "An sinh xã hội", nameEn: "Social security", group: "society", weight: 7 },
  { code: "SECURITY", nameVi: "An ninh, trật tự", nameEn: "Security and order", group: "security", weight: 5 },
  { code: "ENVIRONMENT", nameVi: "Môi trường, ô nhiễm", nameEn: "Environment and pollution", group: "society", weight: 6 },
  { code: "DISASTER", nameVi: "Thiên tai, dịch bệnh", nameEn: "Natural disasters and disease", group: "society", weight: 4 },
  { code: "RELIGION", nameVi: "Tôn giáo, dân tộc", nameEn: "Religion and ethnicity", group: "security", weight: 2 },
  { code: "POLITICAL_EVENTS", nameVi: "Sự kiện chính trị lớn", nameEn: "Major political events", group: "politics", weight: 5 },
  { code: "HOLIDAYS", nameVi: "Lễ, Tết", nameEn: "Holidays (Tết)", group: "society", weight: 2 },
] as const;

export const SOCIAL_GROUPS = [
  { code: "FARMERS", nameVi: "Nông dân", nameEn: "Farmers" },
  { code: "WORKERS", nameVi: "Công nhân, người lao động", nameEn: "Workers" },
  { code: "OFFICIALS", nameVi: "Cán bộ, công chức, viên chức", nameEn: "Civil servants" },
  { code: "BUSINESS", nameVi: "Doanh nhân, tiểu thương", nameEn: "Business people and traders" },
  { code: "YOUTH", nameVi: "Thanh niên, sinh viên", nameEn: "Youth and students" },
  { code: "RETIREES", nameVi: "Cựu chiến binh, người cao tuổi", nameEn: "Veterans and the elderly" },
  { code: "RELIGIOUS", nameVi: "Chức sắc, tín đồ tôn giáo", nameEn: "Religious dignitaries and followers" },
  { code: "ETHNIC", nameVi: "Đồng bào dân tộc thiểu số", nameEn: "Ethnic minorities" },
  { code: "INTELLECTUALS", nameVi: "Trí thức, văn nghệ sĩ", nameEn: "Intellectuals and artists" },
] as const;

export const AGENCIES = [
  { code: "UBND", name: "Ủy ban nhân dân tỉnh" },
  { code: "SO.NNMT", name: "Sở Nông nghiệp và Môi trường" },
  { code: "SO.YT", name: "Sở Y tế" },
  { code: "SO.GDDT", name: "Sở Giáo dục và Đào tạo" },
  { code: "SO.TC", name: "Sở Tài chính" },
  { code: "SO.XD", name: "Sở Xây dựng" },
  { code: "CA", name: "Công an tỉnh" },
] as const;

/** Event titles per topic (fictional, no person or real place). */
export const TITLES: Record<string, readonly string[]> = {
  PRICES: ["Giá xăng dầu tăng ảnh hưởng chi phí sinh hoạt", "Giá điện bậc thang mới", "Giá thực phẩm trước mùa lễ"],
  LAND: ["Bồi thường giải phóng mặt bằng tuyến đường tỉnh", "Cấp giấy chứng nhận quyền sử dụng đất chậm", "Bảng giá đất mới"],
  HEALTH: ["Quá tải tại bệnh viện đa khoa tỉnh", "Thiếu thuốc bảo hiểm y tế", "Điều chỉnh giá dịch vụ khám chữa bệnh"],
  EDUCATION: ["Các khoản thu đầu năm học", "Sáp nhập điểm trường", "Chương trình sách giáo khoa mới"],
  CORRUPTION: ["Xử lý sai phạm trong quản lý đất công", "Công khai tài sản cán bộ"],
  PARTY: ["Chuẩn bị đại hội đảng bộ các cấp", "Sắp xếp tổ chức bộ máy sau sáp nhập"],
  WELFARE: ["Chi trả trợ cấp xã hội", "Hỗ trợ nhà ở cho hộ nghèo"],
  SECURITY: ["Trộm cắp tài sản ban đêm", "Tín dụng đen tại khu công nghiệp"],
  ENVIRONMENT: ["Ô nhiễm từ cơ sở chăn nuôi", "Rác thải sinh hoạt chưa được thu gom"],
  DISASTER: ["Sạt lở bờ sông mùa mưa", "Dịch sốt xuất huyết gia tăng"],
  RELIGION: ["Hoạt động tôn giáo tại điểm nhóm mới"],
  POLITICAL_EVENTS: ["Kỳ họp Quốc hội", "Bầu cử đại biểu Hội đồng nhân dân"],
  HOLIDAYS: ["Chuẩn bị Tết Nguyên đán", "Quản lý lễ hội đầu xuân"],
};

/** Direction weights per topic group: skewed, not uniform. [approve, oppose, worried, unclear] */
export const DIRECTION_WEIGHTS: Record<string, readonly number[]> = {
  economy: [2, 3, 6, 1],
  society: [4, 1, 4, 1],
  politics: [7, 1, 2, 1],
  security: [3, 2, 4, 2],
};
